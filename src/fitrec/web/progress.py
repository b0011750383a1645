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
