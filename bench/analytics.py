"""Benchmark: every analytics series over generated 1-, 5- and 10-year histories.

Run: .venv/bin/python bench/analytics.py
Prints the median time of each series and of all of them together, per history length,
and the 10-year / 1-year ratios (cost should grow no faster than the history).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from fitrec.analytics.check import history_findings
from fitrec.analytics.e1rm import e1rm_series
from fitrec.analytics.history import lookup_from
from fitrec.analytics.pairs import pair_series
from fitrec.analytics.records import records
from fitrec.analytics.volume import weekly_volume
from fitrec.domain.exercises import Exercise, LoadKind, Mechanic
from fitrec.domain.muscles import Muscle as M
from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType

PAIRS = [
    (
        Exercise(
            "barbell-bench-press",
            "Barbell Bench Press",
            Mechanic.COMPOUND,
            (M.CHEST,),
            (M.FRONT_DELTS, M.TRICEPS),
        ),
        Exercise(
            "cable-fly", "Cable Fly", Mechanic.ISOLATION, (M.CHEST,), (), "cable", LoadKind.CABLE
        ),
    ),
    (
        Exercise(
            "barbell-row",
            "Barbell Row",
            Mechanic.COMPOUND,
            (M.LATS, M.RHOMBOIDS, M.MIDDLE_TRAPS),
            (M.REAR_DELTS, M.BICEPS),
        ),
        Exercise(
            "straight-arm-pulldown",
            "Straight-Arm Pulldown",
            Mechanic.ISOLATION,
            (M.LATS,),
            (),
            "cable",
            LoadKind.CABLE,
        ),
    ),
    (
        Exercise(
            "barbell-squat", "Barbell Squat", Mechanic.COMPOUND, (M.QUADS, M.GLUTES), (), legs=True
        ),
        Exercise(
            "leg-extension",
            "Leg Extension",
            Mechanic.ISOLATION,
            (M.QUADS,),
            (),
            "machine",
            LoadKind.MACHINE,
        ),
    ),
    (
        Exercise(
            "overhead-press",
            "Overhead Press",
            Mechanic.COMPOUND,
            (M.FRONT_DELTS, M.SIDE_DELTS),
            (M.TRICEPS, M.UPPER_TRAPS),
        ),
        Exercise(
            "lateral-raise",
            "Lateral Raise",
            Mechanic.ISOLATION,
            (M.SIDE_DELTS,),
            (),
            "dumbbell",
            LoadKind.DUMBBELL,
        ),
    ),
]
CURL = Exercise("barbell-curl", "Barbell Curl", Mechanic.ISOLATION, (M.BICEPS,))
LOOKUP = lookup_from([e for pair in PAIRS for e in pair] + [CURL])


def history(years: int, seed: int = 7) -> list[Session]:
    """Three sessions a week: 4 post-exhaust pairs of 4 rounds, warm-ups, 2 curl sets."""
    rng = random.Random(seed)
    start = datetime(2015, 1, 5, 18, 0)
    sessions = []
    for week in range(52 * years):
        for day in (0, 2, 4):
            sets: list[PerformedSet] = []
            for label, (compound, isolation) in zip("ABCD", PAIRS, strict=True):
                base = 60 + week * 0.05
                for warm in (0.5, 0.7):
                    sets.append(
                        PerformedSet(
                            compound.slug,
                            round(base * warm),
                            5,
                            set_type=SetType.WARMUP,
                            block_label=label,
                        )
                    )
                for round_ in range(4):
                    sets.append(
                        PerformedSet(
                            compound.slug,
                            round(base * rng.uniform(0.97, 1.03) / 2.5) * 2.5,  # plates
                            rng.randint(6, 10),
                            block_label=label,
                            position=1,
                            set_index=round_ + 1,
                            rir=rng.choice([None, 1, 2, 3]),
                            rest_before_s=rng.choice([60, 200]),
                        )
                    )
                    sets.append(
                        PerformedSet(
                            isolation.slug,
                            20,
                            rng.randint(12, 20),
                            block_label=label,
                            position=2,
                            set_index=round_ + 1,
                            rir=0,
                            rest_before_s=60,
                        )
                    )
            for i in range(2):
                sets.append(PerformedSet(CURL.slug, 30, 12, block_label="E", set_index=i + 1))
            feedback = [
                Feedback(label, pump=rng.randint(1, 5), exhaustion=rng.randint(1, 5))
                for label in "ABCD"
            ]
            sessions.append(Session(start + timedelta(weeks=week, days=day), sets, feedback))
    return sessions


SERIES: dict[str, Callable[[list[Session]], object]] = {
    "e1rm_series": lambda h: e1rm_series(h, LOOKUP),
    "records": lambda h: records(h, LOOKUP),
    "weekly_volume": lambda h: weekly_volume(h, LOOKUP),
    "pair_series": lambda h: pair_series(h, LOOKUP),
    "decline check": lambda h: history_findings(h, LOOKUP),
    "e1rm_series (one lift)": lambda h: e1rm_series(h, LOOKUP, exercise_slug="barbell-squat"),
}


def median_ms(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of `run` in milliseconds."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        run()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    """Measure every series at 1, 5 and 10 years and print a Markdown table."""
    results: dict[int, dict[str, float]] = {}
    sizes: dict[int, int] = {}
    for years in (1, 5, 10):
        sessions = history(years)
        sizes[years] = sum(len(s.sets) for s in sessions)
        repeats = 15 if years < 10 else 11
        row = {name: median_ms(lambda f=f, h=sessions: f(h), repeats) for name, f in SERIES.items()}
        row["all of the above"] = sum(row[name] for name in SERIES)
        results[years] = row
    print("| series | 1 year | 5 years | 10 years | 10 y / 1 y |")
    print("|---|---:|---:|---:|---:|")
    print(f"| sets | {sizes[1]:,} | {sizes[5]:,} | {sizes[10]:,} | {sizes[10] / sizes[1]:.1f} |")
    for name in results[1]:
        a, b, c = (results[y][name] for y in (1, 5, 10))
        print(f"| {name} | {a:.1f} ms | {b:.1f} ms | {c:.1f} ms | {c / a:.1f} |")


if __name__ == "__main__":
    main()
