"""`fitrec db backup / restore / verify` on both databases, with a writer running meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from fitrec import bootstrap
from fitrec.config import get_settings
from fitrec.domain.sessions import PerformedSet, Session
from fitrec.services.history import add_sessions
from tests.cli.local import run
from tests.conftest import _fresh_postgres_database

SETS_PER_SESSION = 3


class Writer:
    """A thread storing whole sessions of three sets, one transaction each, until stopped."""

    def __init__(self, make_uow: Any, owner_id: int) -> None:
        self.make_uow = make_uow
        self.owner_id = owner_id
        self.written = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._write, daemon=True)

    def _write(self) -> None:
        start = datetime(2025, 1, 1, tzinfo=UTC)
        while not self.stop.is_set():
            when = start + timedelta(hours=self.written)
            sets = [PerformedSet("barbell-bench-press", 80 + n, 8) for n in range(SETS_PER_SESSION)]
            add_sessions(self.make_uow, self.owner_id, [Session(when, sets)])
            self.written += 1

    def wait_for(self, count: int) -> None:
        """Block until `count` sessions were written in all."""
        while self.written < count and self.thread.is_alive():
            self.stop.wait(0.01)
        assert self.written >= count, "the writer stopped early"


@pytest.fixture
def writer(make_uow: Any, owner_id: int) -> Iterator[Writer]:
    """A writer already running on the test's database."""
    running = Writer(make_uow, owner_id)
    running.thread.start()
    yield running
    running.stop.set()
    running.thread.join(timeout=30)


def _use(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("FITREC_DATABASE_URL", url)
    get_settings.cache_clear()


def _empty_database(request: pytest.FixtureRequest, database_url: str, tmp_path: Path) -> str:
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.db'}"
    return _fresh_postgres_database(request, None)


def _sets_per_session(url: str) -> list[int]:
    with bootstrap.engine_for(url).connect() as db:
        rows = db.execute(text("SELECT count(*) FROM performed_sets GROUP BY session_id"))
        return [int(r[0]) for r in rows]


def test_a_backup_taken_while_writing_restores_whole_and_verifies(
    database_url: str,
    writer: Writer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    file = tmp_path / "backups" / "fitrec.backup"
    _use(monkeypatch, database_url)
    writer.wait_for(5)
    code, out, err = run("db", "backup", str(file))
    assert code == 0, err
    assert "backed up" in out and file.stat().st_size > 0
    during = writer.written
    writer.wait_for(during + 3)  # the writer went on while and after the copy was taken
    writer.stop.set()
    writer.thread.join(timeout=30)

    restored = _empty_database(request, database_url, tmp_path)
    _use(monkeypatch, restored)
    code, out, err = run("db", "restore", str(file))
    assert code == 0, err
    code, out, err = run("db", "verify", str(file))
    assert code == 0, out + err
    assert "matches" in out and "DIFFERS" not in out
    # Consistent: whole transactions only, none half-copied.
    counts = _sets_per_session(restored)
    assert 5 <= len(counts) <= during + 1
    assert set(counts) == {SETS_PER_SESSION}

    _use(monkeypatch, database_url)  # the live database has moved on since the backup
    code, out, err = run("db", "verify", str(file))
    assert code == 1
    assert "performed_sets" in err and "DIFFERS" in out
    assert len(_sets_per_session(database_url)) == writer.written


def test_restore_refuses_a_database_that_is_not_empty(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, owner_id: int
) -> None:
    file = tmp_path / "fitrec.backup"
    _use(monkeypatch, database_url)
    assert run("db", "backup", str(file))[0] == 0
    code, _, err = run("db", "restore", str(file))
    assert code == 1
    assert "not empty" in err


def test_a_file_that_is_no_backup_is_refused_with_its_name(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("hello\n", encoding="utf-8")
    _use(monkeypatch, database_url)
    for command in ("restore", "verify"):
        code, _, err = run("db", command, str(file))
        assert code == 1
        assert f"{file}: not a" in err


def test_a_backup_into_a_folder_that_cannot_be_made_says_where(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    _use(monkeypatch, database_url)
    code, _, err = run("db", "backup", str(blocker / "fitrec.backup"))
    assert code == 1
    assert "error:" in err and "a-file" in err
