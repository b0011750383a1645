"""Per post-exhaust pair, over time: isolation volume beside pump and exhaustion."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from fitrec.analytics.history import (
    ExerciseLookup,
    Pair,
    cached_lookup,
    counts_as_work,
    is_hard,
    session_date,
    session_pairs,
)
from fitrec.domain.sessions import Session


@dataclass(frozen=True, slots=True)
class PairPoint:
    """One session of a pair: its volume and how it felt."""

    date: date
    block_label: str
    compound_sets: int
    isolation_sets: int  # hard sets
    isolation_reps: int
    isolation_tonnage_kg: float
    pump: int | None
    exhaustion: int | None


def pair_series(
    sessions: Iterable[Session], lookup: ExerciseLookup, max_rir: float = 3.0
) -> dict[Pair, list[PairPoint]]:
    """Every pair that was performed, with one point per session, oldest first."""
    find = cached_lookup(lookup)
    series: dict[Pair, list[PairPoint]] = {}
    for session in sessions:
        pairs = session_pairs(session, find)
        if not pairs:
            continue
        feedback = {f.block_label: f for f in session.feedback}
        tallies: dict[str, list[float]] = {label: [0, 0, 0, 0.0] for label in pairs}
        for performed in session.sets:
            label = performed.block_label
            if label not in tallies or not counts_as_work(performed):
                continue
            pair = pairs[label]
            tally = tallies[label]
            if performed.exercise_slug == pair.compound_slug:
                tally[0] += 1
            elif performed.exercise_slug == pair.isolation_slug:
                if is_hard(performed, max_rir):
                    tally[1] += 1
                tally[2] += performed.reps
                tally[3] += performed.weight_kg * performed.reps
        day = session_date(session)
        for label, pair in pairs.items():
            tally = tallies[label]
            notes = feedback.get(label)
            series.setdefault(pair, []).append(
                PairPoint(
                    date=day,
                    block_label=label,
                    compound_sets=int(tally[0]),
                    isolation_sets=int(tally[1]),
                    isolation_reps=int(tally[2]),
                    isolation_tonnage_kg=round(tally[3], 3),
                    pump=notes.pump if notes else None,
                    exhaustion=notes.exhaustion if notes else None,
                )
            )
    for points in series.values():
        points.sort(key=lambda p: p.date)
    return series
