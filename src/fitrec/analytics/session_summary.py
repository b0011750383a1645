"""One session's share of the whole-history analytics, small enough to keep per session.

A history's e1RM points, records, weekly sets per muscle group, pair points and isolation
sets are each a fold over its sessions in order, so a summary per session (kept as the
session is written) lets the progress overview be folded from a few thousand small rows
instead of re-reading every set. `summarize` reuses the whole-history functions on the
one session, so a summary holds exactly what they would compute for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from fitrec.analytics.e1rm import E1rmConfig, e1rm_series
from fitrec.analytics.history import ExerciseLookup, Pair
from fitrec.analytics.isolation import IsolationSeries, isolation_series_of, isolation_sets
from fitrec.analytics.pairs import PairPoint, pair_series
from fitrec.analytics.records import records
from fitrec.analytics.volume import WeekVolume, week_start, weekly_volume
from fitrec.domain.muscles import MuscleGroup
from fitrec.domain.sessions import Session

# Bumped whenever the summary's shape or the analytics behind it change: a stored summary
# of another format is recomputed.
SUMMARY_FORMAT = 1
_GROUPS = {group.value: group for group in MuscleGroup}


@dataclass(frozen=True, slots=True)
class LiftRecord:
    """A lift's best e1RM that session (kg, None without a fresh set) and its volume (kg)."""

    slug: str
    e1rm_kg: float | None
    volume_kg: float | None


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """What one session adds to each whole-history series (kg)."""

    started_at: datetime
    e1rm: tuple[tuple[str, float], ...]  # (slug, best e1RM) in e1rm_series order
    records: tuple[LiftRecord, ...]  # in `records` order
    group_sets: tuple[tuple[str, float], ...]  # (MuscleGroup value, hard sets)
    pairs: tuple[tuple[Pair, tuple[PairPoint, ...]], ...]
    isolations: tuple[tuple[str, tuple[tuple[float, int], ...]], ...]

    @property
    def day(self) -> date:
        """The calendar day of the session."""
        return self.started_at.date()

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form; `from_dict` gives back an equal summary."""
        return {
            "started_at": self.started_at.isoformat(),
            "e1rm": [list(item) for item in self.e1rm],
            "records": [[r.slug, r.e1rm_kg, r.volume_kg] for r in self.records],
            "group_sets": [list(item) for item in self.group_sets],
            "pairs": [
                [
                    pair.compound_slug,
                    pair.isolation_slug,
                    [
                        [
                            p.block_label,
                            p.compound_sets,
                            p.isolation_sets,
                            p.isolation_reps,
                            p.isolation_tonnage_kg,
                            p.pump,
                            p.exhaustion,
                        ]
                        for p in points
                    ],
                ]
                for pair, points in self.pairs
            ],
            "isolations": [[slug, [list(s) for s in done]] for slug, done in self.isolations],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionSummary:
        """The inverse of `to_dict`."""
        started = datetime.fromisoformat(data["started_at"])
        day = started.date()  # a pair point's day is its session's
        return cls(
            started,
            tuple((slug, float(value)) for slug, value in data["e1rm"]),
            tuple(LiftRecord(slug, e1rm, volume) for slug, e1rm, volume in data["records"]),
            tuple((group, float(sets)) for group, sets in data["group_sets"]),
            tuple(
                (
                    Pair(compound, isolation),
                    tuple(
                        PairPoint(day, label, c, i, r, float(t), pump, ex)
                        for label, c, i, r, t, pump, ex in points
                    ),
                )
                for compound, isolation, points in data["pairs"]
            ),
            tuple(
                (slug, tuple((float(w), int(r)) for w, r in done))
                for slug, done in data["isolations"]
            ),
        )


def summarize(session: Session, lookup: ExerciseLookup) -> SessionSummary:
    """The summary of one session under the default analytics settings."""
    one = [session]
    found = records(one, lookup, E1rmConfig())
    weeks = weekly_volume(one, lookup)
    return SessionSummary(
        started_at=session.started_at,
        e1rm=tuple((slug, points[0].e1rm_kg) for slug, points in e1rm_series(one, lookup).items()),
        records=tuple(
            LiftRecord(
                slug,
                r.e1rm.value if r.e1rm is not None else None,
                r.session_volume.value if r.session_volume is not None else None,
            )
            for slug, r in found.items()
        ),
        group_sets=tuple(
            (str(group.value), sets) for group, sets in weeks[0].sets_by_group.items()
        ),
        pairs=tuple((pair, tuple(points)) for pair, points in pair_series(one, lookup).items()),
        isolations=tuple(
            (slug, tuple(done)) for slug, done in isolation_sets(session, lookup).items()
        ),
    )


@dataclass(frozen=True, slots=True)
class BestLift:
    """A lift's records over a history: best e1RM (kg, first day reached), best volume."""

    e1rm_kg: float | None = None
    e1rm_day: date | None = None
    volume_kg: float | None = None


