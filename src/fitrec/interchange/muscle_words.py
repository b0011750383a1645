"""Muscle-group words as the apps write them (English, Italian, German, French, Spanish).

GymBook's muscle columns and JEFIT's body parts name muscles in the app's language; a
custom exercise made for an unknown name takes its muscles from them (still awaiting
review), so it counts in weekly sets and can be checked as a pair's partner.
"""

from __future__ import annotations

import unicodedata

from fitrec.domain.muscles import Muscle

_WORDS: dict[Muscle | tuple[Muscle, ...], tuple[str, ...]] = {
    Muscle.CHEST: (
        "chest", "pecs", "pectorals", "petto", "pettorali", "brust", "brustmuskel",
        "pectoraux", "poitrine", "pecho", "pectorales",
    ),
    Muscle.UPPER_CHEST: ("upper chest", "petto alto", "obere brust", "haut des pectoraux"),
    (Muscle.FRONT_DELTS, Muscle.SIDE_DELTS, Muscle.REAR_DELTS): (
        "shoulders", "delts", "deltoids", "spalle", "deltoidi", "schultern", "schulter",
        "epaules", "deltoides", "hombros", "hombro",
    ),
    Muscle.FRONT_DELTS: ("front delts", "anterior deltoid", "deltoide anteriore"),
    Muscle.SIDE_DELTS: ("side delts", "lateral deltoid", "deltoide laterale"),
    Muscle.REAR_DELTS: ("rear delts", "posterior deltoid", "deltoide posteriore"),
    Muscle.TRICEPS: ("triceps", "tricipiti", "tricipite", "trizeps", "triceps brachial"),
    Muscle.BICEPS: ("biceps", "bicipiti", "bicipite", "bizeps"),
    (Muscle.FOREARM_FLEXORS, Muscle.FOREARM_EXTENSORS): (
        "forearms", "forearm", "avambracci", "avambraccio", "unterarme", "unterarm",
        "avant-bras", "antebrazos", "antebrazo",
    ),
    Muscle.LATS: (
        "lats", "back", "dorsali", "dorso", "schiena", "latissimus", "rucken", "ruecken",
        "dorsaux", "dos", "dorsales", "espalda",
    ),
    (Muscle.RHOMBOIDS, Muscle.MIDDLE_TRAPS): (
        "middle back", "upper back", "romboidi", "rhomboids", "oberer rucken", "haut du dos",
        "espalda media",
    ),
    Muscle.UPPER_TRAPS: ("traps", "trapezi", "trapezio", "trapez", "trapeze", "trapecio"),
    Muscle.ERECTORS: (
        "lower back", "lombari", "zona lombare", "unterer rucken", "lombaires", "bas du dos",
        "lumbares", "zona lumbar",
    ),
    (Muscle.ABS, Muscle.OBLIQUES): (
        "abs", "abdominals", "core", "addominali", "addome", "bauch", "bauchmuskeln",
        "abdominaux", "abdominales", "abdomen",
    ),
    Muscle.OBLIQUES: ("obliques", "obliqui", "schrage bauchmuskeln", "oblicuos"),
    Muscle.GLUTES: ("glutes", "glutei", "gesass", "gesassmuskel", "fessiers", "gluteos"),
    Muscle.ADDUCTORS: ("adductors", "adduttori", "adduktoren", "adducteurs", "aductores"),
    Muscle.GLUTE_MED: ("abductors", "abduttori", "abduktoren", "abducteurs", "abductores"),
    Muscle.QUADS: (
        "quads", "quadriceps", "quadricipiti", "quadricipite", "oberschenkel", "cuadriceps",
    ),
    Muscle.HAMSTRINGS: (
        "hamstrings", "femorali", "bicipiti femorali", "beinbeuger", "ischio-jambiers",
        "ischios", "isquiotibiales", "femorales",
    ),
    Muscle.CALVES: ("calves", "polpacci", "polpaccio", "waden", "wade", "mollets", "gemelos"),
    Muscle.NECK: ("neck", "collo", "nacken", "hals", "cou", "cuello"),
}  # fmt: skip


def _plain(word: str) -> str:
    """Lower case, accents and umlauts dropped: `Rücken` -> `rucken`, `Épaules` -> `epaules`."""
    decomposed = unicodedata.normalize("NFKD", word.strip().lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


_INDEX: dict[str, tuple[Muscle, ...]] = {
    _plain(word): (muscles if isinstance(muscles, tuple) else (muscles,))
    for muscles, words in _WORDS.items()
    for word in words
}


def muscles_of(words: tuple[str, ...]) -> tuple[Muscle, ...]:
    """The fine muscles a list of group words names, in order; unknown words are ignored."""
    found: list[Muscle] = []
    for word in words:
        for muscle in _INDEX.get(_plain(word), ()):
            if muscle not in found:
                found.append(muscle)
    return tuple(found)
