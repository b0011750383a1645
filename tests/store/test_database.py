"""SQLite engines: pragmas, and a writer that waits for another instead of failing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import text

from fitrec.store.database import BUSY_TIMEOUT_MS, make_engine


def test_pragmas_are_set_and_the_busy_timeout_is_restored_after_begin(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.begin() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS
    engine.dispose()


def test_a_writer_waits_for_the_lock_held_by_another(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    first, second = make_engine(url), make_engine(url)
    with first.begin() as conn:
        conn.execute(text("CREATE TABLE t (n INTEGER)"))
    done: list[float] = []

    def write_later() -> None:
        with second.begin() as conn:  # blocks on BEGIN IMMEDIATE until `first` commits
            conn.execute(text("INSERT INTO t VALUES (2)"))
        done.append(time.monotonic())

    with first.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (1)"))
        waiter = threading.Thread(target=write_later)
        waiter.start()
        time.sleep(0.2)
        released = time.monotonic()
        assert not done, "the second writer must wait while the first holds the lock"
    waiter.join(timeout=10)
    assert done and done[0] >= released
    with first.connect() as conn:
        assert sorted(r[0] for r in conn.execute(text("SELECT n FROM t"))) == [1, 2]
    first.dispose()
    second.dispose()
