"""Word search over exercise names, aliases, muscles and equipment (CLI and program builder)."""

from __future__ import annotations

from dataclasses import dataclass

from fitrec.catalog.normalize import fold, tokens
from fitrec.domain.exercises import Exercise
from fitrec.domain.muscles import group_of

# How much a query word is worth by where it is found; a word found both in the words of the
# exercise and among its muscles scores both, so "chest" ranks chest presses above rows.
_NAME, _ALIAS, _OTHER = 4, 3, 2
_PRIME, _GROUP, _SYNERGIST = 6, 5, 1
_PHRASE = 2


@dataclass(frozen=True, slots=True)
class _Document:
    """The searchable words of one exercise, each with the weight of its field."""

    exercise: Exercise
    words: dict[str, int]
    muscles: dict[str, int]
    folded_name: str


def _document(exercise: Exercise) -> _Document:
    """Collect an exercise's words with the best weight each one is found at."""
    words: dict[str, int] = {}
    muscles: dict[str, int] = {}

    def add(text: str, weight: int, weights: dict[str, int] = words) -> None:
        for word in tokens(text.replace("_", " ")):
            weights[word] = max(weights.get(word, 0), weight)

    add(exercise.name, _NAME)
    for alias in exercise.aliases:
        add(alias, _ALIAS)
    for muscle in exercise.prime_movers:
        add(muscle.value, _PRIME, muscles)
        add(group_of(muscle).value, _GROUP, muscles)
    for muscle in exercise.synergists:
        add(muscle.value, _SYNERGIST, muscles)
    add(exercise.equipment, _OTHER)
    add(exercise.load_kind.value, _OTHER)
    add(exercise.mechanic.value, _OTHER)
    return _Document(exercise, words, muscles, fold(exercise.name))


class SearchIndex:
    """Ranks exercises for a free-text query; every query word must be found (as a prefix)."""

    def __init__(self, exercises: list[Exercise]) -> None:
        self._documents = [_document(e) for e in exercises]

    def search(self, query: str, limit: int = 20) -> list[Exercise]:
        """The best `limit` exercises for a query, best first; all of them (by name) if empty."""
        words = tokens(query.replace("_", " "))
        if not words:
            ordered = sorted(self._documents, key=lambda d: d.exercise.name)
            return [d.exercise for d in ordered[:limit]]
        phrase = fold(query)
        scored: list[tuple[int, str, Exercise]] = []
        for document in self._documents:
            total = 0
            for word in words:
                best = _best(document.words, word) + _best(document.muscles, word)
                if best == 0:
                    break
                total += best
            else:
                if phrase in document.folded_name:
                    total += _PHRASE
                scored.append((total, document.exercise.name, document.exercise))
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [exercise for _, _, exercise in scored[:limit]]


def _best(weights: dict[str, int], prefix: str) -> int:
    """The highest weight of a word starting with `prefix`, 0 when none does."""
    return max((w for token, w in weights.items() if token.startswith(prefix)), default=0)
