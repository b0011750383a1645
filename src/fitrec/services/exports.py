"""Export an owner's account: native JSON (lossless), CSV (one row per set), Strong CSV."""

from __future__ import annotations

import io
from typing import Any

from fitrec.domain.programs import Level
from fitrec.domain.units import Unit
from fitrec.interchange.csv_export import write_csv, write_strong
from fitrec.interchange.native import NativeDocument, dump_native
from fitrec.services.errors import InvalidInput
from fitrec.services.exercises import catalog_for
from fitrec.services.models import AthleteProfile
from fitrec.services.unit_of_work import UnitOfWork, UowFactory
from fitrec.textformat import format_program

EXPORT_FORMATS = ("json", "csv", "strong")


def profile_to_dict(profile: AthleteProfile) -> dict[str, Any]:
    """An athlete profile as JSON data (plate weights become text keys)."""
    return {
        "unit": profile.unit.value,
        "level": profile.level.value if profile.level else None,
        "training_age_months": profile.training_age_months,
        "bodyweight": profile.bodyweight,
        "bar_weight": profile.bar_weight,
        "plates": {f"{weight:g}": pairs for weight, pairs in sorted(profile.plates.items())},
        "one_rep_maxes_kg": dict(sorted(profile.one_rep_maxes_kg.items())),
    }


def profile_from_dict(data: dict[str, Any]) -> AthleteProfile:
    """An athlete profile from JSON data written by profile_to_dict."""
    try:
        return AthleteProfile(
            unit=Unit.parse(str(data.get("unit") or "kg")),
            level=Level(data["level"]) if data.get("level") else None,
            training_age_months=data.get("training_age_months"),
            bodyweight=data.get("bodyweight"),
            bar_weight=data.get("bar_weight"),
            plates={float(k): int(v) for k, v in (data.get("plates") or {}).items()},
            one_rep_maxes_kg={
                str(k): float(v) for k, v in (data.get("one_rep_maxes_kg") or {}).items()
            },
        )
    except (ValueError, TypeError) as exc:
        raise InvalidInput("profile", str(exc)) from None


def _names(uow: UnitOfWork, owner_id: int, slugs: set[str]) -> dict[str, str]:
    catalog = catalog_for(uow, owner_id)
    names: dict[str, str] = {}
    for slug in slugs:
        try:
            names[slug] = catalog.get(slug).name
        except KeyError:
            names[slug] = slug
    return names


def native_document(uow: UnitOfWork, owner_id: int) -> NativeDocument:
    """The whole account as a native document."""
    programs: list[dict[str, Any]] = []
    for summary in uow.programs.list(owner_id):
        record = uow.programs.get(owner_id, summary.id)
        if record is None:
            continue
        programs.append(
            {
                "id": record.id,
                "name": record.program.name,
                "text": format_program(record.program),
                "template": record.template,
            }
        )
    profile = uow.profiles.get(owner_id)
    return NativeDocument(
        sessions=uow.sessions.history(owner_id),
        programs=programs,
        custom_exercises=sorted(uow.exercises.list(owner_id), key=lambda e: e.slug),
        needs_review=uow.exercises.needing_review(owner_id),
        profile=profile_to_dict(profile) if profile is not None else None,
    )


def export_account(
    make_uow: UowFactory, owner_id: int, fmt: str = "json", unit: str | None = None
) -> str:
    """The owner's data as text in `fmt` (json, csv or strong; `unit` for strong weights)."""
    key = fmt.strip().lower()
    if key not in EXPORT_FORMATS:
        raise InvalidInput("format", f"unknown export format {fmt!r}: use json, csv or strong")
    with make_uow() as uow:
        if key == "json":
            return dump_native(native_document(uow, owner_id))
        sessions = uow.sessions.history(owner_id)
        slugs = {p.exercise_slug for s in sessions for p in s.sets}
        names = _names(uow, owner_id, slugs)
        profile = uow.profiles.get(owner_id)
    out = io.StringIO()
    if key == "csv":
        write_csv(sessions, names, out)
    else:
        try:
            weight_unit = Unit.parse(unit) if unit else (profile.unit if profile else Unit.KG)
        except ValueError as exc:
            raise InvalidInput("unit", str(exc)) from None
        write_strong(sessions, names, out, weight_unit)
    return out.getvalue()
