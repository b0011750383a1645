"""Fuzzy similarity of exercise names (stdlib difflib, word order ignored)."""

from __future__ import annotations

from difflib import SequenceMatcher


def _aligned(query: tuple[str, ...], target: tuple[str, ...]) -> float:
    """Length-weighted mean of each word's best match in the other name, both directions."""

    def one_way(source: tuple[str, ...], other: tuple[str, ...]) -> float:
        total = sum(len(word) for word in source)
        if total == 0 or not other:
            return 0.0
        matched = 0.0
        for word in source:
            best = max(SequenceMatcher(None, word, cand).ratio() for cand in other)
            matched += best * len(word)
        return matched / total

    return min(one_way(query, target), one_way(target, query))


class FuzzyScorer:
    """Scores candidate names against one query; reuse it for many candidates."""

    __slots__ = ("_matcher", "_query", "_query_text")

    def __init__(self, query_words: tuple[str, ...]) -> None:
        self._query = tuple(sorted(set(query_words)))
        self._query_text = " ".join(self._query)
        self._matcher = SequenceMatcher(None, "", self._query_text, autojunk=False)

    def score(self, words: tuple[str, ...], floor: float = 0.0) -> float:
        """Similarity in 0..1 of a candidate's words to the query; 0.0 when below `floor`."""
        if not self._query:
            return 0.0
        target = tuple(sorted(set(words)))
        self._matcher.set_seq1(" ".join(target))
        # quick_ratio ignores order, so it bounds both measures below; skip hopeless ones.
        if self._matcher.real_quick_ratio() < floor or self._matcher.quick_ratio() < floor:
            return 0.0
        return max(self._matcher.ratio(), _aligned(self._query, target))
