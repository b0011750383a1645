"""The session read model: one session as the API and the web pages show it, in one read.

`read_session` builds it in one read-only unit of work: the session's sets and feedback,
the plan (the program's workout), the targets stored when it started (and, once finished,
those it left for next time), the rest taken, and for each planned entry what the lifter
did last time. Nothing is recomputed from the whole history on a read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fitrec.domain.programs import Block, LoadType, Workout
from fitrec.domain.sessions import Session
from fitrec.domain.units import Unit, convert
from fitrec.planning.targets import Target
from fitrec.services.errors import NotFound
from fitrec.services.models import AthleteProfile, LastTime
from fitrec.services.programs import find_program
from fitrec.services.unit_of_work import UnitOfWork, UowFactory


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """One planned exercise of a block, with its target and what was done last time."""

    position: int
    exercise_slug: str | None
    name: str
    sets: int
    reps_min: int
    reps_max: int
    target_weight: float | None  # the stored target's load, else the program's absolute load
    target_rir: float | None
    placement: str
    target: Target | None = None
    last_time: LastTime | None = None


@dataclass(frozen=True, slots=True)
class PlanBlock:
    """A planned block of the session's workout, with its two rests."""

    label: str
    title: str | None
    transition_rest_s: int | None
    rest_after_s: int | None
    entries: list[PlanEntry]


@dataclass(frozen=True, slots=True)
class SessionView:
    """A whole session: header, sets, feedback, plan, targets and the rest taken."""

    session: Session
    unit: Unit
    blocks: list[PlanBlock] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)  # fixed when the session started
    next_targets: list[Target] = field(default_factory=list)  # stored when it finished

    @property
    def rest_taken_s(self) -> int:
        """The rest logged before the session's sets, in seconds."""
        return sum(s.rest_before_s or 0 for s in self.session.sets)


def read_session(make_uow: UowFactory, owner_id: int, session_id: str) -> SessionView:
    """One session with everything the live page and the API show, in one read."""
    with make_uow(read_only=True) as uow:
        found = uow.sessions.get(owner_id, session_id)
        if found is None:
            raise NotFound("session", session_id)
        return view_in(uow, owner_id, found)


def view_in(uow: UnitOfWork, owner_id: int, session: Session) -> SessionView:
    """The view of a session already read in `uow` (the same snapshot)."""
    assert session.id is not None
    profile = uow.profiles.get(owner_id) or AthleteProfile()
    planned, following = uow.sessions.targets(owner_id, session.id)
    workout = _workout(uow, owner_id, session)
    blocks: list[PlanBlock] = []
    if workout is not None:
        slugs = [e.exercise_slug for b in workout.blocks for e in b.entries if e.exercise_slug]
        last = uow.sessions.last_sets(owner_id, session.started_at, slugs)
        by_label = {t.label: t for t in planned if t.label}
        blocks = [_block(block, by_label, last, profile.unit) for block in workout.blocks]
    return SessionView(
        session=session,
        unit=profile.unit,
        blocks=blocks,
        targets=planned,
        next_targets=following if session.finished_at is not None else [],
    )


def _workout(uow: UnitOfWork, owner_id: int, session: Session) -> Workout | None:
    """The program workout the session follows (None for a free session, or once deleted)."""
    if not session.program_name or not session.workout_name:
        return None
    if session.program_id is not None:
        found = uow.programs.workout(owner_id, session.program_id, session.workout_name)
        if found is not None:
            return found
    try:
        record = find_program(uow, owner_id, session.program_id or session.program_name)
        return record.program.workout(session.workout_name)
    except (NotFound, KeyError):
        return None  # the program was deleted or renamed since: the sets still show


def _block(
    block: Block, targets: dict[str, Target], last: dict[str, LastTime], unit: Unit
) -> PlanBlock:
    """A planned block; a program's absolute load in `unit` (the lifter's, the session's)."""
    entries = []
    for position, entry in enumerate(block.entries, start=1):
        p = entry.prescription
        target = targets.get(f"{block.label}{position}")
        absolute = (
            round(convert(p.load.value, p.load.unit or unit, unit), 2)
            if p.load and p.load.type is LoadType.ABSOLUTE
            else None
        )
        entries.append(
            PlanEntry(
                position=position,
                exercise_slug=entry.exercise_slug,
                name=target.exercise_name if target else entry.name,
                sets=p.sets,
                reps_min=p.reps_min,
                reps_max=p.reps_max,
                target_weight=target.load if target and target.load is not None else absolute,
                target_rir=p.effort.rir if p.effort else None,
                placement=entry.placement.value,
                target=target,
                last_time=last.get(entry.exercise_slug) if entry.exercise_slug else None,
            )
        )
    return PlanBlock(
        label=block.label,
        title=block.title,
        transition_rest_s=block.transition_rest_s,
        rest_after_s=block.rest_after_round_s,
        entries=entries,
    )
