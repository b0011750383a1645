"""Shared by the import benchmarks: import a generated file twice into a fresh SQLite file.

Not a benchmark itself; `bench/import_jefit.py` and `bench/import_gymbook.py` call `run`.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path


def arguments(rows: int = 100_000) -> argparse.Namespace:
    """`--rows`, `--runs` and `--tracemalloc`."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=rows)
    parser.add_argument("--runs", type=int, default=3, help="imports, each into a fresh database")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations")
    return parser.parse_args()


def run(make_file: Callable[[int], bytes], fmt: str, unit: str | None = None) -> None:
    """Generate, import `--runs` times (fresh database each), re-import once; print figures.

    `unit` for a format whose files do not say (a Strong reference run: `run(strong_file,
    "strong", "kg")`).
    """
    args = arguments()
    from fitrec import bootstrap
    from fitrec.catalog import default_catalog
    from fitrec.services.imports import import_file
    from fitrec.services.users import ensure_user

    data = make_file(args.rows)
    default_catalog().lookup("bench press")  # catalogue load is not the import
    times: list[float] = []
    cpu_times: list[float] = []  # this process's CPU time: what a shared machine's load hides
    again_times: list[float] = []
    traced = None
    for attempt in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            bootstrap.upgrade_database(url)
            make_uow = bootstrap.uow_factory(url=url)
            owner = ensure_user(make_uow, "bench")
            if args.tracemalloc and attempt == 0:
                tracemalloc.start()
            began, cpu_began = time.perf_counter(), time.process_time()
            result = import_file(make_uow, owner, data, source=fmt, unit=unit)
            times.append(time.perf_counter() - began)
            cpu_times.append(time.process_time() - cpu_began)
            if args.tracemalloc and attempt == 0:
                traced = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            began = time.perf_counter()
            again = import_file(make_uow, owner, data, source=fmt, unit=unit)
            again_times.append(time.perf_counter() - began)
            bootstrap.dispose_engines()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = data.count(b"\n") - 1
    print(f"format: {fmt}  data rows: {args.rows}  lines: {lines}  file: {len(data) / 1e6:.1f} MB")
    print(f"summary: {result.summary.to_dict()}")
    print(
        f"import: median {statistics.median(times):.2f} s of {[round(t, 2) for t in times]}  "
        f"re-import (all skipped): median {statistics.median(again_times):.2f} s"
    )
    print(
        f"import CPU time: median {statistics.median(cpu_times):.2f} s of "
        f"{[round(t, 2) for t in cpu_times]}  load average: {os.getloadavg()[0]:.1f}"
    )
    print(f"skipped on re-import: {again.summary.skipped_sessions}")
    print(
        f"peak RSS: {rss_mb:.0f} MB" + (f"  traced peak: {traced / 1e6:.0f} MB" if traced else "")
    )
