"""CLI commands for this area (registered by `fitrec.cli.main`)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    del app
