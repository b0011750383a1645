import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from fitrec.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "examples" / "sample-workout.txt")
BAD = ROOT / "examples" / "bad"
runner = CliRunner()


def test_the_sample_lints_clean_with_exit_0() -> None:
    result = runner.invoke(app, ["lint", SAMPLE])
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


def test_a_pairing_error_is_compiler_style_and_exits_1() -> None:
    path = str(BAD / "pairing.txt")
    result = runner.invoke(app, ["lint", path])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{path}:10:5: error[pairing] Triceps Pushdown works the triceps")
    assert lines[1].strip().startswith("fix: pair it with")
    assert lines[-1] == "1 error, 0 warnings, 0 info in 1 file"


def test_level_override_gives_too_many_pairs_but_exit_0() -> None:
    result = runner.invoke(app, ["lint", SAMPLE, "--level", "intermediate"])
    assert result.exit_code == 0
    assert "warning[too-many-pairs]" in result.output


def test_json_is_one_array_over_all_files() -> None:
    files = [SAMPLE, str(BAD / "pairing.txt"), str(BAD / "rest-long.txt")]
    result = runner.invoke(app, ["lint", *files, "--format", "json"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert [r["code"] for r in rows] == ["pairing", "rest-long"]
    expected = {"path", "line", "column", "code", "severity", "message", "fix", "location"}
    assert all(set(r) == expected for r in rows)
    assert rows[0]["path"].endswith("pairing.txt") and rows[0]["line"] == 10


def test_unreadable_or_unparsable_files_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("program: x\n\n## D\nA1. Bench Press: four by eight\n", encoding="utf-8")
    result = runner.invoke(app, ["lint", str(broken)])
    assert result.exit_code == 2
    assert f"{broken}:4:18: error: expected a prescription" in result.stderr
    assert "^" in result.stderr
    assert "1 could not be parsed" in result.stdout
    missing = runner.invoke(app, ["lint", str(tmp_path / "nope.txt"), SAMPLE])
    assert missing.exit_code == 2 and "nope.txt: cannot read" in missing.stderr


def test_show_prints_loads_and_plates() -> None:
    result = runner.invoke(
        app,
        [
            "show",
            SAMPLE,
            "--1rm",
            "bench press=100kg",
            "--1rm",
            "squat=140kg",
            "--1rm",
            "row=198.4lb",
            "--1rm",
            "overhead press=60",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "80 kg" in result.output and "25 + 5" in result.output
    assert "72.5 kg" in result.output and "by feel" in result.output


def test_show_rejects_a_bad_1rm() -> None:
    result = runner.invoke(app, ["show", SAMPLE, "--1rm", "bench press"])
    assert result.exit_code == 2 and "NAME=WEIGHT" in result.stderr


def test_lint_does_not_import_the_web_or_database_stack() -> None:
    code = (
        "import sys\n"
        "from fitrec.cli.main import app\n"
        f"try:\n    app(['lint', {SAMPLE!r}])\nexcept SystemExit:\n    pass\n"
        "heavy = {'sqlalchemy', 'fastapi', 'starlette', 'jinja2', 'uvicorn', 'alembic',\n"
        "         'pydantic'}\n"
        "heavy &= {name.split('.')[0] for name in sys.modules}\n"
        "print(sorted(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_show_warns_about_a_1rm_no_entry_uses() -> None:
    result = runner.invoke(
        app, ["show", SAMPLE, "--1rm", "bench press=100kg", "--1rm", "deadlift=200kg"]
    )
    assert result.exit_code == 0, result.output
    assert "--1rm 'deadlift' was not used" in result.stderr
    assert "bench press" not in result.stderr
    assert "80 kg" in result.stdout


def test_show_rejects_a_zero_1rm() -> None:
    result = runner.invoke(app, ["show", SAMPLE, "--1rm", "bench press=0kg"])
    assert result.exit_code == 2
    assert "the 1RM for 'bench press' must be above 0" in result.stderr


ARTICLE_AS_PRINTED = (
    "Post-Exhaust Pair 1 - Chest:\n\n"
    "A1. Barbell Bench Press: 4×8 @ 80% 1RM\n\n"
    "→ Rest 60 seconds\n\n"
    "A2. Cable Flies: 4×15\n"
)


def test_a_file_without_a_program_line_is_named_after_the_file(tmp_path: Path) -> None:
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(ARTICLE_AS_PRINTED, encoding="utf-8")
    result = runner.invoke(app, ["lint", str(pasted), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    shown = runner.invoke(app, ["show", str(pasted), "--1rm", "bench press=100kg"])
    assert shown.exit_code == 0 and "80 kg" in shown.stdout


def test_disable_switches_a_rule_off_and_rejects_unknown_codes() -> None:
    result = runner.invoke(
        app, ["lint", SAMPLE, "--level", "intermediate", "--disable", "too-many-pairs"]
    )
    assert result.exit_code == 0 and "too-many-pairs" not in result.output
    assert "0 errors, 0 warnings" in result.output
    wrong = runner.invoke(app, ["lint", SAMPLE, "--disable", "pairng"])
    assert wrong.exit_code == 2
    assert "--disable: unknown rule code 'pairng'" in wrong.stderr and "pairing" in wrong.stderr
