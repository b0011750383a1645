"""Resolving written names through the catalogue, and the unknown-exercise rule."""

from __future__ import annotations

from dataclasses import dataclass, field

from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import Entry, Program
from fitrec.rules.blocks import entry_label
from fitrec.rules.codes import RULES
from fitrec.rules.config import LintConfig
from fitrec.rules.finding import Finding, Severity
from fitrec.rules.resolver import ExerciseResolver


@dataclass(slots=True)
class Resolution:
    """The exercise found for each entry (by identity) and the name findings."""

    exercises: dict[int, Exercise | None] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def of(self, entry: Entry) -> Exercise | None:
        """The exercise resolved for an entry."""
        return self.exercises.get(id(entry))


def _quoted(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def resolve_entry(entry: Entry, catalog: ExerciseResolver) -> tuple[Exercise | None, float, str]:
    """The entry's exercise (its slug wins over its name), the confidence and match kind."""
    if entry.exercise_slug:
        try:
            return catalog.get(entry.exercise_slug), 1.0, "exact"
        except KeyError:
            pass
    match = catalog.lookup(entry.name)
    if match is None:
        return None, 0.0, "none"
    return match.exercise, match.confidence, str(match.kind)


def resolve_names(program: Program, catalog: ExerciseResolver, config: LintConfig) -> Resolution:
    """Resolve every entry; unknown names are errors, guesses are warnings."""
    found = Resolution()
    for workout in program.workouts:
        for block in workout.blocks:
            for index, entry in enumerate(block.entries):
                exercise, confidence, kind = resolve_entry(entry, catalog)
                found.exercises[id(entry)] = exercise
                finding = _name_finding(entry, exercise, confidence, kind, catalog, config)
                if finding is not None:
                    label = entry_label(block, index)
                    line = entry.pos.line if entry.pos else None
                    column = entry.pos.column if entry.pos else None
                    found.findings.append(
                        Finding(
                            finding.code,
                            finding.severity,
                            finding.message,
                            finding.fix,
                            workout=workout.name,
                            block=block.label,
                            entry=label,
                            line=line,
                            column=column,
                        )
                    )
    return found


def _name_finding(
    entry: Entry,
    exercise: Exercise | None,
    confidence: float,
    kind: str,
    catalog: ExerciseResolver,
    config: LintConfig,
) -> Finding | None:
    if exercise is None:
        names = [m.exercise.name for m in catalog.suggest(entry.name, 3)]
        hint = f"did you mean {_quoted(names)}?" if names else "no similar exercise"
        message = f"unknown exercise `{entry.name}`: {hint}"
        fix = f"write {_quoted(names[:1])}" if names else "use a name from `fitrec exercises`"
        return Finding("unknown-exercise", RULES["unknown-exercise"].severity, message, fix)
    if kind == "fuzzy" and confidence < config.fuzzy_warn_below:
        message = (
            f"`{entry.name}` is not a known name; assumed {exercise.name} ({confidence:.0%} sure)"
        )
        fix = f"write `{exercise.name}` if that is what you mean"
        return Finding("unknown-exercise", Severity.WARNING, message, fix)
    return None
