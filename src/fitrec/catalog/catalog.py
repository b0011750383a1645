"""The catalogue: exercises by slug, and name lookup by exact name, alias, key or fuzzy score."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from fitrec.catalog.fuzzy import FuzzyScorer
from fitrec.catalog.normalize import fold, key_of, name_key, tokens
from fitrec.catalog.search import SearchIndex
from fitrec.domain.exercises import Exercise

NORMALIZED_CONFIDENCE = 0.95
FUZZY_CEILING = 0.9
FUZZY_THRESHOLD = 0.75
SUGGESTION_FLOOR = 0.5  # below this a candidate shares too little to be worth showing


class MatchKind(StrEnum):
    """How a name was matched to an exercise, from surest to least sure."""

    EXACT = "exact"
    ALIAS = "alias"
    NORMALIZED = "normalized"
    FUZZY = "fuzzy"


@dataclass(frozen=True, slots=True)
class Match:
    """An exercise found for a name, how it was found and how sure the match is (0..1)."""

    exercise: Exercise
    kind: MatchKind
    confidence: float


@dataclass(frozen=True, slots=True)
class _Candidate:
    """One spelling of an exercise that fuzzy matching compares against."""

    words: tuple[str, ...]
    exercise: Exercise
    custom: bool


def _spellings(exercise: Exercise) -> list[str]:
    """The name, the slug read as words, and every alias of an exercise."""
    return [exercise.name, exercise.slug.replace("-", " "), *exercise.aliases]


def _equipment_variants(exercise: Exercise, spellings: list[tuple[str, ...]]) -> list[str]:
    """Keys of the exercise's spellings with its equipment added ("Lat Pulldown" + cable)."""
    extras = [tokens(exercise.equipment), (exercise.load_kind.value,)]
    return [key_of((*words, *extra)) for words in spellings for extra in extras]


