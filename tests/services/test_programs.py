"""Programs and templates through the services: text -> database -> text unchanged."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitrec.services import programs
from fitrec.services.errors import Conflict, InvalidInput, NotFound
from fitrec.services.templates import copy_template, get_template, list_templates
from fitrec.textformat import format_program, parse_program

ARTICLE_TEMPLATES = [
    "Chest post-exhaust",
    "Back post-exhaust",
    "Shoulder post-exhaust",
    "Quadriceps post-exhaust",
    "Hamstrings post-exhaust",
    "Triceps post-exhaust",
    "Sample post-exhaust full body",
]

PUSH = """program: Push
phase: hypertrophy
level: intermediate
training age: 2 years

## Day A

Post-Exhaust Pair 1 - Chest:
A1. Barbell Bench Press: 4×6-10 @ 80% 1RM, 2 RIR
→ Rest 60 seconds
A2. Cable Flies: 4×15 @ 0-1 RIR (finisher)
→ Rest 2 minutes

B. Dips: 3×10 @ 20 kg

## Day B

A1. Overhead Press: 3×8 @ RPE 8
→ Rest 1:30
A2. Lateral Raises: 3×15
"""


def test_every_article_template_is_built_in() -> None:
    assert [t.name for t in list_templates()] == ARTICLE_TEMPLATES


@pytest.mark.parametrize("name", ARTICLE_TEMPLATES)
def test_each_template_copies_and_exports_as_written(make_uow, owner_id: int, name: str) -> None:
    record = copy_template(make_uow, owner_id, name)
    assert record.template == name
    text = programs.export_text(make_uow, owner_id, name)
    assert text == format_program(parse_program(get_template(name).text))


def test_text_database_text_is_unchanged(make_uow, owner_id: int) -> None:
    canonical = format_program(parse_program(PUSH))
    record = programs.create_program(make_uow, owner_id, canonical)
    assert programs.export_text(make_uow, owner_id, record.id) == canonical
    entry = record.program.workouts[0].blocks[0].entries[0]
    assert entry.exercise_slug == "barbell-bench-press"


def test_parse_error_names_line_and_column_and_stores_nothing(make_uow, owner_id: int) -> None:
    with pytest.raises(InvalidInput) as error:
        programs.create_program(make_uow, owner_id, "program: X\n\n## D\nA1. Bench: four\n")
    assert error.value.field == "text" and "line 4" in error.value.message
    assert programs.list_programs(make_uow, owner_id) == []


def test_unknown_exercise_names_its_line(make_uow, owner_id: int) -> None:
    text = "program: X\n\n## D\n\nA1. Bench Press: 4×8\nA2. Zorbatron Press: 4×8\n"
    with pytest.raises(InvalidInput) as error:
        programs.create_program(make_uow, owner_id, text)
    assert error.value.field == "text"
    assert error.value.message.startswith("line 6, column 5: unknown exercise 'Zorbatron Press'")
    assert programs.list_programs(make_uow, owner_id) == []


def test_edit_clone_delete(make_uow, owner_id: int, other_owner_id: int) -> None:
    record = programs.create_program(make_uow, owner_id, PUSH)
    edited = programs.edit_program(make_uow, owner_id, record.id, PUSH.replace("4×15", "3×12"))
    assert edited.id == record.id
    assert edited.program.workouts[0].blocks[0].entries[1].prescription.sets == 3
    clone = programs.clone_program(make_uow, owner_id, "push")
    assert clone.program.name == "Push (copy)" and clone.id != record.id
    assert programs.clone_program(make_uow, owner_id, "push").program.name == "Push (copy 2)"
    with pytest.raises(Conflict):
        programs.clone_program(make_uow, owner_id, "push", "Push (copy)")
    with pytest.raises(Conflict):
        programs.create_program(make_uow, owner_id, PUSH)
    with pytest.raises(NotFound):
        programs.delete_program(make_uow, other_owner_id, record.id)
    with pytest.raises(NotFound):
        programs.edit_program(make_uow, other_owner_id, record.id, PUSH)
    programs.delete_program(make_uow, owner_id, record.id)
    names = [p.name for p in programs.list_programs(make_uow, owner_id)]
    assert names == ["Push (copy 2)", "Push (copy)"] or names == ["Push (copy)", "Push (copy 2)"]


def test_a_failed_edit_leaves_the_program_as_it_was(make_uow, owner_id: int) -> None:
    record = programs.create_program(make_uow, owner_id, PUSH)
    before = programs.export_text(make_uow, owner_id, record.id)
    with pytest.raises(InvalidInput):
        programs.edit_program(make_uow, owner_id, record.id, PUSH.replace("Dips", "Dipz Zorb"))
    assert programs.export_text(make_uow, owner_id, record.id) == before


NAMES = ["Bench Press", "Cable Flies", "Barbell Squats", "Leg Extensions", "Lateral Raises"]
prescriptions = st.builds(
    lambda sets, lo, extra, load: f"{sets}×{lo}{'-' + str(lo + extra) if extra else ''}{load}",
    st.integers(1, 6),
    st.integers(1, 20),
    st.integers(0, 5),
    st.sampled_from(["", " @ 80% 1RM", " @ RPE 8", " @ 0 RIR", " @ 100 kg", " @ 75% 1RM, 2 RIR"]),
)
blocks = st.lists(
    st.tuples(st.sampled_from(NAMES), prescriptions, st.sampled_from([None, 45, 60, 90, 150])),
    min_size=1,
    max_size=3,
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(workout=st.lists(blocks, min_size=1, max_size=3))
def test_any_program_round_trips_through_the_database(make_uow, owner_id: int, workout) -> None:
    lines = [f"program: Generated {id(workout)}", "", "## Day A", ""]
    for b, block in enumerate(workout):
        letter = "ABC"[b]
        for e, (name, prescription, rest) in enumerate(block, start=1):
            lines.append(f"{letter}{e}. {name}: {prescription}")
            if rest is not None:
                lines.append(f"→ Rest {rest} seconds")
        lines.append("")
    canonical = format_program(parse_program("\n".join(lines)))
    record = programs.create_program(make_uow, owner_id, canonical)
    try:
        assert programs.export_text(make_uow, owner_id, record.id) == canonical
    finally:
        programs.delete_program(make_uow, owner_id, record.id)
