"""Whole-instance backup, restore and verify, on SQLite and PostgreSQL.

SQLite goes through its online backup API: one step copies a consistent snapshot while
other processes keep writing (WAL readers never block writers). PostgreSQL goes through
`pg_dump --format=custom` (one snapshot, a single transaction) and `pg_restore
--single-transaction`, so a restore either lands whole or not at all.

Verify compares, table by table, the row count and an order-independent checksum of the
rows in the backup with the live database.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from fitrec.config import normalize_database_url
from fitrec.services.errors import BackupError

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
_MODULUS = 2**256


@dataclass(frozen=True)
class TableDigest:
    """How many rows a table holds and a checksum of them that ignores their order."""

    rows: int
    checksum: str


@dataclass(frozen=True)
class Comparison:
    """One table in the backup beside the same table in the live database."""

    table: str
    backup: TableDigest | None
    live: TableDigest | None

    @property
    def matches(self) -> bool:
        """Same rows, same checksum, present on both sides."""
        return self.backup is not None and self.backup == self.live


class _Digest:
    def __init__(self) -> None:
        self.rows = 0
        self.total = 0

    def add(self, row: bytes) -> None:
        self.rows += 1
        self.total = (self.total + int.from_bytes(hashlib.sha256(row).digest())) % _MODULUS

    def result(self) -> TableDigest:
        return TableDigest(self.rows, f"{self.total:064x}")


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError(f"{url}: an in-memory SQLite database has no file to back up")
    return Path(database)


def _magic(file: Path) -> bytes:
    try:
        with file.open("rb") as handle:
            return handle.read(16)
    except OSError as error:
        raise BackupError(f"{file}: cannot read: {error.strerror or error}") from error


# --- SQLite -------------------------------------------------------------------------------


def _sqlite_tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [str(r[0]) for r in rows]


def _sqlite_digests(path: Path) -> dict[str, TableDigest]:
    # Read-only, so verifying never creates or changes a file.
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        db.execute("BEGIN")  # one snapshot for every table
        found = {}
        for table in _sqlite_tables(db):
            digest = _Digest()
            for row in db.execute(f'SELECT * FROM "{table}"'):
                digest.add(repr(tuple(row)).encode())
            found[table] = digest.result()
        return found
    finally:
        db.close()


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy `source` into a new file at `target` through the backup API, atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        src = sqlite3.connect(source)
        dst = sqlite3.connect(temporary)
        try:
            # pages=-1: the whole database in one step, so a write by another process
            # cannot restart the copy; it sees one committed state.
            src.backup(dst, pages=-1)
            # The copy is one self-contained file (no -wal beside it).
            dst.execute("PRAGMA journal_mode=DELETE")
            check = dst.execute("PRAGMA integrity_check").fetchone()
            if check is None or check[0] != "ok":
                raise BackupError(f"{source}: the copy fails SQLite's integrity check: {check}")
        finally:
            dst.close()
            src.close()
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- PostgreSQL ---------------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    """The newest installed `pg_dump`/`pg_restore` (Debian keeps them per major version)."""
    versioned = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    found = versioned[-1] if versioned else shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq URL without the password, and the environment that carries it."""
    parsed: URL = make_url(normalize_database_url(url))
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str], what: str) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise BackupError(f"{what}: {message[-1] if message else f'exit {done.returncode}'}")
    return done


