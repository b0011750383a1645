"""Which driver errors mean the database is unreachable, and one log line per outage."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from fitrec import bootstrap
from fitrec.services.errors import DatabaseUnavailable
from fitrec.store.outage import OutageWatch, is_unreachable
from fitrec.store.unit_of_work import SqlUnitOfWork


@pytest.mark.parametrize(
    ("message", "unreachable"),
    [
        ("database is locked", True),
        ("unable to open database file", True),
        ("disk I/O error", True),
        ("no such table: sessions", False),
        ('near "SELEC": syntax error', False),
    ],
)
def test_sqlite_errors_that_pass_with_time_are_unreachable(message: str, unreachable: bool) -> None:
    wrapped = OperationalError("SELECT 1", {}, sqlite3.OperationalError(message))
    assert is_unreachable(wrapped) is unreachable
    assert is_unreachable(sqlite3.OperationalError(message)) is unreachable


def test_an_outage_logs_once_when_it_starts_and_once_when_it_ends(
    caplog: pytest.LogCaptureFixture,
) -> None:
    watch = OutageWatch(logging.getLogger("fitrec.test-outage"))
    caplog.set_level(logging.INFO, logger="fitrec.test-outage")
    watch.succeeded()
    for _ in range(5):
        watch.failed(sqlite3.OperationalError("database is locked"))
    assert watch.down
    watch.succeeded()
    watch.succeeded()
    assert not watch.down
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2, lines
    assert "unreachable" in lines[0] and "database is locked" in lines[0]
    assert "reachable again" in lines[1] and "5 units of work refused" in lines[1]


def test_a_database_file_that_cannot_be_opened_is_unavailable(tmp_path: Path) -> None:
    from fitrec.store.database import make_engine

    path = tmp_path / "gone" / "fitrec.db"
    engine = make_engine(f"sqlite:///{path}")
    (tmp_path / "gone").rmdir()  # the folder vanished (an unmounted volume)
    try:
        with (
            pytest.raises(DatabaseUnavailable, match="unable to open"),
            SqlUnitOfWork(engine) as uow,
        ):
            uow.users.exists(1)
    finally:
        engine.dispose()
        bootstrap.dispose_engines()
