"""A weekly review (`fitrec.services.reviews.review_cycle`) with 10 years of history.

Seeds a SQLite file with bench/analytics.py's history (three sessions a week, four
post-exhaust pairs, moved to end yesterday), the article's full-body sample as a
program and a cycle of it, then times the review (target: median ≤ 50 ms).
`--write` records the figures in bench/RESULTS.md under "## weekly review".
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fitrec import bootstrap
from fitrec.services import cycles, history, reviews, templates
from fitrec.services.users import ensure_user

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 50.0
TEMPLATE = "Sample post-exhaust full body"


def _web_pages() -> object:
    spec = importlib.util.spec_from_file_location("bench_web_pages", ROOT / "bench/web_pages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> None:
    """Seed, time the review and print (and with --write, record) the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'review.db'}"
        bootstrap.upgrade_database(url)
        make_uow = bootstrap.uow_factory(url=url)
        owner = ensure_user(make_uow, "lifter")
        program = templates.copy_template(make_uow, owner, TEMPLATE)
        past = _web_pages().generated_history(args.years)  # type: ignore[attr-defined]
        for start in range(0, len(past), 500):
            history.add_sessions(make_uow, owner, past[start : start + 500])
        cycles.start_cycle(make_uow, owner, program.id, 6)
        reviews.rate_muscle(make_uow, owner, "chest", soreness=2, joint=1)
        reviews.review_cycle(make_uow, owner)  # warm caches once
        times = []
        for _ in range(args.runs):
            start_at = time.perf_counter()
            found = reviews.review_cycle(make_uow, owner)
            times.append((time.perf_counter() - start_at) * 1000)
        bootstrap.dispose_engines()
    sets = sum(len(s.sets) for s in past)
    median = statistics.median(times)
    verdict = "within" if median <= TARGET_MS else "OVER"
    load = os.getloadavg()[0]
    text = (
        "## weekly review\n\n"
        f"Command: `.venv/bin/python bench/review.py --years {args.years} --runs {args.runs} "
        "--write` — `services.reviews.review_cycle` on a SQLite file holding "
        f"{len(past):,} sessions and {sets:,} sets ({args.years} years of bench/analytics.py's "
        f"history), a cycle of the article's full-body sample, {len(found.proposals)} "
        "proposals a review.\n\n"
        f"Machine: {os.cpu_count()} CPUs (`nproc`), this box; load average {load:.1f}; "
        f"date {dt.date.today().isoformat()}.\n\n"
        "| runs | median | p90 | target |\n|---:|---:|---:|---:|\n"
        f"| {args.runs} | {median:.1f} ms | {sorted(times)[int(len(times) * 0.9)]:.1f} ms | "
        f"≤ {TARGET_MS:.0f} ms ({verdict}) |\n\n"
        "The review reads the last 42 days of history (a lift's last twelve sessions at two "
        "a week: the decline check's window and the best before it; the latest feedback), "
        "so its cost does not grow with the years stored. The machine was shared (see the "
        "load average); the figure is a median.\n"
    )
    print(text)
    if args.write:
        path = ROOT / "bench" / "RESULTS.md"
        current = path.read_text(encoding="utf-8")
        pattern = re.compile(r"^## weekly review\n.*?(?=^## |\Z)", flags=re.MULTILINE | re.DOTALL)
        if pattern.search(current):
            updated = pattern.sub(lambda _: text + "\n", current, count=1)
        else:
            updated = current.rstrip("\n") + "\n\n" + text
        path.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    main()
