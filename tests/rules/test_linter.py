from fitrec.domain.programs import Level
from fitrec.rules import LintConfig, lint_program
from fitrec.rules.finding import Severity
from tests.rules.helpers import TinyCatalog, pair, program, rx

CAT = TinyCatalog()


def bad_program():
    return program(
        [
            pair("A", isolation="Triceps Pushdown", rest=120),
            pair("B", isolation_rx=rx(3, 15, rir=3)),
        ],
        level=Level.ADVANCED,
    )


def test_findings_come_in_source_order() -> None:
    found = lint_program(bad_program(), CAT)
    lines = [f.line or 0 for f in found]
    assert lines == sorted(lines)
    assert {f.code for f in found} >= {"pairing", "rest-long", "not-to-failure", "sets-match"}


def test_disabled_codes_are_dropped() -> None:
    config = LintConfig(disabled=frozenset({"pairing", "sets-match"}))
    codes = {f.code for f in lint_program(bad_program(), CAT, config)}
    assert "pairing" not in codes and "sets-match" not in codes and "rest-long" in codes


def test_severity_overrides_apply_per_code() -> None:
    config = LintConfig(severity={"pairing": Severity.WARNING})
    [finding] = [f for f in lint_program(bad_program(), CAT, config) if f.code == "pairing"]
    assert finding.severity is Severity.WARNING


def test_finding_json_shape() -> None:
    [finding] = [f for f in lint_program(bad_program(), CAT) if f.code == "pairing"]
    data = finding.to_dict("p.txt")
    assert data["path"] == "p.txt" and data["severity"] == "error"
    assert data["location"] == "Day 1 / A2"
