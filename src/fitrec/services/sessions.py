"""Workout logging: start a session, log / correct / delete sets, finish with feedback, history."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.services import validation as check
from fitrec.services.accounts import Caller, caller_credential, owner_in
from fitrec.services.errors import Conflict, InvalidInput, NotFound
from fitrec.services.exercises import builtin_catalog, resolve_exercise, resolve_in
from fitrec.services.models import OpenSession, SessionSummary
from fitrec.services.unit_of_work import UnitOfWork, UowFactory


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """The answer to logging a set: the stored set, its session, and whether it is new."""

    session_id: str
    performed: PerformedSet
    created: bool


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    # The store reads times back naive on SQLite; they are UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def start_session(
    make_uow: UowFactory,
    owner_id: int,
    *,
    program: str | None = None,
    workout: str | None = None,
    started_at: datetime | None = None,
) -> OpenSession:
    """Open a session from a program's workout (by program id or name), or a free one."""
    from fitrec.services.programs import find_program

    if started_at is not None:
        check.check_instant(started_at, "started_at")
    with make_uow() as uow:
        program_id = program_name = workout_name = None
        if program is not None:
            record = find_program(uow, owner_id, program)
            if not workout:
                if len(record.program.workouts) != 1:
                    names = ", ".join(w.name for w in record.program.workouts)
                    raise InvalidInput("workout", f"name one of the workouts: {names}")
                workout = record.program.workouts[0].name
            try:
                chosen = record.program.workout(workout)
            except KeyError:
                names = ", ".join(w.name for w in record.program.workouts)
                raise InvalidInput(
                    "workout", f"{record.program.name!r} has no workout {workout!r} ({names})"
                ) from None
            program_id, program_name, workout_name = record.id, record.program.name, chosen.name
        elif workout is not None:
            workout_name = check.check_name(workout, "workout")
        session_id = uow.sessions.start(
            owner_id,
            started_at=started_at or _now(),
            program_id=program_id,
            program_name=program_name,
            workout_name=workout_name,
        )
        opened = uow.sessions.open_session(owner_id, session_id)
        uow.commit()
    assert opened is not None
    return opened


def _session(uow: UnitOfWork, owner_id: int, session_id: str | None) -> OpenSession:
    if session_id is None:
        found = uow.sessions.latest_unfinished(owner_id)
        if found is None:
            raise NotFound("open session", "latest")
        return found
    found = uow.sessions.open_session(owner_id, session_id)
    if found is None:
        raise NotFound("session", session_id)
    return found


def current_session(make_uow: UowFactory, owner_id: int) -> OpenSession | None:
    """The owner's latest unfinished session, if any."""
    with make_uow(read_only=True) as uow:
        return uow.sessions.latest_unfinished(owner_id)


def log_set(
    make_uow: UowFactory,
    owner_id: Caller,
    session_id: str | None,
    *,
    exercise: str,
    weight: float,
    reps: int,
    unit: Unit | str = Unit.KG,
    set_type: SetType | str = SetType.WORKING,
    rpe: float | None = None,
    rir: float | None = None,
    rest_before_s: int | None = None,
    note: str | None = None,
    block_label: str | None = None,
    position: int | None = None,
    set_id: str | None = None,
    performed_at: datetime | None = None,
) -> LoggedSet:
    """Log one set (idempotent: the same `set_id` twice stores one set and answers with it).

    `session_id` None means the owner's latest unfinished session. `owner_id` may be a
    bearer token, checked in the same transaction (InvalidToken when it is not live).
    """
    client_id = check.check_client_id(set_id) if set_id is not None else uuid.uuid4().hex
    the_unit = check.check_unit(unit)
    performed = PerformedSet(
        exercise_slug="",
        weight=check.check_weight(weight, the_unit),
        reps=check.check_reps(reps),
        unit=the_unit,
        set_type=check.check_set_type(set_type),
        rpe=check.check_rpe(rpe),
        rir=check.check_rir(rir),
        rest_before_s=check.check_rest(rest_before_s, "rest_before_s"),
        note=check.check_note(note),
        id=client_id,
        performed_at=performed_at or _now(),
    )
    if performed.rpe is not None and performed.rir is not None:
        raise InvalidInput("rir", "give RPE or RIR, not both")
    if session_id is not None:
        quick = _log_set_in_one_statement(
            make_uow, owner_id, session_id, performed, exercise, block_label, position
        )
        if quick is not None:
            return quick
    with make_uow() as uow:
        owner = owner_in(uow, owner_id)
        session = _session(uow, owner, session_id)
        if session.finished_at is not None:
            replayed = _replayed(uow, owner, session, client_id) if set_id is not None else None
            if replayed is not None:
                return replayed
            raise Conflict(f"session {session.id} is finished; start a new one", field="session")
        try:
            found = resolve_exercise(uow, owner, exercise)
        except InvalidInput:
            replayed = _replayed(uow, owner, session, client_id) if set_id is not None else None
            if replayed is not None:
                return replayed
            raise
        performed.exercise_slug = found.slug
        if block_label is None and session.program_id is not None and session.workout_name:
            slot = uow.programs.slot_of(owner, session.program_id, session.workout_name, found.slug)
            if slot is not None:
                block_label, position = position_default(slot, position)
        performed.block_label = check.check_block_label(block_label)
        performed.position = position
        # Numbered and inserted in one statement; nothing is inserted when the client id
        # is stored already (a retry), and then the stored set is the answer.
        set_index = uow.sessions.add_set_once(owner, session.row_id, performed)
        if set_index is None:
            replayed = _replayed(uow, owner, session, client_id)
            if replayed is None:
                raise Conflict(f"set id {client_id!r} could not be stored", field="id")
            return replayed
        performed.set_index = set_index
        uow.commit()
    return LoggedSet(session.id, performed, created=True)


