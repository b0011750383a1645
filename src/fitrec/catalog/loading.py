"""Reading and writing exercise records; the built-in catalogue, loaded once on first use."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from fitrec.catalog.catalog import Catalog
from fitrec.domain.exercises import Exercise, LoadKind, Mechanic
from fitrec.domain.muscles import Muscle

DATA_FILE = "exercises.json"


class CatalogError(ValueError):
    """An exercise record that does not describe a valid exercise."""


def _muscles(record: Mapping[str, Any], field: str, where: str) -> tuple[Muscle, ...]:
    """A record's muscle list as fine muscles, naming the record and field on error."""
    values = record.get(field, [])
    if not isinstance(values, list):
        raise CatalogError(f"{where}: {field} must be a list of muscles")
    try:
        return tuple(Muscle(v) for v in values)
    except ValueError as error:
        known = ", ".join(m.value for m in Muscle)
        raise CatalogError(f"{where}: {field}: {error} (known muscles: {known})") from None


def exercise_from_record(record: Mapping[str, Any]) -> Exercise:
    """Build an exercise from its JSON record, checking every field."""
    slug = record.get("slug")
    where = f"exercise {slug!r}"
    if not isinstance(slug, str) or not slug:
        raise CatalogError(f"{where}: slug must be a non-empty string")
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogError(f"{where}: name must be a non-empty string")
    aliases = record.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise CatalogError(f"{where}: aliases must be a list of strings")
    try:
        mechanic = Mechanic(str(record.get("mechanic")))
        load_kind = LoadKind(str(record.get("load_kind")))
    except ValueError as error:
        raise CatalogError(f"{where}: {error}") from None
    prime = _muscles(record, "prime_movers", where)
    if not prime:
        raise CatalogError(f"{where}: needs at least one prime mover")
    legs = record.get("legs", False)
    if not isinstance(legs, bool):
        raise CatalogError(f"{where}: legs must be true or false")
    equipment = record.get("equipment", load_kind.value)
    if not isinstance(equipment, str):
        raise CatalogError(f"{where}: equipment must be a string")
    return Exercise(
        slug=slug,
        name=name.strip(),
        mechanic=mechanic,
        prime_movers=prime,
        synergists=_muscles(record, "synergists", where),
        equipment=equipment,
        load_kind=load_kind,
        aliases=tuple(aliases),
        legs=legs,
    )


def exercise_to_record(exercise: Exercise) -> dict[str, Any]:
    """The JSON record of an exercise (the inverse of `exercise_from_record`)."""
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "aliases": list(exercise.aliases),
        "mechanic": exercise.mechanic.value,
        "prime_movers": [m.value for m in exercise.prime_movers],
        "synergists": [m.value for m in exercise.synergists],
        "equipment": exercise.equipment,
        "load_kind": exercise.load_kind.value,
        "legs": exercise.legs,
    }


def load_exercises(text: str) -> tuple[Exercise, ...]:
    """Parse a JSON list of exercise records."""
    records = json.loads(text)
    if not isinstance(records, list):
        raise CatalogError("the catalogue must be a JSON list of exercise records")
    return tuple(exercise_from_record(r) for r in records)


@cache
def default_catalog() -> Catalog:
    """The built-in catalogue, read from the package data on first call and then shared."""
    text = resources.files("fitrec.catalog").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return Catalog(load_exercises(text))
