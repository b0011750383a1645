"""The progress overview's series over time: weekly sets per muscle against the MEV-MRV
band, isolation lifts (volume load, reps at the usual load) and each pair's isolation
volume beside pump and exhaustion. In kg; JSON-able for the analytics cache."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from fitrec.analytics.history import ExerciseLookup, Pair
from fitrec.analytics.isolation import IsolationSeries, isolation_series
from fitrec.analytics.pairs import PairPoint, pair_series
from fitrec.analytics.volume import DEFAULT_LANDMARKS, WeekVolume
from fitrec.domain.sessions import Session

MAX_WEEKS = 104  # the weekly, isolation and pair charts reach two years back
REACH_DAYS = 7 * MAX_WEEKS


@dataclass(frozen=True, slots=True)
class GroupSeries:
    """A muscle group's hard sets per week (Mondays), with its MEV and MRV."""

    group: str
    mev: float
    mrv: float
    weeks: tuple[tuple[date, float], ...]


@dataclass(frozen=True, slots=True)
class IsolationChart:
    """An isolation lift's sessions: (day, volume load kg, best reps at `load_kg`)."""

    slug: str
    name: str
    load_kg: float
    points: tuple[tuple[date, float, int | None], ...]


@dataclass(frozen=True, slots=True)
class PairChart:
    """A pair's sessions: (day, isolation volume kg, pump, exhaustion)."""

    compound: str
    isolation: str
    points: tuple[tuple[date, float, int | None, int | None], ...]


@dataclass(frozen=True, slots=True)
class OverviewCharts:
    """Every series over time the progress page charts beside the e1RM lines."""

    weekly: tuple[GroupSeries, ...] = ()
    isolations: tuple[IsolationChart, ...] = ()
    pairs: tuple[PairChart, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (ISO dates)."""
        return {
            "weekly": [
                [g.group, g.mev, g.mrv, [[d.isoformat(), v] for d, v in g.weeks]]
                for g in self.weekly
            ],
            "isolations": [
                [i.slug, i.name, i.load_kg, [[d.isoformat(), v, r] for d, v, r in i.points]]
                for i in self.isolations
            ],
            "pairs": [
                [p.compound, p.isolation, [[d.isoformat(), v, a, b] for d, v, a, b in p.points]]
                for p in self.pairs
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OverviewCharts:
        """The inverse of `to_dict`."""
        day = date.fromisoformat
        return cls(
            tuple(
                GroupSeries(g, mev, mrv, tuple((day(d), float(v)) for d, v in weeks))
                for g, mev, mrv, weeks in data["weekly"]
            ),
            tuple(
                IsolationChart(s, n, load, tuple((day(d), float(v), r) for d, v, r in points))
                for s, n, load, points in data["isolations"]
            ),
            tuple(
                PairChart(c, i, tuple((day(d), float(v), a, b) for d, v, a, b in points))
                for c, i, points in data["pairs"]
            ),
        )


def overview_charts(
    history: Sequence[Session], weeks: Sequence[WeekVolume], lookup: ExerciseLookup
) -> OverviewCharts:
    """The series of a history (oldest first) and its weekly volume."""
    if history:
        since = history[-1].started_at - timedelta(days=REACH_DAYS)
        history = [s for s in history if s.started_at >= since]
    return charts_of(weeks, isolation_series(history, lookup), pair_series(history, lookup), lookup)


def charts_of(
    weeks: Sequence[WeekVolume],
    isolations: Sequence[IsolationSeries],
    pairs: Mapping[Pair, Sequence[PairPoint]],
    lookup: ExerciseLookup,
) -> OverviewCharts:
    """The charts from the weekly volume and the isolation and pair series of the sessions
    within REACH_DAYS of the last one."""

    def name(slug: str) -> str:
        exercise = lookup(slug)
        return exercise.name if exercise else slug

    recent = weeks[-MAX_WEEKS:]
    trained = {g for w in recent for g, sets in w.sets_by_group.items() if sets}
    weekly = tuple(
        GroupSeries(
            str(group.value),
            marks.mev,
            marks.mrv,
            tuple((w.week, w.sets_by_group.get(group, 0.0)) for w in recent),
        )
        for group, marks in DEFAULT_LANDMARKS.items()
        if group in trained
    )
    isolation_charts = tuple(
        IsolationChart(
            s.slug,
            name(s.slug),
            s.load_kg,
            tuple((p.day, p.volume_kg, p.reps_at_load) for p in s.points),
        )
        for s in isolations
    )
    pair_charts = tuple(
        PairChart(
            name(pair.compound_slug),
            name(pair.isolation_slug),
            tuple((p.date, p.isolation_tonnage_kg, p.pump, p.exhaustion) for p in points),
        )
        for pair, points in pairs.items()
    )
    return OverviewCharts(weekly, isolation_charts, pair_charts)
