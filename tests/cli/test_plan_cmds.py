"""`fitrec plan`: notation or JSON out, bad flags refused by name, deterministic."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fitrec.cli.main import app

runner = CliRunner()
FLAGS = ["--days", "3", "--minutes", "60", "--level", "intermediate", "--training-age", "2 years"]


def test_plan_writes_notation_that_lints_clean(tmp_path: Path) -> None:
    out = tmp_path / "plan.txt"
    args = ["plan", *FLAGS, "--equipment", "barbell,dumbbell,cable", "--focus", "chest,back"]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("program: Post-exhaust plan: chest, back")
    linted = runner.invoke(app, ["lint", str(out)])
    assert "0 errors, 0 warnings" in linted.output


def test_plan_json_has_the_program_explanations_and_weekly_sets() -> None:
    result = runner.invoke(app, ["plan", *FLAGS, "--focus", "shoulders", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"program", "explanations", "weekly_sets", "sessions"}
    assert data["weekly_sets"]["shoulders"]["priority"] is True


def test_the_same_flags_give_the_same_program_and_a_seed_may_differ() -> None:
    args = ["plan", *FLAGS, "--focus", "chest", "--json"]
    first = json.loads(runner.invoke(app, args).stdout)["program"]
    assert json.loads(runner.invoke(app, args).stdout)["program"] == first
    seeded = {
        json.loads(runner.invoke(app, [*args, "--seed", str(s)]).stdout)["program"]
        for s in range(6)
    }
    assert len(seeded) > 1


def test_a_bad_value_is_refused_naming_the_flag_and_the_values_allowed() -> None:
    result = runner.invoke(app, ["plan", *FLAGS, "--equipment", "kettlebell"])
    assert result.exit_code == 2
    assert "--equipment" in result.stderr and "barbell, dumbbell, cable" in result.stderr
    result = runner.invoke(app, ["plan", *FLAGS, "--days", "8"])
    assert result.exit_code == 2 and "--days" in result.stderr and "2 to 6" in result.stderr


def test_without_level_the_profile_is_read(data_dir: Path) -> None:
    runner.invoke(app, ["profile", "set", "--level", "advanced", "--training-age", "3 years"])
    result = runner.invoke(app, ["plan", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["request"]["level"] == "advanced"


def test_plan_with_level_and_training_age_imports_no_web_or_database_stack() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from fitrec.cli.main import app\n"
        f"try:\n    app(['plan', *{FLAGS!r}, '--focus', 'chest'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'sqlalchemy', 'fastapi', 'starlette', 'jinja2', 'uvicorn', 'alembic',\n"
        "         'pydantic'}\n"
        "heavy &= {name.split('.')[0] for name in sys.modules}\n"
        "print(sorted(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
