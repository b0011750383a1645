"""Weekly adjustment of a cycle: per post-exhaust pair, a proposed change and its reason.

The rules, in the order they are tried (each names its source):

1. The compound's e1RM is declining (the decline check on fresh sets): reduce
   post-exhaust for that muscle — first the isolation becomes a finisher after the
   last compound set only, next the pair becomes straight sets, last the deload is
   brought forward. Source: the article ("if compound lift performance declines,
   reduce post-exhaust frequency"; its pro tip places the isolation after the final
   set only).
2. Not recovered (soreness 5) or real joint discomfort (4-5): remove an isolation
   set; soreness 4 or discomfort 3: hold. Source: the article ("When overtrained …
   skip if recovery is compromised"); RP's practice of adjusting sets per muscle
   from soreness and joint-pain feedback.
3. Recovered (soreness 1-2), a good pump (4-5) and the compound holding: add one
   isolation set, up to the muscle's MRV. Source: RP's set progression within the
   landmarks (science notes §4).
4. Otherwise hold.

Ratings are 1-5: soreness 1 = recovered, 5 = still very sore; joint discomfort
1 = none, 5 = severe.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import Block, Placement, Program, Workout
from fitrec.planning.landmarks import FINE_MUSCLES, PlanMuscle

RATING = (1, 5)
MIN_ISOLATION_SETS = 2


class Change(StrEnum):
    """What a proposal does."""

    ADD_SET = "add_set"
    REMOVE_SET = "remove_set"
    HOLD = "hold"
    FINISHER = "finisher"
    STRAIGHT = "straight"
    DELOAD_FORWARD = "deload_forward"


@dataclass(frozen=True, slots=True)
class PairSignals:
    """What was logged for one pair: the compound's trend, feel and ratings (None: unknown)."""

    declining: bool
    pump: float | None = None
    exhaustion: float | None = None
    soreness: int | None = None
    joint: int | None = None
    isolation_trend: str | None = None  # "up", "flat" or "down" at its load
    weekly_sets: float = 0.0
    mrv: float = 20.0


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed change to one block (or to the cycle, for the deload), with its reason."""

    change: Change
    workout: str
    label: str
    muscle: str
    reason: str
    source: str


def muscle_of(isolation: Exercise) -> PlanMuscle | None:
    """The planned muscle an isolation works (the first of its prime movers that counts)."""
    for muscle in PlanMuscle:
        if any(m in FINE_MUSCLES[muscle] for m in isolation.prime_movers):
            return muscle
    return None


ARTICLE = "the article: if compound lift performance declines, reduce post-exhaust frequency"
RECOVERY = "the article: skip post-exhaust when recovery is compromised; RP's feedback practice"
PROGRESSION = "RP's set progression from MEV toward MRV (science notes §4)"


def propose(
    workout: str,
    block: Block,
    muscle: str,
    signals: PairSignals,
    *,
    deload_due: bool = False,
) -> Proposal:
    """The change for one block this week (a pair, or a compound whose pair was removed)."""
    sets = block.entries[-1].prescription.sets
    paired = len(block.entries) == 2

    def make(change: Change, reason: str, source: str) -> Proposal:
        return Proposal(change, workout, block.label, muscle, reason, source)

    if signals.declining:
        if paired and block.entries[1].placement is not Placement.FINISHER:
            return make(
                Change.FINISHER,
                f"{block.entries[0].name} e1RM is declining: do {block.entries[1].name} "
                "only after the last compound set",
                ARTICLE,
            )
        if paired:
            return make(
                Change.STRAIGHT,
                f"{block.entries[0].name} e1RM is still declining with the finisher: "
                "train it as straight sets",
                ARTICLE,
            )
        if not deload_due:
            return make(
                Change.DELOAD_FORWARD,
                f"{block.entries[0].name} e1RM is declining without post-exhaust: "
                "take the deload next week",
                ARTICLE,
            )
        return make(Change.HOLD, "the deload is already next", ARTICLE)
    if not paired:
        return make(Change.HOLD, f"{block.entries[0].name} holds", ARTICLE)
    soreness, joint = signals.soreness, signals.joint
    if (soreness is not None and soreness >= 5) or (joint is not None and joint >= 4):
        if sets > MIN_ISOLATION_SETS:
            return make(
                Change.REMOVE_SET,
                f"{muscle}: {_ratings(soreness, joint)}: one {block.entries[1].name} set fewer",
                RECOVERY,
            )
        return make(Change.HOLD, f"{muscle}: {_ratings(soreness, joint)}: hold", RECOVERY)
    if (soreness is not None and soreness >= 4) or (joint is not None and joint >= 3):
        return make(Change.HOLD, f"{muscle}: {_ratings(soreness, joint)}: hold", RECOVERY)
    recovered = soreness is not None and soreness <= 2
    pumped = signals.pump is not None and signals.pump >= 4
    if recovered and pumped and signals.isolation_trend != "down":
        if signals.weekly_sets + 1 <= signals.mrv:
            return make(
                Change.ADD_SET,
                f"{muscle}: recovered, pump {signals.pump:g}, compound holding: one more "
                f"{block.entries[1].name} set ({signals.weekly_sets:g} sets a week, "
                f"MRV {signals.mrv:g})",
                PROGRESSION,
            )
        return make(Change.HOLD, f"{muscle}: at MRV ({signals.mrv:g} sets a week)", PROGRESSION)
    return make(Change.HOLD, f"{muscle}: {_mixed(signals)}: hold", PROGRESSION)


def _ratings(soreness: int | None, joint: int | None) -> str:
    parts = []
    if soreness is not None:
        parts.append(f"soreness {soreness}/5")
    if joint is not None:
        parts.append(f"joint discomfort {joint}/5")
    return ", ".join(parts)


def _mixed(signals: PairSignals) -> str:
    if signals.soreness is None or signals.pump is None:
        return "no soreness rating or pump logged yet"
    return f"soreness {signals.soreness}/5, pump {signals.pump:g}/5"


def apply(program: Program, proposal: Proposal) -> Program:
    """The program with one accepted proposal applied (the deload is the cycle's, not here)."""
    workouts = []
    for workout in program.workouts:
        blocks = []
        for block in workout.blocks:
            if workout.name == proposal.workout and block.label == proposal.label:
                block = _changed(block, proposal.change)
            blocks.append(block)
        workouts.append(Workout(workout.name, blocks, workout.pos))
    return replace(program, workouts=workouts)


def _changed(block: Block, change: Change) -> Block:
    entries = list(block.entries)
    if len(entries) != 2:
        return block
    iso = entries[1]
    p = iso.prescription
    if change is Change.ADD_SET:
        entries[1] = replace(iso, prescription=replace(p, sets=p.sets + 1))
    elif change is Change.REMOVE_SET:
        entries[1] = replace(iso, prescription=replace(p, sets=max(1, p.sets - 1)))
    elif change is Change.FINISHER:
        entries[1] = replace(iso, placement=Placement.FINISHER)
    elif change is Change.STRAIGHT:
        # The compound keeps the isolation's rest after the round as its rest between sets.
        entries = [replace(entries[0], rest_after_s=iso.rest_after_s)]
        return Block(block.label, entries, None, block.pos)
    return Block(block.label, entries, block.title, block.pos)
