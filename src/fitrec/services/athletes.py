"""The athlete profile: units, experience, training age, bodyweight, bar, plates, known 1RMs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TypeVar

from fitrec.domain.programs import Level
from fitrec.domain.units import Unit
from fitrec.services.errors import InvalidInput
from fitrec.services.exercises import resolve_exercise
from fitrec.services.models import AthleteProfile, EffortScale, Theme
from fitrec.services.unit_of_work import UowFactory
from fitrec.services.validation import max_weight

Choice = TypeVar("Choice", EffortScale, Theme)

_FIELDS = {
    "unit",
    "level",
    "training_age_months",
    "bodyweight",
    "bar_weight",
    "plates",
    "one_rep_maxes_kg",
    "effort_scale",
    "theme",
}


def get_profile(make_uow: UowFactory, owner_id: int) -> AthleteProfile:
    """The owner's profile (defaults when never saved)."""
    with make_uow() as uow:
        return uow.profiles.get(owner_id) or AthleteProfile()


def _weight(
    value: Any, unit: Unit, field: str, *, allow_zero: bool = True, hundredths: bool = False
) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInput(field, f"{value!r} is not a number")
    low_ok = value >= 0 if allow_zero else value > 0
    if not low_ok or value > max_weight(unit):
        raise InvalidInput(field, f"must be between 0 and {max_weight(unit):g} {unit.value}")
    # Bars and plates are loaded by the plate solver, which works in whole hundredths.
    if hundredths and abs(value * 100 - round(value * 100)) > 1e-6:
        raise InvalidInput(field, f"{value!r} is finer than a hundredth of a {unit.value}")
    return float(value)


def update_profile(
    make_uow: UowFactory, owner_id: int, changes: Mapping[str, Any]
) -> AthleteProfile:
    """Change some fields of the profile; unknown fields and bad values are refused."""
    unknown = sorted(set(changes) - _FIELDS)
    if unknown:
        raise InvalidInput(unknown[0], "is not a profile field")
    with make_uow() as uow:
        profile = replace(uow.profiles.get(owner_id) or AthleteProfile())
        if changes.get("unit") is not None:
            try:
                profile.unit = Unit.parse(str(changes["unit"]))
            except ValueError:
                raise InvalidInput("unit", "must be kg or lb") from None
        if "level" in changes:
            try:
                profile.level = Level(changes["level"]) if changes["level"] else None
            except ValueError:
                raise InvalidInput("level", "must be beginner, intermediate or advanced") from None
        if "training_age_months" in changes:
            months = changes["training_age_months"]
            if months is not None and (
                isinstance(months, bool) or not isinstance(months, int) or not 0 <= months <= 900
            ):
                raise InvalidInput("training_age_months", "must be a whole number from 0 to 900")
            profile.training_age_months = months
        if "bodyweight" in changes:
            profile.bodyweight = _weight(changes["bodyweight"], profile.unit, "bodyweight")
        if "bar_weight" in changes:
            profile.bar_weight = _weight(
                changes["bar_weight"], profile.unit, "bar_weight", hundredths=True
            )
        if "plates" in changes:
            profile.plates = _plates(changes["plates"], profile.unit)
        if "effort_scale" in changes:
            profile.effort_scale = _choice(EffortScale, changes["effort_scale"], "effort_scale")
        if "theme" in changes:
            profile.theme = _choice(Theme, changes["theme"], "theme")
        if "one_rep_maxes_kg" in changes:
            profile.one_rep_maxes_kg = _one_rep_maxes(uow, owner_id, changes["one_rep_maxes_kg"])
        uow.profiles.save(owner_id, profile)
        uow.commit()
    return profile


PLATE_WEIGHT = re.compile(r"^(0\.(0[1-9]|[1-9][0-9]?)|[1-9][0-9]{0,2}(\.[0-9]{1,2})?)$")
"""A plate's weight as a key of `plates`: above 0, below 1000, in hundredths at the finest."""


def _choice(kind: type[Choice], value: Any, field: str) -> Choice:
    try:
        return kind(value)
    except ValueError:
        allowed = " or ".join(member.value for member in kind)
        raise InvalidInput(field, f"must be {allowed}, got {value!r}") from None


def _plates(value: Any, unit: Unit) -> dict[float, int]:
    if value is None:
        return dict(AthleteProfile().plates)
    if not isinstance(value, Mapping):
        raise InvalidInput("plates", "must map plate weights to counts of pairs")
    plates: dict[float, int] = {}
    for weight, count in value.items():
        field = f"plates[{weight}]"
        if not isinstance(weight, str | int | float) or not PLATE_WEIGHT.match(f"{weight}"):
            raise InvalidInput(field, "plate weight is not a number such as 20 or 1.25")
        w = float(weight)
        if _weight(w, unit, field, allow_zero=False, hundredths=True) is None:
            raise InvalidInput(field, "plate weight is missing")
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 100:
            raise InvalidInput(field, "count of pairs must be a whole number from 0 to 100")
        if count:
            plates[w] = count
    return plates


def _one_rep_maxes(uow: Any, owner_id: int, value: Any) -> dict[str, float]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidInput("one_rep_maxes_kg", "must map exercises to kilograms")
    result: dict[str, float] = {}
    for name, kg in value.items():
        field = f"one_rep_maxes_kg[{name}]"
        slug = resolve_exercise(uow, owner_id, str(name), field).slug
        weight = _weight(kg, Unit.KG, field, allow_zero=False)
        if weight is None:
            raise InvalidInput(field, "weight is missing")
        result[slug] = weight
    return result
