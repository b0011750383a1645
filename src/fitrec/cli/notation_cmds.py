"""CLI commands for the plain-text program notation: `fitrec fmt`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

FILES_HELP = "Program text files to format; `-` reads stdin and writes stdout."
CHECK_HELP = "Change nothing; exit 1 listing the files that are not in canonical form."


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.command(name="fmt")(fmt)


def fmt(
    files: list[str] = typer.Argument(..., help=FILES_HELP, metavar="FILE"),
    check: bool = typer.Option(False, "--check", help=CHECK_HELP),
) -> None:
    """Rewrite program text files in the canonical notation.

    Exit status: 0 when all is well, 1 when --check finds files to change,
    2 when a file cannot be read or parsed.

    Example: fitrec fmt examples/sample-workout.txt --check
    """
    from fitrec.textformat import NotationError, format_program, parse_program

    would_change: list[str] = []
    failed = False
    for name in files:
        try:
            original = _read(name)
            formatted = format_program(parse_program(original, default_name=_stem(name)))
        except NotationError as err:
            typer.echo(err.report(name), err=True)
            failed = True
            continue
        except (OSError, UnicodeDecodeError) as err:
            typer.echo(f"{name}: cannot read: {err}", err=True)
            failed = True
            continue
        changed = formatted != original
        if check:
            if changed:
                would_change.append(name)
        elif name == "-":
            sys.stdout.write(formatted)
        elif changed:
            try:
                Path(name).write_text(formatted, encoding="utf-8", newline="\n")
            except OSError as err:
                typer.echo(f"{name}: cannot write: {err}", err=True)
                failed = True
                continue
            typer.echo(f"reformatted {name}")
    for name in would_change:
        typer.echo(f"would reformat {name}")
    if failed:
        raise typer.Exit(2)
    if would_change:
        raise typer.Exit(1)


def _stem(name: str) -> str:
    """The name a file's program takes when it has no `program:` line."""
    return "Program" if name == "-" else Path(name).stem


def _read(name: str) -> str:
    """The text of a file (or stdin for `-`), newlines and any BOM kept as written."""
    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    return data.decode("utf-8")
