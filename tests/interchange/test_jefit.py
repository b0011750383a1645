"""JEFIT's sectioned export: each set once, sessions, unit, and everything else reported."""

from __future__ import annotations

from datetime import datetime

import pytest

from fitrec.catalog import Catalog
from fitrec.domain.muscles import Muscle
from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.interchange.detect import detect
from fitrec.interchange.model import InterchangeError
from fitrec.interchange.reading import read_foreign
from tests.interchange.conftest import fixture_text

SETTING_KG = (
    '### SETTING ####\n\nrow_id,USERID,TIMESTAMP,mass\n1,1,"2020-01-01 00:00:00"," kg"\n'
    "################\n\n"
)
LOGS_HEADER = (
    "USERID,TIMESTAMP,belongSys,logs,_id,record,mydate,eid,ename,day_item_id,belongsession,"
    "logTime,interval_logs,auto_generated\n"
)
SET_HEADER = (
    "_id,userid,exercise_log_id,set_index,weight_lbs,reps,calories,distance_mi,speed_mph,laps,"
    "duration,set_type,log_time,TIMESTAMP\n"
)


def jefit(logs: str, set_logs: str = "", setting: str = SETTING_KG) -> str:
    """A small JEFIT export: settings, exercise logs and (optionally) set logs."""
    text = setting + "### EXERCISE LOGS ####\n\n" + LOGS_HEADER + logs + "################\n"
    if set_logs:
        text += "\n### EXERCISE SET LOGS ####\n\n" + SET_HEADER + set_logs + "################\n"
    return text


def test_a_full_export_is_detected(catalog: Catalog) -> None:
    assert detect(fixture_text("jefit_full.csv")) == "jefit"
    assert detect(fixture_text("jefit_packed_only.csv")) == "jefit"


def test_set_rows_win_over_the_packed_logs_and_each_set_counts_once(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("jefit_full.csv"), catalog)
    first, _second = batch.sessions
    bench = [p for p in first.sets if p.exercise_slug == "dumbbell-bench-press"]
    # Three set rows for the bench log, whose packed field holds the same three sets.
    assert [(p.weight, p.reps, p.set_type) for p in bench] == [
        (95.0, 10, SetType.WARMUP),
        (115.0, 8, SetType.WORKING),
        (115.0, 8, SetType.WORKING),
    ]
    flies = [p for p in first.sets if p.exercise_slug == "cable-fly"]
    assert [(p.weight, p.reps) for p in flies] == [(30.0, 15), (30.0, 12)]
    assert batch.set_count == 6 + 3
    assert {p.unit for s in batch.sessions for p in s.sets} == {Unit.LB}


def test_sessions_come_from_workout_sessions(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("jefit_full.csv"), catalog)
    first, second = batch.sessions
    assert first.started_at == datetime(2021, 3, 1, 18, 0)
    assert first.finished_at == datetime(2021, 3, 1, 19, 0)
    assert second.started_at == datetime(2021, 3, 3, 18, 0)
    assert {s.source for s in batch.sessions} == {"jefit"}


def test_cardio_routines_records_and_profile_are_reported_not_dropped(catalog: Catalog) -> None:
    extras = read_foreign(fixture_text("jefit_full.csv"), catalog).extras
    # 1 cardio log + 1 record + 1 note + 2 profile rows; the empty section counts nothing.
    assert extras.not_imported == 5
    assert extras.routines == 1
    notes = "\n".join(extras.notes)
    assert "CARDIO LOGS: 1 cardio log(s) not imported" in notes
    assert '"Push Pull Legs" is not a program' in notes and "Three days, chest first" in notes
    assert "PROFILE: 2 body-measurement row(s)" in notes
    assert extras.profile is not None
    assert (extras.profile.bodyweight, extras.profile.unit) == (180.5, Unit.LB)
    assert extras.profile.birth_date == "1990-05-17"


def test_with_profile_the_profile_rows_are_not_counted_as_left_out(catalog: Catalog) -> None:
    extras = read_foreign(fixture_text("jefit_full.csv"), catalog, with_profile=True).extras
    assert extras.not_imported == 3
    assert not any(n.startswith("PROFILE") for n in extras.notes)


