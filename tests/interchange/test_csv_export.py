"""CSV exports: documented columns, and Strong CSV that fitrec (and Strong users) read back."""

from __future__ import annotations

import csv
import io

from fitrec.catalog import Catalog
from fitrec.domain.units import Unit
from fitrec.interchange.csv_export import CSV_COLUMNS, STRONG_COLUMNS, write_csv, write_strong
from fitrec.interchange.model import ImportBatch
from fitrec.interchange.reading import read_foreign
from tests.interchange.conftest import fixture_text


def _names(catalog: Catalog, batch: ImportBatch) -> dict[str, str]:
    names = {e.slug: e.name for e in batch.custom_exercises}
    for session in batch.sessions:
        for p in session.sets:
            if p.exercise_slug not in names:
                names[p.exercise_slug] = catalog.get(p.exercise_slug).name
    return names


def test_one_row_per_set_with_the_documented_columns(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG)
    out = io.StringIO()
    count = write_csv(batch.sessions, _names(catalog, batch), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows) == batch.set_count
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[2]["rest_before_s"] == "90"
    assert rows[0]["exercise_name"] == "Barbell Bench Press"


def _strong(catalog: Catalog, batch: ImportBatch, unit: Unit) -> str:
    out = io.StringIO()
    write_strong(batch.sessions, _names(catalog, batch), out, unit)
    return out.getvalue()


def test_strong_export_reads_back_to_the_same_export(catalog: Catalog) -> None:
    for name, unit in (("strong_2020.csv", Unit.KG), ("hevy_kg.csv", None)):
        batch = read_foreign(fixture_text(name), catalog, unit=unit)
        first = _strong(catalog, batch, Unit.KG)
        assert first.splitlines()[0] == ",".join(STRONG_COLUMNS)
        again = read_foreign(first, catalog, unit=Unit.KG)
        assert _strong(catalog, again, Unit.KG) == first


def test_strong_export_keeps_rest_rows(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG)
    text = _strong(catalog, batch, Unit.KG)
    assert ",Rest Timer,0,0,0,90," in text
    again = read_foreign(text, catalog, unit=Unit.KG)
    assert sum(again.rest_rows.values()) == 1
