"""`fitrec cycle start|show|advance` on the local database."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fitrec.cli.main import app

runner = CliRunner()


def _program(data_dir: Path) -> None:
    path = data_dir / "plan.txt"
    result = runner.invoke(
        app,
        [
            "plan",
            "--days",
            "2",
            "--level",
            "beginner",
            "--training-age",
            "12",
            "--focus",
            "chest",
            "-o",
            str(path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["programs", "add", str(path)]).exit_code == 0


def test_start_show_advance_with_the_grid(data_dir: Path) -> None:
    _program(data_dir)
    started = runner.invoke(app, ["cycle", "start", "Post-exhaust plan: chest", "--weeks", "4"])
    assert started.exit_code == 0, started.output
    assert "▶ next" in started.output and "deload" in started.output
    advanced = runner.invoke(app, ["cycle", "advance", "--json"])
    data = json.loads(advanced.stdout)
    assert data["grid"][0]["days"] == ["done", "next"]
    assert data["next"]["workout"] == "Day 2"
    shown = json.loads(runner.invoke(app, ["cycle", "show", "--json"]).stdout)
    assert shown["days_done"] == 1 and shown["grid"][-1]["kind"] == "deload"


def test_bad_weeks_name_the_flag(data_dir: Path) -> None:
    _program(data_dir)
    result = runner.invoke(app, ["cycle", "start", "Post-exhaust plan: chest", "--weeks", "12"])
    assert result.exit_code == 1 and "--weeks" in result.stderr and "4 to 8" in result.stderr


def test_show_without_a_cycle_says_how_to_start_one(data_dir: Path) -> None:
    result = runner.invoke(app, ["cycle", "show"])
    assert result.exit_code == 1 and "fitrec cycle start" in result.stderr