class Catalog:
    """A set of exercises with fast lookup by slug and by any name a lifter or an app writes."""

    def __init__(self, exercises: Iterable[Exercise], custom: Iterable[Exercise] = ()) -> None:
        self._builtin = tuple(exercises)
        self._custom = tuple(custom)
        self._by_slug: dict[str, Exercise] = {}
        self._exact: dict[str, Exercise] = {}
        self._alias: dict[str, Exercise] = {}
        self._normalized: dict[str, Exercise | None] = {}
        self._variants: dict[str, Exercise | None] = {}
        self._candidates: list[_Candidate] = []
        self._lookups: dict[str, Match | None] = {}
        self._search: SearchIndex | None = None
        self._normalised_built = False
        for exercise in self._builtin:
            self._index_exact(exercise, custom=False)
        for exercise in self._custom:
            self._index_exact(exercise, custom=True)

    def _index_exact(self, exercise: Exercise, *, custom: bool) -> None:
        """Add one exercise to the slug, exact-name and alias tables (custom wins a clash)."""
        self._by_slug[exercise.slug] = exercise
        for table, spelling in (
            *((self._exact, s) for s in (exercise.name, exercise.slug)),
            *((self._alias, a) for a in exercise.aliases),
        ):
            if custom or fold(spelling) not in table:
                table[fold(spelling)] = exercise

    def _build_normalised(self) -> None:
        """Build the normalised and fuzzy tables on first need.

        Most names a program uses are exact or aliases; deferring the word-level index
        keeps `fitrec lint` start-up short.
        """
        if self._normalised_built:
            return
        self._normalised_built = True
        for exercise in self._builtin:
            self._index_words(exercise, custom=False)
        for exercise in self._custom:
            self._index_words(exercise, custom=True)

    def _index_words(self, exercise: Exercise, *, custom: bool) -> None:
        """Add one exercise to the normalised, equipment-variant and fuzzy tables."""
        spellings = [tokens(spelling) for spelling in _spellings(exercise)]
        for words in spellings:
            _claim(self._normalized, key_of(words), exercise, override=custom)
            self._candidates.append(_Candidate(words, exercise, custom))
        for key in _equipment_variants(exercise, spellings):
            _claim(self._variants, key, exercise, override=custom)

    def get(self, slug: str) -> Exercise:
        """The exercise with this slug; KeyError when there is none."""
        try:
            return self._by_slug[slug]
        except KeyError:
            raise KeyError(f"no exercise with slug {slug!r} in the catalogue") from None

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_slug.values())

    def __len__(self) -> int:
        return len(self._by_slug)

    def __contains__(self, slug: object) -> bool:
        return isinstance(slug, str) and slug in self._by_slug

    def lookup(self, name: str) -> Match | None:
        """The exercise a name means, or None when no match is confident enough."""
        if name in self._lookups:
            return self._lookups[name]
        found = self._resolve(name)
        self._lookups[name] = found
        return found

    def _resolve(self, name: str) -> Match | None:
        """Lookup without the cache: exact, alias, normalised, then fuzzy."""
        folded = fold(name)
        if not folded:
            return None
        if folded in self._exact:
            return Match(self._exact[folded], MatchKind.EXACT, 1.0)
        if folded in self._alias:
            return Match(self._alias[folded], MatchKind.ALIAS, 1.0)
        key = name_key(name)
        self._build_normalised()
        for table in (self._normalized, self._variants):
            exercise = table.get(key)
            if exercise is not None:
                return Match(exercise, MatchKind.NORMALIZED, NORMALIZED_CONFIDENCE)
        ranked = self._rank(name, limit=1, floor=FUZZY_THRESHOLD / FUZZY_CEILING, strict=True)
        if ranked and ranked[0].confidence >= FUZZY_THRESHOLD:
            return ranked[0]
        return None

    def suggest(self, name: str, limit: int = 3) -> list[Match]:
        """The best candidates for a name, surest first (for "did you mean ...?")."""
        found = self.lookup(name)
        ranked = self._rank(name, limit=limit + 1, floor=SUGGESTION_FLOOR, strict=False)
        if found is not None:
            ranked = [found, *(m for m in ranked if m.exercise.slug != found.exercise.slug)]
        return ranked[:limit]

    def _rank(self, name: str, *, limit: int, floor: float, strict: bool) -> list[Match]:
        """Fuzzy matches for a name, one per exercise, best first; custom wins a tie."""
        self._build_normalised()
        scorer = FuzzyScorer(tokens(name))
        best: dict[str, tuple[float, bool, Exercise]] = {}
        for candidate in self._candidates:
            score = scorer.score(candidate.words, strict=strict)
            if score < floor or score == 0.0:
                continue
            slug = candidate.exercise.slug
            entry = (score, candidate.custom, candidate.exercise)
            if slug not in best or entry[:2] > best[slug][:2]:
                best[slug] = entry
        ordered = sorted(best.values(), key=lambda e: (-e[0], not e[1], e[2].name))
        return [
            Match(exercise, MatchKind.FUZZY, round(score * FUZZY_CEILING, 3))
            for score, _, exercise in ordered[:limit]
        ]

    def search(self, query: str, limit: int = 20) -> list[Exercise]:
        """Exercises whose name, aliases, muscles or equipment contain every word of a query."""
        if self._search is None:
            self._search = SearchIndex(list(self))
        return self._search.search(query, limit)

    def with_custom(self, exercises: Iterable[Exercise]) -> Catalog:
        """A new catalogue that also knows these custom exercises (they win over fuzzy matches)."""
        return Catalog(self._builtin, (*self._custom, *exercises))

    @property
    def custom(self) -> tuple[Exercise, ...]:
        """The custom exercises this catalogue was extended with."""
        return self._custom


def _claim(
    table: dict[str, Exercise | None], key: str, exercise: Exercise, *, override: bool
) -> None:
    """Map a key to an exercise; two different exercises on one key make it ambiguous (None)."""
    if not key:
        return
    if override or key not in table:
        table[key] = exercise
    else:
        held = table[key]
        if held is not None and held.slug != exercise.slug:
            table[key] = None
