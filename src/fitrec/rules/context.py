"""What every rule sees: the resolved program, the thresholds and the athlete."""

from __future__ import annotations

from dataclasses import dataclass

from fitrec.domain.programs import Level, Phase, Program, SourcePos, Workout
from fitrec.rules.blocks import ResolvedBlock, ResolvedEntry
from fitrec.rules.codes import RULES
from fitrec.rules.config import AthleteContext, LintConfig
from fitrec.rules.finding import Finding
from fitrec.rules.resolver import ExerciseResolver


@dataclass(frozen=True, slots=True)
class LintContext:
    """The program with resolved blocks, the config and the athlete's overrides."""

    program: Program
    blocks: tuple[ResolvedBlock, ...]
    config: LintConfig
    athlete: AthleteContext
    catalog: ExerciseResolver

    @property
    def level(self) -> Level | None:
        """The athlete's level if known, else the program's."""
        return self.athlete.level or self.program.level

    @property
    def effective_level(self) -> Level:
        """The level used for caps (the configured default when none is given)."""
        return self.level or self.config.default_level

    @property
    def phase(self) -> Phase | None:
        """The athlete's phase if known, else the program's."""
        return self.athlete.phase or self.program.phase

    @property
    def training_age_months(self) -> int | None:
        """The athlete's training age if known, else the program's."""
        if self.athlete.training_age_months is not None:
            return self.athlete.training_age_months
        return self.program.training_age_months

    def blocks_of(self, workout: Workout) -> list[ResolvedBlock]:
        """The resolved blocks of one workout, in order."""
        return [b for b in self.blocks if b.workout is workout]


def _pos(pos: SourcePos | None) -> tuple[int | None, int | None]:
    return (pos.line, pos.column) if pos else (None, None)


def block_finding(
    code: str, message: str, fix: str, block: ResolvedBlock, entry: ResolvedEntry | None = None
) -> Finding:
    """A finding located on a block, or on one of its entries."""
    pos = entry.entry.pos if entry else block.block.pos
    if pos is None:
        pos = block.entries[0].entry.pos if block.entries else block.workout.pos
    line, column = _pos(pos)
    return Finding(
        code=code,
        severity=RULES[code].severity,
        message=message,
        fix=fix,
        workout=block.workout.name,
        block=block.block.label,
        entry=entry.label if entry else None,
        line=line,
        column=column,
    )


def workout_finding(code: str, message: str, fix: str, workout: Workout) -> Finding:
    """A finding located on a workout (a day)."""
    line, column = _pos(workout.pos)
    return Finding(
        code, RULES[code].severity, message, fix, workout=workout.name, line=line, column=column
    )


def program_finding(code: str, message: str, fix: str, program: Program) -> Finding:
    """A finding about the whole program (located on its header)."""
    line, column = _pos(program.pos)
    return Finding(code, RULES[code].severity, message, fix, line=line, column=column)
