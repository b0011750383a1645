"""Use cases of the weekly review: muscle ratings, proposals, and applying accepted ones.

The review reads what was logged (fresh-set e1RM of each pair's compound, the
isolation at its load, pump and exhaustion, the latest ratings) and proposes one
change per pair by `planning.adjust`. Nothing changes until the lifter accepts:
then the accepted proposals are applied to the program (and the cycle, for an
earlier deload) in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fitrec.analytics.decline import detect_decline
from fitrec.analytics.e1rm import E1rmPoint, e1rm_series
from fitrec.analytics.history import ordered
from fitrec.domain.exercises import Exercise
from fitrec.domain.pairs import block_kind
from fitrec.domain.programs import Block, Entry, Intent, Program
from fitrec.domain.sessions import Session, SetType
from fitrec.planning.adjust import RATING, Change, PairSignals, Proposal, apply, muscle_of, propose
from fitrec.planning.cycles import position, shape
from fitrec.planning.landmarks import LANDMARKS, PlanMuscle, weekly_sets
from fitrec.services.analytics import entry_resolver, lookup_for
from fitrec.services.errors import InvalidInput, NotFound
from fitrec.services.models import CycleRecord
from fitrec.services.programs import find_program
from fitrec.services.unit_of_work import UnitOfWork, UowFactory

MUSCLES = tuple(PlanMuscle)
# The decline check looks at a lift's last 6 sessions and the 6 before them: six weeks
# hold them at two sessions a week, and the latest feedback is inside them too.
REVIEW_DAYS = 42


def rate_muscle(
    make_uow: UowFactory,
    owner_id: int,
    muscle: str,
    *,
    soreness: int | None = None,
    joint: int | None = None,
    now: datetime | None = None,
) -> None:
    """Record how a muscle feels before a session: soreness and joint discomfort, 1-5."""
    chosen = next((m for m in MUSCLES if m.value == muscle.strip().lower()), None)
    if chosen is None:
        allowed = ", ".join(m.value for m in MUSCLES)
        raise InvalidInput("muscle", f"{muscle!r} is not allowed; use one of {allowed}")
    for field, value in (("soreness", soreness), ("joint", joint)):
        if value is not None and (isinstance(value, bool) or not RATING[0] <= value <= RATING[1]):
            raise InvalidInput(field, f"{value!r} is not a rating from 1 to 5")
    if soreness is None and joint is None:
        raise InvalidInput("soreness", "give a soreness or a joint discomfort rating (1-5)")
    with make_uow() as uow:
        uow.ratings.add(owner_id, chosen.value, soreness, joint, now or datetime.now(UTC))
        uow.commit()


@dataclass(frozen=True, slots=True)
class Review:
    """This week's proposals, numbered for accepting (holds carry no number), and the applied."""

    cycle_id: str
    week: int | None
    proposals: list[tuple[int | None, Proposal]]
    applied: list[Proposal]

    def to_dict(self) -> dict[str, Any]:
        """The review as JSON."""
        return {
            "cycle_id": self.cycle_id,
            "week": self.week,
            "proposals": [{"number": n, **_proposal_dict(p)} for n, p in self.proposals],
            "applied": [_proposal_dict(p) for p in self.applied],
        }


def _proposal_dict(p: Proposal) -> dict[str, Any]:
    return {
        "change": p.change.value,
        "workout": p.workout,
        "block": p.label,
        "muscle": p.muscle,
        "reason": p.reason,
        "source": p.source,
    }


def _latest_feedback(sessions: list[Session], workout: str, label: str) -> tuple[Any, Any]:
    for session in reversed(sessions):
        if session.workout_name != workout:
            continue
        for feedback in session.feedback:
            if feedback.block_label == label:
                return feedback.pump, feedback.exhaustion
    return None, None


def _isolation_trend(sessions: list[Session], slug: str) -> str | None:
    """Up, flat or down: the heaviest working set's load and reps, last time against before."""
    tops = []
    for session in reversed(sessions):
        done = [
            s for s in session.sets if s.exercise_slug == slug and s.set_type is not SetType.WARMUP
        ]
        if done:
            best = max(done, key=lambda s: (s.weight_kg, s.reps))
            tops.append((round(best.weight_kg, 2), best.reps))
        if len(tops) == 2:
            break
    if len(tops) < 2:
        return None
    last, before = tops
    return "up" if last > before else "down" if last < before else "flat"


def _declining(series: dict[str, list[E1rmPoint]], slug: str | None) -> bool:
    points = series.get(slug or "", [])
    return detect_decline([(p.date, p.e1rm_kg) for p in points]) is not None


