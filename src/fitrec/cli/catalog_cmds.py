"""CLI commands for the exercise catalogue: `fitrec exercises`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from fitrec.catalog import Catalog, Match
    from fitrec.domain.exercises import Exercise


def _muscle_filter(value: str) -> set[str]:
    """The fine muscles a --muscle value names (a fine muscle or one of the 17 groups)."""
    from fitrec.domain.muscles import MUSCLE_GROUP, Muscle, MuscleGroup

    wanted = value.strip().lower().replace("-", "_").replace(" ", "_")
    fine = {m.value for m in Muscle}
    groups = {g.value for g in MuscleGroup}
    found: set[str] = set()
    if wanted in fine:
        found.add(wanted)
    if wanted in groups:
        found |= {m.value for m, g in MUSCLE_GROUP.items() if g.value == wanted}
    if not found:
        raise ValueError(
            f"unknown muscle {value!r}; use a fine muscle ({', '.join(sorted(fine))}) "
            f"or a group ({', '.join(sorted(groups))})"
        )
    return found


def _selected(
    catalog: Catalog, query: str | None, muscles: set[str] | None, mechanic: str | None
) -> tuple[Match | None, list[Exercise]]:
    """The lookup match of the query (if any) and the exercises to list, match first."""
    match = catalog.lookup(query) if query else None
    if query:
        exercises = catalog.search(query, limit=len(catalog))
        if match is not None:
            exercises = [match.exercise, *(e for e in exercises if e != match.exercise)]
    else:
        exercises = sorted(catalog, key=lambda e: e.name)

    def keep(exercise: Exercise) -> bool:
        if mechanic and exercise.mechanic.value != mechanic:
            return False
        return not muscles or any(m.value in muscles for m in exercise.prime_movers)

    return match, [e for e in exercises if keep(e)]


def exercises(
    query: Annotated[
        str | None, typer.Argument(help="A name to look up or words to search for.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    muscle: Annotated[
        str | None,
        typer.Option("--muscle", "-m", help="Only exercises with this prime mover or group."),
    ] = None,
    mechanic: Annotated[
        str | None,
        typer.Option("--mechanic", help="Only 'compound' or 'isolation' exercises."),
    ] = None,
) -> None:
    """List or find exercises of the catalogue, with their mechanic and prime movers.

    With a QUERY, the name is looked up the way programs and imports are (exact name,
    alias, normalised spelling, then fuzzy) and the match is shown with how sure it is;
    the table also lists every exercise whose words or muscles contain the query.

    Example: fitrec exercises "Bench Press (Barbell)" --mechanic compound
    """
    import json

    from rich.console import Console

    from fitrec.catalog import default_catalog, exercise_to_record

    def fail(message: str, code: int) -> typer.Exit:
        typer.echo(f"fitrec exercises: {message}", err=True)
        return typer.Exit(code)

    if mechanic is not None and mechanic not in ("compound", "isolation"):
        raise fail(f"--mechanic must be compound or isolation, not {mechanic!r}", 2)
    try:
        muscles = _muscle_filter(muscle) if muscle else None
    except ValueError as error:
        raise fail(f"--muscle: {error}", 2) from None
    catalog = default_catalog()
    match, found = _selected(catalog, query, muscles, mechanic)
    if as_json:
        payload = {
            "query": query,
            "match": None
            if match is None
            else {
                "slug": match.exercise.slug,
                "kind": match.kind.value,
                "confidence": match.confidence,
            },
            "exercises": [exercise_to_record(e) for e in found],
        }
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    if query and not found:
        hint = ", ".join(f"{m.exercise.name!r}" for m in catalog.suggest(query))
        raise fail(
            f"no exercise matches {query!r}" + (f"; did you mean {hint}?" if hint else ""), 1
        )
    console = Console()
    if match is not None:
        console.print(
            f"{query!r} -> [bold]{match.exercise.name}[/bold] ({match.exercise.slug}): "
            f"{match.kind.value} match, {match.confidence:.0%} sure",
            soft_wrap=True,
        )
    console.print(_table(found))


def _table(found: list[Exercise]) -> object:
    """A Rich table of exercises: name, slug, mechanic, prime movers, equipment."""
    from rich.table import Table

    table = Table(title=f"{len(found)} exercise{'s' if len(found) != 1 else ''}")
    table.add_column("Name")
    table.add_column("Slug", overflow="fold")
    for column in ("Mechanic", "Prime movers", "Equipment"):
        table.add_column(column)
    for exercise in found:
        table.add_row(
            exercise.name,
            exercise.slug,
            exercise.mechanic.value,
            ", ".join(m.value for m in exercise.prime_movers),
            exercise.equipment,
        )
    return table


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.command("exercises")(exercises)
