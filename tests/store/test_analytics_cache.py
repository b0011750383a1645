"""The analytics cache repository and the history-version triggers, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, inspect, text, update

from fitrec.services.history import add_sessions
from fitrec.store.tables import PerformedSetRow


def _version(make_uow: Any, owner_id: int) -> int:
    with make_uow() as uow:
        return int(uow.analytics_cache.version(owner_id))


def test_put_and_get_match_on_the_version(make_uow: Any, owner_id: int) -> None:
    with make_uow() as uow:
        assert uow.analytics_cache.version(owner_id) == 0
        assert uow.analytics_cache.get(owner_id, "k", 0) is None
        uow.analytics_cache.put(owner_id, "k", 3, '{"a":1}')
        uow.commit()
    with make_uow() as uow:
        assert uow.analytics_cache.get(owner_id, "k", 3) == '{"a":1}'
        assert uow.analytics_cache.get(owner_id, "k", 2) is None
        assert uow.analytics_cache.get(owner_id, "other", 3) is None


def test_a_payload_of_an_older_version_does_not_replace_a_newer_one(
    make_uow: Any, owner_id: int
) -> None:
    with make_uow() as uow:
        uow.analytics_cache.put(owner_id, "k", 5, "new")
        uow.analytics_cache.put(owner_id, "k", 4, "old")
        uow.commit()
    with make_uow() as uow:
        assert uow.analytics_cache.get(owner_id, "k", 5) == "new"
        uow.analytics_cache.put(owner_id, "k", 6, "newer")
        uow.commit()
    with make_uow() as uow:
        assert uow.analytics_cache.get(owner_id, "k", 6) == "newer"


def _session_row(make_uow: Any, owner_id: int) -> int:
    from fitrec.domain.sessions import Session

    add_sessions(make_uow, owner_id, [Session(started_at=datetime(2024, 1, 1, tzinfo=UTC))])
    with make_uow() as uow:
        return int(uow._db.execute(text("SELECT max(id) FROM sessions")).scalar_one())


def _row(owner_id: int, session_row: int, n: int) -> dict[str, Any]:
    return {
        "owner_id": owner_id,
        "session_id": session_row,
        "client_id": f"raw-{n}",
        "exercise_slug": "barbell-bench-press",
        "set_index": n,
        "set_type": "working",
        "weight": 100.0,
        "unit": "kg",
        "weight_kg": 100.0,
        "reps": 5,
        "flagged": False,
    }


def test_raw_sql_writes_bump_the_version_without_application_code(
    make_uow: Any, owner_id: int, other_owner_id: int
) -> None:
    session_row = _session_row(make_uow, owner_id)
    after_session = _version(make_uow, owner_id)
    assert after_session > 0
    with make_uow() as uow:
        # One statement with many rows: at least one bump, whatever the trigger granularity.
        uow._db.execute(
            insert(PerformedSetRow), [_row(owner_id, session_row, n) for n in range(50)]
        )
        uow.commit()
    after_insert = _version(make_uow, owner_id)
    assert after_insert > after_session
    with make_uow() as uow:
        uow._db.execute(
            update(PerformedSetRow).where(PerformedSetRow.owner_id == owner_id).values(reps=6)
        )
        uow.commit()
    after_update = _version(make_uow, owner_id)
    assert after_update > after_insert
    with make_uow() as uow:
        uow._db.execute(text("DELETE FROM sessions WHERE owner_id = :o"), {"o": owner_id})
        uow.commit()
    assert _version(make_uow, owner_id) > after_update
    assert _version(make_uow, other_owner_id) == 0


def test_a_rolled_back_write_leaves_the_version(make_uow: Any, owner_id: int) -> None:
    session_row = _session_row(make_uow, owner_id)
    before = _version(make_uow, owner_id)
    with make_uow() as uow:
        uow._db.execute(insert(PerformedSetRow), [_row(owner_id, session_row, 1)])
    assert _version(make_uow, owner_id) == before


def test_downgrade_removes_the_tables_and_triggers_and_upgrade_restores_them(
    database_url: str,
) -> None:
    from alembic import command

    from fitrec.store.database import make_engine
    from fitrec.store.migrate import alembic_config, upgrade_database

    def tables_and_triggers() -> tuple[set[str], int]:
        engine = make_engine(database_url)
        try:
            with engine.connect() as connection:
                names = set(inspect(connection).get_table_names())
                if connection.dialect.name == "sqlite":
                    query = (
                        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                        "AND name LIKE '%history_version'"
                    )
                else:
                    query = (
                        "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'trg_%history_version'"
                    )
                return names, int(connection.execute(text(query)).scalar_one())
        finally:
            engine.dispose()

    config = alembic_config(database_url)
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
    finally:
        engine.dispose()
    names, triggers = tables_and_triggers()
    assert "history_versions" not in names and "analytics_cache" not in names and triggers == 0
    upgrade_database(database_url)
    names, triggers = tables_and_triggers()
    assert {"history_versions", "analytics_cache"} <= names and triggers == 12
