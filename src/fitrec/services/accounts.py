"""Accounts: sign-up, log-in with rate limits, passwords, access tokens and web sessions.

Secrets are never stored: passwords as argon2id hashes, tokens and session cookies as
sha256 hashes (they are 32 random bytes, so a fast hash is enough).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from fitrec.services.errors import Conflict, InvalidInput, NotFound, ServiceError
from fitrec.services.unit_of_work import TokenInfo, UowFactory
from fitrec.services.validation import MAX_NAME

MIN_PASSWORD = 8
MAX_PASSWORD = 256
MAX_EMAIL = 320
TOKEN_PREFIX = "fitrec_"
TOKEN_PREFIX_SHOWN = len(TOKEN_PREFIX) + 6
SESSION_LIFETIME = timedelta(days=30)
LOGIN_WINDOW = timedelta(minutes=15)
LOGIN_MAX_FAILURES = 10
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class TooManyAttempts(ServiceError):
    """Too many failed log-ins for an account or an address; retry after `retry_after_s`."""

    def __init__(self, retry_after_s: int) -> None:
        self.retry_after_s = retry_after_s
        super().__init__(f"too many failed log-ins; try again in {retry_after_s} s")


class BadCredentials(ServiceError):
    """The e-mail address or the password is wrong (never says which)."""

    def __init__(self) -> None:
        super().__init__("wrong e-mail address or password")


@dataclass(frozen=True, slots=True)
class NewToken:
    """A token just made: the secret is shown this once and never again."""

    info: TokenInfo
    token: str


@dataclass(frozen=True, slots=True)
class WebLogin:
    """A signed-in browser: the cookie value to set and the CSRF token of its session."""

    cookie: str
    csrf_token: str
    owner_id: int
    expires_at: datetime


@lru_cache(maxsize=1)
def password_hasher() -> PasswordHasher:
    """The argon2id hasher (argon2-cffi's defaults are argon2id)."""
    return PasswordHasher(type=Type.ID)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Verified against when the account does not exist, so timing does not tell.
    return password_hasher().hash(secrets.token_urlsafe(16))


def _now() -> datetime:
    return datetime.now(UTC)


def sha256_hex(value: str) -> str:
    """The sha256 of a string, hex."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def token_hash(token: str) -> str:
    """How a token is stored: its shown prefix, a colon and its sha256."""
    return f"{token[:TOKEN_PREFIX_SHOWN]}:{sha256_hex(token)}"


def normalize_email(value: str, field: str = "email") -> str:
    """A plausible e-mail address, trimmed and lower-cased."""
    email = value.strip().lower() if isinstance(value, str) else ""
    if not email or len(email) > MAX_EMAIL or not _EMAIL.match(email):
        raise InvalidInput(field, "must be an e-mail address such as lifter@example.com")
    return email


def check_password(value: str, field: str = "password") -> str:
    """A password of 8 to 256 characters."""
    if not isinstance(value, str) or not MIN_PASSWORD <= len(value) <= MAX_PASSWORD:
        raise InvalidInput(field, f"must be {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    return value


def sign_up(make_uow: UowFactory, email: str, password: str) -> int:
    """Create an account; returns the new owner's id."""
    address = normalize_email(email)
    hashed = password_hasher().hash(check_password(password))
    with make_uow() as uow:
        if uow.auth.account_by_email(address) is not None or uow.users.id_by_username(address):
            raise Conflict("an account with this e-mail address exists", field="email")
        owner_id = uow.auth.add_account(address, hashed)
        uow.commit()
    return owner_id


def _check_rate(make_uow: UowFactory, keys: list[str], now: datetime) -> None:
    with make_uow() as uow:
        for key in keys:
            count, oldest = uow.auth.login_failures(key, now - LOGIN_WINDOW)
            if count >= LOGIN_MAX_FAILURES and oldest is not None:
                wait = oldest + LOGIN_WINDOW - now
                raise TooManyAttempts(max(1, int(wait.total_seconds()) + 1))


def log_in(make_uow: UowFactory, email: str, password: str, address: str | None = None) -> int:
    """The owner whose e-mail and password these are; failures are counted and rate-limited."""
    now = _now()
    account_email = email.strip().lower() if isinstance(email, str) else ""
    keys = [f"account:{account_email[:MAX_EMAIL]}"]
    if address:
        keys.append(f"address:{address[:200]}")
    _check_rate(make_uow, keys, now)
    with make_uow() as uow:
        found = uow.auth.account_by_email(account_email)
    hasher = password_hasher()
    try:
        if found is None or found[1] is None:
            hasher.verify(_dummy_hash(), str(password)[:MAX_PASSWORD])
            raise VerificationError
        hasher.verify(found[1], str(password)[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        with make_uow() as uow:
            for key in keys:
                uow.auth.add_login_failure(key, now)
            uow.commit()
        raise BadCredentials() from None
    return found[0]


def change_password(
    make_uow: UowFactory, owner_id: int, current_password: str, new_password: str
) -> None:
    """Replace the password after checking the current one; every web session ends."""
    hashed = password_hasher().hash(check_password(new_password, "new_password"))
    with make_uow() as uow:
        stored = uow.auth.password_hash(owner_id)
        try:
            if stored is None:
                raise VerificationError
            password_hasher().verify(stored, str(current_password)[:MAX_PASSWORD])
        except (VerificationError, InvalidHashError):
            raise InvalidInput("current_password", "is not your current password") from None
        uow.auth.set_password_hash(owner_id, hashed)
        uow.auth.end_web_sessions(owner_id)
        uow.commit()
    forget_token_owners()


def create_token(make_uow: UowFactory, owner_id: int, name: str) -> NewToken:
    """Make a personal access token; its secret is in the answer and nowhere else."""
    label = name.strip() if isinstance(name, str) else ""
    if not label or len(label) > MAX_NAME:
        raise InvalidInput("name", f"must be 1 to {MAX_NAME} characters")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = _now()
    with make_uow() as uow:
        token_id = uow.auth.add_token(owner_id, label, token_hash(token), now)
        uow.commit()
    info = TokenInfo(token_id, label, token[:TOKEN_PREFIX_SHOWN], now, None)
    return NewToken(info=info, token=token)


def list_tokens(make_uow: UowFactory, owner_id: int) -> list[TokenInfo]:
    """The owner's tokens by name and prefix, newest first."""
    with make_uow() as uow:
        return uow.auth.tokens(owner_id)


def revoke_token(make_uow: UowFactory, owner_id: int, token_id: int) -> None:
    """Revoke a token: refused at once in this process, within TOKEN_CACHE_S in others."""
    with make_uow() as uow:
        if not uow.auth.revoke_token(owner_id, token_id, _now()):
            raise NotFound("token", token_id)
        uow.commit()
    forget_token_owners()


# Live tokens' owners, remembered for TOKEN_CACHE_S: a script logging sets sends the same
# token with every request, and looking it up was a read transaction per request (see
# bench/RESULTS.md, "one logging path"). Revoking a token or changing the password forgets
# them all in this process at once; another process may still accept a revoked token for
# up to TOKEN_CACHE_S. Unknown tokens are never remembered.
TOKEN_CACHE_S = 2.0
_TOKEN_CACHE_MAX = 4096
_token_owners: dict[tuple[int, str], tuple[int, float]] = {}


def owner_of_token(make_uow: UowFactory, token: str) -> int | None:
    """The owner a bearer token authenticates, or None."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    key = (id(make_uow), token_hash(token))
    now = time.monotonic()
    remembered = _token_owners.get(key)
    if remembered is not None and remembered[1] > now:
        return remembered[0]
    with make_uow(read_only=True) as uow:
        owner = uow.auth.owner_by_token(key[1])
    if owner is not None:
        if len(_token_owners) >= _TOKEN_CACHE_MAX:
            _token_owners.clear()
        _token_owners[key] = (owner, now + TOKEN_CACHE_S)
    return owner


def forget_token_owners() -> None:
    """Forget the remembered token owners (a token was revoked, a password changed)."""
    _token_owners.clear()


def start_web_session(make_uow: UowFactory, owner_id: int) -> WebLogin:
    """Sign a browser in: a random cookie (stored hashed) and the session's CSRF token."""
    cookie = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = _now()
    expires = now + SESSION_LIFETIME
    with make_uow() as uow:
        uow.auth.add_web_session(sha256_hex(cookie), owner_id, csrf, now, expires)
        uow.commit()
    return WebLogin(cookie=cookie, csrf_token=csrf, owner_id=owner_id, expires_at=expires)


def web_session(make_uow: UowFactory, cookie: str) -> tuple[int, str] | None:
    """The owner and CSRF token of the browser holding this cookie, or None."""
    if not cookie or len(cookie) > 200:
        return None
    with make_uow(read_only=True) as uow:
        return uow.auth.web_session(sha256_hex(cookie), _now())


def end_web_session(make_uow: UowFactory, cookie: str) -> None:
    """Sign a browser out."""
    with make_uow() as uow:
        uow.auth.end_web_session(sha256_hex(cookie))
        uow.commit()
