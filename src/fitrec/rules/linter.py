"""`lint_program`: resolve a program's exercises and run every rule over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from fitrec.domain.programs import Program
from fitrec.rules.blocks import resolve_block
from fitrec.rules.config import AthleteContext, LintConfig
from fitrec.rules.context import LintContext
from fitrec.rules.finding import Finding, Severity
from fitrec.rules.names import resolve_names
from fitrec.rules.pairing import check_not_isolation, check_order, check_pairing
from fitrec.rules.prescriptions import (
    check_compound_light,
    check_compound_range,
    check_isolation_range,
    check_not_to_failure,
    check_rest_long,
    check_sets_match,
)
from fitrec.rules.resolver import ExerciseResolver
from fitrec.rules.volume import check_beginner, check_frequency, check_phase, check_too_many_pairs

Rule = Callable[[LintContext], Iterator[Finding]]

PROGRAM_RULES: tuple[Rule, ...] = (
    check_pairing,
    check_not_isolation,
    check_order,
    check_rest_long,
    check_compound_light,
    check_compound_range,
    check_isolation_range,
    check_not_to_failure,
    check_sets_match,
    check_too_many_pairs,
    check_frequency,
    check_beginner,
    check_phase,
)

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def lint_program(
    program: Program,
    catalog: ExerciseResolver,
    config: LintConfig | None = None,
    athlete: AthleteContext | None = None,
) -> list[Finding]:
    """Every finding for a program, in source order (line, then severity)."""
    config = config or LintConfig()
    resolution = resolve_names(program, catalog, config)
    blocks = tuple(
        resolve_block(workout, block, [resolution.of(e) for e in block.entries])
        for workout in program.workouts
        for block in workout.blocks
    )
    ctx = LintContext(program, blocks, config, athlete or AthleteContext(), catalog)
    findings = list(resolution.findings)
    for rule in PROGRAM_RULES:
        findings.extend(rule(ctx))
    return sorted(
        (_configured(f, config) for f in findings if f.code not in config.disabled),
        key=lambda f: (f.line or 0, f.column or 0, _SEVERITY_ORDER[f.severity], f.code),
    )


def _configured(finding: Finding, config: LintConfig) -> Finding:
    override = config.severity.get(finding.code)
    return finding if override is None else replace(finding, severity=override)
