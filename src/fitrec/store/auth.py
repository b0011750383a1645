"""Credentials in SQL: password hashes, access tokens, web sessions and failed log-ins.

Statements are built once: token and web-session look-ups run on every request.
"""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, and_, bindparam, delete, func, insert, select, update

from fitrec.services.unit_of_work import TokenInfo
from fitrec.store.tables import ApiTokenRow, LoginAttemptRow, User, WebSessionRow
from fitrec.store.timeutil import from_db, to_db, utcnow

U = cast(Table, User.__table__)
T = cast(Table, ApiTokenRow.__table__)
W = cast(Table, WebSessionRow.__table__)
L = cast(Table, LoginAttemptRow.__table__)

# A stored token hash is "<prefix>:<sha256>" so the prefix can be listed without the secret.
PREFIX_SEPARATOR = ":"

_OWNER_BY_TOKEN = (
    select(T.c.owner_id)
    .join(U, U.c.id == T.c.owner_id)
    .where(T.c.token_hash == bindparam("token_hash"), T.c.revoked_at.is_(None), U.c.is_active)
)
_WEB_SESSION = (
    select(W.c.owner_id, W.c.csrf_token)
    .join(U, U.c.id == W.c.owner_id)
    .where(W.c.id_hash == bindparam("id_hash"), W.c.expires_at > bindparam("now"), U.c.is_active)
)


class SqlAuthRepository:
    """Credentials in SQL; every token and session query names its owner or its hash."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def add_account(self, email: str, password_hash: str) -> int:
        """Create a user signing in with `email`; returns its id."""
        statement = (
            insert(U)
            .values(
                username=email,
                email=email,
                password_hash=password_hash,
                is_active=True,
                created_at=utcnow(),
            )
            .returning(U.c.id)
        )
        return int(self._db.execute(statement).scalar_one())

    def account_by_email(self, email: str) -> tuple[int, str | None] | None:
        """The id and password hash of the active user with this e-mail address."""
        row = self._db.execute(
            select(U.c.id, U.c.password_hash).where(U.c.email == email, U.c.is_active)
        ).first()
        return (int(row[0]), row[1]) if row else None

    def password_hash(self, owner_id: int) -> str | None:
        """The owner's password hash."""
        found = self._db.execute(select(U.c.password_hash).where(U.c.id == owner_id))
        return cast(str | None, found.scalar_one_or_none())

    def set_password_hash(self, owner_id: int, password_hash: str) -> None:
        """Replace the owner's password hash."""
        self._db.execute(update(U).where(U.c.id == owner_id).values(password_hash=password_hash))

    def add_token(self, owner_id: int, name: str, token_hash: str, at: datetime) -> int:
        """Store a token's hash; returns the token's id."""
        statement = (
            insert(T)
            .values(owner_id=owner_id, name=name, token_hash=token_hash, created_at=to_db(at))
            .returning(T.c.id)
        )
        return int(self._db.execute(statement).scalar_one())

    def tokens(self, owner_id: int) -> builtins.list[TokenInfo]:
        """The owner's tokens, newest first (revoked ones included)."""
        rows = self._db.execute(
            select(T.c.id, T.c.name, T.c.token_hash, T.c.created_at, T.c.revoked_at)
            .where(T.c.owner_id == owner_id)
            .order_by(T.c.id.desc())
        )
        return [
            TokenInfo(
                id=int(r.id),
                name=r.name,
                prefix=r.token_hash.split(PREFIX_SEPARATOR, 1)[0],
                created_at=cast(datetime, from_db(r.created_at)),
                revoked_at=from_db(r.revoked_at),
            )
            for r in rows
        ]

    def revoke_token(self, owner_id: int, token_id: int, at: datetime) -> bool:
        """Revoke one of the owner's tokens; False when the owner has no such live token."""
        done = self._db.execute(
            update(T)
            .where(T.c.id == token_id, T.c.owner_id == owner_id, T.c.revoked_at.is_(None))
            .values(revoked_at=to_db(at))
        )
        return bool(done.rowcount)

    def owner_by_token(self, token_hash: str) -> int | None:
        """The active owner of a live token with this hash."""
        found = self._db.execute(_OWNER_BY_TOKEN, {"token_hash": token_hash})
        owner = found.scalar_one_or_none()
        return int(owner) if owner is not None else None

    def add_web_session(
        self, id_hash: str, owner_id: int, csrf_token: str, at: datetime, expires_at: datetime
    ) -> None:
        """Store a signed-in browser by the hash of its cookie."""
        self._db.execute(
            insert(W).values(
                id_hash=id_hash,
                owner_id=owner_id,
                csrf_token=csrf_token,
                created_at=to_db(at),
                expires_at=to_db(expires_at),
            )
        )

    def web_session(self, id_hash: str, now: datetime) -> tuple[int, str] | None:
        """The owner and CSRF token of an unexpired web session."""
        row = self._db.execute(_WEB_SESSION, {"id_hash": id_hash, "now": to_db(now)}).first()
        return (int(row[0]), str(row[1])) if row else None

    def end_web_session(self, id_hash: str) -> None:
        """Forget one web session."""
        self._db.execute(delete(W).where(W.c.id_hash == id_hash))

    def end_web_sessions(self, owner_id: int) -> None:
        """Forget every web session of the owner."""
        self._db.execute(delete(W).where(W.c.owner_id == owner_id))

    def add_login_failure(self, key: str, at: datetime) -> None:
        """Remember a failed log-in for `key` (an account or an address)."""
        self._db.execute(insert(L).values(key=key, at=to_db(at)))

    def login_failures(
        self, key: str, since: datetime
    ) -> tuple[int, datetime | None, datetime | None]:
        """How many failures `key` had since `since`, the oldest and the latest of them."""
        row = self._db.execute(
            select(func.count(), func.min(L.c.at), func.max(L.c.at)).where(
                and_(L.c.key == key, L.c.at > to_db(since))
            )
        ).one()
        return int(row[0]), from_db(row[1]), from_db(row[2])
