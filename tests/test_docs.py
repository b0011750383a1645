"""Every CLI command and every lint rule code is documented."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from fitrec.cli.main import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def command_paths() -> list[str]:
    """Every command of the CLI as typed, e.g. `lint`, `log set`."""
    root = typer.main.get_command(app)
    found: list[str] = []

    def walk(cmd: object, prefix: str) -> None:
        sub = getattr(cmd, "commands", None)
        if sub:
            for name, child in sub.items():
                walk(child, f"{prefix} {name}".strip())
        else:
            found.append(prefix)

    walk(root, "")
    return found


def test_every_cli_command_is_documented() -> None:
    reference = "\n".join(p.read_text(encoding="utf-8") for p in (DOCS / "cli").glob("*.md"))
    missing = [c for c in command_paths() if f"fitrec {c}" not in reference]
    assert not missing, f"undocumented commands (add them under docs/cli/): {missing}"


def test_every_cli_command_has_an_example_in_its_help() -> None:
    root = typer.main.get_command(app)
    missing = []
    for path in command_paths():
        cmd = root
        for part in path.split():
            cmd = cmd.commands[part]  # type: ignore[attr-defined]
        if "Example" not in (cmd.help or ""):
            missing.append(path)
    assert not missing, f"commands whose --help has no example: {missing}"


def test_every_rule_code_is_documented() -> None:
    from fitrec.rules.codes import RULES

    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^##+ `([a-z-]+)`", text, flags=re.MULTILINE))
    missing = [code for code in RULES if code not in headings]
    assert not missing, f"rule codes without a `## \\`code\\`` section in docs/rules.md: {missing}"
