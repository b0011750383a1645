"""Users as the other use cases need them: find or create an owner by name."""

from __future__ import annotations

from fitrec.services.errors import Conflict
from fitrec.services.unit_of_work import UowFactory


def ensure_user(make_uow: UowFactory, username: str) -> int:
    """The id of the user called `username`, created when missing (safe under races)."""
    with make_uow() as uow:
        found = uow.users.id_by_username(username)
        if found is not None:
            return found
        try:
            owner_id = uow.users.add(username)
            uow.commit()
            return owner_id
        except Conflict:
            pass
    # Someone else created it between our read and our insert.
    with make_uow() as uow:
        found = uow.users.id_by_username(username)
        if found is None:
            raise Conflict(f"user {username!r} could not be created")
        return found
