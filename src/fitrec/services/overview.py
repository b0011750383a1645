"""Whole-history read models kept in the analytics cache: the progress overview and today's plan.

Each is computed once per history version (the store's triggers bump it on every change to
sessions, sets, feedback or custom exercises) and stored as JSON, so any process serves the
next request from one small row instead of re-reading ten years of sets.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fitrec.analytics.e1rm import e1rm_series
from fitrec.analytics.history import ExerciseLookup, Pair, cached_lookup, ordered
from fitrec.analytics.lift_trend import lift_trend
from fitrec.analytics.pairs import PairPoint, pair_series
from fitrec.analytics.records import records
from fitrec.analytics.session_summary import BestLift, SessionSummary, fold
from fitrec.analytics.volume import WeekVolume, against_landmarks, weekly_volume
from fitrec.domain.sessions import Session
from fitrec.domain.units import Unit
from fitrec.planning.targets import Target, TargetRule
from fitrec.rules.finding import Finding, Severity
from fitrec.services import session_summaries
from fitrec.services.analytics import NextWorkout, check, lookup_for, next_session
from fitrec.services.errors import ServiceError
from fitrec.services.overview_charts import REACH_DAYS, OverviewCharts, charts_of, overview_charts
from fitrec.services.unit_of_work import UowFactory

# The payload shape is part of the key: a release that changes it ignores old rows.
OVERVIEW_KEY = "overview/3"
TODAY_KEY = "today/1"
MAX_LIFTS = 6  # the lifts charted: those with the most sessions
RECENT_RATINGS = 4  # pump and exhaustion ratings kept per pair, oldest first


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One session's best estimated 1RM of a lift, in kg."""

    day: date
    e1rm_kg: float


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of days over which a lift's e1RM declined; `current` if it still does
    (the same span the `decline` finding is made from)."""

    start: date
    end: date
    current: bool = False


@dataclass(frozen=True, slots=True)
class LiftSeries:
    """A compound lift's e1RM per session with the spans where it was declining."""

    slug: str
    name: str
    points: tuple[SeriesPoint, ...]
    declines: tuple[Span, ...] = ()
    # The rolling median at each point (kg) and where a new stretch of training starts
    # (the line breaks there): plain numbers, so the cached payload stays cheap to read.
    trend: tuple[float, ...] = ()
    breaks: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (ISO dates)."""
        return {
            "slug": self.slug,
            "name": self.name,
            "points": [[p.day.isoformat(), p.e1rm_kg] for p in self.points],
            "declines": [
                [s.start.isoformat(), s.end.isoformat(), s.current] for s in self.declines
            ],
            "trend": list(self.trend),
            "breaks": list(self.breaks),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LiftSeries:
        """The inverse of `to_dict`."""
        return cls(
            data["slug"],
            data["name"],
            tuple(SeriesPoint(date.fromisoformat(d), float(v)) for d, v in data["points"]),
            tuple(
                Span(date.fromisoformat(a), date.fromisoformat(b), bool(now))
                for a, b, now in data["declines"]
            ),
            tuple(data["trend"]),
            tuple(data["breaks"]),
        )


@dataclass(frozen=True, slots=True)
class GroupWeek:
    """One muscle group's hard sets in the latest week against its volume landmarks."""

    group: str  # MuscleGroup value
    sets: float
    zone: str  # VolumeZone value
    mev: float
    mav_high: float
    mrv: float


