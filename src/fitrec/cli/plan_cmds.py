"""`fitrec plan`: generate a post-exhaust program from goals.

Only typer is imported at module level; the generator is imported in the command.
The local database (for the profile's level and training age) is opened only when
`--level` or `--training-age` is left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from fitrec.services.models import AthleteProfile

# The service names fields; the lifter typed flags.
_FLAG_OF_FIELD = {
    "days": "--days",
    "minutes": "--minutes",
    "level": "--level",
    "equipment": "--equipment",
    "focus": "--focus",
    "phase": "--phase",
    "training_age_months": "--training-age",
    "seed": "--seed",
}


def plan(
    days: str | None = typer.Option(None, "--days", help="Days a week, 2-6 (default 3)."),
    minutes: str | None = typer.Option(
        None, "--minutes", help="Minutes a session, 30-120 (default 60)."
    ),
    level: str | None = typer.Option(
        None, "--level", help="beginner|intermediate|advanced (default: your profile's)."
    ),
    training_age: str | None = typer.Option(
        None,
        "--training-age",
        help="Months of training, e.g. 18 or '2 years' (default: your profile's).",
    ),
    equipment: str | None = typer.Option(
        None,
        "--equipment",
        help="Comma-separated: barbell,dumbbell,cable,machine,bodyweight (default: all).",
    ),
    focus: str | None = typer.Option(
        None,
        "--focus",
        help="Priority muscles: chest,back,shoulders,quadriceps,hamstrings,triceps.",
    ),
    phase: str | None = typer.Option(
        None, "--phase", help="hypertrophy|strength|maintenance (default hypertrophy)."
    ),
    seed: str | None = typer.Option(None, "--seed", help="A whole number for other exercises."),
    as_json: bool = typer.Option(
        False, "--json", help="Print the program, explanations and weekly sets as JSON."
    ),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write to FILE."),
) -> None:
    """Generate a post-exhaust program that lints clean, with a reason for each choice.

    Writes the program in fitrec notation (or, with --json, the program, the
    explanations, the weekly sets per muscle and each session's minutes) to standard
    output or FILE. The explanations go to standard error with the notation.
    The same flags give the same program; --seed picks other exercises.

    Example: fitrec plan --days 3 --minutes 60 --equipment barbell,dumbbell,cable --focus chest,back
    """
    from fitrec.services.errors import InvalidInput
    from fitrec.services.plans import parse_request, plan_program

    age: int | None = None
    if training_age is not None:
        from fitrec.cli.profile_cmds import parse_training_age

        try:
            text = training_age.strip()
            age = int(text) if text.isdigit() else parse_training_age(text)
        except ValueError as error:
            typer.echo(f"error: --training-age: {error}", err=True)
            raise typer.Exit(2) from None
    profile = None
    if level is None or training_age is None:
        profile = _profile()
    try:
        request = parse_request(
            days=days,
            minutes=minutes,
            level=level,
            equipment=equipment,
            focus=focus,
            phase=phase,
            training_age_months=age,
            seed=seed,
            profile=profile,
        )
    except InvalidInput as error:
        flag = _FLAG_OF_FIELD.get(error.field, error.field)
        typer.echo(f"error: {flag}: {error.message}", err=True)
        raise typer.Exit(2) from None
    result = plan_program(request)
    if as_json:
        text = json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    else:
        text = result.text
        for line in result.plan.explanations:
            typer.echo(f"# {line}", err=True)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        typer.echo(f"error: -o: cannot write {output}: {error.strerror or error}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {output}", err=True)


def _profile() -> AthleteProfile:
    """The local database's profile (the database is made on first use, as elsewhere)."""
    from fitrec.cli.store_cmds import LocalContext
    from fitrec.services.athletes import get_profile

    context = LocalContext()
    return get_profile(context.make_uow, context.owner_id)


def register(app: typer.Typer) -> None:
    """Declare `fitrec plan` on `app`."""
    app.command("plan")(plan)
