"""Your athlete profile: `fitrec profile show` and `fitrec profile set`.

Plates are written as on `fitrec plates`: WEIGHTxCOUNT with the TOTAL count you own
(both sides); the profile keeps pairs, so an odd count is refused rather than halved.
Heavy imports happen inside the commands.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import typer

from fitrec.cli.store_cmds import LocalContext, console, num, service_errors

if TYPE_CHECKING:
    from fitrec.domain.units import Unit
    from fitrec.services.models import AthleteProfile

profile_app = typer.Typer(
    help="Your athlete profile: unit, level, bodyweight, bar and plates, known 1RMs.",
    no_args_is_help=True,
)

# The service names profile fields; the lifter typed options.
_OPTION_OF_FIELD = {
    "unit": "--unit",
    "level": "--level",
    "training_age_months": "--training-age",
    "bodyweight": "--bodyweight",
    "bar_weight": "--bar",
    "plates": "--plates",
    "one_rep_maxes_kg": "--1rm",
}

_AGE = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(months?|mo|m|years?|yrs?|y)\s*$",
    re.IGNORECASE,
)


def parse_training_age(text: str) -> int:
    """Whole months from `18 months`, `18mo`, `2 years`, `1.5y`."""
    match = _AGE.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a duration such as '18 months' or '2 years'")
    amount, unit = float(match.group(1)), match.group(2).lower()
    return round(amount * 12) if unit.startswith("y") else round(amount)


def plate_pairs(spec: str) -> dict[float, int]:
    """Pairs per plate weight from a spec of total counts (`25x8,20x4` → 4 and 2 pairs)."""
    from fitrec.domain.plates import parse_plate_spec

    totals = parse_plate_spec(spec)
    odd = [f"{w:g}x{n}" for w, n in totals.items() if n % 2]
    if odd:
        raise ValueError(
            f"{odd[0]} is an odd count; plates load in pairs, so give the total you own "
            "as an even number (e.g. 25x8 for four pairs)"
        )
    return {w: n // 2 for w, n in totals.items()}


def _fail(option: str, message: str) -> typer.Exit:
    typer.echo(f"error: {option}: {message}", err=True)
    return typer.Exit(1)


def _weight_in(text: str, option: str, unit: Unit) -> float:
    """A weight option in the profile's `unit` (a weight written in the other unit is converted)."""
    from fitrec.domain.units import clean_weight, convert, parse_weight

    try:
        amount, written = parse_weight(text)
    except ValueError as error:
        raise _fail(option, str(error)) from None
    if written is None or written is unit:
        return amount
    return clean_weight(convert(amount, written, unit))


def _one_rep_max(text: str, unit: Unit) -> tuple[str, float]:
    """`bench press=100kg` → the name and the weight in kg (unit-less means the profile's)."""
    from fitrec.domain.units import clean_weight, parse_weight, to_kg

    name, sep, weight = (part.strip() for part in text.rpartition("="))
    if not sep or not name or not weight:
        raise _fail("--1rm", f"{text!r} is not EXERCISE=WEIGHT (e.g. 'bench press=100kg')")
    try:
        amount, written = parse_weight(weight)
    except ValueError as error:
        raise _fail(f"--1rm {name}", str(error)) from None
    return name, clean_weight(to_kg(amount, written or unit))


def _unconverted(current: AthleteProfile, changes: dict[str, Any]) -> list[str]:
    """Stored settings still written in the old unit after a --unit change."""
    if changes.get("unit", current.unit.value) == current.unit.value:
        return []
    stored = {
        "--bodyweight": ("bodyweight", current.bodyweight is not None),
        "--bar": ("bar_weight", current.bar_weight is not None),
        "--plates": ("plates", bool(current.plates)),
    }
    return [option for option, (field, kept) in stored.items() if kept and field not in changes]


def _exercise_name(slug: str) -> str:
    from fitrec.services.exercises import builtin_catalog

    catalog = builtin_catalog()
    return catalog.get(slug).name if slug in catalog else slug


def profile_json(profile: AthleteProfile) -> dict[str, Any]:
    """The profile as JSON, plates as a spec of total counts (what `--plates` takes)."""
    from fitrec.domain.plates import format_plate_spec

    return {
        "unit": profile.unit.value,
        "level": profile.level.value if profile.level else None,
        "training_age_months": profile.training_age_months,
        "bodyweight": profile.bodyweight,
        "bar_weight": profile.bar_weight,
        "plates": (
            format_plate_spec({w: 2 * n for w, n in profile.plates.items()})
            if profile.plates
            else None
        ),
        "one_rep_maxes_kg": dict(sorted(profile.one_rep_maxes_kg.items())),
    }


