"""Shared fixtures: a fresh database per test, on SQLite and on a real PostgreSQL server.

`database_url` is parametrised over ["sqlite", "postgresql"]: every test that takes it runs
on both. The PostgreSQL server is started once per test session (per xdist worker).
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from tests.pg_server import PostgresServer, start_server

# Property tests run parsers, databases and HTTP apps on a shared, loaded machine: a
# per-example deadline measures the machine, not the code. Timings live in bench/.
hypothesis_settings.register_profile("fitrec", deadline=None)
hypothesis_settings.load_profile("fitrec")

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
TEMPLATE_DB = "fitrec_template"
_counter = itertools.count(1)


def _point_environment_at(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    from fitrec.config import get_settings

    data_dir = folder / "fitrec-data"
    monkeypatch.setenv("FITREC_DATA_DIR", str(data_dir))
    monkeypatch.setenv("FITREC_DATABASE_URL", f"sqlite:///{data_dir / 'fitrec.db'}")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg"))
    get_settings.cache_clear()


@pytest.fixture(scope="session", autouse=True)
def _isolated_session_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The same for session- and module-scoped fixtures, which run before any test's own."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        _point_environment_at(monkeypatch, tmp_path_factory.mktemp("environment"))
        yield


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point FITREC_DATABASE_URL and FITREC_DATA_DIR at the test's own temporary folder.

    A test that reads settings from the environment (the CLI, `Settings()`) then never
    touches the database or data folder of whoever runs the suite.
    """
    from fitrec.config import get_settings

    _point_environment_at(monkeypatch, tmp_path)
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for the whole test session."""
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


def _admin(server: PostgresServer, sql: str) -> None:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=server.port, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """URL of a migrated template database on the session's server (copied per test)."""
    from fitrec.store.migrate import upgrade_database

    _admin(postgres_server, f"CREATE DATABASE {TEMPLATE_DB}")
    url = postgres_server.url(TEMPLATE_DB)
    upgrade_database(url)
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (faster than migrating each time)."""
    from fitrec.store.migrate import upgrade_database

    path = tmp_path_factory.mktemp("template") / "fitrec.db"
    upgrade_database(f"sqlite:///{path}")
    return path


def _fresh_postgres_database(request: pytest.FixtureRequest, template: str | None) -> str:
    server: PostgresServer = request.getfixturevalue("postgres_server")
    if template is not None:
        request.getfixturevalue("postgres_url")
    name = f"fitrec_test_{next(_counter)}"
    suffix = f" TEMPLATE {template}" if template else ""
    _admin(server, f"CREATE DATABASE {name}{suffix}")
    return server.url(name)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated, empty database for one test, on each backend."""
    from fitrec import bootstrap

    if request.param == "sqlite":
        path = tmp_path / "fitrec.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    else:
        url = _fresh_postgres_database(request, TEMPLATE_DB)
    try:
        yield url
    finally:
        bootstrap.dispose_engines()


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database with no tables at all (for migration tests), on each backend."""
    from fitrec import bootstrap

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'empty.db'}"
    else:
        url = _fresh_postgres_database(request, None)
    try:
        yield url
    finally:
        bootstrap.dispose_engines()


@pytest.fixture
def make_uow(database_url: str):  # type: ignore[no-untyped-def]
    """A unit-of-work factory on the test's fresh database."""
    from fitrec import bootstrap

    return bootstrap.uow_factory(url=database_url)


@pytest.fixture
def owner_id(make_uow) -> int:  # type: ignore[no-untyped-def]
    """A user who owns what the test creates."""
    from fitrec.services.users import ensure_user

    return ensure_user(make_uow, "lifter")


@pytest.fixture
def other_owner_id(make_uow) -> int:  # type: ignore[no-untyped-def]
    """A second user, to prove owners cannot see each other's things."""
    from fitrec.services.users import ensure_user

    return ensure_user(make_uow, "someone-else")
