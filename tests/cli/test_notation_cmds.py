"""`fitrec fmt`: rewrite in place, --check, stdin, and parse errors."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from fitrec.cli.main import app

CANONICAL = (
    "program: P\n\n## Day 1\n\nA1. Bench: 4×8 @ 80% 1RM\n→ Rest 60 seconds\nA2. Flies: 4×15\n"
)
LOOSE = "program: P\r\nA1. Bench: 4x8 @ 80%\r\n-> rest 1 min\r\nA2. Flies: 4x15\r\n"
BROKEN = "program: P\nA1. Bench Press: four by eight\n"

runner = CliRunner()


def test_fmt_rewrites_files_in_place(tmp_path: Path) -> None:
    loose = tmp_path / "loose.txt"
    loose.write_bytes(LOOSE.encode())
    done = tmp_path / "done.txt"
    done.write_text(CANONICAL, encoding="utf-8")
    result = runner.invoke(app, ["fmt", str(loose), str(done)])
    assert result.exit_code == 0, result.output
    assert loose.read_bytes() == CANONICAL.encode()
    assert f"reformatted {loose}" in result.stdout
    assert str(done) not in result.stdout


def test_check_changes_nothing_and_lists_files_to_change(tmp_path: Path) -> None:
    loose = tmp_path / "loose.txt"
    loose.write_bytes(LOOSE.encode())
    done = tmp_path / "done.txt"
    done.write_text(CANONICAL, encoding="utf-8")
    result = runner.invoke(app, ["fmt", "--check", str(loose), str(done)])
    assert result.exit_code == 1
    assert f"would reformat {loose}" in result.stdout
    assert str(done) not in result.stdout
    assert loose.read_bytes() == LOOSE.encode()
    assert runner.invoke(app, ["fmt", "--check", str(done)]).exit_code == 0


def test_a_bom_alone_counts_as_a_change(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(("\ufeff" + CANONICAL).encode())
    assert runner.invoke(app, ["fmt", "--check", str(path)]).exit_code == 1


def test_parse_errors_print_the_excerpt_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(BROKEN, encoding="utf-8")
    loose = tmp_path / "loose.txt"
    loose.write_bytes(LOOSE.encode())
    result = runner.invoke(app, ["fmt", str(bad), str(loose)])
    assert result.exit_code == 2
    assert f"{bad}:2:18: error: expected a prescription" in result.stderr
    assert "    A1. Bench Press: four by eight\n" + " " * 21 + "^" in result.stderr
    assert bad.read_text(encoding="utf-8") == BROKEN
    assert loose.read_bytes() == CANONICAL.encode()


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["fmt", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_dash_reads_stdin_and_writes_stdout() -> None:
    result = runner.invoke(app, ["fmt", "-"], input=LOOSE)
    assert result.exit_code == 0
    assert result.stdout == CANONICAL
    check = runner.invoke(app, ["fmt", "--check", "-"], input=LOOSE)
    assert check.exit_code == 1 and "would reformat -" in check.stdout


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["fmt", "--help"])
    assert result.exit_code == 0 and "Example: fitrec fmt" in result.stdout


def test_fmt_names_a_program_without_a_program_line_after_its_file(tmp_path: Path) -> None:
    pasted = tmp_path / "chest day.txt"
    pasted.write_text("A1. Bench: 4x8 @ 80%\n\n-> Rest 60s\n\nA2. Flies: 4x15\n", encoding="utf-8")
    result = runner.invoke(app, ["fmt", str(pasted)])
    assert result.exit_code == 0, result.output
    assert pasted.read_text(encoding="utf-8") == CANONICAL.replace(
        "program: P", "program: chest day"
    )
