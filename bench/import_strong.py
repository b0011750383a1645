"""Benchmark: import a generated 100,000-row Strong export into a fresh SQLite database.

Budget: <= 10 s and peak memory (max RSS) <= 400 MB. Run:
    .venv/bin/python bench/import_strong.py [--rows 100000] [--tracemalloc]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)
EXERCISES = (
    "Bench Press (Barbell)",
    "Chest Fly (Dumbbell)",
    "Squat (Barbell)",
    "Leg Extension (Machine)",
    "Deadlift (Barbell)",
    "Lateral Raise (Dumbbell)",
    "Overhead Press (Barbell)",
    "Lat Pulldown (Cable)",
    "My Odd Machine",
)


def strong_file(rows: int, seed: int = 7) -> bytes:
    """A Strong export of about `rows` rows: warm-ups, rest-timer rows, notes, noise."""
    rng = random.Random(seed)
    lines = [HEADER]
    start = datetime(2016, 1, 1, 18, 0)
    written = 0
    day = 0
    while written < rows:
        when = (start + timedelta(days=day)).strftime("%Y-%m-%d %H:%M:%S")
        day += 1
        head = f'{when},"Workout {day % 3}",1h 5m'
        for exercise in rng.sample(EXERCISES, 4):
            lines.append(f"{head},{exercise},W,40,10,0,0,,,\n")
            written += 1
            for order in range(1, 5):
                lines.append(f"{head},{exercise},Rest Timer,0,0,0,90,,,\n")
                weight = rng.choice((60, 80, 100, 149.99999999999997))
                note = '"tight, ""good""\nform"' if rng.random() < 0.05 else ""
                lines.append(
                    f"{head},{exercise},{order},{weight},{rng.randint(5, 12)}.0,0,0,{note},,8\n"
                )
                written += 2
    return "".join(lines).encode()


def main() -> None:
    """Generate, import, report time and memory."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations")
    args = parser.parse_args()

    from fitrec import bootstrap
    from fitrec.services.imports import import_file
    from fitrec.services.users import ensure_user

    data = strong_file(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        bootstrap.upgrade_database(url)
        make_uow = bootstrap.uow_factory(url=url)
        owner = ensure_user(make_uow, "bench")
        from fitrec.catalog import default_catalog

        default_catalog().lookup("bench press")  # catalogue load is not the import
        if args.tracemalloc:
            tracemalloc.start()
        began = time.perf_counter()
        result = import_file(make_uow, owner, data, unit="kg")
        elapsed = time.perf_counter() - began
        traced = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
        again_began = time.perf_counter()
        again = import_file(make_uow, owner, data, unit="kg")
        again_elapsed = time.perf_counter() - again_began
        bootstrap.dispose_engines()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = data.count(b"\n") - 1
    print(f"rows: {rows}  file: {len(data) / 1e6:.1f} MB")
    print(f"summary: {result.summary.to_dict()}")
    print(f"import: {elapsed:.2f} s  re-import (all skipped): {again_elapsed:.2f} s")
    print(f"skipped on re-import: {again.summary.skipped_sessions}")
    print(
        f"peak RSS: {rss_mb:.0f} MB" + (f"  traced peak: {traced / 1e6:.0f} MB" if traced else "")
    )


if __name__ == "__main__":
    main()
