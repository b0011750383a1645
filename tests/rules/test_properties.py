"""Invariants of the linter over programs drawn from the real catalogue."""

from hypothesis import given, settings
from hypothesis import strategies as st

from fitrec.catalog import default_catalog
from fitrec.domain.pairs import is_post_exhaust
from fitrec.domain.programs import (
    Block,
    Entry,
    Level,
    Phase,
    Prescription,
    Program,
    SourcePos,
    Workout,
)
from fitrec.rules import LintConfig, lint_program
from fitrec.rules.codes import RULES

CATALOG = default_catalog()
EXERCISES = sorted(CATALOG, key=lambda e: e.slug)
COMPOUNDS = [e for e in EXERCISES if e.is_compound]
ISOLATIONS = [e for e in EXERCISES if e.is_isolation]


def two(first: str, second: str) -> Program:
    """A one-pair program at the article's numbers."""
    block = Block(
        "A",
        [
            Entry(first, Prescription(3, 8, 8), rest_after_s=60, pos=SourcePos(5, 5)),
            Entry(second, Prescription(3, 15, 15), pos=SourcePos(6, 5)),
        ],
    )
    return Program(
        "P",
        [Workout("Day", [block], pos=SourcePos(4))],
        Phase.HYPERTROPHY,
        Level.ADVANCED,
        pos=SourcePos(1),
    )


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(COMPOUNDS), st.sampled_from(ISOLATIONS))
def test_pairing_error_exactly_when_the_pair_is_invalid(compound, isolation) -> None:
    found = lint_program(two(compound.name, isolation.name), CATALOG)
    codes = {f.code for f in found}
    assert ("pairing" in codes) == (not is_post_exhaust(compound, isolation))
    if "pairing" in codes:
        assert "pair it with" in next(f.fix for f in found if f.code == "pairing")


names = st.sampled_from([e.name for e in EXERCISES] + ["Zorbulator", "Bench Pres"])
entries = st.builds(
    lambda name, sets, reps, rest: Entry(name, Prescription(sets, reps, reps), rest_after_s=rest),
    names,
    st.integers(1, 6),
    st.integers(1, 25),
    st.none() | st.integers(0, 240),
)
blocks = st.lists(entries, min_size=1, max_size=3)
programs = st.builds(
    lambda days, level, phase, age: Program(
        "P",
        [
            Workout(f"D{i}", [Block(chr(65 + j), b) for j, b in enumerate(day)])
            for i, day in enumerate(days)
        ],
        phase,
        level,
        age,
    ),
    st.lists(st.lists(blocks, min_size=1, max_size=4), min_size=1, max_size=5),
    st.none() | st.sampled_from(list(Level)),
    st.none() | st.sampled_from(list(Phase)),
    st.none() | st.integers(0, 60),
)


@settings(max_examples=100, deadline=None)
@given(programs)
def test_every_finding_is_well_formed_and_disabling_everything_silences(program) -> None:
    found = lint_program(program, CATALOG)
    for finding in found:
        assert finding.code in RULES and finding.message and finding.fix
        if finding.entry:
            assert finding.block and finding.entry.startswith(finding.block)
    assert lint_program(program, CATALOG, LintConfig(disabled=frozenset(RULES))) == []
