from fitrec.domain.programs import Level, Phase
from fitrec.rules import AthleteContext, lint_program
from fitrec.rules.config import LintConfig
from tests.rules.helpers import TinyCatalog, pair, program, single

CAT = TinyCatalog()


def codes(prog, **kw) -> list[str]:
    return [f.code for f in lint_program(prog, CAT, **kw)]


def four_pairs() -> list:
    return [pair(label) for label in "ABCD"]


def test_four_pairs_are_fine_for_advanced_too_many_for_intermediate() -> None:
    assert "too-many-pairs" not in codes(program(four_pairs(), level=Level.ADVANCED))
    finding = [
        f
        for f in lint_program(program(four_pairs(), level=Level.INTERMEDIATE), CAT)
        if f.code == "too-many-pairs"
    ]
    assert len(finding) == 1 and "allows 3" in finding[0].message
    assert finding[0].workout == "Day 1" and finding[0].line == 1


def test_athlete_level_overrides_the_program() -> None:
    prog = program(four_pairs(), level=Level.ADVANCED)
    athlete = AthleteContext(level=Level.BEGINNER)
    assert "too-many-pairs" in codes(prog, athlete=athlete)


def test_no_level_assumes_intermediate_and_says_so() -> None:
    [finding] = [
        f
        for f in lint_program(program(four_pairs(), level=None), CAT)
        if f.code == "too-many-pairs"
    ]
    assert "no level given" in finding.message


def test_every_exercise_paired_is_flagged_below_advanced() -> None:
    two = [pair("A"), pair("B", "Overhead Press", "Lateral Raise")]
    assert "too-many-pairs" in codes(program(two, level=Level.INTERMEDIATE))
    mixed = [*two, single("C", "Squat")]
    assert "too-many-pairs" not in codes(program(mixed, level=Level.INTERMEDIATE))
    assert "too-many-pairs" not in codes(program(two, level=Level.ADVANCED))


def test_frequency_counts_workouts_with_pairs() -> None:
    days = [[pair("A"), single("B", "Squat")] for _ in range(4)]
    found = [
        f
        for f in lint_program(program(*days, level=Level.INTERMEDIATE), CAT)
        if f.code == "frequency"
    ]
    assert len(found) == 1 and found[0].workout == "Day 4"
    assert "frequency" not in codes(program(*days[:3], level=Level.INTERMEDIATE))
    assert "frequency" not in codes(program(*days, level=Level.ADVANCED))
    unlimited = LintConfig(pair_workouts_per_week={Level.INTERMEDIATE: None})
    assert "frequency" not in codes(program(*days, level=Level.INTERMEDIATE), config=unlimited)


def test_training_age_under_six_months_is_beginner() -> None:
    assert "beginner" in codes(program([pair("A")], training_age=3))
    assert "beginner" not in codes(program([pair("A")], training_age=6))
    assert "beginner" not in codes(program([single("A", "Squat")], training_age=3))
    athlete = AthleteContext(training_age_months=2)
    assert "beginner" in codes(program([pair("A")]), athlete=athlete)


def test_pairs_in_strength_or_peaking_phase() -> None:
    for phase in (Phase.STRENGTH, Phase.PEAKING):
        assert "phase" in codes(program([pair("A")], phase=phase))
    for phase in (Phase.HYPERTROPHY, Phase.DELOAD, None):
        assert "phase" not in codes(program([pair("A")], phase=phase))
