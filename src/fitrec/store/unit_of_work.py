"""The SQLAlchemy unit of work: one ORM session, one transaction, the repositories on it."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from fitrec.services.errors import Conflict
from fitrec.services.unit_of_work import (
    AnalyticsCache,
    AuthRepository,
    CustomExerciseRepository,
    HistoryDocuments,
    ProfileRepository,
    ProgramRepository,
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
from fitrec.store.history_json import SqlHistoryDocuments
from fitrec.store.programs import SqlProgramRepository
from fitrec.store.sessions import SqlSessionRepository


def conflict_from(error: IntegrityError) -> Conflict:
    """A unique or foreign-key violation as the services' Conflict."""
    text = str(error.orig) if error.orig is not None else str(error)
    return Conflict(f"the change clashes with stored data ({text.splitlines()[0]})")


class SqlUnitOfWork:
    """A transaction over the fitrec tables; leaving the `with` block without commit rolls back."""

    users: UserRepository
    profiles: ProfileRepository
    exercises: CustomExerciseRepository
    programs: ProgramRepository
    sessions: SessionRepository
    auth: AuthRepository
    history_documents: HistoryDocuments
    analytics_cache: AnalyticsCache

    def __init__(self, session_factory: sessionmaker[OrmSession]) -> None:
        self._session_factory = session_factory
        self._session: OrmSession | None = None

    def __enter__(self) -> Self:
        """Begin the transaction and build the repositories on it."""
        session = self._session_factory()
        self._session = session
        self.users = SqlUserRepository(session)
        self.profiles = SqlProfileRepository(session)
        self.exercises = SqlCustomExerciseRepository(session)
        self.programs = SqlProgramRepository(session)
        self.sessions = SqlSessionRepository(session)
        self.auth = SqlAuthRepository(session)
        self.history_documents = SqlHistoryDocuments(session)
        self.analytics_cache = SqlAnalyticsCache(session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back what was not committed and give the connection back."""
        session = self._session
        self._session = None
        if session is not None:
            try:
                session.rollback()
            finally:
                session.close()
        if isinstance(exc, IntegrityError):
            raise conflict_from(exc) from exc

    def commit(self) -> None:
        """Make the work durable; a constraint violation becomes Conflict."""
        assert self._session is not None, "commit outside `with`"
        try:
            self._session.commit()
        except IntegrityError as error:
            self._session.rollback()
            raise conflict_from(error) from error

    def rollback(self) -> None:
        """Discard the work done so far."""
        assert self._session is not None, "rollback outside `with`"
        self._session.rollback()


def session_factory(engine: Engine) -> sessionmaker[OrmSession]:
    """The ORM session maker the units of work use."""
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
