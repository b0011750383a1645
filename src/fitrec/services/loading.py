"""What to put on the bar: plates per side for a target load and the warm-up ramp before it,
from the lifter's bar and plates (the session view shows both beside each target)."""

from __future__ import annotations

from dataclasses import dataclass

from fitrec.domain.exercises import LoadKind
from fitrec.domain.plates import solve
from fitrec.planning.warmup import WarmupSet, warmup_ramp
from fitrec.services.analytics import inventory_of
from fitrec.services.errors import InvalidInput
from fitrec.services.models import AthleteProfile
from fitrec.services.unit_of_work import UowFactory


@dataclass(frozen=True, slots=True)
class BarLoading:
    """Plates for one target on the lifter's bar: the nearest loading and whether it is exact."""

    target: float
    total: float  # the loading nearest the target (the lighter on a tie)
    bar: float
    per_side: tuple[float, ...]
    exact: bool
    unit: str


@dataclass(frozen=True, slots=True)
class LoadingHelp:
    """Everything the live page shows under a target load."""

    plates: BarLoading | None  # None for equipment that is not a barbell
    warmup: tuple[WarmupSet, ...]  # empty unless the entry is the block's compound


def _target(load: float) -> float:
    if isinstance(load, bool) or not isinstance(load, int | float) or not 0 <= load <= 10_000:
        raise InvalidInput("load", f"must be a number from 0 to 10000, got {load!r}")
    return float(load)


def plates_for(profile: AthleteProfile, load: float) -> BarLoading:
    """The plates per side that make `load` (the profile's unit) on the lifter's bar."""
    inventory = inventory_of(profile)
    solution = solve(_target(load), inventory)
    nearest = solution.nearest
    return BarLoading(
        target=solution.target,
        total=nearest.total,
        bar=solution.bar,
        per_side=nearest.per_side,
        exact=solution.exact is not None,
        unit=profile.unit.value,
    )


def loading_help(
    profile: AthleteProfile, load: float, load_kind: LoadKind, *, compound: bool
) -> LoadingHelp:
    """Plates for a barbell target and, for a compound, the warm-up ramp up to it."""
    target = _target(load)
    kind = LoadKind(load_kind)
    plates = plates_for(profile, target) if kind is LoadKind.BARBELL else None
    warmup = warmup_ramp(target, inventory_of(profile), kind) if compound else ()
    return LoadingHelp(plates=plates, warmup=warmup)


def loading_help_for(
    make_uow: UowFactory, owner_id: int, load: float, load_kind: LoadKind, *, compound: bool
) -> LoadingHelp:
    """`loading_help` with the owner's stored profile (one read)."""
    with make_uow() as uow:
        profile = uow.profiles.get(owner_id) or AthleteProfile()
    return loading_help(profile, load, load_kind, compound=compound)
