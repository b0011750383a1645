"""The progress page's read model: e1RM points per compound lift with decline spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fitrec.domain.units import KG_PER_LB
from fitrec.services.analytics import Progress


@dataclass(frozen=True, slots=True)
class E1rmPoint:
    """One session's best estimated 1RM for a lift."""

    day: date
    e1rm: float


@dataclass(frozen=True, slots=True)
class DeclineSpan:
    """A stretch of days over which a lift's e1RM was declining."""

    start: date
    end: date


@dataclass(frozen=True, slots=True)
class LiftProgress:
    """A compound lift's e1RM series, as charted."""

    slug: str
    name: str
    points: tuple[E1rmPoint, ...]
    declines: tuple[DeclineSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class ProgressView:
    """Everything the progress page charts, in the lifter's unit."""

    lifts: tuple[LiftProgress, ...] = field(default=())
    unit: str = "kg"

    def chart_data(self) -> dict[str, Any]:
        """The JSON the page embeds for `charts.js` (ISO dates, numbers rounded to 0.1)."""
        return {
            "unit": self.unit,
            "lifts": [
                {
                    "slug": lift.slug,
                    "name": lift.name,
                    "points": [
                        {"x": p.day.isoformat(), "y": round(p.e1rm, 1)} for p in lift.points
                    ],
                    "declines": [
                        {"start": d.start.isoformat(), "end": d.end.isoformat()}
                        for d in lift.declines
                    ],
                }
                for lift in self.lifts
            ],
        }


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


def _trend(values: list[int | None]) -> str:
    rated = [str(v) for v in values if v is not None][-4:]
    return " → ".join(rated) if rated else "—"


def build_progress_page(
    sessions: list[Any], lookup: Any, unit: str = "kg", max_lifts: int = 6
) -> ProgressPage:
    """Everything the progress page shows, from one read of the history."""
    from fitrec.analytics.decline import detect_decline
    from fitrec.analytics.e1rm import e1rm_series
    from fitrec.analytics.history import cached_lookup, ordered
    from fitrec.analytics.pairs import pair_series
    from fitrec.analytics.records import records
    from fitrec.analytics.volume import against_landmarks, weekly_volume

    factor = 1.0 if unit == "kg" else 1.0 / KG_PER_LB
    find = cached_lookup(lookup)
    history = ordered(sessions)
    series = e1rm_series(history, find)
    busiest = sorted(series.items(), key=lambda item: (-len(item[1]), item[0]))[:max_lifts]
    lifts = []
    for slug, points in busiest:
        exercise = find(slug)
        signal = detect_decline([(p.date, p.e1rm_kg) for p in points])
        spans = (DeclineSpan(signal.evidence[0][0], signal.evidence[-1][0]),) if signal else ()
        lifts.append(
            LiftProgress(
                slug=slug,
                name=exercise.name if exercise else slug,
                points=tuple(E1rmPoint(p.date, p.e1rm_kg * factor) for p in points),
                declines=spans,
            )
        )
    weeks = weekly_volume(history, find)
    latest = against_landmarks(weeks[-1]) if weeks else []
    volume = tuple(
        MuscleVolume(
            str(g.group.value).replace("_", " "),
            g.sets,
            str(g.zone.value).replace("_", " "),
            g.landmarks.mev,
            g.landmarks.mav_high,
            g.landmarks.mrv,
        )
        for g in latest
    )
    pairs = []
    for pair, pair_points in pair_series(history, find).items():
        compound, isolation = find(pair.compound_slug), find(pair.isolation_slug)
        last = pair_points[-1]
        pairs.append(
            PairRow(
                compound.name if compound else pair.compound_slug,
                isolation.name if isolation else pair.isolation_slug,
                len(pair_points),
                last.isolation_sets,
                round(last.isolation_tonnage_kg * factor, 1),
                _trend([p.pump for p in pair_points]),
                _trend([p.exhaustion for p in pair_points]),
            )
        )
    rows = []
    for slug, found in records(history, find).items():
        exercise = find(slug)
        if found.e1rm is None:
            continue
        rows.append(
            RecordRow(
                exercise.name if exercise else slug,
                round(found.e1rm.value * factor, 1),
                found.e1rm.date,
                round(found.session_volume.value * factor) if found.session_volume else None,
            )
        )
    rows.sort(key=lambda r: -(r.e1rm or 0))
    return ProgressPage(
        chart=ProgressView(lifts=tuple(lifts), unit=unit),
        week=latest[0].week if latest else None,
        volume=volume,
        pairs=tuple(pairs),
        records=tuple(rows[:12]),
    )
