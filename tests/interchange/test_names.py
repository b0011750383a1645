"""Foreign names: catalogue lookup, custom exercises for review, an editable mapping file."""

from __future__ import annotations

import json

import pytest

from fitrec.catalog import Catalog
from fitrec.domain.units import Unit
from fitrec.interchange.model import InterchangeError
from fitrec.interchange.names import NameResolver, dump_mapping, load_mapping
from fitrec.interchange.reading import read_foreign
from tests.interchange.conftest import fixture_text


def test_foreign_names_resolve_with_how_and_how_sure(catalog: Catalog) -> None:
    resolver = NameResolver(catalog)
    bench = resolver.resolve("Bench Press (Barbell)")
    assert (bench.slug, bench.confidence) == ("barbell-bench-press", 1.0)
    typo = resolver.resolve("Barbel Bench Pres")
    assert typo.slug == "barbell-bench-press" and typo.how == "fuzzy" and typo.confidence < 1
    assert typo.needs_review


def test_an_unknown_name_becomes_one_custom_exercise(catalog: Catalog) -> None:
    resolver = NameResolver(catalog)
    first = resolver.resolve("Zercher Yoke Walk")
    again = resolver.resolve("Zercher Yoke Walk")
    assert first.how == "custom" and first.slug == "custom-zercher-yoke-walk"
    assert again.rows == 2
    assert [e.name for e in resolver.custom_exercises] == ["Zercher Yoke Walk"]


def test_the_mapping_file_round_trips_and_is_applied(catalog: Catalog) -> None:
    batch = read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG)
    text = dump_mapping(batch.names)
    data = json.loads(text)
    assert data["names"]["Running (Treadmill)"]["review"] is True
    data["names"]["Running (Treadmill)"]["slug"] = "barbell-squat"
    mapping = load_mapping(json.dumps(data))
    again = read_foreign(fixture_text("strong_2020.csv"), catalog, unit=Unit.KG, mapping=mapping)
    assert again.custom_exercises == []
    running = next(n for n in again.names if n.foreign == "Running (Treadmill)")
    assert (running.slug, running.how) == ("barbell-squat", "mapping")


def test_a_plain_name_to_slug_mapping_is_accepted(catalog: Catalog) -> None:
    resolver = NameResolver(catalog, load_mapping('{"My Bench": "barbell-bench-press"}'))
    assert resolver.resolve("my bench").slug == "barbell-bench-press"
    forced = NameResolver(catalog, {"Squat (Barbell)": "custom"}).resolve("Squat (Barbell)")
    assert forced.how == "custom"


def test_a_mapping_to_an_unknown_slug_is_an_error(catalog: Catalog) -> None:
    with pytest.raises(InterchangeError, match="not an exercise"):
        NameResolver(catalog, {"X": "no-such-thing"}).resolve("X")
    with pytest.raises(InterchangeError, match="not JSON"):
        load_mapping("{nope")


def test_an_unknown_name_and_a_custom_exercise_get_the_same_slug(catalog: Catalog) -> None:
    resolver = NameResolver(catalog)
    assert resolver.resolve("Jefferson Curl (DB) 💪").slug == "custom-jefferson-curl-db"
