"""Weekly adjustment rules, pure: each rule fires on its signals and applies as it says."""

from __future__ import annotations

from fitrec.domain.programs import Block, Entry, Placement, Prescription
from fitrec.planning.adjust import Change, PairSignals, Proposal, apply, propose
from fitrec.textformat import parse_program

TEXT = """program: P
phase: hypertrophy
level: intermediate

## Day 1

A1. Barbell Bench Press: 4×6-10 @ 80% 1RM
→ Rest 60 seconds
A2. Dumbbell Fly: 4×12-15 @ 0-1 RIR
→ Rest 90 seconds
"""


def pair() -> Block:
    return parse_program(TEXT).workouts[0].blocks[0]


def change(signals: PairSignals, block: Block | None = None, **kw: bool) -> Change:
    return propose("Day 1", block or pair(), "chest", signals, **kw).change


def test_a_declining_compound_moves_the_isolation_to_finisher_then_straight_then_deload() -> None:
    declining = PairSignals(declining=True, soreness=1, pump=5)
    assert change(declining) is Change.FINISHER
    finisher = pair()
    finisher.entries[1].placement = Placement.FINISHER
    assert change(declining, finisher) is Change.STRAIGHT
    straight = Block("A", [pair().entries[0]])
    assert change(declining, straight) is Change.DELOAD_FORWARD
    assert change(declining, straight, deload_due=True) is Change.HOLD


def test_soreness_and_joint_discomfort_hold_or_remove_a_set() -> None:
    assert change(PairSignals(False, pump=5, soreness=5)) is Change.REMOVE_SET
    assert change(PairSignals(False, pump=5, soreness=1, joint=4)) is Change.REMOVE_SET
    assert change(PairSignals(False, pump=5, soreness=4)) is Change.HOLD
    assert change(PairSignals(False, pump=5, soreness=2, joint=3)) is Change.HOLD


def test_recovered_with_a_pump_and_a_holding_compound_adds_a_set_up_to_mrv() -> None:
    good = PairSignals(False, pump=4, soreness=2, weekly_sets=12, mrv=22)
    assert change(good) is Change.ADD_SET
    assert change(PairSignals(False, pump=4, soreness=2, weekly_sets=22, mrv=22)) is Change.HOLD
    assert change(PairSignals(False, pump=3, soreness=1)) is Change.HOLD
    assert change(PairSignals(False, pump=5, soreness=1, isolation_trend="down")) is Change.HOLD
    assert change(PairSignals(False)) is Change.HOLD  # nothing logged: no change


def test_every_proposal_has_a_reason_and_a_source() -> None:
    for signals in (PairSignals(True), PairSignals(False, pump=5, soreness=1), PairSignals(False)):
        proposal = propose("Day 1", pair(), "chest", signals)
        assert proposal.reason and proposal.source


def test_applying_changes_only_the_named_block() -> None:
    program = parse_program(TEXT)
    added = apply(program, Proposal(Change.ADD_SET, "Day 1", "A", "chest", "r", "s"))
    assert added.workouts[0].blocks[0].entries[1].prescription.sets == 5
    assert program.workouts[0].blocks[0].entries[1].prescription.sets == 4  # not mutated
    finisher = apply(program, Proposal(Change.FINISHER, "Day 1", "A", "chest", "r", "s"))
    assert finisher.workouts[0].blocks[0].entries[1].placement is Placement.FINISHER
    straight = apply(program, Proposal(Change.STRAIGHT, "Day 1", "A", "chest", "r", "s"))
    block = straight.workouts[0].blocks[0]
    assert [e.name for e in block.entries] == ["Barbell Bench Press"]
    assert block.entries[0].rest_after_s == 90
    other = apply(program, Proposal(Change.ADD_SET, "Day 2", "A", "chest", "r", "s"))
    assert other == program
    single = Block("A", [Entry("Bench", Prescription(3, 8, 8))])
    assert apply(program, Proposal(Change.ADD_SET, "Day 1", "A", "c", "r", "s")) != program
    assert single.entries[0].prescription.sets == 3
