"""Benchmark: log one set through the service layer on SQLite with 100,000 sets stored.

Run: .venv/bin/python bench/log_set.py [--existing 100000] [--runs 2000]
Prints the median and p90 of `fitrec.services.sessions.log_set` in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fitrec import bootstrap
from fitrec.domain.sessions import PerformedSet, Session
from fitrec.services import history, sessions
from fitrec.services.users import ensure_user

SETS_PER_SESSION = 20


def seed(make_uow, owner_id: int, existing: int) -> None:
    """Store `existing` sets in sessions of 20 through the bulk path."""
    start = datetime(2015, 1, 1, tzinfo=UTC)
    batch = []
    for i in range(existing // SETS_PER_SESSION):
        day = start + timedelta(days=i)
        batch.append(
            Session(
                started_at=day,
                finished_at=day + timedelta(hours=1),
                workout_name="Full body",
                sets=[
                    PerformedSet(
                        "barbell-bench-press" if k % 2 else "cable-fly",
                        100.0,
                        8,
                        id=uuid.uuid4().hex,
                        performed_at=day,
                    )
                    for k in range(SETS_PER_SESSION)
                ],
            )
        )
        if len(batch) == 500:
            history.add_sessions(make_uow, owner_id, batch)
            batch = []
    if batch:
        history.add_sessions(make_uow, owner_id, batch)


def main() -> None:
    """Seed, then time log_set calls."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--existing", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        bootstrap.upgrade_database(url)
        make_uow = bootstrap.uow_factory(url=url)
        owner_id = ensure_user(make_uow, "bench")
        seed(make_uow, owner_id, args.existing)
        session_id = sessions.start_session(make_uow, owner_id, workout="Bench").id
        names = ["Barbell Bench Press", "Cable Flies"]
        for i in range(50):  # warm caches (catalogue, statement cache, pool)
            sessions.log_set(
                make_uow, owner_id, session_id, exercise=names[i % 2], weight=60, reps=10
            )
        timings = []
        for i in range(args.runs):
            began = time.perf_counter()
            sessions.log_set(
                make_uow,
                owner_id,
                session_id,
                exercise=names[i % 2],
                weight=100.0,
                reps=8,
                rpe=8.0,
                rest_before_s=90,
                set_id=uuid.uuid4().hex,
            )
            timings.append((time.perf_counter() - began) * 1000)
        bootstrap.dispose_engines()
    timings.sort()
    median = statistics.median(timings)
    p90 = timings[int(len(timings) * 0.9)]
    print(f"log_set on SQLite with {args.existing:,} sets stored, {args.runs} runs:")
    print(f"median {median:.3f} ms, p90 {p90:.3f} ms")


if __name__ == "__main__":
    main()