def _pg_connect(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    libpq, env = _libpq(url)
    password = env.get("PGPASSWORD")
    try:
        return psycopg.connect(libpq, password=password) if password else psycopg.connect(libpq)
    except psycopg.OperationalError as error:
        raise BackupError(f"cannot connect: {str(error).strip().splitlines()[0]}") from error


def _pg_tables(url: str) -> list[str]:
    with _pg_connect(url) as db:
        rows = db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        return [str(r[0]) for r in rows]


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk in chunks:
        pending += bytes(chunk)
        *whole, pending = pending.split(b"\n")
        yield from whole
    if pending:
        yield pending


def _pg_live_digests(url: str) -> dict[str, TableDigest]:
    found = {}
    with _pg_connect(url) as db:
        # One snapshot for every table, as pg_dump takes.
        db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        tables = db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
        with db.cursor() as cursor:
            for (table,) in tables:
                digest = _Digest()
                with cursor.copy(f'COPY public."{table}" TO STDOUT') as copy:
                    for line in _lines(copy):
                        digest.add(line)
                found[str(table)] = digest.result()
    return found


def _pg_dump_digests(file: Path) -> dict[str, TableDigest]:
    """Row digests read from a custom-format dump's COPY data (pg_dump writes it as COPY
    TO STDOUT does, so each line compares with the live table's line)."""
    command = [_pg_tool("pg_restore"), "--data-only", "--file=-", str(file)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    found: dict[str, TableDigest] = {}
    digest: _Digest | None = None
    table = ""
    for raw in process.stdout:
        line = raw.rstrip(b"\n")
        if digest is None:
            if line.startswith(b"COPY "):
                name = line.split()[1].decode()
                table = name.split(".", 1)[-1].strip('"')
                digest = _Digest()
            continue
        if line == b"\\.":
            found[table] = digest.result()
            digest = None
        else:
            digest.add(line)
    error = process.stderr.read() if process.stderr else b""
    if process.wait() != 0:
        raise BackupError(f"{file}: pg_restore cannot read it: {error.decode().strip()}")
    return found


# --- the three operations -----------------------------------------------------------------


@contextmanager
def _file_errors(file: Path) -> Iterator[None]:
    """Turn OS and SQLite errors into a BackupError that names `file`."""
    try:
        yield
    except OSError as error:
        raise BackupError(f"{file}: {error.strerror or error}") from error
    except sqlite3.Error as error:
        raise BackupError(f"{file}: {error}") from error


def backup(url: str, file: Path) -> None:
    """Write a consistent backup of the database at `url` to `file` (replaced atomically)."""
    with _file_errors(file):
        _backup(url, file)


def restore(url: str, file: Path) -> None:
    """Load the backup `file` into the database at `url`, which must have no tables yet."""
    with _file_errors(file):
        _restore(url, file)


def verify(url: str, file: Path) -> list[Comparison]:
    """Each table of the backup `file` beside the live database at `url`."""
    with _file_errors(file):
        return _verify(url, file)


def _backup(url: str, file: Path) -> None:
    if _is_sqlite(url):
        source = _sqlite_path(url)
        if not source.exists():
            raise BackupError(f"{source}: no such database file")
        _sqlite_copy(source, file)
        return
    libpq, env = _libpq(url)
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_name(f".{file.name}.partial")
    try:
        command = [_pg_tool("pg_dump"), "--format=custom", f"--file={temporary}", libpq]
        _run(command, env, "pg_dump")
        os.replace(temporary, file)
    finally:
        temporary.unlink(missing_ok=True)


def _restore(url: str, file: Path) -> None:
    magic = _magic(file)
    if _is_sqlite(url):
        if not magic.startswith(SQLITE_MAGIC):
            raise BackupError(f"{file}: not a SQLite backup (a PostgreSQL dump restores only "
                              "into PostgreSQL)")  # fmt: skip
        target = _sqlite_path(url)
        if target.exists() and target.stat().st_size > 0:
            db = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
            try:
                tables = _sqlite_tables(db)
            finally:
                db.close()
            if tables:
                raise BackupError(
                    f"{target}: the database is not empty ({len(tables)} tables); "
                    "restore into a new file"
                )
        _sqlite_copy(file, target)
        return
    if not magic.startswith(PGDUMP_MAGIC):
        raise BackupError(f"{file}: not a pg_dump custom-format file (a SQLite backup "
                          "restores only into SQLite)")  # fmt: skip
    tables = _pg_tables(url)
    if tables:
        raise BackupError(
            f"the database is not empty ({len(tables)} tables, e.g. {tables[0]}); "
            "restore into a new, empty database"
        )
    libpq, env = _libpq(url)
    command = [
        _pg_tool("pg_restore"), "--single-transaction", "--exit-on-error", "--no-owner",
        "--no-privileges", f"--dbname={libpq}", str(file),
    ]  # fmt: skip
    _run(command, env, "pg_restore")


def _verify(url: str, file: Path) -> list[Comparison]:
    magic = _magic(file)
    if _is_sqlite(url):
        if not magic.startswith(SQLITE_MAGIC):
            raise BackupError(f"{file}: not a SQLite backup, and the live database is SQLite")
        in_backup = _sqlite_digests(file)
        live_path = _sqlite_path(url)
        if not live_path.exists():
            raise BackupError(f"{live_path}: no such database file")
        live = _sqlite_digests(live_path)
    else:
        if not magic.startswith(PGDUMP_MAGIC):
            raise BackupError(f"{file}: not a pg_dump custom-format file, and the live "
                              "database is PostgreSQL")  # fmt: skip
        in_backup = _pg_dump_digests(file)
        live = _pg_live_digests(url)
    names = sorted(set(in_backup) | set(live))
    return [Comparison(name, in_backup.get(name), live.get(name)) for name in names]
