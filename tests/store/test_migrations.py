"""Migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from fitrec.store.database import make_engine
from fitrec.store.migrate import current_revision, upgrade_database
from fitrec.store.tables import Base


def test_upgrade_creates_every_table_and_matches_the_models(empty_database_url: str) -> None:
    assert current_revision(empty_database_url) is None
    upgrade_database(empty_database_url)
    engine = make_engine(empty_database_url)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diffs = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert set(Base.metadata.tables) <= tables
    assert diffs == []
    assert current_revision(empty_database_url) is not None


def test_upgrade_twice_is_harmless(empty_database_url: str) -> None:
    upgrade_database(empty_database_url)
    first = current_revision(empty_database_url)
    upgrade_database(empty_database_url)
    assert current_revision(empty_database_url) == first