def _print(profile: AthleteProfile, as_json: bool) -> None:
    from fitrec.domain.plates import DEFAULT_BAR, DEFAULT_PLATES, format_plate_spec

    body = profile_json(profile)
    if as_json:
        typer.echo(json.dumps(body, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    unit = profile.unit.value
    months = profile.training_age_months
    bar = (
        f"{num(profile.bar_weight)} {unit}"
        if profile.bar_weight is not None
        else f"{num(DEFAULT_BAR[profile.unit])} {unit} (default)"
    )
    plates = (
        f"{body['plates']} {unit}"
        if body["plates"]
        else f"{format_plate_spec(DEFAULT_PLATES[profile.unit])} {unit} (default)"
    )
    table = Table("Setting", "Value", title="Athlete profile", title_justify="left")
    table.add_row("Unit", unit)
    table.add_row("Level", body["level"] or "-")
    table.add_row("Training age", f"{months} months" if months is not None else "-")
    bodyweight = profile.bodyweight
    table.add_row("Bodyweight", f"{num(bodyweight)} {unit}" if bodyweight is not None else "-")
    table.add_row("Bar", bar)
    table.add_row("Plates (total count)", plates)
    for slug, kg in sorted(profile.one_rep_maxes_kg.items()):
        table.add_row(f"1RM {_exercise_name(slug)}", f"{num(kg)} kg")
    console().print(table)


@profile_app.command("show")
def profile_show(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Show your profile; unset bar and plates show the defaults `fitrec next` uses.

    Example: fitrec profile show --json
    """
    from fitrec.services.athletes import get_profile

    with service_errors():
        ctx = LocalContext()
        profile = get_profile(ctx.make_uow, ctx.owner_id)
    _print(profile, as_json)


@profile_app.command("set")
def profile_set(
    unit: str | None = typer.Option(None, "--unit", help="kg or lb."),
    level: str | None = typer.Option(None, "--level", help="beginner, intermediate or advanced."),
    training_age: str | None = typer.Option(
        None, "--training-age", help="How long you have trained: '18 months', '2 years'."
    ),
    bodyweight: str | None = typer.Option(None, "--bodyweight", help="e.g. 82kg or 180lb."),
    bar: str | None = typer.Option(None, "--bar", help="Bar weight, e.g. 20 or 45lb."),
    plates: str | None = typer.Option(
        None,
        "--plates",
        help="Plates you own as WEIGHTxCOUNT, TOTAL count (both sides), in your unit: "
        "25x8,20x4,10x2,5x2,2.5x2,1.25x2.",
    ),
    one_rep_maxes: list[str] = typer.Option(
        [],
        "--1rm",
        help="A known 1RM as EXERCISE=WEIGHT, repeatable: 'bench press=100kg'.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Change some settings of your profile; options left out keep their value.

    Weights without a unit are in your profile's unit (after --unit, when given); a
    weight in the other unit is converted. --1rm adds or replaces one exercise's 1RM
    and keeps the others.

    Example: fitrec profile set --bodyweight 82kg --plates 25x8,20x4,10x2 --1rm "bench press=100kg"
    """
    from fitrec.domain.units import Unit
    from fitrec.services.athletes import get_profile, update_profile
    from fitrec.services.errors import InvalidInput

    changes: dict[str, Any] = {}
    if unit is not None:
        try:
            changes["unit"] = Unit.parse(unit).value
        except ValueError:
            raise _fail("--unit", f"{unit!r} is not kg or lb") from None
    if level is not None:
        changes["level"] = level.strip().lower()
    if training_age is not None:
        try:
            changes["training_age_months"] = parse_training_age(training_age)
        except ValueError as error:
            raise _fail("--training-age", str(error)) from None
    if plates is not None:
        try:
            changes["plates"] = plate_pairs(plates)
        except ValueError as error:
            raise _fail("--plates", str(error)) from None
    with service_errors():
        ctx = LocalContext()
        current = get_profile(ctx.make_uow, ctx.owner_id)
        chosen = Unit(changes["unit"]) if "unit" in changes else current.unit
        if bodyweight is not None:
            changes["bodyweight"] = _weight_in(bodyweight, "--bodyweight", chosen)
        if bar is not None:
            changes["bar_weight"] = _weight_in(bar, "--bar", chosen)
        if one_rep_maxes:
            known: dict[str, float] = dict(current.one_rep_maxes_kg)
            for item in one_rep_maxes:
                name, kg = _one_rep_max(item, chosen)
                known[name] = kg
            changes["one_rep_maxes_kg"] = known
        if not changes:
            raise _fail("profile set", "nothing to change; give at least one option")
        stale = _unconverted(current, changes)
        try:
            profile = update_profile(ctx.make_uow, ctx.owner_id, changes)
        except InvalidInput as error:
            field, _, detail = error.field.partition("[")
            option = _OPTION_OF_FIELD.get(field, error.field)
            where = f"{option} {detail.rstrip(']')}" if detail else option
            raise _fail(where, error.message) from None
    if stale:
        typer.echo(
            f"note: {', '.join(stale)} kept their numbers, now read in {profile.unit.value};"
            " set them again if they were meant in the old unit",
            err=True,
        )
    _print(profile, as_json)


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.add_typer(profile_app, name="profile")
