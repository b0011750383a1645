"""Exercise lookup through the catalogue plus each owner's custom exercises."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fitrec.catalog import Catalog, default_catalog
from fitrec.domain.exercises import Exercise, LoadKind, Mechanic, slugify
from fitrec.domain.muscles import Muscle
from fitrec.services.errors import Conflict, InvalidInput, NotFound

if TYPE_CHECKING:
    from fitrec.services.unit_of_work import UnitOfWork, UowFactory

# Names the lifter typed, resolved without ambiguity; fuzzy guesses are refused.
_SURE_KINDS = {"exact", "alias", "normalized"}


def builtin_catalog() -> Catalog:
    """The built-in catalogue (loaded once per process by the catalogue itself)."""
    return default_catalog()


def catalog_for(uow: UnitOfWork, owner_id: int) -> Catalog:
    """The built-in catalogue extended with the owner's custom exercises."""
    custom = uow.exercises.list(owner_id)
    catalog = builtin_catalog()
    return catalog.with_custom(custom) if custom else catalog


def _kind(match: object) -> str:
    kind = getattr(match, "kind", "")
    return str(getattr(kind, "value", kind)).lower()


def unknown_exercise(catalog: Catalog, name: str, field: str = "exercise") -> InvalidInput:
    """The error for a name no exercise answers to, with the closest names."""
    suggestions = [m.exercise.name for m in catalog.suggest(name, limit=3)]
    hint = f" — did you mean {' or '.join(suggestions)}?" if suggestions else ""
    return InvalidInput(field, f"unknown exercise {name!r}{hint}")


def resolve_in(catalog: Catalog, name: str, field: str = "exercise") -> Exercise:
    """The exercise `name` denotes in `catalog` (slug, name or alias); InvalidInput otherwise."""
    text = name.strip() if isinstance(name, str) else ""
    if not text:
        raise InvalidInput(field, "must name an exercise")
    if text in catalog:
        return catalog.get(text)
    match = catalog.lookup(text)
    if match is not None and _kind(match) in _SURE_KINDS:
        return match.exercise
    raise unknown_exercise(catalog, text, field)


def resolve_exercise(
    uow: UnitOfWork, owner_id: int, name: str, field: str = "exercise"
) -> Exercise:
    """Resolve a name, trying the built-in catalogue before loading custom exercises."""
    builtin = builtin_catalog()
    try:
        return resolve_in(builtin, name, field)
    except InvalidInput:
        custom = uow.exercises.list(owner_id)
        if not custom:
            raise
    return resolve_in(builtin.with_custom(custom), name, field)


def add_custom_exercise(
    make_uow: UowFactory,
    owner_id: int,
    *,
    name: str,
    mechanic: str,
    prime_movers: list[str],
    synergists: list[str] | None = None,
    equipment: str = "other",
    load_kind: str = "machine",
    legs: bool = False,
    needs_review: bool = False,
) -> Exercise:
    """Add an exercise of the owner's own beside the catalogue."""
    clean = name.strip()
    if not clean:
        raise InvalidInput("name", "must not be empty")
    try:
        mech = Mechanic(mechanic)
    except ValueError:
        raise InvalidInput("mechanic", "must be compound or isolation") from None
    try:
        kind = LoadKind(load_kind)
    except ValueError:
        allowed = ", ".join(k.value for k in LoadKind)
        raise InvalidInput("load_kind", f"must be one of {allowed}") from None
    movers = _muscles(prime_movers, "prime_movers")
    if not movers:
        raise InvalidInput("prime_movers", "name at least one muscle")
    exercise = Exercise(
        slug=f"custom-{slugify(clean)}",
        name=clean,
        mechanic=mech,
        prime_movers=movers,
        synergists=_muscles(synergists or [], "synergists"),
        equipment=equipment,
        load_kind=kind,
        legs=legs,
    )
    with make_uow() as uow:
        if uow.exercises.get(owner_id, exercise.slug) is not None:
            raise Conflict(f"you already have an exercise called {clean!r}", field="name")
        uow.exercises.add(owner_id, exercise, needs_review=needs_review)
        uow.commit()
    return exercise


def _muscles(names: list[str], field: str) -> tuple[Muscle, ...]:
    found = []
    for i, n in enumerate(names):
        try:
            found.append(Muscle(n))
        except ValueError:
            raise InvalidInput(f"{field}[{i}]", f"unknown muscle {n!r}") from None
    return tuple(found)


def list_custom_exercises(make_uow: UowFactory, owner_id: int) -> list[Exercise]:
    """The owner's custom exercises."""
    with make_uow() as uow:
        return uow.exercises.list(owner_id)


def delete_custom_exercise(make_uow: UowFactory, owner_id: int, slug: str) -> None:
    """Remove one of the owner's custom exercises."""
    with make_uow() as uow:
        if not uow.exercises.delete(owner_id, slug):
            raise NotFound("exercise", slug)
        uow.commit()
