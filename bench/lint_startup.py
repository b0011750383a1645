"""Cold start-up of `fitrec lint` against a bare `import typer, rich.console`.

Runs each command several times, interleaved, and reports medians and their ratio
(target: lint at most 2.5× the bare import). `--write` records the figures in
bench/RESULTS.md under "## lint start-up".
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "examples/sample-workout.txt"
LINT = [sys.executable, "-m", "fitrec", "lint", SAMPLE]
BASELINE = [sys.executable, "-c", "import typer, rich.console"]
# What any typer command pays to run: building the click command from a function.
TYPER_FLOOR = [
    sys.executable,
    "-c",
    "import typer, rich.console\n"
    "app = typer.Typer(add_completion=False)\n"
    "@app.command()\ndef run(path: str) -> None:\n    pass\n"
    "app(['x'])",
]
TARGET_RATIO = 2.5


def timed(command: list[str]) -> float:
    """Wall-clock seconds of one run, bytecode caches warm but a fresh interpreter."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=False, capture_output=True)
    return time.perf_counter() - start


def cpu_model() -> str:
    """The CPU model from /proc/cpuinfo (or the platform's guess)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown"
    found = re.search(r"^model name\s*:\s*(.+)$", text, flags=re.MULTILINE)
    return found.group(1).strip() if found else "unknown"


def measure(runs: int) -> tuple[list[float], list[float], list[float]]:
    """Interleaved timings of the lint command, the baseline and the typer floor."""
    for command in (LINT, BASELINE, TYPER_FLOOR):
        timed(command)  # compile bytecode once so every measured run is alike
    lint, base, floor = [], [], []
    for _ in range(runs):
        lint.append(timed(LINT))
        base.append(timed(BASELINE))
        floor.append(timed(TYPER_FLOOR))
    return lint, base, floor


def _row(label: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return f"| {label} | {statistics.median(ms):.0f} ms | {min(ms):.0f} ms | {max(ms):.0f} ms |\n"


def section(lint: list[float], base: list[float], floor: list[float]) -> str:
    """The RESULTS.md section for these timings."""
    lint_ms, base_ms = statistics.median(lint) * 1000, statistics.median(base) * 1000
    floor_ms = statistics.median(floor) * 1000
    ratio = lint_ms / base_ms
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    return (
        "## lint start-up\n\n"
        f"Command: `python bench/lint_startup.py --runs {len(lint)} --write` — "
        f"`fitrec lint {SAMPLE}` (as `python -m fitrec`) against "
        '`python -c "import typer, rich.console"`, runs interleaved, fresh interpreter each.\n\n'
        f"Machine: {os.cpu_count()} CPUs (`nproc`), {cpu_model()}; "
        f"Python {platform.python_version()}; date {dt.date.today().isoformat()}.\n\n"
        "| command | median | min | max |\n|---|---|---|---|\n"
        + _row("fitrec lint", lint)
        + _row("import typer, rich.console", base)
        + _row("a one-command typer app (floor)", floor)
        + f"\nRatio of medians: **{ratio:.2f}×** ({verdict} the {TARGET_RATIO}× target). "
        f"The floor (a one-command typer app) is "
        f"{floor_ms / base_ms:.2f}× the baseline; fitrec lint is {lint_ms / floor_ms:.2f}× "
        "the floor.\n"
    )


def write_section(text: str) -> None:
    """Replace the "## lint start-up" section of bench/RESULTS.md, leaving the others."""
    path = ROOT / "bench" / "RESULTS.md"
    current = path.read_text(encoding="utf-8")
    pattern = re.compile(r"^## lint start-up\n.*?(?=^## |\Z)", flags=re.MULTILINE | re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text + "\n", current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.write_text(updated, encoding="utf-8")


def main() -> None:
    """Measure and print (and with --write, record) the start-up figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    lint, base, floor = measure(args.runs)
    text = section(lint, base, floor)
    print(text)
    if args.write:
        write_section(text)


if __name__ == "__main__":
    main()
