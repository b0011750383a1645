"""Foreign exercise names -> catalogue slugs: mapping file, then exact/alias/normalised/fuzzy.

An unknown name becomes a custom exercise flagged for review. The decisions form a
mapping the user can edit and apply again.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from fitrec.domain.exercises import Exercise, LoadKind, Mechanic, slugify
from fitrec.interchange.model import InterchangeError, MuscleHint, NameResolution
from fitrec.interchange.muscle_words import muscles_of

CUSTOM = "custom"
CUSTOM_PREFIX = "custom-"


class CatalogMatch(Protocol):
    """What a catalogue lookup answers (fitrec.catalog.Match)."""

    @property
    def exercise(self) -> Exercise:
        """The exercise found."""

    @property
    def kind(self) -> object:
        """How it matched (exact, alias, normalized, fuzzy)."""

    @property
    def confidence(self) -> float:
        """How sure, 0..1."""


class ExerciseLookup(Protocol):
    """The part of fitrec.catalog.Catalog the importer needs."""

    def lookup(self, name: str) -> CatalogMatch | None:
        """The best match for a name, or None."""

    def get(self, slug: str) -> Exercise:
        """The exercise with this slug (KeyError when unknown)."""


def load_mapping(text: str) -> dict[str, str]:
    """Read a mapping file: `{"foreign name": "slug" | {"slug": ...}}` -> name -> slug."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(f"mapping file is not JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise InterchangeError("mapping file must be a JSON object of name -> slug")
    names = data.get("names", data) if isinstance(data.get("names"), dict) else data
    result: dict[str, str] = {}
    for foreign, target in names.items():
        slug = target.get("slug") if isinstance(target, dict) else target
        if not isinstance(slug, str) or not slug:
            raise InterchangeError(f'mapping for "{foreign}" has no slug')
        result[str(foreign)] = slug
    return result


def dump_mapping(resolutions: list[NameResolution]) -> str:
    """The mapping file for these decisions: edit a slug, then import again with it."""
    names: dict[str, Any] = {
        r.foreign: {
            "slug": r.slug,
            "name": r.name,
            "how": r.how,
            "confidence": round(r.confidence, 3),
            "review": r.needs_review,
        }
        for r in sorted(resolutions, key=lambda r: r.foreign.lower())
    }
    return json.dumps({"names": names}, ensure_ascii=False, indent=2) + "\n"


class NameResolver:
    """Resolves each distinct foreign name once, remembering what it became."""

    def __init__(
        self,
        catalog: ExerciseLookup,
        mapping: dict[str, str] | None = None,
        hints: dict[str, MuscleHint] | None = None,
    ) -> None:
        self._catalog = catalog
        self._hints = hints if hints is not None else {}  # filled while the file is read
        self._mapping = {k.strip().lower(): v for k, v in (mapping or {}).items()}
        self._seen: dict[str, NameResolution] = {}
        self._exercises: dict[str, Exercise] = {}
        self._custom: dict[str, Exercise] = {}

    def resolve(self, foreign: str) -> NameResolution:
        """The catalogue slug (or new custom exercise) for a foreign name."""
        key = foreign.strip()
        found = self._seen.get(key)
        if found is None:
            found = self._decide(key)
        found = NameResolution(
            found.foreign, found.slug, found.name, found.how, found.confidence, found.rows + 1
        )
        self._seen[key] = found
        return found

    def exercise(self, slug: str) -> Exercise | None:
        """The exercise a resolution pointed to."""
        return self._exercises.get(slug) or self._custom.get(slug)

    @property
    def resolutions(self) -> list[NameResolution]:
        """Every foreign name met, in first-seen order."""
        return list(self._seen.values())

    @property
    def custom_exercises(self) -> list[Exercise]:
        """The custom exercises created for unknown names."""
        return list(self._custom.values())

    def _decide(self, foreign: str) -> NameResolution:
        mapped = self._mapping.get(foreign.lower())
        if mapped is not None:
            return self._from_mapping(foreign, mapped)
        match = self._catalog.lookup(foreign)
        if match is None:
            return self._make_custom(foreign, slugify(foreign))
        exercise = match.exercise
        self._exercises[exercise.slug] = exercise
        kind = str(getattr(match.kind, "value", match.kind))
        if exercise.slug.startswith(CUSTOM_PREFIX):
            kind = CUSTOM
        return NameResolution(foreign, exercise.slug, exercise.name, kind, match.confidence)

    def _from_mapping(self, foreign: str, slug: str) -> NameResolution:
        if slug == CUSTOM:
            return self._make_custom(foreign, slugify(foreign))
        try:
            exercise = self._catalog.get(slug)
        except KeyError:
            if slug.startswith(CUSTOM_PREFIX):
                return self._make_custom(foreign, slug[len(CUSTOM_PREFIX) :])
            raise InterchangeError(
                f'mapping: "{foreign}" -> "{slug}" is not an exercise of the catalogue'
            ) from None
        self._exercises[exercise.slug] = exercise
        return NameResolution(foreign, exercise.slug, exercise.name, "mapping", 1.0)

    def _make_custom(self, foreign: str, base: str) -> NameResolution:
        slug = CUSTOM_PREFIX + base
        if slug not in self._custom:
            # Mechanic and muscles are unknown until the user reviews it; an isolation
            # with no prime movers stays out of compound strength and pairing. Muscles the
            # file lists for the name are a better start than none (still to review).
            hint = self._hints.get(foreign, MuscleHint())
            primary = muscles_of(hint.primary)
            self._custom[slug] = Exercise(
                slug=slug,
                name=foreign,
                mechanic=Mechanic.ISOLATION,
                prime_movers=primary,
                synergists=tuple(m for m in muscles_of(hint.secondary) if m not in primary),
                equipment="other",
                load_kind=LoadKind.BARBELL,
            )
        return NameResolution(foreign, slug, foreign, CUSTOM, 0.0)
