"""The whole history as the API's JSON document, written by the database (a read model)."""

from __future__ import annotations

from datetime import datetime

from fitrec.services.unit_of_work import UowFactory


def history_document(
    make_uow: UowFactory,
    owner_id: int,
    *,
    exercise_slug: str | None = None,
    since: datetime | None = None,
) -> str:
    """Every session of the owner, oldest first with its sets in order, as JSON text.

    The same document as building `load_history` into JSON, without a Python object per set.
    """
    with make_uow() as uow:
        return uow.history_documents.document(owner_id, exercise_slug=exercise_slug, since=since)