def _log_set_in_one_statement(
    make_uow: UowFactory,
    caller: Caller,
    session_id: str,
    performed: PerformedSet,
    exercise: str,
    block_label: str | None,
    position: int | None,
) -> LoggedSet | None:
    """The common case as one statement, or None to take the full path.

    A built-in exercise logged by its owner into an open session under a new id needs no
    read first: the statement checks the credential and the session as it inserts. Anything
    else (a custom exercise, a token that is not live, another owner's or a finished
    session, a retried id, a block label to take from the program) inserts nothing here and
    the full path answers it, errors included.
    """
    credential = caller_credential(caller)
    if credential is None:
        return None
    try:
        found = resolve_in(builtin_catalog(), exercise)
    except InvalidInput:
        return None
    logged = replace(
        performed,
        exercise_slug=found.slug,
        block_label=check.check_block_label(block_label),
        position=position,
    )
    owner_id, token_hash = credential
    with make_uow() as uow:
        set_index = uow.sessions.add_set_if_open(
            owner_id, token_hash, session_id, logged, slot_free=block_label is None
        )
        if set_index is None:
            return None
        uow.commit()
    logged.set_index = set_index
    return LoggedSet(session_id, logged, created=True)


def _replayed(
    uow: UnitOfWork, owner_id: int, session: OpenSession, client_id: str
) -> LoggedSet | None:
    """The set already stored under `client_id`, if any (Conflict when in another session)."""
    existing = uow.sessions.find_set(owner_id, client_id)
    if existing is None:
        return None
    stored_session, stored = existing
    if stored_session != session.id:
        raise Conflict(f"set id {client_id!r} belongs to another session", field="id")
    return LoggedSet(stored_session, stored, created=False)


def position_default(slot: tuple[str, int], position: int | None) -> tuple[str, int]:
    """A program slot's label and position, unless a position was given."""
    return slot[0], position if position is not None else slot[1]


_CORRECTABLE = {
    "exercise",
    "weight",
    "unit",
    "reps",
    "set_type",
    "rpe",
    "rir",
    "rest_before_s",
    "note",
    "block_label",
    "position",
    "flagged",
}


def correct_set(
    make_uow: UowFactory, owner_id: int, set_id: str, changes: Mapping[str, Any]
) -> PerformedSet:
    """Change some values of a logged set (keys as in `log_set`; None clears optional ones)."""
    unknown = sorted(set(changes) - _CORRECTABLE)
    if unknown:
        raise InvalidInput(unknown[0], "cannot be changed")
    with make_uow() as uow:
        existing = uow.sessions.find_set(owner_id, set_id)
        if existing is None:
            raise NotFound("set", set_id)
        stored = existing[1]
        updated = replace(stored)
        if "exercise" in changes:
            updated.exercise_slug = resolve_exercise(uow, owner_id, changes["exercise"]).slug
        if "unit" in changes:
            updated.unit = check.check_unit(changes["unit"])
        if "weight" in changes or "unit" in changes:
            updated.weight = check.check_weight(changes.get("weight", stored.weight), updated.unit)
        if "reps" in changes:
            updated.reps = check.check_reps(changes["reps"])
        if "set_type" in changes:
            updated.set_type = check.check_set_type(changes["set_type"])
        if "rpe" in changes:
            updated.rpe = check.check_rpe(changes["rpe"])
        if "rir" in changes:
            updated.rir = check.check_rir(changes["rir"])
        if updated.rpe is not None and updated.rir is not None:
            raise InvalidInput("rir", "give RPE or RIR, not both")
        if "rest_before_s" in changes:
            updated.rest_before_s = check.check_rest(changes["rest_before_s"], "rest_before_s")
        if "note" in changes:
            updated.note = check.check_note(changes["note"])
        if "block_label" in changes:
            updated.block_label = check.check_block_label(changes["block_label"])
        if "position" in changes:
            updated.position = changes["position"]
        if "flagged" in changes:
            updated.flagged = bool(changes["flagged"])
        uow.sessions.update_set(owner_id, updated)
        uow.commit()
    return updated


