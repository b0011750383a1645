"""The plan use case: raw values checked with the field named, the result linted and as JSON."""

from __future__ import annotations

import pytest

from fitrec.domain.programs import Level
from fitrec.services.errors import InvalidInput
from fitrec.services.models import AthleteProfile
from fitrec.services.plans import parse_request, plan_program


@pytest.mark.parametrize(
    ("values", "field", "allowed"),
    [
        ({"days": "9"}, "days", "2 to 6"),
        ({"days": "three"}, "days", "2 to 6"),
        ({"minutes": 20}, "minutes", "30 to 120"),
        ({"level": "pro"}, "level", "beginner, intermediate, advanced"),
        ({"equipment": "barbell,rope"}, "equipment", "barbell, dumbbell, cable"),
        ({"equipment": ","}, "equipment", "bodyweight"),
        ({"focus": "chest,biceps"}, "focus", "chest, back, shoulders"),
        ({"phase": "peaking"}, "phase", "hypertrophy, strength, maintenance"),
    ],
)
def test_a_bad_value_names_its_field_and_the_values_allowed(
    values: dict[str, object], field: str, allowed: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_request(**values)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert allowed in caught.value.message


def test_level_and_training_age_default_from_the_profile_and_flags_win() -> None:
    profile = AthleteProfile(level=Level.ADVANCED, training_age_months=30)
    assert parse_request(profile=profile).level is Level.ADVANCED
    assert parse_request(profile=profile).training_age_months == 30
    chosen = parse_request(level="beginner", training_age_months=8, profile=profile)
    assert (chosen.level, chosen.training_age_months) == (Level.BEGINNER, 8)


def test_the_result_lints_clean_and_its_json_has_program_explanations_and_sets() -> None:
    request = parse_request(days=3, minutes=60, focus="chest,quads", equipment="barbell,machine")
    result = plan_program(request)
    assert (result.errors, result.warnings) == (0, 0)
    data = result.to_dict()
    assert data["program"].startswith("program: Post-exhaust plan: chest, quadriceps")
    assert data["weekly_sets"]["chest"]["priority"] is True
    assert data["weekly_sets"]["chest"]["mev"] == 10
    assert len(data["sessions"]) == 3 and all(s["minutes"] <= 60 for s in data["sessions"])
    assert any(line.startswith("quadriceps is a priority") for line in data["explanations"])
