"""The composition root: settings -> engine -> units of work; the only place parts are wired."""

from __future__ import annotations

import getpass
import os
import secrets
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from fitrec.config import Settings, get_settings, normalize_database_url

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from fitrec.services.health import SchemaProbe
    from fitrec.services.unit_of_work import UowFactory
    from fitrec.store.backup import Comparison

SECRET_KEY_FILE = "secret_key"

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    """The engine of `url`, made once per process."""
    from fitrec.store.database import make_engine

    url = normalize_database_url(url)
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = make_engine(url)
        return engine


def dispose_engines() -> None:
    """Close every cached engine (tests and shutdown)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def uow_factory(settings: Settings | None = None, *, url: str | None = None) -> UowFactory:
    """A callable that makes a unit of work on the configured database."""
    from fitrec.store.unit_of_work import SqlUnitOfWork

    database_url = url or (settings or get_settings()).database_url
    engine = engine_for(database_url)

    def make(*, read_only: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, read_only=read_only)

    return make


def schema_probe(settings: Settings | None = None) -> SchemaProbe:
    """The readiness check's view of the configured database's migrations."""
    from fitrec.store.migrate import SqlSchemaProbe

    return SqlSchemaProbe(engine_for((settings or get_settings()).database_url))


def ensure_secret_key(settings: Settings) -> str:
    """The secret key: FITREC_SECRET_KEY, else the data dir's `secret_key`, made once (mode 600).

    Sets `settings.secret_key`. Several instances on one data dir share the file (the
    first creates it, the others read it); instances on several machines take the key
    from the environment. A read-only data dir still starts, with a key for this process.
    """
    if settings.secret_key:
        return settings.secret_key
    path = settings.data_dir / SECRET_KEY_FILE
    try:
        settings.ensure_data_dir()
        key = path.read_text(encoding="utf-8").strip() if path.exists() else ""
        if not key:
            key = _create_secret_key(path)
    except OSError:
        key = secrets.token_urlsafe(48)
    settings.secret_key = key
    return key


def _create_secret_key(path: Path) -> str:
    """Write a new key to `path` whole, or read the one another process wrote first."""
    key = secrets.token_urlsafe(48)
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    # Readable by the owner only (it signs web sessions), and linked into place in one
    # step so that another instance starting at once never reads half a key.
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    try:
        os.link(draft, path)
    except FileExistsError:
        key = path.read_text(encoding="utf-8").strip()
    finally:
        draft.unlink()
    return key


def upgrade_database(url: str | None = None) -> None:
    """Apply every migration to `url` (the configured database by default)."""
    from fitrec.store.migrate import upgrade_database as upgrade

    upgrade(url or get_settings().database_url)


def backup_database(file: Path, url: str | None = None) -> None:
    """Write a consistent backup of the configured database to `file`."""
    from fitrec.store.backup import backup

    backup(url or get_settings().database_url, file)


def restore_database(file: Path, url: str | None = None) -> None:
    """Load a backup into the configured database, which must be empty."""
    from fitrec.store.backup import restore

    restore(url or get_settings().database_url, file)


def verify_backup(file: Path, url: str | None = None) -> list[Comparison]:
    """Each table of a backup beside the configured database: rows and checksums."""
    from fitrec.store.backup import verify

    return verify(url or get_settings().database_url, file)


def local_username() -> str:
    """The name of the CLI's local owner: the operating-system user."""
    try:
        return f"local:{getpass.getuser()}"
    except (KeyError, OSError):
        return "local:owner"


def local_owner_id(make_uow: UowFactory) -> int:
    """The CLI's local owner, created on first use."""
    from fitrec.services.users import ensure_user

    return ensure_user(make_uow, local_username())
