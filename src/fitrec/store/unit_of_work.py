"""The SQLAlchemy unit of work: one connection, one transaction, the repositories on it."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from fitrec.services.errors import Conflict, DatabaseUnavailable
from fitrec.services.unit_of_work import (
    AnalyticsCache,
    AuthRepository,
    CustomExerciseRepository,
    CycleRepository,
    ProfileRepository,
    ProgramRepository,
    RatingRepository,
    SessionRepository,
    UserRepository,
)
from fitrec.store.accounts import (
    SqlCustomExerciseRepository,
    SqlProfileRepository,
    SqlUserRepository,
)
from fitrec.store.analytics_cache import SqlAnalyticsCache
from fitrec.store.auth import SqlAuthRepository
from fitrec.store.cycles import SqlCycleRepository, SqlRatingRepository
from fitrec.store.database import READ_ONLY_OPTION
from fitrec.store.outage import OutageWatch, first_line, is_unreachable, watch_for
from fitrec.store.programs import SqlProgramRepository
from fitrec.store.sessions import SqlSessionRepository


def conflict_from(error: IntegrityError) -> Conflict:
    """A unique or foreign-key violation as the services' Conflict."""
    text = str(error.orig) if error.orig is not None else str(error)
    return Conflict(f"the change clashes with stored data ({text.splitlines()[0]})")


def _unavailable(watch: OutageWatch, error: BaseException) -> DatabaseUnavailable:
    watch.failed(error)
    return DatabaseUnavailable(first_line(error))


class SqlUnitOfWork:
    """A transaction over the fitrec tables; leaving the `with` block without commit rolls back."""

    users: UserRepository
    profiles: ProfileRepository
    exercises: CustomExerciseRepository
    programs: ProgramRepository
    sessions: SessionRepository
    auth: AuthRepository
    analytics_cache: AnalyticsCache
    cycles: CycleRepository
    ratings: RatingRepository

    def __init__(self, engine: Engine, *, read_only: bool = False) -> None:
        self._engine = engine
        self._read_only = read_only
        self._db: Connection | None = None

    def __enter__(self) -> Self:
        """Take a connection and build the repositories on it; its first statement begins."""
        # A Core connection, not an ORM session: the repositories run Core statements only,
        # and the ORM's bookkeeping cost about a fifth of logging a set.
        try:
            connection = self._engine.connect()
        except DBAPIError as error:
            if is_unreachable(error):
                raise _unavailable(watch_for(self._engine), error) from error
            raise
        if self._read_only:
            # Read by the SQLite begin hook: a deferred BEGIN, without the write lock.
            connection.execution_options(**{READ_ONLY_OPTION: True})
        self._db = connection
        self.users = SqlUserRepository(connection)
        self.profiles = SqlProfileRepository(connection)
        self.exercises = SqlCustomExerciseRepository(connection)
        self.programs = SqlProgramRepository(connection)
        self.sessions = SqlSessionRepository(connection)
        self.auth = SqlAuthRepository(connection)
        self.analytics_cache = SqlAnalyticsCache(connection)
        self.cycles = SqlCycleRepository(connection)
        self.ratings = SqlRatingRepository(connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back what was not committed and give the connection back.

        A driver error that means the database is unreachable becomes DatabaseUnavailable
        (and starts an outage); a unit of work that completes ends one.
        """
        connection = self._db
        self._db = None
        cleanup_error: DBAPIError | None = None
        if connection is not None:
            try:
                connection.rollback()
            except DBAPIError as error:
                # A dead connection cannot roll back; the server discards the transaction.
                cleanup_error = error
            finally:
                connection.close()
        if isinstance(exc, IntegrityError):
            raise conflict_from(exc) from exc
        failure = exc if isinstance(exc, BaseException) else cleanup_error
        if failure is not None and is_unreachable(failure):
            raise _unavailable(watch_for(self._engine), failure) from failure
        if cleanup_error is not None and exc is None:
            raise cleanup_error
        if exc is None:
            watch_for(self._engine).succeeded()

    def commit(self) -> None:
        """Make the work durable; a constraint violation becomes Conflict."""
        assert self._db is not None, "commit outside `with`"
        try:
            self._db.commit()
        except IntegrityError as error:
            self._db.rollback()
            raise conflict_from(error) from error

    def rollback(self) -> None:
        """Discard the work done so far."""
        assert self._db is not None, "rollback outside `with`"
        self._db.rollback()
