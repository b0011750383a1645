from fitrec.domain.programs import Level
from fitrec.rules import lint_program
from fitrec.rules.finding import Severity
from fitrec.rules.pairing import isolation_names
from tests.rules.helpers import TinyCatalog, pair, program, single

CAT = TinyCatalog()


def codes(prog) -> list[str]:
    return [f.code for f in lint_program(prog, CAT)]


def test_article_pairs_pass() -> None:
    prog = program(
        [
            pair("A"),
            pair("B", "Overhead Press", "Lateral Raise"),
            pair("C", "Squat", "Leg Extension", compound_rx=None),
        ]
    )
    assert "pairing" not in codes(prog)


def test_bench_press_with_pushdown_is_a_pairing_error_naming_the_muscles() -> None:
    [finding] = [
        f
        for f in lint_program(program([pair("A", isolation="Triceps Pushdown")]), CAT)
        if f.code == "pairing"
    ]
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Triceps Pushdown works the triceps, which only assist the Bench Press; "
        "its prime mover is the chest"
    )
    assert finding.fix == "pair it with Dumbbell Fly or Cable Fly"
    assert (finding.workout, finding.block, finding.entry) == ("Day 1", "A", "A2")
    assert finding.line is not None and finding.column == 5


def test_overhead_press_with_rear_delt_fly_is_a_pairing_error() -> None:
    found = lint_program(program([pair("A", "Overhead Press", "Rear Delt Fly")]), CAT)
    [finding] = [f for f in found if f.code == "pairing"]
    assert "its prime movers are the front delts and side delts" in finding.message
    assert "does not train as a prime mover" in finding.message
    assert "Lateral Raise" in finding.fix


def test_declared_superset_of_unrelated_muscles_is_not_a_pairing_error() -> None:
    block = pair("A", "Bench Press", "Lying Leg Curl", title="Superset 1")
    assert "pairing" not in codes(program([block]))
    undeclared = pair("A", "Bench Press", "Lying Leg Curl")
    assert "pairing" in codes(program([undeclared]))


def test_second_compound_of_a_pair_is_not_isolation() -> None:
    declared = pair("A", "Bench Press", "Squat", title="Post-Exhaust Pair 1")
    assert "not-isolation" in codes(program([declared]))
    same_muscle = pair("B", "Bench Press", "Dips")
    found = [f for f in lint_program(program([same_muscle]), CAT) if f.code == "not-isolation"]
    assert found and found[0].entry == "B2" and "Dumbbell Fly" in found[0].fix
    unrelated = pair("C", "Bench Press", "Squat")
    assert "not-isolation" not in codes(program([unrelated]))


def test_isolation_first_is_pre_exhaust_info_explaining_lower_loads() -> None:
    block = pair("A", "Leg Extension", "Squat")
    [finding] = [f for f in lint_program(program([block]), CAT) if f.code == "order"]
    assert finding.severity is Severity.INFO
    assert "10-20 %" in finding.message and finding.entry == "A1"


def test_isolation_block_before_compound_block_is_pre_exhaust() -> None:
    prog = program([single("A", "Leg Extension"), single("B", "Squat")], level=Level.ADVANCED)
    found = [f for f in lint_program(prog, CAT) if f.code == "order"]
    assert [f.block for f in found] == ["B"]
    after = program([single("A", "Squat"), single("B", "Leg Extension")])
    assert "order" not in codes(after)


def test_suggestions_put_the_article_isolations_first() -> None:
    assert isolation_names(CAT.get("barbell-bench-press"), CAT) == ["Dumbbell Fly", "Cable Fly"]
    assert isolation_names(CAT.get("overhead-press"), CAT, 1) == ["Lateral Raise"]