def test_a_custom_exercise_is_flagged_for_review_with_its_body_parts(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("jefit_full.csv"), catalog)
    (custom,) = batch.custom_exercises
    assert custom.slug == "custom-my-landmine-thing"
    assert Muscle.FRONT_DELTS in custom.prime_movers and custom.synergists == (Muscle.TRICEPS,)
    review = {n.foreign for n in batch.names if n.needs_review}
    assert review == {"My Landmine Thing"}


def test_an_older_export_has_packed_logs_only_and_sessions_by_day(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("jefit_packed_only.csv"), catalog)
    assert [s.started_at for s in batch.sessions] == [datetime(2019, 6, 3), datetime(2019, 6, 5)]
    assert [len(s.sets) for s in batch.sessions] == [4, 1]
    assert {p.unit for s in batch.sessions for p in s.sets} == {Unit.KG}
    assert batch.extras.profile is None and batch.extras.not_imported == 0


def test_set_rows_in_pounds_for_a_kg_user_are_read_as_pounds(catalog: Catalog) -> None:
    text = jefit(
        '1,"2020-01-02 10:00:00",1,"20.0x10",5,0,2020-01-02,1,"Barbell Curl",0,0,0,,\n',
        '1,1,5,1,44.0925,10,0,0,0,0,0,"default",0,""\n',
    )
    (session,) = read_foreign(text, catalog).sessions
    (curl,) = session.sets
    assert (curl.weight, curl.unit, curl.reps) == (20.0, Unit.KG, 10)  # 44.09 lb snapped to 20 kg


def test_a_log_whose_set_rows_disagree_with_its_packed_field_says_so(catalog: Catalog) -> None:
    text = jefit(
        '1,"2020-01-02 10:00:00",1,"20.0x10,20.0x10",5,0,2020-01-02,1,"Barbell Curl",0,0,0,,\n',
        '1,1,5,1,20.0,10,0,0,0,0,0,"default",0,""\n',
    )
    batch = read_foreign(text, catalog)
    assert batch.set_count == 1
    assert any("packs 2 set(s) but has 1 set row(s)" in n for n in batch.extras.notes)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            jefit('1,"x",1,"20.0x10,abc",5,0,2020-01-02,1,"Curl",0,0,0,,\n'),
            'section "EXERCISE LOGS", row 10, column "logs": "abc" is not weight x reps',
        ),
        (
            jefit(
                '1,"x",1,"20.0x10",5,0,2020-01-02,1,"Curl",0,0,0,,\n',
                '1,1,5,1,20,8,0,0,0,0,0,"superset",0,""\n',
            ),
            'section "EXERCISE SET LOGS", row 16, column "set_type": "superset" is not a set type',
        ),
        (
            jefit("", setting=SETTING_KG.replace(" kg", " stone")),
            'section "SETTING", row 4, column "mass": "stone" is not kg or lbs',
        ),
        (
            jefit('1,"x",1,"20.0x10",5,0,,1,"Curl",0,0,0,,\n'),
            'section "EXERCISE LOGS", row 10, column "mydate": "" is not a date',
        ),
        ("### SETTING ###\n\na,b\n1,2\n####\n3,4\n", "row 6: a row outside any ### SECTION ###"),
    ],
)
def test_errors_name_the_section_the_row_and_the_field(
    catalog: Catalog, text: str, message: str
) -> None:
    with pytest.raises(InterchangeError) as caught:
        read_foreign(text, catalog)
    assert message in str(caught.value)


def test_a_section_fitrec_does_not_read_is_counted_not_dropped(catalog: Catalog) -> None:
    text = jefit('1,"x",1,"20.0x10",5,0,2020-01-02,1,"Barbell Curl",0,0,0,,\n')
    text += "\n### BODY PHOTOS ####\n\n_id,path\n1,a.jpg\n2,b.jpg\n####\n"
    extras = read_foreign(text, catalog).extras
    assert extras.not_imported == 2
    assert "BODY PHOTOS: 2 row(s) not imported (a section fitrec does not read)" in extras.notes