@dataclass(frozen=True, slots=True)
class PairSummary:
    """A post-exhaust pair: sessions done, the latest isolation volume, recent ratings."""

    compound_slug: str
    compound: str
    isolation_slug: str
    isolation: str
    sessions: int
    isolation_sets: int
    isolation_tonnage_kg: float
    pump: tuple[int, ...]  # the last RECENT_RATINGS ratings, oldest first
    exhaustion: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class RecordSummary:
    """A lift's best estimated 1RM (kg, with its day) and best session volume (kg)."""

    slug: str
    name: str
    e1rm_kg: float
    e1rm_day: date
    session_volume_kg: float | None


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the progress page shows, in kg, computed over the whole history."""

    lifts: tuple[LiftSeries, ...] = ()
    records: tuple[RecordSummary, ...] = ()  # best e1RM first
    week: date | None = None  # the Monday of the latest week with training
    volume: tuple[GroupWeek, ...] = ()
    pairs: tuple[PairSummary, ...] = ()
    charts: OverviewCharts = field(default_factory=OverviewCharts)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (ISO dates, kg); `from_dict` gives back an equal Overview."""
        return {
            "lifts": [lift.to_dict() for lift in self.lifts],
            "records": [
                {
                    "slug": r.slug,
                    "name": r.name,
                    "e1rm_kg": r.e1rm_kg,
                    "e1rm_day": r.e1rm_day.isoformat(),
                    "session_volume_kg": r.session_volume_kg,
                }
                for r in self.records
            ],
            "week": self.week.isoformat() if self.week else None,
            "volume": [_plain(g) for g in self.volume],
            "pairs": [_plain(p) for p in self.pairs],
            "charts": self.charts.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Overview:
        """The inverse of `to_dict`."""
        return cls(
            lifts=tuple(LiftSeries.from_dict(lift) for lift in data["lifts"]),
            records=tuple(
                RecordSummary(
                    r["slug"],
                    r["name"],
                    float(r["e1rm_kg"]),
                    date.fromisoformat(r["e1rm_day"]),
                    r["session_volume_kg"],
                )
                for r in data["records"]
            ),
            week=_day(data["week"]),
            volume=tuple(GroupWeek(**g) for g in data["volume"]),
            pairs=tuple(
                PairSummary(**{**p, "pump": tuple(p["pump"]), "exhaustion": tuple(p["exhaustion"])})
                for p in data["pairs"]
            ),
            charts=OverviewCharts.from_dict(data["charts"]),
        )


def _starts(parts: tuple[tuple[Any, ...], ...]) -> tuple[int, ...]:
    """The index of each stretch's first point but the first's."""
    starts, at = [], 0
    for part in parts[:-1]:
        at += len(part)
        starts.append(at)
    return tuple(starts)


def _plain(item: Any) -> dict[str, Any]:
    """A flat dataclass as a dict of JSON values (enums by value, tuples as lists)."""
    out: dict[str, Any] = {}
    for f in fields(item):
        value = getattr(item, f.name)
        out[f.name] = list(value) if isinstance(value, tuple) else getattr(value, "value", value)
    return out


def _rated(values: Iterable[int | None]) -> tuple[int, ...]:
    return tuple(v for v in values if v is not None)[-RECENT_RATINGS:]


def compute_overview(
    sessions: Iterable[Session],
    lookup: ExerciseLookup,
    max_lifts: int = MAX_LIFTS,
    today: date | None = None,
) -> Overview:
    """The overview of a history (any order), from the pure analytics over every set, as
    of `today` (the last session's day by default): the lifts with the most sessions, and
    every lift declining now (each has its finding, so each has its chart)."""
    find = cached_lookup(lookup)
    history = ordered(sessions)
    series = {
        slug: [(p.date, p.e1rm_kg) for p in points]
        for slug, points in e1rm_series(history, find).items()
    }
    day = today or (history[-1].started_at.date() if history else date.today())
    weeks = weekly_volume(history, find)
    best = {
        slug: BestLift(
            found.e1rm.value if found.e1rm else None,
            found.e1rm.date if found.e1rm else None,
            found.session_volume.value if found.session_volume else None,
        )
        for slug, found in records(history, find).items()
    }
    charts = overview_charts(history, weeks, find)
    return _assemble(series, best, weeks, pair_series(history, find), charts, find, day, max_lifts)


def overview_from_summaries(
    summaries: Sequence[SessionSummary],
    lookup: ExerciseLookup,
    max_lifts: int = MAX_LIFTS,
    today: date | None = None,
) -> Overview:
    """`compute_overview` of the sessions summarised (oldest first), from their summaries."""
    find = cached_lookup(lookup)
    folded = fold(summaries, timedelta(days=REACH_DAYS))
    day = today or (summaries[-1].day if summaries else date.today())
    charts = charts_of(folded.weeks, folded.recent_isolations, folded.recent_pairs, find)
    return _assemble(
        folded.e1rm, folded.records, folded.weeks, folded.pairs, charts, find, day, max_lifts
    )


def _assemble(
    series: Mapping[str, Sequence[tuple[date, float]]],
    best: Mapping[str, BestLift],
    weeks: Sequence[WeekVolume],
    pairs: Mapping[Pair, Sequence[PairPoint]],
    charts: OverviewCharts,
    find: ExerciseLookup,
    day: date,
    max_lifts: int,
) -> Overview:
    """The overview from a history's folded series."""

    def name(slug: str) -> str:
        exercise = find(slug)
        return exercise.name if exercise else slug

    ranked = sorted(series.items(), key=lambda item: (-len(item[1]), item[0]))
    lifts = []
    for rank, (slug, points) in enumerate(ranked):
        trend = lift_trend(list(points), day)
        if rank >= max_lifts and trend.current is None:
            continue
        lifts.append(
            LiftSeries(
                slug,
                name(slug),
                tuple(SeriesPoint(d, v) for d, v in points),
                tuple(Span(s.start, s.end, s.current) for s in trend.spans),
                tuple(v for part in trend.trend for _, v in part),
                _starts(trend.trend),
            )
        )
    latest = against_landmarks(weeks[-1]) if weeks else []
    volume = tuple(
        GroupWeek(
            str(g.group.value),
            g.sets,
            str(g.zone.value),
            g.landmarks.mev,
            g.landmarks.mav_high,
            g.landmarks.mrv,
        )
        for g in latest
    )
    pair_rows = []
    for pair, pair_points in pairs.items():
        last = pair_points[-1]
        pair_rows.append(
            PairSummary(
                pair.compound_slug,
                name(pair.compound_slug),
                pair.isolation_slug,
                name(pair.isolation_slug),
                len(pair_points),
                last.isolation_sets,
                last.isolation_tonnage_kg,
                _rated(p.pump for p in pair_points),
                _rated(p.exhaustion for p in pair_points),
            )
        )
    top = [
        RecordSummary(slug, name(slug), found.e1rm_kg, found.e1rm_day, found.volume_kg)
        for slug, found in best.items()
        if found.e1rm_kg is not None and found.e1rm_day is not None
    ]
    top.sort(key=lambda r: -r.e1rm_kg)
    return Overview(
        lifts=tuple(lifts),
        records=tuple(top),
        week=latest[0].week if latest else None,
        volume=volume,
        pairs=tuple(pair_rows),
        charts=charts,
    )


def overview(
    make_uow: UowFactory, owner_id: int, now: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> Overview:
    """The owner's overview: the cached one when neither the history nor the day changed
    (which declines are current depends on the day), else folded from the per-session
    summaries (computing those of sessions changed since they were last written)."""
    day = now().date()
    with make_uow(read_only=True) as uow:
        # The version is read before the history: a change landing in between leaves a
        # payload at least as new as its version, and the bumped version misses it.
        version = uow.analytics_cache.version(owner_id)
        cached = uow.analytics_cache.get(owner_id, OVERVIEW_KEY, version)
        if cached is not None:
            stored = json.loads(cached)
            if stored["day"] == day.isoformat():
                return Overview.from_dict(stored["overview"])
        find = lookup_for(uow, owner_id)
        summaries = session_summaries.read(uow, owner_id)
    if summaries is None:
        with make_uow() as uow:
            summaries = session_summaries.current(uow, owner_id)
            uow.commit()
    computed = overview_from_summaries(summaries, find, today=day)
    data = {"day": day.isoformat(), "overview": computed.to_dict()}
    _store(make_uow, owner_id, OVERVIEW_KEY, version, data)
    return computed


def _store(make_uow: UowFactory, owner_id: int, key: str, version: int, data: Any) -> None:
    with make_uow() as uow:
        uow.analytics_cache.put(owner_id, key, version, json.dumps(data, separators=(",", ":")))
        uow.commit()


def _target(data: dict[str, Any]) -> Target:
    return Target(**{**data, "unit": Unit(data["unit"]), "rule": TargetRule(data["rule"])})


def _finding(data: dict[str, Any]) -> Finding:
    return Finding(**{**data, "severity": Severity(data["severity"])})


@dataclass(frozen=True, slots=True)
class Today:
    """The dashboard's analytics: the next workout's targets and the check's findings."""

    next_workout: NextWorkout | None  # None when there is no program to train from
    findings: tuple[tuple[str, Finding], ...]  # (program name or "history", finding)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form; `from_dict` gives back an equal Today."""
        nxt = self.next_workout
        return {
            "next_workout": None
            if nxt is None
            else {
                "program": nxt.program,
                "workout": nxt.workout,
                "targets": [_plain(t) for t in nxt.targets],
            },
            "findings": [[path, _plain(f)] for path, f in self.findings],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Today:
        """The inverse of `to_dict`."""
        nxt = data["next_workout"]
        return cls(
            None
            if nxt is None
            else NextWorkout(nxt["program"], nxt["workout"], [_target(t) for t in nxt["targets"]]),
            tuple((path, _finding(f)) for path, f in data["findings"]),
        )


def compute_today(make_uow: UowFactory, owner_id: int) -> Today:
    """Next-session targets and the check's findings, computed now."""
    try:
        upcoming: NextWorkout | None = next_session(make_uow, owner_id)
    except ServiceError:
        upcoming = None
    return Today(upcoming, tuple(check(make_uow, owner_id).findings))


def today(
    make_uow: UowFactory, owner_id: int, now: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> Today:
    """Today's targets and findings: cached per history version, programs, profile and day.

    Targets and findings also depend on the programs (linted, and the one trained next),
    the profile (plates, known 1RMs) and the date (the recent window), which the history
    version does not cover: they form a stamp stored with the payload.
    """
    with make_uow(read_only=True) as uow:
        version = uow.analytics_cache.version(owner_id)
        cached = uow.analytics_cache.get(owner_id, TODAY_KEY, version)
        programs = sorted((p.id, p.updated_at.isoformat()) for p in uow.programs.list(owner_id))
        profile = uow.profiles.get(owner_id)
    stamp = json.dumps([now().date().isoformat(), programs, repr(profile)])
    if cached is not None:
        stored = json.loads(cached)
        if stored["stamp"] == stamp:
            return Today.from_dict(stored["today"])
    computed = compute_today(make_uow, owner_id)
    _store(make_uow, owner_id, TODAY_KEY, version, {"stamp": stamp, "today": computed.to_dict()})
    return computed
