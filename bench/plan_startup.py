"""Wall time of `fitrec plan` from a fresh interpreter (start-up included), target ≤ 300 ms.

Runs the command several times, interleaved with a one-command typer app (the floor
any typer command pays), and reports medians and their ratio. `--write` records the
figures in bench/RESULTS.md under "## plan wall time".
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
ARGS = (
    "--days 4 --minutes 75 --level intermediate --training-age 24 "
    "--equipment barbell,dumbbell,cable,machine --focus chest,back,shoulders"
)
PLAN = [sys.executable, "-m", "fitrec", "plan", *ARGS.split()]
LINT = [sys.executable, "-m", "fitrec", "lint", "examples/sample-workout.txt"]
# 154 ms quiet (the lint start-up section, 2026-11-24): 1.93x this floor's 80 ms.
QUIET_FLOOR_MS = 80.0
TYPER_FLOOR = [
    sys.executable,
    "-c",
    "import typer, rich.console\n"
    "app = typer.Typer(add_completion=False)\n"
    "@app.command()\ndef run(path: str) -> None:\n    pass\n"
    "app(['x'])",
]
TARGET_MS = 300.0


def timed(command: list[str]) -> float:
    """Wall-clock seconds of one run in a fresh interpreter (bytecode caches warm)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def cpu_model() -> str:
    """The CPU model from /proc/cpuinfo (or the platform's guess)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown"
    found = re.search(r"^model name\s*:\s*(.+)$", text, flags=re.MULTILINE)
    return found.group(1).strip() if found else "unknown"


def _row(label: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return f"| {label} | {statistics.median(ms):.0f} ms | {min(ms):.0f} ms | {max(ms):.0f} ms |\n"


def section(plan: list[float], floor: list[float], lint: list[float]) -> str:
    """The RESULTS.md section for these timings."""
    plan_ms = statistics.median(plan) * 1000
    floor_ms = statistics.median(floor) * 1000
    verdict = "within" if plan_ms <= TARGET_MS else "OVER"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        "## plan wall time\n\n"
        f"Command: `python bench/plan_startup.py --runs {len(plan)} --write` — "
        f"`fitrec plan {ARGS}` (as `python -m fitrec`), fresh interpreter each run, "
        "interleaved with a one-command typer app (the floor).\n\n"
        f"Machine: {os.cpu_count()} CPUs (`nproc`), {cpu_model()}; "
        f"Python {platform.python_version()}; load average {load:.1f}; "
        f"date {dt.date.today().isoformat()}.\n\n"
        "| command | median | min | max |\n|---|---|---|---|\n"
        + _row("fitrec plan", plan)
        + _row("fitrec lint (for scale)", lint)
        + _row("a one-command typer app (floor)", floor)
        + f"\nMedian **{plan_ms:.0f} ms** ({verdict} the {TARGET_MS:.0f} ms target); "
        f"{plan_ms / floor_ms:.2f}× the floor, {plan_ms / statistics.median(lint) / 1000:.2f}× "
        "fitrec lint. On a loaded machine every interpreter start is slow; at the floor's "
        f"quiet {QUIET_FLOOR_MS:.0f} ms (lint start-up section) this ratio is "
        f"{plan_ms / floor_ms * QUIET_FLOOR_MS:.0f} ms.\n"
    )


def write_section(text: str) -> None:
    """Replace the "## plan wall time" section of bench/RESULTS.md, leaving the others."""
    path = ROOT / "bench" / "RESULTS.md"
    current = path.read_text(encoding="utf-8")
    pattern = re.compile(r"^## plan wall time\n.*?(?=^## |\Z)", flags=re.MULTILINE | re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text + "\n", current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.write_text(updated, encoding="utf-8")


def main() -> None:
    """Measure and print (and with --write, record) the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    for command in (PLAN, TYPER_FLOOR, LINT):
        timed(command)  # compile bytecode once so every measured run is alike
    plan, floor, lint = [], [], []
    for _ in range(args.runs):
        plan.append(timed(PLAN))
        floor.append(timed(TYPER_FLOOR))
        lint.append(timed(LINT))
    text = section(plan, floor, lint)
    print(text)
    if args.write:
        write_section(text)


if __name__ == "__main__":
    main()
