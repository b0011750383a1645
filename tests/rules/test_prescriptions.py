from fitrec.domain.programs import Placement
from fitrec.rules import lint_program
from fitrec.rules.config import LintConfig
from tests.rules.helpers import TinyCatalog, pair, program, rx

CAT = TinyCatalog()


def found(block, config=None):
    return {f.code: f for f in lint_program(program([block]), CAT, config)}


def test_the_article_numbers_lint_clean() -> None:
    assert found(pair("A")) == {}
    legs = pair(
        "B",
        "Squat",
        "Leg Extension",
        rest=90,
        compound_rx=rx(4, 10, 75),
        isolation_rx=rx(4, 20, rir=0),
    )
    assert found(legs) == {}


def test_rest_over_90_seconds_is_rest_long() -> None:
    assert "rest-long" not in found(pair("A", rest=90))
    finding = found(pair("A", rest=120))["rest-long"]
    assert "120 s" in finding.message and finding.entry == "A1"
    assert "rest-long" not in found(pair("A", rest=120), LintConfig(max_transition_rest_s=120))


def test_compound_below_75_percent_is_compound_light_not_also_range() -> None:
    codes = found(pair("A", compound_rx=rx(4, 8, 65)))
    assert "compound-light" in codes and "compound-range" not in codes
    assert "75-85 % 1RM" in codes["compound-light"].fix


def test_compound_ranges_depend_on_legs() -> None:
    assert "compound-range" in found(pair("A", compound_rx=rx(4, 12, 80)))
    legs = pair(
        "A", "Squat", "Leg Extension", compound_rx=rx(4, 12, 80), isolation_rx=rx(4, 20, rir=0)
    )
    assert "compound-range" not in found(legs)
    heavy = found(pair("A", compound_rx=rx(5, 8, 90)))["compound-range"]
    assert "5 sets" in heavy.message and "90 % 1RM" in heavy.message


def test_isolation_outside_12_to_20_reps_is_isolation_range() -> None:
    codes = found(pair("A", isolation_rx=rx(4, 8, rir=0)))
    assert "8 reps (article: 12-20)" in codes["isolation-range"].message
    assert "isolation-range" in found(pair("A", isolation_rx=rx(4, 15, percent=80, rir=0)))


def test_isolation_short_of_failure_warns_but_no_target_does_not() -> None:
    assert "not-to-failure" not in found(pair("A", isolation_rx=rx(4, 15)))
    assert "not-to-failure" not in found(pair("A", isolation_rx=rx(4, 15, rir=1)))
    assert "not-to-failure" not in found(pair("A", isolation_rx=rx(4, 15, rpe=9)))
    finding = found(pair("A", isolation_rx=rx(4, 15, rir=3)))["not-to-failure"]
    assert "@ 0 RIR" in finding.fix
    assert "not-to-failure" in found(pair("A", isolation_rx=rx(4, 15, rpe=8)))


def test_sets_must_match_unless_finisher() -> None:
    assert "sets-match" in found(pair("A", isolation_rx=rx(3, 15, rir=0)))
    finisher = pair("A", isolation_rx=rx(1, 15, rir=0), placement=Placement.FINISHER)
    assert "sets-match" not in found(finisher)


def test_prescription_rules_only_apply_to_pairs() -> None:
    block = pair(
        "A",
        "Bench Press",
        "Lying Leg Curl",
        title="Superset",
        compound_rx=rx(5, 5, 60),
        isolation_rx=rx(2, 8, rir=4),
    )
    assert found(block) == {}


def test_an_easy_effort_on_the_compound_is_compound_light() -> None:
    assert "compound-light" not in found(pair("A", compound_rx=rx(4, 8, rpe=9)))
    finding = found(pair("A", compound_rx=rx(4, 8, rir=4)))["compound-light"]
    assert "4 RIR" in finding.message and "% 1RM" in finding.message
    assert "compound-light" in found(pair("A", compound_rx=rx(4, 8, rir=6)))
