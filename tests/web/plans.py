"""A session plan in the live.js contract shape, for the walk tests."""

from __future__ import annotations

from typing import Any


def chest_post_exhaust(transition_s: int = 2, rest_after_s: int = 3) -> dict[str, Any]:
    """Day A of `Chest post-exhaust`: bench press -> cable flies, 2 rounds, then a dip."""
    return {
        "workout": "Chest post-exhaust — Day A",
        "unit": "kg",
        "blocks": [
            {
                "label": "A",
                "title": "Post-Exhaust Pair 1 - Chest",
                "transition_rest_s": transition_s,
                "rest_after_s": rest_after_s,
                "entries": [
                    {
                        "position": 1,
                        "exercise_slug": "barbell-bench-press",
                        "name": "Barbell Bench Press",
                        "sets": 2,
                        "reps_min": 8,
                        "reps_max": 8,
                        "target_weight": 80,
                        "target_rir": None,
                        "placement": "every_set",
                    },
                    {
                        "position": 2,
                        "exercise_slug": "cable-fly",
                        "name": "Cable Flies",
                        "sets": 2,
                        "reps_min": 12,
                        "reps_max": 15,
                        "target_weight": 20,
                        "target_rir": 0,
                        "placement": "every_set",
                    },
                ],
            },
            {
                "label": "B",
                "title": None,
                "transition_rest_s": None,
                "rest_after_s": rest_after_s,
                "entries": [
                    {
                        "position": 1,
                        "exercise_slug": "triceps-pushdown",
                        "name": "Triceps Pushdown",
                        "sets": 1,
                        "reps_min": 12,
                        "reps_max": 15,
                        "target_weight": 25,
                        "target_rir": 1,
                        "placement": "every_set",
                    }
                ],
            },
        ],
    }
