"""Use cases over program text: resolve its exercises, lint it, compute its loads."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass

from fitrec.catalog import Catalog, default_catalog
from fitrec.domain.exercises import Exercise, LoadKind
from fitrec.domain.plates import PlateInventory, round_for, solve
from fitrec.domain.programs import Entry, LoadType, Program
from fitrec.domain.strength import load_from_effort, load_from_percent
from fitrec.domain.units import Unit, clean_weight, convert
from fitrec.rules import AthleteContext, Finding, LintConfig, Severity, lint_program
from fitrec.rules.blocks import entry_label
from fitrec.services.errors import InvalidInput
from fitrec.services.exercises import resolve_in
from fitrec.textformat import format_prescription, parse_program


@dataclass(frozen=True, slots=True)
class LintReport:
    """A parsed, resolved program and its findings."""

    program: Program
    findings: list[Finding]

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def has_errors(self) -> bool:
        """True when any finding is an error."""
        return self.count(Severity.ERROR) > 0


def resolve_program(program: Program, catalog: Catalog, *, strict: bool = True) -> Program:
    """A copy of `program` whose entries carry the slug of the exercise they name.

    Strict (to store a program): every name must be a sure match (slug, name, alias or
    normalised spelling), else InvalidInput on `text` naming the line and column. Not
    strict (the linter's view): the catalogue's best match, fuzzy included, or None; an
    entry that already has a slug keeps it.
    """
    resolved = copy.deepcopy(program)
    for workout in resolved.workouts:
        for block in workout.blocks:
            for entry in block.entries:
                if not strict:
                    if entry.exercise_slug is None:
                        match = catalog.lookup(entry.name)
                        entry.exercise_slug = match.exercise.slug if match else None
                    continue
                try:
                    entry.exercise_slug = resolve_in(catalog, entry.name).slug
                except InvalidInput as error:
                    where = (
                        f"line {entry.pos.line}, column {entry.pos.column}: " if entry.pos else ""
                    )
                    raise InvalidInput("text", f"{where}{error.message}") from None
    return resolved


def lint_text(
    text: str,
    *,
    config: LintConfig | None = None,
    athlete: AthleteContext | None = None,
    catalog: Catalog | None = None,
    default_name: str | None = None,
) -> LintReport:
    """Parse, resolve and lint program text; a NotationError goes to the caller.

    `default_name` names a program that has no `program:` line (see `parse_program`).
    """
    catalog = catalog or default_catalog()
    program = parse_program(text, default_name=default_name)
    findings = lint_program(program, catalog, config, athlete)
    return LintReport(resolve_program(program, catalog, strict=False), findings)


@dataclass(frozen=True, slots=True)
class EntryLoad:
    """One entry of a program with its load worked out for the lifter."""

    workout: str
    label: str  # "A1"
    name: str  # as written
    exercise: Exercise | None
    sets: int
    reps: str  # "8" or "6-10"
    prescribed: str  # the prescription as written, `4×8 @ 80% 1RM`
    target: float | None  # rounded load in `unit`
    unit: Unit
    per_side: tuple[float, ...] | None  # plates per side for a barbell
    note: str | None = None  # "by feel", "no 1RM for Bench Press"
    one_rm_name: str | None = None  # the key of `one_rms` whose 1RM was used


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", text.lower())}


def _one_rm_for(
    entry: Entry,
    exercise: Exercise | None,
    by_slug: Mapping[str, tuple[str, float]],
    by_words: list[tuple[set[str], str, float]],
) -> tuple[str, float] | None:
    """The (name as given, 1RM) that applies to an entry, if any."""
    if exercise is not None and exercise.slug in by_slug:
        return by_slug[exercise.slug]
    words = _words(entry.name)
    for key_words, name, value in by_words:
        if key_words and key_words <= words:
            return name, value
    return None


def _target(
    entry: Entry, exercise: Exercise | None, one_rm: float | None, unit: Unit
) -> tuple[float | None, str | None]:
    p = entry.prescription
    if p.load is not None and p.load.type is LoadType.ABSOLUTE:
        return convert(p.load.value, p.load.unit or unit, unit), "as written"
    if one_rm is None:
        if p.load is not None:
            return None, f"no 1RM given for {entry.name}"
        return None, "by feel"
    if p.load is not None:
        return load_from_percent(one_rm, p.load.value), None
    if p.effort is not None:
        return load_from_effort(one_rm, p.reps_max, rir=p.effort.rir), None
    return None, "by feel"


def show_program(
    text: str,
    one_rms: Mapping[str, float],
    unit: Unit = Unit.KG,
    inventory: PlateInventory | None = None,
    catalog: Catalog | None = None,
    default_name: str | None = None,
) -> list[EntryLoad]:
    """Every entry of the program with its load from the given 1RMs, rounded to the plates.

    `one_rms` maps an exercise name (resolved through the catalogue, or else matched
    against the names written in the program) to a 1RM in `unit`. %1RM loads use the
    1RM; RPE/RIR loads use the RTS chart at the top of the rep range.
    """
    catalog = catalog or default_catalog()
    inventory = inventory or PlateInventory.default(unit)
    if inventory.unit is not unit:
        raise InvalidInput("unit", f"plates are in {inventory.unit} but loads in {unit}")
    program = parse_program(text, default_name=default_name)
    by_slug: dict[str, tuple[str, float]] = {}
    by_words: list[tuple[set[str], str, float]] = []
    for name, value in one_rms.items():
        if not value > 0:
            raise InvalidInput("1rm", f"the 1RM for {name!r} must be above 0, got {value:g}")
        match = catalog.lookup(name)
        if match is not None:
            by_slug[match.exercise.slug] = (name, value)
        by_words.append((_words(name), name, value))
    rows: list[EntryLoad] = []
    for workout in program.workouts:
        for block in workout.blocks:
            for index, entry in enumerate(block.entries):
                match = catalog.lookup(entry.name)
                exercise = match.exercise if match else None
                found = _one_rm_for(entry, exercise, by_slug, by_words)
                one_rm = found[1] if found else None
                raw, note = _target(entry, exercise, one_rm, unit)
                kind = exercise.load_kind if exercise else LoadKind.MACHINE
                target = clean_weight(round_for(kind, raw, inventory)) if raw is not None else None
                per_side = (
                    solve(target, inventory).nearest.per_side
                    if target is not None and kind is LoadKind.BARBELL
                    else None
                )
                p = entry.prescription
                reps = str(p.reps_min) if not p.is_range else f"{p.reps_min}-{p.reps_max}"
                rows.append(
                    EntryLoad(
                        workout.name,
                        entry_label(block, index),
                        entry.name,
                        exercise,
                        p.sets,
                        reps,
                        format_prescription(p),
                        target,
                        unit,
                        per_side,
                        note,
                        found[0] if found and raw is not None and note is None else None,
                    )
                )
    return rows
