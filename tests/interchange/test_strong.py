"""Strong: header variants, rest-timer rows, set types, units, localised and missing headers."""

from __future__ import annotations

import pytest

from fitrec.catalog import Catalog
from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.interchange.model import InterchangeError, RowValueError, UnitRequiredError
from fitrec.interchange.reading import read_foreign
from fitrec.interchange.strong import read_strong
from tests.interchange.conftest import fixture_text


def test_rest_timer_rows_become_the_rest_before_the_next_set(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG)
    chest = batch.sessions[0]
    assert [p.rest_before_s for p in chest.sets[:3]] == [None, None, 90]
    assert sum(batch.rest_rows.values()) == 1
    assert len(chest.sets) == 5  # the rest row is not a set


def test_set_orders_become_set_types(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG)
    types = [p.set_type for p in batch.sessions[0].sets]
    assert types == [
        SetType.WARMUP,
        SetType.WORKING,
        SetType.WORKING,
        SetType.DROP,
        SetType.FAILURE,
    ]
    assert [p.set_index for p in batch.sessions[0].sets[:4]] == [1, 2, 3, 4]


def test_notes_duration_noise_and_quotes(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG)
    chest = batch.sessions[0]
    assert chest.note == "Felt good, strong"
    assert chest.sets[1].note == 'Paused, "tight"'
    assert chest.sets[1].rpe == 8
    assert chest.sets[2].weight == 150.0
    assert chest.finished_at is not None
    assert (chest.finished_at - chest.started_at).total_seconds() == 3900
    assert chest.workout_name == "Chest Day"


def test_cardio_rows_are_kept_with_their_distance_and_time(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG)
    running = batch.sessions[1].sets[-1]
    assert running.weight == 0 and running.reps == 0
    assert running.note is not None and "1800 s" in running.note


def test_without_a_unit_anywhere_the_unit_is_required(catalog: Catalog) -> None:
    with pytest.raises(UnitRequiredError, match="kg or lb"):
        read_foreign(fixture_text("strong_2020.csv"), catalog)


