"""The progress page's read model: e1RM points per compound lift with decline spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from fitrec.domain.units import KG_PER_LB
from fitrec.services.analytics import Progress
from fitrec.services.overview import Overview, Span


@dataclass(frozen=True, slots=True)
class E1rmPoint:
    """One session's best estimated 1RM for a lift."""

    day: date
    e1rm: float


# The service's span is already what the chart marks: a stretch of declining days.
DeclineSpan = Span


@dataclass(frozen=True, slots=True)
class LiftProgress:
    """A compound lift's e1RM series, as charted."""

    slug: str
    name: str
    points: tuple[E1rmPoint, ...]
    declines: tuple[DeclineSpan, ...] = ()
    trend: tuple[float, ...] = ()  # the rolling median at each point
    breaks: tuple[int, ...] = ()  # where the line breaks (a pause over three weeks)


@dataclass(frozen=True, slots=True)
class ProgressView:
    """Everything the progress page charts, in the lifter's unit."""

    lifts: tuple[LiftProgress, ...] = field(default=())
    unit: str = "kg"
    # The series over time, JSON-ready in the lifter's unit (see `_series`).
    weekly: tuple[dict[str, Any], ...] = ()
    isolations: tuple[dict[str, Any], ...] = ()
    pairs: tuple[dict[str, Any], ...] = ()

    def chart_data(self) -> dict[str, Any]:
        """The JSON the page embeds for `charts.js` (ISO dates, numbers rounded to 0.1)."""
        return {
            "unit": self.unit,
            "weekly": list(self.weekly),
            "isolations": list(self.isolations),
            "pairs": list(self.pairs),
            "lifts": [
                {
                    "slug": lift.slug,
                    "name": lift.name,
                    "points": [
                        {"x": p.day.isoformat(), "y": round(p.e1rm, 1)} for p in lift.points
                    ],
                    "declines": [
                        {
                            "start": d.start.isoformat(),
                            "end": d.end.isoformat(),
                            "current": d.current,
                        }
                        for d in lift.declines
                    ],
                    "trend": _segments(lift),
                }
                for lift in self.lifts
            ],
        }


def _segments(lift: LiftProgress) -> list[list[dict[str, Any]]]:
    """The trend line as one list of points per stretch of training."""
    if not lift.trend:
        return []
    cuts = [0, *lift.breaks, len(lift.trend)]
    return [
        [
            {"x": p.day.isoformat(), "y": round(y, 1)}
            for p, y in zip(lift.points[a:b], lift.trend[a:b], strict=True)
        ]
        for a, b in pairwise(cuts)
    ]


def empty_progress() -> ProgressView:
    """The progress of a lifter with no history (the page shows how to get started)."""
    return ProgressView()


def lift_progress(
    progress: Progress, declines: tuple[DeclineSpan, ...] = (), unit: str = "kg"
) -> LiftProgress:
    """Chart a lift from the analytics service's `Progress` (kg converted to `unit`)."""
    factor = 1.0 if unit == "kg" else 1.0 / KG_PER_LB
    return LiftProgress(
        slug=progress.exercise.slug,
        name=progress.exercise.name,
        points=tuple(E1rmPoint(p.date, p.e1rm_kg * factor) for p in progress.series),
        declines=declines,
    )


@dataclass(frozen=True, slots=True)
class MuscleVolume:
    """One muscle group's hard sets in the latest week against its landmarks."""

    group: str
    sets: float
    zone: str
    mev: float
    mav_high: float
    mrv: float


@dataclass(frozen=True, slots=True)
class PairRow:
    """A post-exhaust pair's latest isolation volume with its pump/exhaustion trend."""

    compound: str
    isolation: str
    sessions: int
    isolation_sets: int
    isolation_tonnage: float
    pump: str  # "3 → 4" over the last sessions, "—" when never rated
    exhaustion: str


@dataclass(frozen=True, slots=True)
class RecordRow:
    """A lift's best estimated 1RM and best session volume."""

    name: str
    e1rm: float | None
    e1rm_day: date | None
    volume: float | None


@dataclass(frozen=True, slots=True)
class ProgressPage:
    """The whole progress page: charts, weekly sets, pairs and records."""

    chart: ProgressView
    week: date | None
    volume: tuple[MuscleVolume, ...]
    pairs: tuple[PairRow, ...]
    records: tuple[RecordRow, ...]


def _trend(rated: tuple[int, ...]) -> str:
    return " → ".join(str(v) for v in rated) if rated else "—"


def progress_page(overview: Overview, unit: str = "kg", max_records: int = 12) -> ProgressPage:
    """Shape the analytics overview for the page: the lifter's unit, rounding, labels."""
    factor = 1.0 if unit == "kg" else 1.0 / KG_PER_LB
    lifts = tuple(
        LiftProgress(
            slug=lift.slug,
            name=lift.name,
            points=tuple(E1rmPoint(p.day, p.e1rm_kg * factor) for p in lift.points),
            declines=lift.declines,
            trend=tuple(v * factor for v in lift.trend),
            breaks=lift.breaks,
        )
        for lift in overview.lifts
    )
    volume = tuple(
        MuscleVolume(
            g.group.replace("_", " "), g.sets, g.zone.replace("_", " "), g.mev, g.mav_high, g.mrv
        )
        for g in overview.volume
    )
    pairs = tuple(
        PairRow(
            p.compound,
            p.isolation,
            p.sessions,
            p.isolation_sets,
            round(p.isolation_tonnage_kg * factor, 1),
            _trend(p.pump),
            _trend(p.exhaustion),
        )
        for p in overview.pairs
    )
    records = tuple(
        RecordRow(
            r.name,
            round(r.e1rm_kg * factor, 1),
            r.e1rm_day,
            round(r.session_volume_kg * factor) if r.session_volume_kg else None,
        )
        for r in overview.records[:max_records]
    )
    charts = overview.charts
    weekly = tuple(
        {
            "group": g.group.replace("_", " "),
            "mev": g.mev,
            "mrv": g.mrv,
            "points": [{"x": d.isoformat(), "y": v} for d, v in g.weeks],
        }
        for g in charts.weekly
    )
    isolations = tuple(
        {
            "slug": i.slug,
            "name": i.name,
            "load": round(i.load_kg * factor, 1),
            "volume": [{"x": d.isoformat(), "y": round(v * factor)} for d, v, _ in i.points],
            "reps": [{"x": d.isoformat(), "y": r} for d, _, r in i.points if r is not None],
        }
        for i in charts.isolations
    )
    pair_charts = tuple(
        {
            "name": f"{p.compound} → {p.isolation}",
            "volume": [{"x": d.isoformat(), "y": round(v * factor)} for d, v, _, _ in p.points],
            "pump": [{"x": d.isoformat(), "y": a} for d, _, a, _ in p.points if a is not None],
            "exhaustion": [
                {"x": d.isoformat(), "y": b} for d, _, _, b in p.points if b is not None
            ],
        }
        for p in charts.pairs
    )
    return ProgressPage(
        chart=ProgressView(
            lifts=lifts, unit=unit, weekly=weekly, isolations=isolations, pairs=pair_charts
        ),
        week=overview.week,
        volume=volume,
        pairs=pairs,
        records=records,
    )
