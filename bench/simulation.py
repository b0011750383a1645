"""Simulated lifters through 12 weeks of cycles and weekly reviews: the rate per kind.

Runs 200 lifters of each kind (seeded) through `fitrec.planning.simulation` and reports
how many got what their kind should (target ≥ 95 % each). `--write` records the
figures in bench/RESULTS.md under "## simulated lifters".
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import time
from pathlib import Path

from fitrec.catalog import default_catalog
from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import Entry
from fitrec.planning.simulation import LifterKind, decline_week, expected, simulate

ROOT = Path(__file__).resolve().parents[1]
CATALOG = default_catalog()
TARGET = 0.95


def resolve(entry: Entry) -> Exercise | None:
    """The catalogue exercise an entry names."""
    if entry.exercise_slug:
        return CATALOG.get(entry.exercise_slug)
    match = CATALOG.lookup(entry.name)
    return match.exercise if match else None


def run(count: int, seed: int) -> str:
    """The RESULTS.md section for `count` lifters of each kind."""
    rows = []
    start = time.perf_counter()
    for offset, kind in enumerate(LifterKind):
        runs = [simulate(kind, seed + offset * 1_000_003 + i, resolve) for i in range(count)]
        hits = sum(expected(r) for r in runs)
        first, last = (
            statistics.median(r.weeks[0].isolation_sets for r in runs),
            statistics.median(r.weeks[-1].isolation_sets for r in runs),
        )
        pairs = statistics.median(r.weeks[-1].pairs for r in runs)
        declines = [w for r in runs if (w := decline_week(r)) is not None]
        onset = f"{statistics.median(declines):g}" if declines else "-"
        verdict = "ok" if hits / count >= TARGET else "BELOW"
        rows.append(
            f"| {kind.value} | {count} | {hits} | {hits / count:.1%} ({verdict}) | "
            f"{first:g} → {last:g} | {pairs:g} of 4 | {onset} |\n"
        )
    seconds = time.perf_counter() - start
    return (
        "## simulated lifters\n\n"
        f"Command: `.venv/bin/python bench/simulation.py --count {count} --seed {seed} --write` "
        "(the fitness-fatigue model of `fitrec.planning.simulation`, 12 weeks: an 8-week cycle "
        "and its deload, then a new cycle; every proposal of the weekly review accepted).\n\n"
        f"Machine: {os.cpu_count()} CPUs (`nproc`), this box; date {dt.date.today().isoformat()}; "
        f"{seconds:.1f} s for {3 * count} runs.\n\n"
        "Expected: recovers well: more isolation sets at the end and a rising logged e1RM "
        "(last four sessions above the first four, every lift); overreaches: the model e1RM "
        "falls 5 % below its best, post-exhaust is reduced (finisher, straight sets or a set "
        "fewer) by two weeks after that at the latest, and a deload week follows; flat: as "
        "many pairs at the end as at the start, ±1.\n\n"
        "| kind | runs | as expected | rate (target ≥ 95 %) | isolation sets a week (median, "
        "week 1 → 12) | pairs at the end (median) | decline week (median) |\n"
        "|---|---:|---:|---:|---|---|---:|\n" + "".join(rows)
    )


def write_section(text: str) -> None:
    """Replace the "## simulated lifters" section of bench/RESULTS.md, leaving the others."""
    path = ROOT / "bench" / "RESULTS.md"
    current = path.read_text(encoding="utf-8")
    pattern = re.compile(r"^## simulated lifters\n.*?(?=^## |\Z)", flags=re.MULTILINE | re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text + "\n", current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.write_text(updated, encoding="utf-8")


def main() -> None:
    """Simulate and print (and with --write, record) the rates."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    text = run(args.count, args.seed)
    print(text)
    if args.write:
        write_section(text)


if __name__ == "__main__":
    main()
