"""Per-session analytics summaries: written with imports, filled in for changed sessions.

The store drops a session's summary on any change to it (triggers), so a summary present
is current; `refresh` computes the missing ones. Imports refresh inside their own
transaction, so the first overview after an import folds summaries only.
"""

from __future__ import annotations

import json

from fitrec.analytics.history import cached_lookup
from fitrec.analytics.session_summary import SUMMARY_FORMAT, SessionSummary, summarize
from fitrec.services.exercises import catalog_for
from fitrec.services.unit_of_work import UnitOfWork

# Bounds the retries when sessions change while the summaries are read (PostgreSQL's
# read committed lets a concurrent commit drop one between the two statements).
ATTEMPTS = 3


def refresh(uow: UnitOfWork, owner_id: int) -> int:
    """Compute and store the summaries the owner's sessions lack; returns how many."""
    missing = uow.analytics_cache.unsummarised(owner_id, SUMMARY_FORMAT)
    if not missing:
        return 0
    catalog = catalog_for(uow, owner_id)
    find = cached_lookup(lambda slug: catalog.get(slug) if slug in catalog else None)
    payloads = {
        session.id: json.dumps(summarize(session, find).to_dict(), separators=(",", ":"))
        for session in missing
        if session.id is not None
    }
    uow.analytics_cache.put_summaries(owner_id, SUMMARY_FORMAT, payloads)
    return len(payloads)


def read(uow: UnitOfWork, owner_id: int) -> list[SessionSummary] | None:
    """Every session's summary in history order, or None while any is missing."""
    found = []
    for payload in uow.analytics_cache.summaries(owner_id, SUMMARY_FORMAT):
        if payload is None:
            return None
        found.append(SessionSummary.from_dict(json.loads(payload)))
    return found


def current(uow: UnitOfWork, owner_id: int) -> list[SessionSummary]:
    """Every session's summary in history order, computing the missing ones (commit to
    keep them)."""
    for _ in range(ATTEMPTS):
        refresh(uow, owner_id)
        found = read(uow, owner_id)
        if found is not None:
            return found
    raise RuntimeError("the history kept changing while its summaries were read")
