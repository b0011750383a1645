"""Every record of the shipped catalogue is a valid, anatomically classified exercise."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from fitrec.catalog import default_catalog, exercise_from_record
from fitrec.catalog.normalize import name_key
from fitrec.domain.exercises import Mechanic
from fitrec.domain.muscles import Muscle, MuscleGroup

RECORDS = json.loads(
    resources.files("fitrec.catalog").joinpath("exercises.json").read_text(encoding="utf-8")
)
FIELDS = {
    "slug",
    "name",
    "aliases",
    "mechanic",
    "prime_movers",
    "synergists",
    "equipment",
    "load_kind",
    "legs",
}
REQUIRED_SLUGS = [
    "barbell-bench-press",
    "incline-bench-press",
    "dumbbell-bench-press",
    "dips",
    "dumbbell-fly",
    "cable-fly",
    "pec-deck",
    "barbell-row",
    "pull-up",
    "chin-up",
    "lat-pulldown",
    "straight-arm-pulldown",
    "dumbbell-pullover",
    "overhead-press",
    "arnold-press",
    "dumbbell-shoulder-press",
    "lateral-raise",
    "front-raise",
    "rear-delt-fly",
    "face-pull",
    "barbell-squat",
    "front-squat",
    "leg-press",
    "hack-squat",
    "leg-extension",
    "romanian-deadlift",
    "stiff-leg-deadlift",
    "lying-leg-curl",
    "seated-leg-curl",
    "deadlift",
    "close-grip-bench-press",
    "cable-pushdown",
    "overhead-triceps-extension",
    "skull-crusher",
    "barbell-curl",
    "dumbbell-curl",
    "hammer-curl",
    "calf-raise",
    "hip-thrust",
]


def test_the_catalogue_has_at_least_200_exercises() -> None:
    assert len(RECORDS) >= 220
    assert len(default_catalog()) == len(RECORDS)


def test_records_are_sorted_by_slug_and_slugs_are_unique() -> None:
    slugs = [r["slug"] for r in RECORDS]
    assert slugs == sorted(slugs)
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize("record", RECORDS, ids=[r["slug"] for r in RECORDS])
def test_every_record_is_valid(record: dict[str, object]) -> None:
    assert set(record) == FIELDS
    exercise = exercise_from_record(record)
    assert exercise.prime_movers, "needs a prime mover"
    assert not set(exercise.prime_movers) & set(exercise.synergists)
    assert len(set(exercise.prime_movers)) == len(exercise.prime_movers)
    assert exercise.slug == exercise.slug.lower() and " " not in exercise.slug
    if exercise.legs:
        assert exercise.is_compound, "legs marks lower-body compounds only"


def test_every_required_slug_is_present() -> None:
    catalog = default_catalog()
    missing = [s for s in REQUIRED_SLUGS if s not in catalog]
    assert not missing


def test_names_and_aliases_are_unique_across_exercises_after_normalisation() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for record in RECORDS:
        for spelling in {record["name"], *record["aliases"]}:
            key = name_key(spelling)
            if owner.setdefault(key, record["slug"]) != record["slug"]:
                clashes.append((spelling, owner[key], record["slug"]))
    assert not clashes


def test_every_muscle_and_group_is_used_somewhere() -> None:
    used = {m for e in default_catalog() for m in (*e.prime_movers, *e.synergists)}
    assert set(Muscle) - used == set()
    assert {g for e in default_catalog() for g in e.groups} == set(MuscleGroup)


def _get(slug: str) -> tuple[set[Muscle], set[Muscle], Mechanic]:
    exercise = default_catalog().get(slug)
    return set(exercise.prime_movers), set(exercise.synergists), exercise.mechanic


def test_pressing_classification() -> None:
    prime, syn, mech = _get("barbell-bench-press")
    assert prime == {Muscle.CHEST} and {Muscle.FRONT_DELTS, Muscle.TRICEPS} <= syn
    assert mech is Mechanic.COMPOUND
    assert Muscle.UPPER_CHEST in _get("incline-bench-press")[0]
    assert {Muscle.TRICEPS, Muscle.CHEST} <= _get("close-grip-bench-press")[0]
    prime, syn, _ = _get("dips")
    assert {Muscle.CHEST, Muscle.TRICEPS} <= prime and Muscle.FRONT_DELTS in syn
    for slug in ("overhead-press", "arnold-press", "dumbbell-shoulder-press"):
        prime, syn, _ = _get(slug)
        assert prime == {Muscle.FRONT_DELTS, Muscle.SIDE_DELTS}
        assert {Muscle.TRICEPS, Muscle.UPPER_TRAPS} <= syn


def test_pulling_classification() -> None:
    prime, syn, _ = _get("barbell-row")
    assert prime == {Muscle.LATS, Muscle.RHOMBOIDS, Muscle.MIDDLE_TRAPS}
    assert {Muscle.REAR_DELTS, Muscle.BICEPS, Muscle.BRACHIALIS, Muscle.ERECTORS} <= syn
    for slug in ("pull-up", "chin-up", "lat-pulldown"):
        prime, syn, _ = _get(slug)
        assert Muscle.LATS in prime
        assert {Muscle.BICEPS, Muscle.BRACHIALIS, Muscle.RHOMBOIDS, Muscle.LOWER_TRAPS} <= syn
    for slug in ("straight-arm-pulldown", "dumbbell-pullover"):
        prime, _, mech = _get(slug)
        assert Muscle.LATS in prime and mech is Mechanic.ISOLATION
    assert {Muscle.CHEST, Muscle.TRICEPS} <= _get("dumbbell-pullover")[1]


def test_isolation_classification() -> None:
    expected = {
        "lateral-raise": Muscle.SIDE_DELTS,
        "front-raise": Muscle.FRONT_DELTS,
        "rear-delt-fly": Muscle.REAR_DELTS,
        "reverse-pec-deck": Muscle.REAR_DELTS,
        "leg-extension": Muscle.QUADS,
        "lying-leg-curl": Muscle.HAMSTRINGS,
        "seated-leg-curl": Muscle.HAMSTRINGS,
        "cable-pushdown": Muscle.TRICEPS,
        "rope-pushdown": Muscle.TRICEPS,
        "overhead-triceps-extension": Muscle.TRICEPS,
        "skull-crusher": Muscle.TRICEPS,
        "barbell-curl": Muscle.BICEPS,
        "dumbbell-curl": Muscle.BICEPS,
        "hammer-curl": Muscle.BRACHIALIS,
        "calf-raise": Muscle.CALVES,
    }
    for slug, muscle in expected.items():
        prime, _, mech = _get(slug)
        assert prime == {muscle}, slug
        assert mech is Mechanic.ISOLATION, slug
    assert Muscle.FOREARM_FLEXORS in _get("hammer-curl")[1]
    assert _get("face-pull")[0] == {Muscle.REAR_DELTS}


def test_leg_compounds_are_marked_legs() -> None:
    catalog = default_catalog()
    for slug in ("barbell-squat", "front-squat", "leg-press", "hack-squat"):
        assert catalog.get(slug).legs
        assert set(catalog.get(slug).prime_movers) == {Muscle.QUADS, Muscle.GLUTES}
    for slug in ("romanian-deadlift", "stiff-leg-deadlift"):
        prime, syn, _ = _get(slug)
        assert prime == {Muscle.HAMSTRINGS, Muscle.GLUTES} and Muscle.ERECTORS in syn
        assert catalog.get(slug).legs
    assert not catalog.get("barbell-bench-press").legs
    assert not catalog.get("leg-extension").legs
