from fitrec.rules import lint_program
from fitrec.rules.finding import Severity
from tests.rules.helpers import TinyCatalog, pair, program

CAT = TinyCatalog()


def test_unknown_name_is_an_error_with_suggestions_at_its_position() -> None:
    prog = program([pair("A", isolation="Cable Crossover Thing")])
    [finding] = [f for f in lint_program(prog, CAT) if f.code == "unknown-exercise"]
    assert finding.severity is Severity.ERROR
    assert "did you mean `Cable Fly`?" in finding.message
    assert finding.entry == "A2" and finding.column == 5
    assert finding.fix == "write `Cable Fly`"


def test_unknown_names_skip_pair_rules() -> None:
    prog = program([pair("A", isolation="Zzz")])
    assert [f.code for f in lint_program(prog, CAT)] == ["unknown-exercise"]


def test_fuzzy_guess_is_a_warning_naming_the_assumption() -> None:
    prog = program([pair("A", compound="Bench Pres")])
    [finding] = [f for f in lint_program(prog, CAT) if f.code == "unknown-exercise"]
    assert finding.severity is Severity.WARNING
    assert "assumed Bench Press (80% sure)" in finding.message


def test_a_resolved_slug_wins_over_the_written_name() -> None:
    prog = program([pair("A", compound="Flat thing")])
    prog.workouts[0].blocks[0].entries[0].exercise_slug = "barbell-bench-press"
    assert lint_program(prog, CAT) == []
