"""The analytics read model: per-owner history versions (bumped by triggers), cached
payloads and per-session summaries (dropped by triggers when their session changes)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import ColumnElement, Connection, Join, and_, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from fitrec.domain.sessions import Session
from fitrec.store.session_history import read_history
from fitrec.store.tables import (
    AnalyticsCacheRow,
    HistoryVersionRow,
    SessionRow,
    SessionSummaryRow,
)

S = SessionRow.__table__
Y = SessionSummaryRow.__table__


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

    def _joined(self, owner_id: int, fmt: int) -> tuple[Join, ColumnElement[bool]]:
        """The owner's sessions, each with its summary of format `fmt` if there is one."""
        on = and_(Y.c.session_id == S.c.id, Y.c.format == fmt)
        return S.outerjoin(Y, on), S.c.owner_id == owner_id

    def unsummarised(self, owner_id: int, fmt: int) -> list[Session]:
        """The owner's sessions (whole, oldest first) without a summary of format `fmt`."""
        joined, mine = self._joined(owner_id, fmt)
        missing = select(S.c.id).select_from(joined).where(mine, Y.c.session_id.is_(None))
        if self._db.execute(missing.limit(1)).first() is None:
            return []
        return read_history(self._db, owner_id, session_rows=missing)

    def put_summaries(self, owner_id: int, fmt: int, payloads: Mapping[str, str]) -> None:
        """Store summaries of format `fmt` by session public id (replacing older formats)."""
        if not payloads:
            return
        rows = dict(
            self._db.execute(
                select(S.c.public_id, S.c.id).where(
                    S.c.owner_id == owner_id, S.c.public_id.in_(list(payloads))
                )
            ).all()
        )
        self._db.execute(
            delete(SessionSummaryRow).where(SessionSummaryRow.session_id.in_(list(rows.values())))
        )
        self._db.execute(
            insert(SessionSummaryRow),
            [
                {"session_id": rows[pid], "owner_id": owner_id, "format": fmt, "payload": text}
                for pid, text in payloads.items()
                if pid in rows
            ],
        )

    def summaries(self, owner_id: int, fmt: int) -> list[str | None]:
        """Every session's summary of format `fmt` in history order; None where missing."""
        joined, mine = self._joined(owner_id, fmt)
        statement = (
            select(Y.c.payload).select_from(joined).where(mine).order_by(S.c.started_at, S.c.id)
        )
        return [payload for (payload,) in self._db.execute(statement)]
