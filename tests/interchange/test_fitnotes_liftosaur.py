"""FitNotes (Android old and new, iOS) and Liftosaur."""

from __future__ import annotations

from datetime import datetime

import pytest

from fitrec.catalog import Catalog
from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.interchange.model import UnitRequiredError
from fitrec.interchange.reading import read_foreign
from tests.interchange.conftest import fixture_text


def test_one_fitnotes_day_is_one_session(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("fitnotes_android.csv"), catalog)
    assert [len(s.sets) for s in batch.sessions] == [2, 1]
    bench, raise_ = batch.sessions[0].sets
    assert bench.exercise_slug == "barbell-bench-press" and bench.note == "Good, solid"
    assert (raise_.weight, raise_.unit) == (25.0, Unit.LB)
    assert raise_.exercise_slug == "lateral-raise"
    assert batch.sessions[0].started_at == datetime(2021, 3, 4)


def test_old_android_unit_in_the_header(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("fitnotes_android_old.csv"), catalog)
    assert (batch.sessions[0].sets[0].weight, batch.sessions[0].sets[0].unit) == (225.0, Unit.LB)


def test_ios_weights_snap_to_the_unit_they_were_entered_in(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("fitnotes_ios.csv"), catalog)
    squat, treadmill = batch.sessions[0].sets
    assert (squat.weight, squat.unit) == (100.0, Unit.LB)
    assert treadmill.exercise_slug.startswith("custom-")
    assert treadmill.note is not None and "5.0 km" in treadmill.note


def test_an_empty_unit_needs_the_user(catalog: Catalog) -> None:
    with pytest.raises(UnitRequiredError):
        read_foreign(fixture_text("fitnotes_empty_unit.csv"), catalog)
    batch = read_foreign(fixture_text("fitnotes_empty_unit.csv"), catalog, unit=Unit.KG)
    assert batch.sessions[0].sets[0].unit is Unit.KG


def test_liftosaur_sets_with_program_day_warmups_and_rpe(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("liftosaur.csv"), catalog)
    session = batch.sessions[0]
    assert (session.program_name, session.workout_name) == ("GZCLP", "Day 1")
    warm, top = session.sets
    assert warm.set_type is SetType.WARMUP and top.set_type is SetType.WORKING
    assert (top.weight, top.reps, top.rpe, top.note) == (120.0, 3, 8.0, "heavy")
    assert top.performed_at == datetime(2024, 2, 2, 17, 10)
