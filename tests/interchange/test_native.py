"""Native JSON is lossless: export -> import -> export is a fixed point."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fitrec.domain.exercises import Exercise, LoadKind, Mechanic
from fitrec.domain.muscles import Muscle
from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.interchange.model import InterchangeError
from fitrec.interchange.native import NativeDocument, dump_native, load_native

texts = st.one_of(st.none(), st.text(max_size=30))
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
)
performed_sets = st.builds(
    PerformedSet,
    exercise_slug=st.sampled_from(["barbell-bench-press", "cable-fly", "custom-yoke"]),
    weight=st.floats(min_value=0, max_value=500, allow_nan=False),
    reps=st.integers(min_value=0, max_value=1000),
    unit=st.sampled_from(Unit),
    set_type=st.sampled_from(SetType),
    block_label=st.one_of(st.none(), st.sampled_from(["A", "B"])),
    position=st.one_of(st.none(), st.integers(1, 3)),
    set_index=st.integers(1, 10),
    rpe=st.one_of(st.none(), st.sampled_from([6.0, 7.5, 10.0])),
    rir=st.one_of(st.none(), st.floats(0, 10, allow_nan=False)),
    rest_before_s=st.one_of(st.none(), st.integers(0, 3600)),
    note=texts,
    id=st.one_of(st.none(), st.uuids().map(lambda u: u.hex)),
    performed_at=st.one_of(st.none(), moments),
    flagged=st.booleans(),
)
feedbacks = st.builds(
    Feedback,
    block_label=st.sampled_from(["A", "B"]),
    pump=st.one_of(st.none(), st.integers(1, 5)),
    exhaustion=st.one_of(st.none(), st.integers(1, 5)),
    note=texts,
)
sessions = st.builds(
    Session,
    started_at=moments,
    sets=st.lists(performed_sets, max_size=5),
    feedback=st.lists(feedbacks, max_size=2),
    workout_name=texts,
    program_name=texts,
    finished_at=st.one_of(st.none(), moments.map(lambda m: m + timedelta(hours=1))),
    note=texts,
    id=st.one_of(st.none(), st.uuids().map(lambda u: u.hex)),
    import_key=st.one_of(st.none(), st.text(min_size=1, max_size=20)),
    source=st.one_of(st.none(), st.sampled_from(["strong", "hevy"])),
    program_id=st.one_of(st.none(), st.just("p1")),
)
YOKE = Exercise(
    slug="custom-yoke",
    name="Yoke 🐂",
    mechanic=Mechanic.COMPOUND,
    prime_movers=(Muscle.QUADS, Muscle.GLUTES),
    synergists=(Muscle.ERECTORS,),
    equipment="other",
    load_kind=LoadKind.MACHINE,
    aliases=("yoke carry",),
    legs=True,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(sessions, max_size=4), st.sampled_from([set(), {"custom-yoke"}]))
def test_export_import_export_is_a_fixed_point(items: list[Session], review: set[str]) -> None:
    document = NativeDocument(
        sessions=items,
        programs=[{"id": "p1", "name": "P", "text": "program: P\n", "template": None}],
        custom_exercises=[YOKE],
        needs_review=review,
        profile={"unit": "kg", "plates": {"20": 2}},
    )
    first = dump_native(document)
    loaded = load_native(first)
    assert loaded.sessions == items
    assert loaded.custom_exercises == [YOKE]
    assert loaded.needs_review == review
    assert loaded.programs == document.programs
    assert dump_native(loaded) == first


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2", "line 1, column 6: not valid JSON"),
        ('{"format": "other"}', "not a fitrec export"),
        ('{"format": "fitrec", "version": 99}', "newer"),
        (
            '{"format": "fitrec", "version": 1, "sessions": [{"started_at": "2020-01-01T10:00:00",'
            ' "sets": [{"exercise": "x", "weight": 1, "reps": "many"}]}]}',
            "sessions[0].sets[0].reps",
        ),
    ],
)
def test_broken_documents_say_where(text: str, message: str) -> None:
    with pytest.raises(InterchangeError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_native(text)


def test_customs_from_a_file_without_their_review_state_await_review() -> None:
    text = (
        '{"format": "fitrec", "version": 1, "custom_exercises": [{"slug": "custom-yoke",'
        ' "name": "Yoke", "mechanic": "compound"}]}'
    )
    assert load_native(text).needs_review == {"custom-yoke"}
