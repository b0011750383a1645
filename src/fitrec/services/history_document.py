"""The whole history as one JSON document, kept while the history is unchanged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from fitrec.domain.sessions import Session
from fitrec.services.unit_of_work import UowFactory

# Raised whenever the document's fields change: the cache is keyed on the history version,
# which an upgrade leaves as it was, so a document of the old shape would still be served.
# 2: sessions and sets carry `flagged`. 3: a set is the one set shape (`note`, `session_id`).
HISTORY_FORMAT = 3

Render = Callable[[list[Session]], str]
"""Writes a history as JSON text (the API's `history_out`)."""


def history_key(exercise_slug: str | None, since: datetime | None) -> str:
    """The analytics-cache key of one history document: its format, filters, the time as UTC."""
    if since is not None and since.tzinfo is not None:
        since = since.astimezone(UTC).replace(tzinfo=None)
    moment = since.isoformat() if since is not None else ""
    return f"history.{HISTORY_FORMAT}/{exercise_slug or ''}/{moment}"


def history_document(
    make_uow: UowFactory,
    owner_id: int,
    render: Render,
    *,
    exercise_slug: str | None = None,
    since: datetime | None = None,
) -> str:
    """Every session of the owner, oldest first with its sets in order, as `render` writes it.

    It is kept in the analytics cache under the owner's history version (bumped by the
    store on every change to sessions, sets and feedback): an unchanged history costs two
    small reads instead of reading and writing every set again.
    """
    key = history_key(exercise_slug, since)
    with make_uow(read_only=True) as uow:
        version = uow.analytics_cache.version(owner_id)
        cached = uow.analytics_cache.get(owner_id, key, version)
        if cached is not None:
            return cached
        # Same snapshot: the document is built from the history this version names.
        found = uow.sessions.history(owner_id, exercise_slug=exercise_slug, since=since)
    document = render(found)
    # Stored in a short transaction of its own: building the document held no write lock.
    # A newer version stored meanwhile is kept (`put` never replaces it).
    with make_uow() as uow:
        uow.analytics_cache.put(owner_id, key, version, document)
        uow.commit()
    return document
