"""Apply Alembic migrations from the installed package (no alembic.ini needed)."""

from __future__ import annotations

from importlib.resources import files

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from fitrec.config import normalize_database_url
from fitrec.store.database import make_engine


def alembic_config(url: str) -> Config:
    """An Alembic configuration pointing at the packaged migrations and `url`."""
    config = Config()
    config.set_main_option("script_location", str(files("fitrec.store") / "migrations"))
    # ConfigParser treats % as interpolation: URLs with escaped passwords need %%.
    config.set_main_option("sqlalchemy.url", normalize_database_url(url).replace("%", "%%"))
    return config


def upgrade_database(url: str, revision: str = "head") -> None:
    """Bring the database at `url` up to `revision` (the newest by default)."""
    config = alembic_config(url)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    """The revision the database at `url` is at, or None when never migrated."""
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str:
    """The newest migration shipped in the package."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


class SqlSchemaProbe:
    """The schema probe of the readiness check, on the app's own engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._expected: str | None = None

    def expected(self) -> str:
        """The newest shipped migration (read once)."""
        if self._expected is None:
            self._expected = head_revision()
        return self._expected

    def current(self) -> str | None:
        """The database's revision; an unreachable database raises DatabaseUnavailable."""
        from alembic.runtime.migration import MigrationContext
        from sqlalchemy.exc import DBAPIError

        from fitrec.services.errors import DatabaseUnavailable
        from fitrec.store.outage import first_line, is_unreachable, watch_for

        try:
            with self._engine.connect() as connection:
                revision = MigrationContext.configure(connection).get_current_revision()
        except DBAPIError as error:
            if not is_unreachable(error):
                raise
            watch_for(self._engine).failed(error)
            raise DatabaseUnavailable(first_line(error)) from error
        watch_for(self._engine).succeeded()
        return revision