@dataclass(slots=True)
class Folded:
    """The whole-history series folded from the summaries (oldest first), in kg."""

    e1rm: dict[str, list[tuple[date, float]]] = field(default_factory=dict)
    records: dict[str, BestLift] = field(default_factory=dict)
    weeks: list[WeekVolume] = field(default_factory=list)
    pairs: dict[Pair, list[PairPoint]] = field(default_factory=dict)
    recent_pairs: dict[Pair, list[PairPoint]] = field(default_factory=dict)
    recent_isolations: list[IsolationSeries] = field(default_factory=list)


def _pairs_of(summaries: Sequence[SessionSummary]) -> dict[Pair, list[PairPoint]]:
    """`pair_series` of the sessions summarised."""
    series: dict[Pair, list[PairPoint]] = {}
    for summary in summaries:
        for pair, points in summary.pairs:
            series.setdefault(pair, []).extend(points)
    for found in series.values():
        found.sort(key=lambda p: p.date)
    return series


def fold(summaries: Sequence[SessionSummary], reach: timedelta) -> Folded:
    """The series of a history from its sessions' summaries (oldest first); pairs and
    isolations also over the sessions within `reach` of the last one (the charts')."""
    out = Folded()
    weeks: dict[date, WeekVolume] = {}
    for summary in summaries:
        day = summary.day
        for slug, value in summary.e1rm:
            out.e1rm.setdefault(slug, []).append((day, value))
        for lift in summary.records:
            held = out.records.get(lift.slug) or BestLift()
            # As `records`: a record must be beaten, so a tie keeps the earlier day.
            if lift.e1rm_kg is not None and (held.e1rm_kg is None or lift.e1rm_kg > held.e1rm_kg):
                held = BestLift(lift.e1rm_kg, day, held.volume_kg)
            if lift.volume_kg is not None and (
                held.volume_kg is None or lift.volume_kg > held.volume_kg
            ):
                held = BestLift(held.e1rm_kg, held.e1rm_day, lift.volume_kg)
            out.records[lift.slug] = held
        monday = week_start(day)
        week = weeks.get(monday)
        if week is None:
            week = weeks[monday] = WeekVolume(monday)
        by_group = week.sets_by_group
        for group_name, sets in summary.group_sets:
            group = _GROUPS[group_name]
            by_group[group] = by_group.get(group, 0.0) + sets
    out.weeks = [weeks[k] for k in sorted(weeks)]
    out.pairs = _pairs_of(summaries)
    recent: Sequence[SessionSummary] = summaries
    if summaries:
        since = summaries[-1].started_at - reach
        recent = [s for s in summaries if s.started_at >= since]
    out.recent_pairs = _pairs_of(recent)
    out.recent_isolations = isolation_series_of(
        (s.day, {slug: list(done) for slug, done in s.isolations}) for s in recent
    )
    return out
