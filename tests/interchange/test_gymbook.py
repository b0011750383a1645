"""GymBook CSV in five languages: units inside values, decimal commas, skipped sets."""

from __future__ import annotations

from datetime import datetime

import pytest

from fitrec.catalog import Catalog
from fitrec.domain.muscles import Muscle
from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.interchange.detect import detect
from fitrec.interchange.gymbook import HEADERS, decimal
from fitrec.interchange.model import InterchangeError, UnitRequiredError
from fitrec.interchange.reading import read_foreign
from tests.interchange.conftest import fixture_text

ITALIAN = ",".join(HEADERS["it"]) + "\n"


@pytest.mark.parametrize(
    ("name", "sessions", "sets", "skipped"),
    [
        ("gymbook_it.csv", 2, 7, 1),
        ("gymbook_en.csv", 1, 3, 1),
        ("gymbook_de.csv", 1, 2, 1),
        ("gymbook_fr.csv", 1, 2, 1),
        ("gymbook_es.csv", 1, 2, 1),
    ],
)
def test_every_language_is_detected_and_read(
    catalog: Catalog, name: str, sessions: int, sets: int, skipped: int
) -> None:
    text = fixture_text(name)
    assert detect(text) == "gymbook"
    batch = read_foreign(text, catalog)
    assert (len(batch.sessions), batch.set_count) == (sessions, sets)
    assert sum(batch.skipped_sets.values()) == skipped
    # The first set of each file is its warm-up.
    assert batch.sessions[0].sets[0].set_type is SetType.WARMUP


def test_a_header_in_another_language_is_told_by_its_shape(catalog: Catalog) -> None:
    header = (
        "Data,Treino,Hora,Exercício,Zona,Grupos (Primários),Grupos (Secundários),"
        "Série / Aquecimento / Arrefecimento,Repetições / Tempo,Peso / Distância,Notas,Pulado\n"
    )
    text = header + '01/02/25,"A",10:00,"Supino",Peito,"","",Série,"8 repetições","60,00 kg",,\n'
    assert detect(text) == "gymbook"
    ((bench,),) = [s.sets for s in read_foreign(text, catalog).sessions]
    assert (bench.weight, bench.unit, bench.reps) == (60.0, Unit.KG, 8)


def test_italian_values_units_times_and_dates(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("gymbook_it.csv"), catalog)
    day_a, day_b = batch.sessions
    assert day_a.started_at == datetime(2025, 1, 9, 19, 30) and day_a.workout_name == "Scheda A"
    assert day_b.started_at == datetime(2025, 1, 11, 7, 5)
    squat = day_b.sets[0]
    assert (squat.weight, squat.unit, squat.reps) == (102.5, Unit.KG, 6)
    plank = next(p for p in day_a.sets if p.exercise_slug == "plank")
    assert (plank.reps, plank.weight, plank.note) == (0, 0.0, "time 30 s")
    treadmill = day_a.sets[-1]
    assert treadmill.set_type is SetType.WARMUP  # a cool-down set is not a working set
    assert treadmill.note == "cool-down set\ndistance 2.5 km; time 300 s"
    assert day_a.sets[1].note == 'buona, "pulita"'


def test_a_skipped_set_is_kept_in_the_session_note_and_not_performed(catalog: Catalog) -> None:
    day_a = read_foreign(fixture_text("gymbook_it.csv"), catalog).sessions[0]
    bench = [p for p in day_a.sets if p.exercise_slug == "custom-panca-piana-con-bilanciere"]
    assert len(bench) == 2  # the third, skipped, set is not a performed set
    assert day_a.note == (
        "skipped sets (not performed):\n- Panca piana con bilanciere: 8 reps, 80 kg"
    )


def test_the_muscle_columns_fill_in_an_unknown_exercise(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("gymbook_it.csv"), catalog)
    customs = {e.slug: e for e in batch.custom_exercises}
    bench = customs["custom-panca-piana-con-bilanciere"]
    assert bench.prime_movers == (Muscle.CHEST,)
    assert Muscle.TRICEPS in bench.synergists and Muscle.FRONT_DELTS in bench.synergists
    assert customs["custom-trazioni-alla-sbarra"].prime_movers == (Muscle.LATS,)
    assert all(n.needs_review for n in batch.names if n.slug.startswith("custom-"))


def test_german_dates_with_dots_and_english_pounds(catalog: Catalog) -> None:
    (german,) = read_foreign(fixture_text("gymbook_de.csv"), catalog).sessions
    assert german.started_at == datetime(2025, 3, 3, 17, 45)
    assert german.sets[1].weight == 82.5
    (english,) = read_foreign(fixture_text("gymbook_en.csv"), catalog).sessions
    assert (english.sets[1].weight, english.sets[1].unit) == (185.0, Unit.LB)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("62,50", 62.5), ("1.062,50", 1062.5), ("1,062.50", 1062.5), ("8", 8.0), ("0,00", 0.0)],
)
def test_decimal_commas_and_points(raw: str, value: float) -> None:
    assert decimal(raw, 2, "Peso") == value


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            '09/01/25,"A",19:30,"Panca",Petto,"","",Set,"otto ripetizioni","80,00 kg",,No',
            'row 2, column "Ripetizioni / Tempo": "otto ripetizioni" is not a number with a unit',
        ),
        (
            '09/01/25,"A",19:30,"Panca",Petto,"","",Set,"8 ripetizioni","80,00 stone",,No',
            'row 2, column "Peso / Distanza": "80,00 stone": unknown unit "stone"',
        ),
        (
            '2025-01-09,"A",19:30,"Panca",Petto,"","",Set,"8 ripetizioni","80,00 kg",,No',
            'row 2, column "Data": "2025-01-09" is not a date (dd/mm/yy)',
        ),
        (
            '31/02/25,"A",19:30,"Panca",Petto,"","",Set,"8 ripetizioni","80,00 kg",,No',
            'row 2, column "Data": "31/02/25" is not a date',
        ),
        (
            '09/01/25,"A",7pm,"Panca",Petto,"","",Set,"8 ripetizioni","80,00 kg",,No',
            'row 2, column "Orario": "7pm" is not a time (HH:MM)',
        ),
        (
            '09/01/25,"A",25:10,"Panca",Petto,"","",Set,"8 ripetizioni","80,00 kg",,No',
            'row 2, column "Orario": "25:10" is not a time of day',
        ),
        (
            '09/01/25,"A",19:30,"Panca",Petto,"","",Set,"8 ripetizioni","80,00 kg",,Forse',
            'row 2, column "Saltato": "Forse" is not yes or no',
        ),
    ],
)
def test_bad_fields_name_the_row_and_the_column(catalog: Catalog, row: str, message: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        read_foreign(ITALIAN + row + "\n", catalog)
    assert message in str(caught.value)


def test_a_weight_without_a_unit_needs_one(catalog: Catalog) -> None:
    row = '09/01/25,"A",19:30,"Panca",Petto,"","",Set,"8 ripetizioni","80",,No\n'
    with pytest.raises(UnitRequiredError, match="does not say whether weights are kg or lb"):
        read_foreign(ITALIAN + row, catalog)
    (session,) = read_foreign(ITALIAN + row, catalog, unit=Unit.KG).sessions
    assert session.sets[0].unit is Unit.KG
