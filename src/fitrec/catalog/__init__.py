"""The exercise catalogue: a data file shipped in the package, loaded lazily, and name lookup."""

from fitrec.catalog.catalog import Catalog, Match, MatchKind
from fitrec.catalog.loading import (
    CatalogError,
    default_catalog,
    exercise_from_record,
    exercise_to_record,
    load_exercises,
)

__all__ = [
    "Catalog",
    "CatalogError",
    "Match",
    "MatchKind",
    "default_catalog",
    "exercise_from_record",
    "exercise_to_record",
    "load_exercises",
]
