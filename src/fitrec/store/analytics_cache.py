"""The analytics read model: per-owner history versions (bumped by triggers) and cached payloads."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from fitrec.store.tables import AnalyticsCacheRow, HistoryVersionRow


class SqlAnalyticsCache:
    """Cached analytics in SQL; a payload is valid only under the version it was computed at."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def version(self, owner_id: int) -> int:
        """The owner's history version (0 before the first change to the history)."""
        found = self._db.execute(
            select(HistoryVersionRow.version).where(HistoryVersionRow.owner_id == owner_id)
        ).scalar_one_or_none()
        return int(found) if found is not None else 0

    def get(self, owner_id: int, key: str, version: int) -> str | None:
        """The payload stored under `key` when it was computed at `version`, else None."""
        found = self._db.execute(
            select(AnalyticsCacheRow.payload).where(
                AnalyticsCacheRow.owner_id == owner_id,
                AnalyticsCacheRow.key == key,
                AnalyticsCacheRow.version == version,
            )
        ).scalar_one_or_none()
        return str(found) if found is not None else None

    def put(self, owner_id: int, key: str, version: int, payload: str) -> None:
        """Store a payload computed at `version`; a payload of a newer version is kept."""
        dialect = self._db.dialect.name
        make = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = make(AnalyticsCacheRow).values(
            owner_id=owner_id, key=key, version=version, payload=payload
        )
        # Two requests may compute at once; the one that saw the newer history wins.
        statement = statement.on_conflict_do_update(
            index_elements=[AnalyticsCacheRow.owner_id, AnalyticsCacheRow.key],
            set_={"version": statement.excluded.version, "payload": statement.excluded.payload},
            where=AnalyticsCacheRow.version <= statement.excluded.version,
        )
        self._db.execute(statement)
