"""The generator, training cycles, the weekly review and muscle ratings."""

from __future__ import annotations

from fastapi import APIRouter, Response

from fitrec.api.deps import Owner, Uow
from fitrec.api.problems import problem_responses
from fitrec.api.schemas_cycles import (
    AcceptIn,
    CycleIn,
    CycleOut,
    PlanIn,
    PlanOut,
    RatingIn,
    ReviewOut,
)
from fitrec.services import athletes, cycles, plans, reviews
from fitrec.services.identifiers import resolve_program_id

router = APIRouter(tags=["cycles"])
READ = problem_responses(401, 404)
WRITE = problem_responses(401, 403, 404, 422)


@router.post("/plans", response_model=PlanOut, responses=problem_responses(401, 403, 422))
def generate_plan(body: PlanIn, owner: Owner, make_uow: Uow) -> PlanOut:
    """Generate a post-exhaust program from goals; it lints with no error and no warning."""
    request = plans.parse_request(
        days=body.days,
        minutes=body.minutes,
        level=body.level,
        equipment=body.equipment,
        focus=body.focus,
        phase=body.phase,
        training_age_months=body.training_age_months,
        seed=body.seed,
        profile=athletes.get_profile(make_uow, owner),
    )
    return PlanOut.model_validate(plans.plan_program(request).to_dict())


@router.post("/cycles", status_code=201, response_model=CycleOut, responses=WRITE)
def start_cycle(body: CycleIn, owner: Owner, make_uow: Uow) -> CycleOut:
    """Start a cycle of one of the caller's programs; a running cycle is ended."""
    program = resolve_program_id(make_uow, owner, body.program)
    return CycleOut.model_validate(
        cycles.start_cycle(make_uow, owner, program, body.weeks).to_dict()
    )


@router.get("/cycles/current", response_model=CycleOut, responses=READ)
def current_cycle(owner: Owner, make_uow: Uow) -> CycleOut:
    """The caller's current cycle: weeks × days done and next, the next day's targets."""
    return CycleOut.model_validate(cycles.show_cycle(make_uow, owner).to_dict())


@router.post("/cycles/current/advance", response_model=CycleOut, responses=WRITE)
def advance_cycle(owner: Owner, make_uow: Uow) -> CycleOut:
    """Mark the next day of the current cycle done."""
    return CycleOut.model_validate(cycles.advance_cycle(make_uow, owner).to_dict())


@router.get("/cycles/current/review", response_model=ReviewOut, responses=READ)
def review(owner: Owner, make_uow: Uow) -> ReviewOut:
    """This week's proposals, each with its reason and source; nothing is changed."""
    return ReviewOut.model_validate(reviews.review_cycle(make_uow, owner).to_dict())


@router.post("/cycles/current/review", response_model=ReviewOut, responses=WRITE)
def accept(body: AcceptIn, owner: Owner, make_uow: Uow) -> ReviewOut:
    """Apply the numbered proposals accepted (in one transaction)."""
    return ReviewOut.model_validate(reviews.review_cycle(make_uow, owner, body.accept).to_dict())


@router.post("/ratings", status_code=204, responses=problem_responses(401, 403, 422))
def rate(body: RatingIn, owner: Owner, make_uow: Uow) -> Response:
    """Record a muscle's soreness and joint discomfort (1-5) before its session."""
    reviews.rate_muscle(make_uow, owner, body.muscle, soreness=body.soreness, joint=body.joint)
    return Response(status_code=204)
