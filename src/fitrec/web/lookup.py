"""An owner's exercise lookup by slug: their custom exercises, then the catalogue."""

from __future__ import annotations

from fitrec.analytics.history import ExerciseLookup
from fitrec.domain.exercises import Exercise
from fitrec.services.exercises import builtin_catalog, list_custom_exercises
from fitrec.services.unit_of_work import UowFactory


def owner_lookup(factory: UowFactory, owner_id: int) -> ExerciseLookup:
    """Find an exercise by slug among the owner's custom ones and the built-in catalogue."""
    customs = {e.slug: e for e in list_custom_exercises(factory, owner_id)}
    catalog = builtin_catalog()

    def find(slug: str) -> Exercise | None:
        if slug in customs:
            return customs[slug]
        return catalog.get(slug) if slug in catalog else None

    return find
