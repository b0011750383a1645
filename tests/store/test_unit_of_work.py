"""The unit of work: a read-only one holds up no writer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fitrec.domain.sessions import PerformedSet, Session
from fitrec.services.history import add_sessions


def test_a_read_only_unit_of_work_holds_up_no_writer(make_uow: Any, owner_id: int) -> None:
    session = Session(
        datetime(2025, 1, 1, tzinfo=UTC), [PerformedSet("barbell-bench-press", 100, 5)]
    )
    with make_uow(read_only=True) as reader:
        before = reader.analytics_cache.version(owner_id)
        assert reader.sessions.history(owner_id) == []
        # On SQLite a writing unit of work begins IMMEDIATE: had the reader taken the
        # write lock, this would wait for the busy timeout and then fail.
        add_sessions(make_uow, owner_id, [session])
    with make_uow(read_only=True) as reader:
        assert reader.analytics_cache.version(owner_id) > before
        assert len(reader.sessions.history(owner_id)) == 1
