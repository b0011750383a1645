from fitrec.rules.codes import RULES
from fitrec.rules.finding import Severity

EXPECTED = {
    "pairing": Severity.ERROR,
    "not-isolation": Severity.WARNING,
    "order": Severity.INFO,
    "rest-long": Severity.WARNING,
    "compound-light": Severity.WARNING,
    "compound-range": Severity.INFO,
    "isolation-range": Severity.INFO,
    "not-to-failure": Severity.WARNING,
    "sets-match": Severity.INFO,
    "too-many-pairs": Severity.WARNING,
    "beginner": Severity.WARNING,
    "frequency": Severity.WARNING,
    "phase": Severity.WARNING,
    "decline": Severity.WARNING,
    "unknown-exercise": Severity.ERROR,
}


def test_every_code_has_its_default_severity() -> None:
    assert {code: info.severity for code, info in RULES.items()} == EXPECTED


def test_each_rule_knows_its_own_code_and_has_text() -> None:
    for code, info in RULES.items():
        assert info.code == code
        assert info.title and info.summary.endswith(".")
