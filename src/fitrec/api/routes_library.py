"""The exercise catalogue and the lifter's profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from fitrec.api.deps import Owner, Uow
from fitrec.api.problems import problem_responses
from fitrec.api.schemas import ExerciseOut, ExercisePage, ProfileIn, ProfileOut
from fitrec.domain.exercises import Exercise
from fitrec.services import athletes
from fitrec.services.models import AthleteProfile

router = APIRouter(tags=["library"])


def exercise_out(exercise: Exercise) -> ExerciseOut:
    """An exercise as JSON."""
    return ExerciseOut(
        slug=exercise.slug,
        name=exercise.name,
        mechanic=exercise.mechanic.value,
        prime_movers=[m.value for m in exercise.prime_movers],
        synergists=[m.value for m in exercise.synergists],
        equipment=exercise.equipment,
        load_kind=exercise.load_kind.value,
        aliases=list(exercise.aliases),
    )


@router.get("/exercises", response_model=ExercisePage, responses=problem_responses(401, 422))
def exercises(
    owner: Owner,
    make_uow: Uow,
    q: Annotated[str | None, Query(max_length=200, description="words to look for")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ExercisePage:
    """Search the catalogue and the caller's custom exercises (every word must match)."""
    from fitrec.services.exercises import catalog_for

    with make_uow() as uow:
        catalog = catalog_for(uow, owner)
    if q and q.strip():
        found = catalog.search(q, limit=limit)
    else:
        found = sorted(catalog, key=lambda e: e.name.lower())[:limit]
    return ExercisePage(items=[exercise_out(e) for e in found])


def profile_out(profile: AthleteProfile) -> ProfileOut:
    """A profile as JSON (plate weights as strings: JSON keys are strings)."""
    return ProfileOut(
        unit=profile.unit.value,
        level=profile.level.value if profile.level else None,
        training_age_months=profile.training_age_months,
        bodyweight=profile.bodyweight,
        bar_weight=profile.bar_weight,
        plates={f"{w:g}": n for w, n in sorted(profile.plates.items(), reverse=True)},
        one_rep_maxes_kg=dict(profile.one_rep_maxes_kg),
        effort_scale=profile.effort_scale.value,
        theme=profile.theme.value,
    )


@router.get("/profile", response_model=ProfileOut, responses=problem_responses(401))
def get_profile(owner: Owner, make_uow: Uow) -> ProfileOut:
    """The caller's units, experience, bodyweight, bar and plates, known 1RMs."""
    return profile_out(athletes.get_profile(make_uow, owner))


@router.put("/profile", response_model=ProfileOut, responses=problem_responses(401, 403, 422))
def put_profile(body: ProfileIn, owner: Owner, make_uow: Uow) -> ProfileOut:
    """Change the fields given (others stay as they are)."""
    changes = body.model_dump(exclude_unset=True)
    return profile_out(athletes.update_profile(make_uow, owner, changes))
