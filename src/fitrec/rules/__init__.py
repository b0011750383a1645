"""The post-exhaust program linter: one small function per rule, run by `lint_program`."""

from fitrec.rules.codes import RULES, RuleInfo
from fitrec.rules.config import AthleteContext, LintConfig
from fitrec.rules.finding import Finding, Severity
from fitrec.rules.linter import lint_program

__all__ = [
    "RULES",
    "AthleteContext",
    "Finding",
    "LintConfig",
    "RuleInfo",
    "Severity",
    "lint_program",
]
