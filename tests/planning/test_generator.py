"""The generator: clean by construction over the whole input space, explained, deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitrec.catalog import default_catalog
from fitrec.domain.programs import Level, Phase, Program
from fitrec.planning.generator import PHASES, PlanRequest, check_request, generate
from fitrec.planning.landmarks import LANDMARKS, PlanMuscle, weekly_sets, within
from fitrec.planning.menu import COMPOUNDS, ISOLATIONS, Equipment
from fitrec.planning.timing import workout_seconds
from fitrec.rules import Severity, lint_program
from fitrec.textformat import format_program, parse_program

CATALOG = default_catalog()

requests = st.builds(
    PlanRequest,
    days=st.integers(2, 6),
    minutes=st.integers(30, 120),
    level=st.sampled_from(list(Level)),
    equipment=st.lists(st.sampled_from(list(Equipment)), min_size=1, unique=True).map(tuple),
    focus=st.lists(st.sampled_from(list(PlanMuscle)), unique=True).map(tuple),
    phase=st.sampled_from(PHASES),
    training_age_months=st.none() | st.integers(0, 240),
    seed=st.none() | st.integers(0, 2**32),
)


def serious(program: Program) -> list[str]:
    """Errors and warnings the linter finds in the program as written in the notation."""
    text = format_program(program)
    findings = lint_program(parse_program(text), CATALOG)
    return [str(f) for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]


def slugs(program: Program) -> list[str]:
    return [e.exercise_slug or "" for w in program.workouts for b in w.blocks for e in b.entries]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests)
def test_every_generated_program_lints_with_no_error_and_no_warning(request: PlanRequest) -> None:
    assert check_request(request) == []
    plan = generate(request, CATALOG)
    assert serious(plan.program) == []
    assert len(plan.program.workouts) == request.days
    for workout, minutes in zip(plan.program.workouts, plan.session_minutes, strict=True):
        assert workout_seconds(workout) <= request.minutes * 60
        assert minutes <= request.minutes
    kit = {e.value for e in request.equipment}
    assert all(CATALOG.get(slug).equipment in kit for slug in slugs(plan.program))
    assert generate(request, CATALOG).program == plan.program  # same inputs, same program


@settings(max_examples=150, deadline=None)
@given(requests)
def test_weekly_sets_are_counted_from_the_program_itself(request: PlanRequest) -> None:
    plan = generate(request, CATALOG)
    work = [
        (CATALOG.get(e.exercise_slug or ""), e.prescription.sets)
        for w in plan.program.workouts
        for b in w.blocks
        for e in b.entries
    ]
    assert weekly_sets(work) == plan.weekly_sets


@settings(max_examples=150, deadline=None)
@given(
    requests.filter(lambda r: r.days * r.minutes >= 180 and len(r.focus) <= 2).map(
        lambda r: PlanRequest(
            r.days, r.minutes, r.level, tuple(Equipment), r.focus, r.phase, r.training_age_months
        )
    )
)
def test_with_room_and_all_equipment_weekly_sets_sit_between_the_landmarks(
    request: PlanRequest,
) -> None:
    plan = generate(request, CATALOG)
    assert within(plan.weekly_sets, request.focus) == [], plan.weekly_sets


@settings(max_examples=100, deadline=None)
@given(requests)
def test_every_muscle_gets_a_line_of_explanation(request: PlanRequest) -> None:
    plan = generate(request, CATALOG)
    for muscle in PlanMuscle:
        assert any(line.startswith(f"{muscle.value}") for line in plan.explanations), muscle
    for workout in plan.program.workouts:
        assert any(line.startswith(f"{workout.name}: about") for line in plan.explanations)


def test_the_issue_example_pairs_the_priority_muscles_and_explains_it() -> None:
    request = PlanRequest(3, 60, Level.INTERMEDIATE, focus=(PlanMuscle.CHEST, PlanMuscle.BACK))
    plan = generate(request, CATALOG)
    titles = [b.title or "" for w in plan.program.workouts for b in w.blocks]
    assert any("Chest" in t for t in titles) and any("Back" in t for t in titles)
    chest = next(line for line in plan.explanations if line.startswith("chest is a priority"))
    assert "Barbell Bench Press → Dumbbell Fly" in chest and "sets a week" in chest
    # Compounds first: every workout opens with a compound.
    for workout in plan.program.workouts:
        assert CATALOG.get(workout.blocks[0].entries[0].exercise_slug or "").is_compound


def test_a_seed_changes_the_exercises_and_is_repeatable() -> None:
    base = PlanRequest(4, 75, Level.ADVANCED, focus=(PlanMuscle.CHEST, PlanMuscle.SHOULDERS))
    programs = {
        format_program(generate(PlanRequest(**{**_fields(base), "seed": s}), CATALOG).program)
        for s in range(8)
    }
    assert len(programs) > 1
    again = PlanRequest(**{**_fields(base), "seed": 3})
    assert generate(again, CATALOG).program == generate(again, CATALOG).program


def _fields(request: PlanRequest) -> dict[str, object]:
    return {name: getattr(request, name) for name in PlanRequest.__dataclass_fields__}


def test_no_pairs_in_a_strength_phase_or_before_six_months() -> None:
    focus = (PlanMuscle.CHEST,)
    for request in (
        PlanRequest(3, 60, Level.INTERMEDIATE, focus=focus, phase=Phase.STRENGTH),
        PlanRequest(3, 60, Level.BEGINNER, focus=focus, training_age_months=3),
    ):
        plan = generate(request, CATALOG)
        assert all(len(b.entries) == 1 for w in plan.program.workouts for b in w.blocks)


def test_a_beginner_gets_one_pair_a_workout_on_two_days_at_most() -> None:
    request = PlanRequest(5, 90, Level.BEGINNER, focus=(PlanMuscle.CHEST, PlanMuscle.BACK))
    plan = generate(request, CATALOG)
    pairs = [sum(len(b.entries) == 2 for b in w.blocks) for w in plan.program.workouts]
    assert max(pairs) == 1 and sum(1 for p in pairs if p) <= 2


def test_a_short_week_says_which_muscle_falls_short_and_why() -> None:
    plan = generate(PlanRequest(2, 30, Level.BEGINNER, focus=(PlanMuscle.CHEST,)), CATALOG)
    short = [line for line in plan.explanations if "short of the goal" in line]
    assert short and all("30 minutes on 2 days" in line or "cap" in line for line in short)


def test_bad_requests_are_named() -> None:
    fields = {f for f, _ in check_request(PlanRequest(days=7, minutes=20, equipment=()))}
    assert fields == {"days", "minutes", "equipment"}


def test_every_listed_exercise_is_in_the_catalogue_with_the_right_mechanic() -> None:
    for muscle in PlanMuscle:
        assert all(CATALOG.get(s).is_compound for s in COMPOUNDS[muscle])
        assert all(CATALOG.get(s).is_isolation for s in ISOLATIONS[muscle])
        assert set(LANDMARKS) == set(PlanMuscle)