def delete_set(make_uow: UowFactory, owner_id: int, set_id: str) -> None:
    """Delete a logged set by its id."""
    with make_uow() as uow:
        if not uow.sessions.delete_set(owner_id, set_id):
            raise NotFound("set", set_id)
        uow.commit()


def blocks_without_feedback(session: Session) -> list[str]:
    """Block labels that have sets in the session but no feedback yet, in order."""
    rated = {f.block_label for f in session.feedback}
    labels = dict.fromkeys(s.block_label for s in session.sets if s.block_label)
    return [label for label in labels if label not in rated]


def finish_session(
    make_uow: UowFactory,
    owner_id: int,
    session_id: str | None,
    *,
    feedback: Iterable[Feedback] = (),
    note: str | None = None,
    finished_at: datetime | None = None,
) -> Session:
    """Finish a session (the latest open one when `session_id` is None) with feedback and a note."""
    items = list(feedback)
    for i, f in enumerate(items):
        if not f.block_label or not f.block_label.strip().isalpha():
            raise InvalidInput(f"feedback[{i}].block_label", "must name a block such as A")
        check.check_scale(f.pump, f"feedback[{i}].pump")
        check.check_scale(f.exhaustion, f"feedback[{i}].exhaustion")
        check.check_note(f.note, f"feedback[{i}].note")
    clean_note = check.check_note(note)
    end = finished_at or _now()
    with make_uow() as uow:
        session = _session(uow, owner_id, session_id)
        if session.finished_at is not None:
            raise Conflict(f"session {session.id} is already finished", field="session")
        if _aware(end) <= _aware(session.started_at):
            start = session.started_at.isoformat(timespec="minutes")
            raise Conflict(f"session {session.id} starts after now ({start})", field="session")
        for f in items:
            uow.sessions.save_feedback(
                owner_id, session.row_id, replace(f, block_label=f.block_label.strip().upper())
            )
        uow.sessions.finish(owner_id, session.row_id, finished_at=end, note=clean_note)
        done = uow.sessions.get(owner_id, session.id)
        uow.commit()
    assert done is not None
    return done


def save_feedback(
    make_uow: UowFactory, owner_id: int, session_id: str, feedback: Feedback
) -> Session:
    """Record (or replace) how one block felt, during or after the session."""
    check.check_scale(feedback.pump, "pump")
    check.check_scale(feedback.exhaustion, "exhaustion")
    check.check_note(feedback.note)
    label = check.check_block_label(feedback.block_label)
    if label is None:
        raise InvalidInput("block_label", "must name a block such as A")
    with make_uow() as uow:
        session = _session(uow, owner_id, session_id)
        uow.sessions.save_feedback(owner_id, session.row_id, replace(feedback, block_label=label))
        done = uow.sessions.get(owner_id, session.id)
        uow.commit()
    assert done is not None
    return done


def get_session(make_uow: UowFactory, owner_id: int, session_id: str) -> Session:
    """A whole session with its sets and feedback."""
    with make_uow(read_only=True) as uow:
        found = uow.sessions.get(owner_id, session_id)
    if found is None:
        raise NotFound("session", session_id)
    return found


def list_sessions(
    make_uow: UowFactory, owner_id: int, *, limit: int = 50, offset: int = 0
) -> list[SessionSummary]:
    """The history, newest first."""
    if not 1 <= limit <= 1000:
        raise InvalidInput("limit", "must be between 1 and 1000")
    if offset < 0:
        raise InvalidInput("offset", "must not be negative")
    with make_uow(read_only=True) as uow:
        return uow.sessions.list(owner_id, limit=limit, offset=offset)


def delete_session(make_uow: UowFactory, owner_id: int, session_id: str) -> None:
    """Delete a session with its sets and feedback."""
    with make_uow() as uow:
        if not uow.sessions.delete(owner_id, session_id):
            raise NotFound("session", session_id)
        uow.commit()
