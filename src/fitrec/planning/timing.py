"""How long a session takes: its sets' work and the rests the program prescribes.

A set's work is 10 s to set up plus 3 s a rep at the top of the range (a controlled
two-to-three-second rep; no source gives one figure, so this is a stated assumption).
Every rest written in the program is counted, including the rest after the last set
of a block (it is the walk to the next one), except after the session's last set.
Warm-up sets are not counted.
"""

from __future__ import annotations

from fitrec.domain.programs import Block, Entry, Workout

SET_UP_S = 10
SECONDS_PER_REP = 3


def set_seconds(entry: Entry) -> int:
    """Seconds of work in one set of an entry."""
    return SET_UP_S + SECONDS_PER_REP * entry.prescription.reps_max


def block_seconds(block: Block) -> int:
    """Seconds a block takes, every rest after its rounds included."""
    return sum(
        e.prescription.sets * (set_seconds(e) + (e.rest_after_s or 0)) for e in block.entries
    )


def workout_seconds(workout: Workout) -> int:
    """Seconds a workout takes: its blocks, less the rest after its very last set."""
    if not workout.blocks:
        return 0
    last_rest = workout.blocks[-1].entries[-1].rest_after_s or 0
    return sum(block_seconds(b) for b in workout.blocks) - last_rest


def workout_minutes(workout: Workout) -> float:
    """A workout's estimated length in minutes, to one decimal."""
    return round(workout_seconds(workout) / 60, 1)
