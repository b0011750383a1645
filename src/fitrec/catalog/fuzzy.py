"""Fuzzy similarity of exercise names: word-by-word difflib scores, word order ignored."""

from __future__ import annotations

from difflib import SequenceMatcher

# Two words this similar are one word misspelt ("barbel"/"barbell" 0.92, "pres"/"press" 0.89);
# below it they are different words ("cable"/"decline"), which must not count as half a match.
WORD_THRESHOLD = 0.75


class FuzzyScorer:
    """Scores candidate names against one query; reuse it for every candidate of a lookup."""

    __slots__ = ("_lengths", "_query", "_similar")

    def __init__(self, query_words: tuple[str, ...]) -> None:
        self._query = tuple(dict.fromkeys(query_words))
        self._lengths = sum(len(word) for word in self._query)
        # A catalogue reuses few words, so each candidate word is compared with the query once.
        self._similar: dict[str, tuple[float, ...]] = {}

    def _similarities(self, word: str) -> tuple[float, ...]:
        """How similar a candidate word is to each query word (0 below the threshold)."""
        found = self._similar.get(word)
        if found is None:
            matcher = SequenceMatcher(None, word, "", autojunk=False)
            scores: list[float] = []
            for query_word in self._query:
                matcher.set_seq2(query_word)
                if word == query_word:
                    scores.append(1.0)
                elif min(matcher.real_quick_ratio(), matcher.quick_ratio()) < WORD_THRESHOLD:
                    scores.append(0.0)  # the cheap upper bounds already rule the pair out
                else:
                    ratio = matcher.ratio()
                    scores.append(ratio if ratio >= WORD_THRESHOLD else 0.0)
            found = self._similar[word] = tuple(scores)
        return found

    def score(self, words: tuple[str, ...], *, strict: bool = True) -> float:
        """Similarity in 0..1 of a candidate's words to the query.

        Each word is credited with its best partner on the other side, weighted by its
        length; `strict` takes the worse of the two directions (every word on both sides
        must be accounted for), otherwise their mean (for ranking suggestions).
        """
        target = tuple(dict.fromkeys(words))
        target_length = sum(len(word) for word in target)
        if not self._query or not target_length:
            return 0.0
        best_for_query = [0.0] * len(self._query)
        covered = 0.0
        for word in target:
            similarities = self._similarities(word)
            covered += max(similarities) * len(word)
            for index, similarity in enumerate(similarities):
                if similarity > best_for_query[index]:
                    best_for_query[index] = similarity
        forward = sum(s * len(w) for s, w in zip(best_for_query, self._query, strict=True))
        forward /= self._lengths
        backward = covered / target_length
        return min(forward, backward) if strict else (forward + backward) / 2
