"""Name normalisation: what two spellings of one exercise have in common."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.catalog.normalize import fold, name_key, tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bench Press (Barbell)", "Barbell Bench Press"),
        ("DB Curl", "Dumbbell Curl"),
        ("BB Row", "barbell rows"),
        ("Dumbbell Flies", "dumbbell fly"),
        ("Cable Flyes", "Cable Fly"),
        ("Lateral Raises", "lateral raise"),
        ("Squats", "squat"),
        ("Pull-Ups", "pull up"),
        ("Pullups", "pull-up"),
        ("Triceps Pushdown", "tricep pushdown"),
        ("Press, Bench", "bench press"),
        ("Calf Raises", "calf raise"),
        ("Farmer's Walk", "farmers walk"),
        ("Crème Curl", "creme curl"),
    ],
)
def test_spellings_of_one_exercise_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Low-to-High Cable Fly", "High-to-Low Cable Fly"),
        ("Dumbbell Curl", "Barbell Curl"),
        ("Press", "Bench Press"),
    ],
)
def test_different_exercises_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_parenthesised_equipment_moves_to_the_front() -> None:
    assert tokens("Bench Press (Barbell)") == ("barbell", "bench", "press")


def test_a_lone_to_does_not_become_a_direction_when_a_key_is_read_again() -> None:
    key = name_key("TO:0:U")
    assert name_key(key) == key


def test_words_that_only_look_plural_stay() -> None:
    assert tokens("Biceps Press Abs") == ("biceps", "press", "abs")


@given(st.text(max_size=40))
def test_keys_are_stable_and_ignore_case_and_order(text: str) -> None:
    key = name_key(text)
    assert name_key(key) == key
    if text.isascii():
        assert name_key(text.upper()) == name_key(text.lower())
    if "to" not in tokens(text) and not any("-to-" in word for word in tokens(text)):
        assert name_key(" ".join(reversed(text.split()))) == key
    assert fold(text) == fold(fold(text))
