"""Pairs: an isolation finishes a compound only if it hits one of its prime movers."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.catalog import default_catalog
from fitrec.domain.exercises import Exercise
from fitrec.domain.muscles import Muscle, same_target
from fitrec.domain.pairs import (
    block_kind,
    compounds_for,
    intended_as_pair,
    is_post_exhaust,
    isolations_for,
    logged_pair,
    partners_for,
    shared_prime_movers,
)
from fitrec.domain.programs import Intent

CATALOG = default_catalog()

# The article's classic combinations, every alternative on each side.
ARTICLE_PAIRS = [
    (("barbell-bench-press", "dips"), ("dumbbell-fly", "cable-fly")),
    (("barbell-row", "pull-up"), ("straight-arm-pulldown", "dumbbell-pullover")),
    (("overhead-press", "arnold-press"), ("lateral-raise", "front-raise")),
    (("barbell-squat", "leg-press"), ("leg-extension",)),
    (("romanian-deadlift", "stiff-leg-deadlift"), ("lying-leg-curl", "seated-leg-curl")),
    (("close-grip-bench-press", "dips"), ("cable-pushdown", "overhead-triceps-extension")),
]
CLASSIC = [
    (c, i)
    for compounds, isolations in ARTICLE_PAIRS
    for c, i in itertools.product(compounds, isolations)
]


@pytest.mark.parametrize(("compound", "isolation"), CLASSIC)
def test_every_classic_pair_of_the_article_is_valid(compound: str, isolation: str) -> None:
    c, i = CATALOG.get(compound), CATALOG.get(isolation)
    assert c.is_compound and i.is_isolation
    assert is_post_exhaust(c, i)
    assert shared_prime_movers(c, i)


@pytest.mark.parametrize(
    ("compound", "isolation"),
    [
        ("barbell-bench-press", "cable-pushdown"),
        ("barbell-row", "barbell-curl"),
        ("overhead-press", "rear-delt-fly"),
        ("barbell-squat", "lying-leg-curl"),
        ("lat-pulldown", "hammer-curl"),
        ("overhead-press", "skull-crusher"),
    ],
)
def test_a_synergist_is_not_enough(compound: str, isolation: str) -> None:
    c, i = CATALOG.get(compound), CATALOG.get(isolation)
    assert not is_post_exhaust(c, i)
    assert shared_prime_movers(c, i) == ()


def test_the_shared_muscle_is_named() -> None:
    ohp = CATALOG.get("overhead-press")
    assert shared_prime_movers(ohp, CATALOG.get("lateral-raise")) == (Muscle.SIDE_DELTS,)
    incline = CATALOG.get("incline-bench-press")
    assert shared_prime_movers(incline, CATALOG.get("cable-fly")) == (Muscle.CHEST,)
    # Chest heads count as one target, so flat bench -> incline fly still pairs.
    assert is_post_exhaust(CATALOG.get("barbell-bench-press"), CATALOG.get("incline-dumbbell-fly"))


def test_isolations_for_a_compound_are_all_valid_isolations() -> None:
    bench = CATALOG.get("barbell-bench-press")
    found = isolations_for(bench, CATALOG)
    slugs = {e.slug for e in found}
    assert {"dumbbell-fly", "cable-fly", "pec-deck"} <= slugs
    assert "cable-pushdown" not in slugs
    assert all(e.is_isolation for e in found)


EXERCISES = list(CATALOG)


@given(st.sampled_from(EXERCISES), st.sampled_from(EXERCISES))
def test_validity_matches_the_shared_prime_movers(a: object, b: object) -> None:
    compound, isolation = CATALOG.get(a.slug), CATALOG.get(b.slug)  # type: ignore[attr-defined]
    shared = shared_prime_movers(compound, isolation)
    expected = compound.is_compound and isolation.is_isolation and bool(shared)
    assert is_post_exhaust(compound, isolation) == expected
    assert set(shared) <= set(isolation.prime_movers)
    assert all(any(same_target(m, p) for p in compound.prime_movers) for m in shared)


def ex(slug: str) -> Exercise:
    return CATALOG.get(slug)


def test_block_kind_and_intent() -> None:
    bench, fly, pushdown = ex("barbell-bench-press"), ex("cable-fly"), ex("cable-pushdown")
    assert block_kind([bench, fly]) is Intent.POST_EXHAUST
    assert block_kind([fly, bench]) is Intent.PRE_EXHAUST
    assert block_kind([bench, pushdown]) is Intent.SUPERSET
    assert block_kind([bench]) is Intent.STRAIGHT
    # A mismatched compound -> isolation is meant as a pair (the linter says what is wrong)...
    assert intended_as_pair(None, [bench, pushdown])
    assert intended_as_pair(Intent.POST_EXHAUST, [bench, None])
    assert not intended_as_pair(Intent.SUPERSET, [bench, fly])
    assert not intended_as_pair(None, [bench, None])
    # ...but a logged one is a superset: its isolation did not pre-tire the compound's muscle.
    assert logged_pair([bench, pushdown]) is None


def test_a_logged_pair_is_the_first_compound_and_the_isolation_after_it() -> None:
    bench, fly, squat = ex("barbell-bench-press"), ex("cable-fly"), ex("barbell-squat")
    assert logged_pair([bench, fly]) == (0, 1)
    assert logged_pair([None, bench, squat, fly]) == (1, 3)
    assert logged_pair([fly, bench]) is None
    assert logged_pair([bench, ex("cable-pushdown"), fly]) is None
    assert logged_pair([bench]) is None


def test_partners_in_both_directions_are_ranked_and_deterministic() -> None:
    bench, fly = ex("barbell-bench-press"), ex("dumbbell-fly")
    isolations = [e.slug for e in partners_for(bench, CATALOG)]
    assert isolations[:2] == ["dumbbell-fly", "cable-fly"]
    assert isolations == [e.slug for e in partners_for(bench, reversed(list(CATALOG)))]
    compounds = [e.slug for e in partners_for(fly, CATALOG)]
    assert compounds[0] == "barbell-bench-press"
    assert all(ex(s).is_compound and is_post_exhaust(ex(s), fly) for s in compounds)
    assert compounds == [e.slug for e in partners_for(fly, reversed(list(CATALOG)))]
    # The lateral raise finishes presses for the side delts, not the bench press.
    raises = [e.slug for e in compounds_for(ex("lateral-raise"), CATALOG)]
    assert "overhead-press" in raises and "barbell-bench-press" not in raises
