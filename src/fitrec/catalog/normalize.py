"""Exercise-name normalisation: the key two spellings of one exercise share."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Abbreviations lifters and apps write for equipment and lifts.
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "db": ("dumbbell",),
    "dbs": ("dumbbell",),
    "bb": ("barbell",),
    "kb": ("kettlebell",),
    "ohp": ("overhead", "press"),
    "rdl": ("romanian", "deadlift"),
    "sldl": ("stiff", "leg", "deadlift"),
    "ezbar": ("ez", "bar"),
    "pullup": ("pull", "up"),
    "chinup": ("chin", "up"),
    "pushup": ("push", "up"),
    "situp": ("sit", "up"),
    "pressup": ("press", "up"),
    "tricep": ("triceps",),
    "bicep": ("biceps",),
    "flye": ("fly",),
    "legged": ("leg",),
    "bw": ("bodyweight",),
}

# Plural forms whose singular is not the word minus a trailing "s".
_IRREGULAR_PLURALS: dict[str, str] = {
    "flies": "fly",
    "flyes": "fly",
    "calves": "calf",
    "presses": "press",
    "crunches": "crunch",
    "benches": "bench",
    "pushes": "push",
    "woodchoppers": "woodchop",
    "lunges": "lunge",
}

# Words that end in "s" but are not plurals.
_KEEP_S = frozenset({"triceps", "biceps", "press", "abs", "across", "cross", "plus"})

_STOP_WORDS = frozenset({"the", "a", "an", "with", "of", "on", "and", "degree"})

EQUIPMENT_WORDS = frozenset(
    {
        "barbell",
        "dumbbell",
        "cable",
        "machine",
        "bodyweight",
        "smith",
        "kettlebell",
        "band",
        "ez",
        "bar",
        "plate",
        "trap",
        "landmine",
        "weighted",
    }
)

_PARENTHESISED = re.compile(r"\(([^)]*)\)")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(name: str) -> str:
    """Case-fold a name and collapse its whitespace (the 'exact' comparison)."""
    return " ".join(name.casefold().split())


def _singular(word: str) -> str:
    """The singular of one lower-case word, for the plurals exercise names use."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word in _KEEP_S or len(word) <= 2 or not word.endswith("s"):
        return word
    if word.endswith("ss") or word.endswith("us"):
        return word
    return word[:-1]


@lru_cache(maxsize=16384)
def tokens(name: str) -> tuple[str, ...]:
    """The normalised words of a name, equipment in parentheses moved to the front."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("'", "").replace("’", "").replace("&", " and ")
    inside = " ".join(_PARENTHESISED.findall(text))
    outside = _PARENTHESISED.sub(" ", text)
    words: list[str] = []
    for raw in _NON_WORD.split(f"{inside} {outside}"):
        if not raw or raw in _STOP_WORDS:
            continue
        word = _singular(raw)
        words.extend(_ABBREVIATIONS.get(word, (word,)))
    return _join_directions(words)


def _join_directions(words: list[str]) -> tuple[str, ...]:
    """Glue "low to high" into one word, so that word order cannot swap the direction."""
    joined: list[str] = []
    index = 0
    while index < len(words):
        if 0 < index < len(words) - 1 and words[index] == "to" and joined:
            joined[-1] = f"{joined[-1]}-to-{words[index + 1]}"
            index += 2
            continue
        joined.append(words[index])
        index += 1
    return tuple(joined)


def key_of(words: tuple[str, ...] | frozenset[str]) -> str:
    """An order-free key for a set of words.

    A lone "to" goes first: in the middle of a key it would be glued to its neighbours as a
    direction ("0 to u" -> "0-to-u") when the key is read again, so keys were not stable.
    """
    return " ".join(sorted(set(words), key=lambda word: (word != "to", word)))


def name_key(name: str) -> str:
    """The normalised key of a name: case, punctuation, plurals and word order removed."""
    return key_of(tokens(name))