def _proposals(
    uow: UnitOfWork,
    owner_id: int,
    record: CycleRecord,
    program: Program,
    resolve: Callable[[Entry], Exercise | None],
    sessions: list[Session],
    series: dict[str, list[E1rmPoint]],
) -> list[Proposal]:
    cycle = shape(record.weeks, record.days, record.deload_week)
    at = position(cycle, record.days_done)
    week = at[0] if at else cycle.total_weeks
    deload_due = week + 1 >= cycle.deload_week
    work = [
        (exercise, e.prescription.sets)
        for w in program.workouts
        for b in w.blocks
        for e in b.entries
        if (exercise := resolve(e)) is not None
    ]
    counts = weekly_sets(work)
    found: list[Proposal] = []
    for workout in program.workouts:
        for block in workout.blocks:
            proposal = _for_block(
                uow,
                owner_id,
                record,
                workout.name,
                block,
                resolve,
                sessions,
                series,
                counts,
                deload_due,
            )
            if proposal is not None:
                found.append(proposal)
    # One earlier deload is enough, whichever lifts asked for it.
    deloads = [p for p in found if p.change is Change.DELOAD_FORWARD]
    return [p for p in found if p.change is not Change.DELOAD_FORWARD] + deloads[:1]


def _for_block(
    uow: UnitOfWork,
    owner_id: int,
    record: CycleRecord,
    workout: str,
    block: Block,
    resolve: Callable[[Entry], Exercise | None],
    sessions: list[Session],
    series: dict[str, list[E1rmPoint]],
    counts: dict[PlanMuscle, float],
    deload_due: bool,
) -> Proposal | None:
    exercises = [resolve(e) for e in block.entries]
    first = exercises[0] if exercises else None
    if first is None or not first.is_compound:
        return None
    declining = _declining(series, first.slug)
    if len(block.entries) == 1:
        if not declining:
            return None
        return propose(workout, block, first.name, PairSignals(True), deload_due=deload_due)
    iso = exercises[1] if len(exercises) == 2 else None
    if iso is None or block_kind((first, iso)) is not Intent.POST_EXHAUST:
        return None
    muscle = muscle_of(iso)
    rating = uow.ratings.latest(owner_id, muscle.value, record.started_at) if muscle else None
    pump, exhaustion = _latest_feedback(sessions, workout, block.label)
    signals = PairSignals(
        declining=declining,
        pump=pump,
        exhaustion=exhaustion,
        soreness=rating[0] if rating else None,
        joint=rating[1] if rating else None,
        isolation_trend=_isolation_trend(sessions, iso.slug),
        weekly_sets=counts[muscle] if muscle else 0.0,
        mrv=LANDMARKS[muscle].mrv if muscle else 20.0,
    )
    name = muscle.value if muscle else iso.name
    return propose(workout, block, name, signals, deload_due=deload_due)


def review_cycle(make_uow: UowFactory, owner_id: int, accept: Sequence[int] = ()) -> Review:
    """This week's proposals for the current cycle; `accept` applies those numbered."""
    with make_uow(read_only=not accept) as uow:
        record = uow.cycles.current(owner_id)
        if record is None:
            raise NotFound("cycle", "(none: start one with `fitrec cycle start`)")
        stored = find_program(uow, owner_id, record.program_id)
        resolve = entry_resolver(uow, owner_id)
        since = datetime.now(UTC) - timedelta(days=REVIEW_DAYS)
        sessions = ordered(uow.sessions.history(owner_id, since=since))
        series = e1rm_series(sessions, lookup_for(uow, owner_id))
        found = _proposals(uow, owner_id, record, stored.program, resolve, sessions, series)
        numbered: list[tuple[int | None, Proposal]] = []
        number = 0
        for proposal in found:
            if proposal.change is Change.HOLD:
                numbered.append((None, proposal))
            else:
                number += 1
                numbered.append((number, proposal))
        by_number = {n: p for n, p in numbered if n is not None}
        unknown = [n for n in accept if n not in by_number]
        if unknown:
            raise InvalidInput(
                "accept",
                f"no proposal {unknown[0]} this week; the numbers are "
                + (", ".join(str(n) for n in by_number) or "none"),
            )
        applied = [by_number[n] for n in dict.fromkeys(accept)]
        cycle = shape(record.weeks, record.days, record.deload_week)
        at = position(cycle, record.days_done)
        week = at[0] if at else None
        if applied:
            program = stored.program
            deload_week = record.deload_week
            for proposal in applied:
                if proposal.change is Change.DELOAD_FORWARD:
                    current = week or cycle.total_weeks
                    deload_week = min(deload_week, current + 1)
                else:
                    program = apply(program, proposal)
            uow.programs.replace(owner_id, stored.id, program)
            uow.cycles.save_position(
                owner_id,
                record.id,
                days_done=record.days_done,
                deload_week=deload_week,
                finished_at=None,
            )
            uow.commit()
    return Review(record.id, week, numbered, applied)
