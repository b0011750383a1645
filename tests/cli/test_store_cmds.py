"""The store commands end to end on a real SQLite file in a temp data dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fitrec.cli.main import app
from fitrec.config import get_settings
from tests.cli.local import run, runner


def test_db_upgrade_creates_the_database_in_the_data_dir(data_dir: Path) -> None:
    code, out, _ = run("db", "upgrade")
    assert code == 0, out
    assert (data_dir / "fitrec.db").exists()


def test_templates_list_json_names_every_builtin(data_dir: Path) -> None:
    code, out, _ = run("templates", "list", "--json")
    assert code == 0
    names = [t["name"] for t in json.loads(out)]
    for name in (
        "Chest post-exhaust",
        "Back post-exhaust",
        "Shoulder post-exhaust",
        "Quadriceps post-exhaust",
        "Hamstrings post-exhaust",
        "Triceps post-exhaust",
        "Sample post-exhaust full body",
    ):
        assert name in names


def test_programs_add_export_delete(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "p.txt"
    source.write_text(
        "program: Mine\n\n## Day A\n\nA1. Bench Press: 4×8 @ 80% 1RM\n→ Rest 60 seconds\n"
        "A2. Cable Flies: 4×15 @ 0 RIR\n",
        encoding="utf-8",
    )
    assert run("programs", "add", str(source))[0] == 0
    code, out, _ = run("programs", "export", "Mine")
    assert code == 0
    assert "A1. Bench Press: 4×8 @ 80% 1RM" in out and "→ Rest 60 seconds" in out
    assert run("programs", "delete", "Mine")[0] == 0
    code, _, err = run("programs", "export", "Mine")
    assert code == 1 and "not found" in err


def test_programs_add_reports_the_bad_line(data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.txt"
    source.write_text(
        "program: Bad\n\n## Day\n\nA1. Bench Press: four by eight\n", encoding="utf-8"
    )
    code, _, err = run("programs", "add", str(source))
    assert code == 1 and f"error: {source}: line 5, column " in err
    assert run("programs", "list", "--json")[1].strip() == "[]"


def test_program_ids_are_printed_whole_on_a_narrow_terminal(data_dir: Path) -> None:
    run("templates", "copy", "Chest post-exhaust")
    [program] = json.loads(run("programs", "list", "--json")[1])
    out = runner.invoke(app, ["programs", "list"], env={"COLUMNS": "80"}).stdout
    assert program["id"] in "".join(line.split("│")[-2].strip() for line in out.splitlines()[3:-1])


def test_db_upgrade_error_hides_the_password(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.pg_server import free_port

    url = f"postgresql://fitrec:s3cret@127.0.0.1:{free_port()}/nowhere"
    monkeypatch.setenv("FITREC_DATABASE_URL", url)
    get_settings.cache_clear()
    code, out, err = run("db", "upgrade")
    assert code == 1 and "error: cannot upgrade" in err
    assert "fitrec:***@127.0.0.1" in err and "s3cret" not in out + err
