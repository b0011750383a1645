"""Use case: generate a post-exhaust program from goals (no database unless a profile is read).

Raw values (as a form, a flag or a JSON body gives them) are checked here, each
refusal naming the field and the values allowed, so every face refuses alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fitrec.catalog import default_catalog
from fitrec.domain.programs import Level
from fitrec.planning.generator import (
    DAYS,
    MINUTES,
    PHASES,
    GeneratedPlan,
    PlanRequest,
    check_request,
    generate,
)
from fitrec.planning.landmarks import LANDMARKS, PlanMuscle
from fitrec.planning.menu import Equipment
from fitrec.rules import Severity, lint_program
from fitrec.services.errors import InvalidInput
from fitrec.services.models import AthleteProfile
from fitrec.textformat import format_program

__all__ = [
    "EQUIPMENT",
    "LEVELS",
    "MUSCLES",
    "PHASES",
    "PlanResult",
    "parse_request",
    "plan_program",
]

LEVELS = tuple(Level)
EQUIPMENT = tuple(Equipment)
MUSCLES = tuple(PlanMuscle)
_ALIASES = {"quads": PlanMuscle.QUADRICEPS, "shoulder": PlanMuscle.SHOULDERS}


@dataclass(frozen=True, slots=True)
class PlanResult:
    """A generated plan, its notation and how the linter judged it."""

    plan: GeneratedPlan
    text: str
    errors: int
    warnings: int

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON: the notation, explanations, weekly sets and session minutes."""
        plan = self.plan
        priority = set(plan.request.focus)
        return {
            "program": self.text,
            "name": plan.program.name,
            "request": request_dict(plan.request),
            "explanations": list(plan.explanations),
            "weekly_sets": {
                muscle.value: {
                    "sets": count,
                    "priority": muscle in priority,
                    "mv": LANDMARKS[muscle].mv,
                    "mev": LANDMARKS[muscle].mev,
                    "mav": [LANDMARKS[muscle].mav_low, LANDMARKS[muscle].mav_high],
                    "mrv": LANDMARKS[muscle].mrv,
                }
                for muscle, count in plan.weekly_sets.items()
            },
            "sessions": [
                {"workout": w.name, "minutes": m}
                for w, m in zip(plan.program.workouts, plan.session_minutes, strict=True)
            ],
            "lint": {"errors": self.errors, "warnings": self.warnings},
        }


def request_dict(request: PlanRequest) -> dict[str, Any]:
    """A request as JSON (what was asked, defaults filled in)."""
    return {
        "days": request.days,
        "minutes": request.minutes,
        "level": request.level.value,
        "training_age_months": request.training_age_months,
        "equipment": [e.value for e in request.equipment],
        "focus": [m.value for m in request.focus],
        "phase": request.phase.value,
        "seed": request.seed,
    }


def _values(options: Iterable[Any]) -> str:
    return ", ".join(str(o.value if hasattr(o, "value") else o) for o in options)


def _whole(value: Any, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidInput(field, f"expected a whole number from {low} to {high}")
    try:
        number = int(value)
    except ValueError:
        raise InvalidInput(field, f"{value!r} is not a whole number from {low} to {high}") from None
    if not low <= number <= high:
        raise InvalidInput(field, f"{number} is out of range: allowed {low} to {high}")
    return number


def _one_of(value: Any, field: str, options: Sequence[Any]) -> Any:
    text = str(value).strip().lower()
    for option in options:
        if option.value == text:
            return option
    raise InvalidInput(field, f"{value!r} is not allowed; use one of {_values(options)}")


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def parse_request(
    *,
    days: Any = None,
    minutes: Any = None,
    level: Any = None,
    equipment: Any = None,
    focus: Any = None,
    phase: Any = None,
    training_age_months: Any = None,
    seed: Any = None,
    profile: AthleteProfile | None = None,
) -> PlanRequest:
    """A checked request from raw values; level and training age default from the profile."""
    base = PlanRequest()
    chosen_level = base.level
    if level is not None:
        chosen_level = _one_of(level, "level", LEVELS)
    elif profile is not None and profile.level is not None:
        chosen_level = profile.level
    age = profile.training_age_months if profile is not None else None
    if training_age_months is not None:
        age = _whole(training_age_months, "training_age_months", 0, 1200)
    kit = tuple(_one_of(e, "equipment", EQUIPMENT) for e in _list(equipment))
    if equipment is not None and not kit:
        raise InvalidInput("equipment", f"give at least one of {_values(EQUIPMENT)}")
    muscles = []
    for name in _list(focus):
        alias = _ALIASES.get(name.lower())
        muscles.append(alias or _one_of(name, "focus", MUSCLES))
    chosen_phase = base.phase if phase is None else _one_of(phase, "phase", PHASES)
    request = PlanRequest(
        days=base.days if days is None else _whole(days, "days", *DAYS),
        minutes=base.minutes if minutes is None else _whole(minutes, "minutes", *MINUTES),
        level=chosen_level,
        equipment=tuple(dict.fromkeys(kit)) if kit else base.equipment,
        focus=tuple(dict.fromkeys(muscles)),
        phase=chosen_phase,
        training_age_months=age,
        seed=None if seed is None else _whole(seed, "seed", 0, 2**63 - 1),
    )
    for field, problem in check_request(request):
        raise InvalidInput(field, problem)
    return request


def plan_program(request: PlanRequest) -> PlanResult:
    """Generate the program for a checked request, format it and lint it."""
    catalog = default_catalog()
    plan = generate(request, catalog)
    findings = lint_program(plan.program, catalog)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    return PlanResult(plan, format_program(plan.program), errors, warnings)
