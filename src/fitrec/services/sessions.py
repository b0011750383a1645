"""Workout logging: start a session, log / correct / delete sets, finish with feedback, history."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from fitrec.domain.programs import Workout
from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.planning.targets import Target
from fitrec.services import validation as check
from fitrec.services.analytics import next_workout_in
from fitrec.services.errors import Conflict, InvalidInput, NotFound, ServiceError
from fitrec.services.exercises import resolve_exercise
from fitrec.services.models import AddedSet, OpenSession, SessionSummary
from fitrec.services.programs import find_program
from fitrec.services.unit_of_work import UnitOfWork, UowFactory


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """The answer to logging a set: the stored set, its session, and whether it is new."""

    session_id: str
    performed: PerformedSet
    created: bool


def _now() -> datetime:
    return datetime.now(UTC)


def start_session(
    make_uow: UowFactory,
    owner_id: int,
    *,
    program: str | None = None,
    workout: str | None = None,
    started_at: datetime | None = None,
) -> OpenSession:
    """Open a session from a program's workout (by program id or name), or a free one.

    A program's session gets its targets now, stored with it: they never move after.
    """
    with make_uow() as uow:
        program_id = program_name = workout_name = None
        targets: list[Target] = []
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
            targets = _targets_in(uow, owner_id, record.id, chosen.name)
        elif workout is not None:
            workout_name = check.check_name(workout, "workout")
        session_id = uow.sessions.start(
            owner_id,
            started_at=started_at or _now(),
            program_id=program_id,
            program_name=program_name,
            workout_name=workout_name,
            targets=targets,
        )
        opened = uow.sessions.open_session(owner_id, session_id)
        uow.commit()
    assert opened is not None
    return opened


def _targets_in(uow: UnitOfWork, owner_id: int, program_id: str, workout: str) -> list[Target]:
    """The targets of a program's workout from the history so far (none when it has none)."""
    try:
        return next_workout_in(uow, owner_id, program_id, workout).targets
    except ServiceError:
        return []


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
    owner_id: int,
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

    `session_id` None means the owner's latest unfinished session. One unit of work: the
    set is checked here, then `SessionRepository.add_set` stores it (or says why not).
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
        block_label=check.check_block_label(block_label),
        position=position,
        id=client_id,
        performed_at=performed_at or _now(),
    )
    if performed.rpe is not None and performed.rir is not None:
        raise InvalidInput("rir", "give RPE or RIR, not both")
    with make_uow() as uow:
        try:
            performed.exercise_slug = resolve_exercise(uow, owner_id, exercise).slug
        except InvalidInput:
            # A retry of a set stored before its custom exercise was deleted: the stored set.
            stored = uow.sessions.find_set(owner_id, client_id) if set_id is not None else None
            if stored is None:
                raise
            added = AddedSet(session_id or stored[0], stored[1], stored_in=stored[0])
        else:
            added = uow.sessions.add_set(
                owner_id, session_id, performed, from_plan=block_label is None
            )
        uow.commit()
    return _logged(added, session_id, client_id)


def _logged(added: AddedSet, session_id: str | None, client_id: str) -> LoggedSet:
    """The answer to logging a set, or the error that says why it was not stored."""
    if added.session_id is None:
        raise NotFound(
            "session" if session_id is not None else "open session", session_id or "latest"
        )
    if added.stored_in is not None and added.stored_in != added.session_id:
        raise Conflict(f"set id {client_id!r} belongs to another session", field="id")
    if added.performed is None:
        raise Conflict(f"session {added.session_id} is finished; start a new one", field="session")
    return LoggedSet(added.session_id, added.performed, created=added.created)


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
    with make_uow() as uow:
        session = _session(uow, owner_id, session_id)
        if session.finished_at is not None:
            raise Conflict(f"session {session.id} is already finished", field="session")
        for i, f in enumerate(items):
            label = f.block_label.strip().upper()
            _check_block(uow, owner_id, session, label, f"feedback[{i}].block_label")
        for f in items:
            uow.sessions.save_feedback(
                owner_id, session.row_id, replace(f, block_label=f.block_label.strip().upper())
            )
        uow.sessions.finish(
            owner_id, session.row_id, finished_at=finished_at or _now(), note=clean_note
        )
        if session.program_id is not None and session.workout_name:
            following = _targets_in(uow, owner_id, session.program_id, session.workout_name)
            uow.sessions.save_next_targets(owner_id, session.row_id, following)
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
        _check_block(uow, owner_id, session, label, "path.block_label")
        uow.sessions.save_feedback(owner_id, session.row_id, replace(feedback, block_label=label))
        done = uow.sessions.get(owner_id, session.id)
        uow.commit()
    assert done is not None
    return done


def _check_block(
    uow: UnitOfWork, owner_id: int, session: OpenSession, label: str, field: str = "block_label"
) -> None:
    """Refuse feedback for a block the session's workout does not have."""
    workout = _workout_of(uow, owner_id, session)
    if workout is None:
        return  # a free session (or its program deleted since): any block it logged
    if label not in {b.label for b in workout.blocks}:
        names = ", ".join(b.label for b in workout.blocks)
        raise InvalidInput(field, f"the workout {workout.name!r} has no block {label} ({names})")


def _workout_of(uow: UnitOfWork, owner_id: int, session: OpenSession) -> Workout | None:
    if session.program_id is None or not session.workout_name:
        return None
    try:
        return find_program(uow, owner_id, session.program_id).program.workout(session.workout_name)
    except (NotFound, KeyError):
        return None


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