def test_unit_in_the_header(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2016_kg.csv"), catalog)
    assert {p.unit for s in batch.sessions for p in s.sets} == {Unit.KG}


def test_semicolon_file_mixing_kg_and_lbs_rows(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_semicolon_mixed.csv"), catalog)
    bench, curl = batch.sessions[0].sets
    assert (bench.weight, bench.unit) == (100.0, Unit.KG)
    assert (curl.weight, curl.unit) == (20.0, Unit.KG)  # 44.0924... lb snapped back
    assert batch.sessions[0].finished_at is not None


def test_fully_quoted_semicolon_variant(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_semicolon_quoted.csv"), catalog)
    session = batch.sessions[0]
    assert [p.exercise_slug for p in session.sets] == ["barbell-squat", "leg-extension"]
    assert session.sets[0].unit is Unit.KG
    assert session.finished_at is not None


@pytest.mark.parametrize(
    "name",
    [
        "strong_chinese.csv",
        "strong_french.csv",
        "strong_no_header.csv",
        "strong_semicolon_quoted_no_header.csv",
    ],
)
def test_translated_or_missing_headers_are_read_by_position(name: str, catalog: Catalog) -> None:
    batch = read_foreign(fixture_text(name), catalog, unit=Unit.LB)
    sets = [p for s in batch.sessions for p in s.sets]
    assert sets and all(p.reps > 0 and p.weight > 0 for p in sets)
    assert batch.sessions[0].finished_at is not None


def test_the_quoted_semicolon_variant_without_its_header_needs_the_unit(
    catalog: Catalog,
) -> None:
    text = fixture_text("strong_semicolon_quoted_no_header.csv")
    with pytest.raises(UnitRequiredError):
        read_foreign(text, catalog)
    session = read_foreign(text, catalog, unit=Unit.KG).sessions[0]
    assert [(p.exercise_slug, p.weight, p.reps) for p in session.sets] == [
        ("barbell-squat", 120.0, 5),
        ("leg-extension", 50.0, 15),
    ]
    assert session.workout_name == "Morning"


def test_a_translated_rest_timer_row_is_rest_not_a_set(catalog: Catalog) -> None:
    text = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes\n"
        "2020-01-01 10:00:00,A,Squat,1,100,5,,,\n"
        "2020-01-01 10:00:00,A,Squat,Minuterie de repos,0,0,0,120,\n"
        "2020-01-01 10:00:00,A,Squat,Rest Timer,0,0,0,,\n"
        "2020-01-01 10:00:00,A,Squat,2,100,5,,,\n"
    )
    batch = read_foreign(text, catalog, unit=Unit.KG)
    assert [p.rest_before_s for p in batch.sessions[0].sets] == [None, 120]
    assert sum(batch.rest_rows.values()) == 2


def test_a_quote_never_closed_is_an_error_not_a_swallowed_row(catalog: Catalog) -> None:
    text = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes\n"
        '2020-01-01 10:00:00,A,Squat,1,100,5,,,"oops\n'
        "2020-01-01 10:00:00,A,Squat,2,100,5,,,\n"
    )
    with pytest.raises(InterchangeError, match="row 2: broken CSV: a quoted field"):
        read_foreign(text, catalog, unit=Unit.KG)


def test_the_chinese_duration_is_understood() -> None:
    rows = list(read_strong(fixture_text("strong_chinese.csv"), Unit.KG))
    assert rows[0].duration_s == 4380


def test_crlf_bom_emoji_and_the_2025_header(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2025_crlf_bom.csv"), catalog, unit=Unit.KG)
    session = batch.sessions[0]
    assert session.workout_name == "Push 💪"
    assert session.sets[0].rpe == 8.5
    assert session.sets[0].exercise_slug == "overhead-press"


def test_windows_1252_files_are_decoded(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_cp1252.csv"), catalog, unit=Unit.KG)
    assert batch.sessions[0].workout_name == "Séance forte"
    assert batch.sessions[0].sets[0].note == "Très bien"


def test_typos_are_imported_but_flagged(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_no_duration.csv"), catalog, unit=Unit.LB)
    heavy, many = batch.sessions[0].sets
    assert heavy.flagged and heavy.weight == 2451
    assert many.flagged and many.reps == 877777
    assert many.note == "line one\nline two"
    assert {issue.row for issue in batch.issues} == {2, 3}


def test_a_workout_of_264_hours_is_flagged(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_absurd_duration.csv"), catalog, unit=Unit.KG)
    assert len(batch.flagged_sessions) == 1
    assert "264 h" in batch.issues[0].message
    (session,) = batch.sessions
    assert session.flagged
    assert session.finished_at is not None
    assert (session.finished_at - session.started_at).total_seconds() == 264 * 3600 + 60
    assert not any(p.flagged for p in session.sets)  # the sets themselves are plausible


def test_a_workout_of_an_hour_is_not_flagged(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG)
    assert batch.sessions and not any(s.flagged for s in batch.sessions)


def test_a_bad_field_names_row_and_column(catalog: Catalog) -> None:
    with pytest.raises(RowValueError) as caught:
        read_foreign(fixture_text("strong_bad_reps.csv"), catalog, unit=Unit.KG)
    assert str(caught.value) == 'row 3, column "Reps": "abc" is not a number'


def test_an_unknown_set_order_is_an_error() -> None:
    text = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes\n"
        "2020-01-01 10:00:00,A,Squat,Q,100,5,,,\n"
    )
    with pytest.raises(RowValueError, match='column "Set Order"'):
        list(read_strong(text, Unit.KG))


def test_the_same_file_gives_the_same_import_keys(catalog: Catalog) -> None:
    text = fixture_text("strong_2020.csv")
    first = read_foreign(text, catalog, unit=Unit.KG)
    second = read_foreign(text, catalog, unit=Unit.KG)
    assert [s.import_key for s in first.sessions] == [s.import_key for s in second.sessions]
    assert len({s.import_key for s in first.sessions}) == 2


def test_progress_is_reported_while_reading(catalog: Catalog) -> None:
    seen: list[int] = []
    read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG, progress=seen.append)
    assert seen[-1] == 8


def test_distance_keeps_the_unit_the_header_gives(catalog: Catalog) -> None:
    text = (
        "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
        "2016-02-03 17:00:00,Run,Running,0,0,0,5.2,1500,\n"
    )
    running = read_foreign(text, catalog).sessions[0].sets[0]
    assert running.note == "distance 5.2 km; time 1500 s"
