"""Run `fitrec` commands in-process, as a terminal wide enough not to wrap ids."""

from __future__ import annotations

from typer.testing import CliRunner

from fitrec.cli.main import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one `fitrec` command."""
    result = runner.invoke(app, list(args), env={"COLUMNS": "250"})
    return result.exit_code, result.stdout, result.stderr
