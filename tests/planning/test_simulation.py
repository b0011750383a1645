"""The simulated lifters, a small seeded sample: each kind gets what it should ≥ 95 % of runs."""

from __future__ import annotations

from fitrec.catalog import default_catalog
from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import Entry
from fitrec.planning.simulation import LifterKind, decline_week, expected, rates, simulate

CATALOG = default_catalog()


def resolve(entry: Entry) -> Exercise | None:
    if entry.exercise_slug:
        return CATALOG.get(entry.exercise_slug)
    match = CATALOG.lookup(entry.name)
    return match.exercise if match else None


def test_each_kind_gets_what_it_should_in_at_least_95_percent_of_40_runs() -> None:
    found = rates(40, resolve, seed=7)
    assert all(rate >= 0.95 for rate in found.values()), found


def test_the_kinds_differ_as_described() -> None:
    good = simulate(LifterKind.RECOVERS, 1, resolve)
    over = simulate(LifterKind.OVERREACHES, 1, resolve)
    flat = simulate(LifterKind.FLAT, 1, resolve)
    assert good.weeks[-1].isolation_sets > good.weeks[0].isolation_sets
    assert decline_week(good) is None and decline_week(flat) is None
    assert decline_week(over) is not None
    assert any(r.kind.value == "deload" for r in over.weeks)
    assert all(expected(run) for run in (good, over, flat))


def test_a_run_is_repeatable_from_its_seed() -> None:
    assert simulate(LifterKind.FLAT, 3, resolve) == simulate(LifterKind.FLAT, 3, resolve)
