"""Hevy: kg and lb, set types, RPE, supersets as blocks and post-exhaust pairs."""

from __future__ import annotations

from datetime import datetime

import pytest

from fitrec.catalog import Catalog
from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.interchange.model import UnitRequiredError
from fitrec.interchange.reading import read_foreign
from tests.interchange.conftest import fixture_text


def test_sessions_come_oldest_first_with_times(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("hevy_kg.csv"), catalog)
    assert [s.started_at for s in batch.sessions] == [
        datetime(2025, 9, 12, 7, 7),
        datetime(2025, 9, 15, 7, 48),
    ]
    push = batch.sessions[1]
    assert push.finished_at == datetime(2025, 9, 15, 8, 50)
    assert push.note == "Great 🔥\nsession"


def test_a_superset_becomes_one_block_done_in_turns(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("hevy_kg.csv"), catalog)
    push = batch.sessions[1]
    order = [(p.block_label, p.position, p.exercise_slug, p.set_type) for p in push.sets]
    # The warm-up comes first; rounds count working sets, so the first working bench set
    # is done fresh, before the first fly.
    assert order == [
        ("A", 1, "barbell-bench-press", SetType.WARMUP),
        ("A", 1, "barbell-bench-press", SetType.WORKING),
        ("A", 2, "cable-fly", SetType.WORKING),
        ("A", 1, "barbell-bench-press", SetType.WORKING),
        ("A", 2, "cable-fly", SetType.FAILURE),
        ("B", 1, "pull-up", SetType.WORKING),
    ]


def test_a_warmed_up_superset_still_gives_a_fresh_compound_set(catalog: Catalog) -> None:
    from fitrec.analytics.e1rm import fresh_compound_sets

    push = read_foreign(fixture_text("hevy_kg.csv"), catalog).sessions[1]
    fresh = fresh_compound_sets(push, catalog.get)
    assert [(p.exercise_slug, p.set_type) for p in fresh][:1] == [
        ("barbell-bench-press", SetType.WORKING)
    ]


def test_bench_then_flies_is_recognised_as_a_post_exhaust_pair(catalog: Catalog) -> None:
    assert read_foreign(fixture_text("hevy_kg.csv"), catalog).pairs == 1


def test_set_types_rpe_notes_and_bodyweight(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("hevy_kg.csv"), catalog)
    legs, push = batch.sessions
    assert legs.sets[0].set_type is SetType.DROP
    bench = [p for p in push.sets if p.exercise_slug == "barbell-bench-press"]
    assert [p.set_type for p in bench] == [SetType.WARMUP, SetType.WORKING, SetType.WORKING]
    assert [p.rpe for p in bench] == [None, 8.5, 9.0]
    assert bench[0].note == "Elbows in" and bench[1].note is None
    fly = [p for p in push.sets if p.exercise_slug == "cable-fly"]
    assert fly[1].set_type is SetType.FAILURE
    pull_up = push.sets[-1]
    assert (pull_up.weight, pull_up.reps) == (0.0, 10)


def test_pounds_file(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("hevy_lbs.csv"), catalog)
    pulldown, running = batch.sessions[0].sets
    assert (pulldown.weight, pulldown.unit) == (150.0, Unit.LB)
    assert running.note is not None and "2 miles" in running.note


def test_without_its_header_the_unit_comes_from_the_user(catalog: Catalog) -> None:
    body = fixture_text("hevy_lbs.csv").split("\n", 1)[1]
    with pytest.raises(UnitRequiredError, match="kg or lb"):
        read_foreign(body, catalog)
    pulldown, running = read_foreign(body, catalog, unit=Unit.LB).sessions[0].sets
    assert (pulldown.weight, pulldown.unit) == (150.0, Unit.LB)
    assert running.note is not None and "distance 2;" in running.note  # no unit guessed
