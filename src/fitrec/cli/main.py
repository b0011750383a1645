"""The `fitrec` command: one Typer app, each area's commands registered from its module.

Each module's `register(app)` only declares commands; heavy imports happen inside
the command bodies so that `fitrec lint` starts fast.
"""

from __future__ import annotations

import typer

from fitrec.cli import (
    analytics_cmds,
    backup_cmds,
    catalog_cmds,
    cycle_cmds,
    history_cmds,
    interchange_cmds,
    lint_cmds,
    log_cmds,
    notation_cmds,
    plan_cmds,
    profile_cmds,
    server_cmds,
    store_cmds,
    strength_cmds,
)

app = typer.Typer(
    name="fitrec",
    help=(
        "Build, check and track post-exhaust training.\n\n"
        "Example: fitrec lint examples/sample-workout.txt"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)

_MODULES = (
    lint_cmds,
    plan_cmds,
    notation_cmds,
    catalog_cmds,
    strength_cmds,
    store_cmds,
    backup_cmds,
    log_cmds,
    history_cmds,
    profile_cmds,
    analytics_cmds,
    cycle_cmds,
    interchange_cmds,
    server_cmds,
)
for _module in _MODULES:
    _module.register(app)


def main() -> None:
    """Run the `fitrec` command line."""
    app()
