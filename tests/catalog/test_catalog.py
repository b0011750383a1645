"""Name lookup: the article's names, other apps' names, plurals, case, typos and unknowns."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fitrec.catalog import Match, MatchKind, default_catalog
from fitrec.domain.exercises import Exercise, LoadKind, Mechanic
from fitrec.domain.muscles import Muscle

CATALOG = default_catalog()

ARTICLE_NAMES = {
    "Bench Press": "barbell-bench-press",
    "Barbell Bench Press": "barbell-bench-press",
    "Dips": "dips",
    "Dumbbell Flies": "dumbbell-fly",
    "Cable Flies": "cable-fly",
    "Chest Flies": "dumbbell-fly",
    "Barbell Rows": "barbell-row",
    "Bent-Over Barbell Rows": "barbell-row",
    "Pull-Ups": "pull-up",
    "Straight-Arm Pulldowns": "straight-arm-pulldown",
    "Pullovers": "dumbbell-pullover",
    "Overhead Press": "overhead-press",
    "Arnold Press": "arnold-press",
    "Lateral Raises": "lateral-raise",
    "Front Raises": "front-raise",
    "Squats": "barbell-squat",
    "Barbell Squats": "barbell-squat",
    "Leg Press": "leg-press",
    "Leg Extensions": "leg-extension",
    "Romanian Deadlifts": "romanian-deadlift",
    "Stiff-Leg Deadlifts": "stiff-leg-deadlift",
    "Lying Leg Curls": "lying-leg-curl",
    "Seated Leg Curls": "seated-leg-curl",
    "Close-Grip Bench Press": "close-grip-bench-press",
    "Cable Pushdowns": "cable-pushdown",
    "Overhead Extensions": "overhead-triceps-extension",
}

FOREIGN_NAMES = {
    "Bench Press (Barbell)": "barbell-bench-press",
    "Chest Fly (Dumbbell)": "dumbbell-fly",
    "Squat (Barbell)": "barbell-squat",
    "Lat Pulldown (Cable)": "lat-pulldown",
    "Triceps Pushdown": "cable-pushdown",
    "Bicep Curl (Dumbbell)": "dumbbell-curl",
    "Overhead Press (Barbell)": "overhead-press",
    "Deadlift (Barbell)": "deadlift",
    "Bent Over Row (Barbell)": "barbell-row",
    "Romanian Deadlift (Barbell)": "romanian-deadlift",
    "Lateral Raise (Dumbbell)": "lateral-raise",
    "Leg Extension (Machine)": "leg-extension",
    "Seated Leg Curl (Machine)": "seated-leg-curl",
    "Flat Barbell Bench Press": "barbell-bench-press",
    "Barbell Squat": "barbell-squat",
    "Dumbbell Lateral Raise": "lateral-raise",
    "DB Bench Press": "dumbbell-bench-press",
    "BB Row": "barbell-row",
    "DB Incline Press": "incline-dumbbell-press",
    "Incline Bench Press (Dumbbell)": "incline-dumbbell-press",
    "Bench Press - Close Grip (Barbell)": "close-grip-bench-press",
    "Seated Cable Row - V Grip (Cable)": "seated-cable-row",
    "Triceps Rope Pushdown": "rope-pushdown",
    "Hammer Curl (Dumbbell)": "hammer-curl",
    "Pull Up": "pull-up",
    "Chin Up": "chin-up",
    "Face Pull (Cable)": "face-pull",
    "Hip Thrust (Barbell)": "hip-thrust",
    "Calf Press on Leg Press": "leg-press-calf-raise",
    "Leg Press (Machine)": "leg-press",
    "Hack Squat (Machine)": "hack-squat",
    "Skull Crusher (Barbell)": "skull-crusher",
    "Shoulder Press (Dumbbell)": "dumbbell-shoulder-press",
    "Front Squat (Barbell)": "front-squat",
    "Lying Leg Curl (Machine)": "lying-leg-curl",
    "Pec Deck (Machine)": "pec-deck",
    "Cable Crossover": "cable-fly",
    "RDL": "romanian-deadlift",
    "OHP": "overhead-press",
}


def resolved(name: str) -> str | None:
    match = CATALOG.lookup(name)
    return match.exercise.slug if match else None


@pytest.mark.parametrize(("name", "slug"), ARTICLE_NAMES.items())
def test_every_article_exercise_resolves(name: str, slug: str) -> None:
    match = CATALOG.lookup(name)
    assert match is not None and match.exercise.slug == slug
    assert match.kind is not MatchKind.FUZZY


@pytest.mark.parametrize(("name", "slug"), FOREIGN_NAMES.items())
def test_other_apps_names_resolve(name: str, slug: str) -> None:
    assert resolved(name) == slug


def test_exact_alias_and_normalised_kinds_and_confidence() -> None:
    assert CATALOG.lookup("Barbell Bench Press") == Match(
        CATALOG.get("barbell-bench-press"), MatchKind.EXACT, 1.0
    )
    assert CATALOG.lookup("barbell-bench-press").kind is MatchKind.EXACT  # type: ignore[union-attr]
    alias = CATALOG.lookup("Bench Press (Barbell)")
    assert alias is not None and (alias.kind, alias.confidence) == (MatchKind.ALIAS, 1.0)
    normalised = CATALOG.lookup("press, bench (BB)")
    assert normalised is not None
    assert normalised.exercise.slug == "barbell-bench-press"
    assert (normalised.kind, normalised.confidence) == (MatchKind.NORMALIZED, 0.95)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("BARBELL BENCH PRESS", "barbell-bench-press"),
        ("barbell   bench press", "barbell-bench-press"),
        ("Cable Fly", "cable-fly"),
        ("cable flyes", "cable-fly"),
        ("Barbell Row", "barbell-row"),
        ("barbell rows", "barbell-row"),
        ("Lateral Raise", "lateral-raise"),
        ("dumbbell curls", "dumbbell-curl"),
        ("Pull-Up", "pull-up"),
        ("pullups", "pull-up"),
        ("Tricep Pushdown (Cable)", "cable-pushdown"),
        ("Farmers Walks", "farmers-walk"),
        ("Low to High Cable Fly", "low-to-high-cable-fly"),
        ("High-to-Low Cable Flies", "high-to-low-cable-fly"),
    ],
)
def test_letter_case_plurals_and_punctuation(name: str, slug: str) -> None:
    assert resolved(name) == slug


def test_a_typo_matches_fuzzily_with_less_than_full_confidence() -> None:
    match = CATALOG.lookup("Barbel Bench Pres")
    assert match is not None
    assert match.exercise.slug == "barbell-bench-press"
    assert match.kind is MatchKind.FUZZY
    assert 0.75 <= match.confidence < 1.0
    dumbbell = CATALOG.lookup("Dumbell Row")
    assert dumbbell is not None and dumbbell.exercise.slug == "dumbbell-row"


@pytest.mark.parametrize(
    "name",
    [
        "Zumba",
        "Underwater Basket Weaving",
        "",
        "   ",
        "xyz",
        # One different word is another exercise, not a typo: these must not guess.
        "Bench Press (Cable)",
        "Rowing (Machine)",
        "Reverse Lunge (Barbell)",
    ],
)
def test_an_unknown_name_returns_none(name: str) -> None:
    assert CATALOG.lookup(name) is None


def test_an_unknown_name_has_suggestions() -> None:
    assert CATALOG.lookup("Zercher Good Morning") is None
    suggestions = CATALOG.suggest("Zercher Good Morning")
    assert suggestions and suggestions[0].exercise.slug == "good-morning"
    assert all(s.kind is MatchKind.FUZZY and s.confidence < 0.9 for s in suggestions)
    assert len(CATALOG.suggest("Bench Pres", limit=2)) == 2
    assert CATALOG.suggest("Lateral Raises")[0].exercise.slug == "lateral-raise"


def test_get_iter_len_contains() -> None:
    assert CATALOG.get("dips").name == "Dips"
    with pytest.raises(KeyError, match="no-such"):
        CATALOG.get("no-such")
    assert "dips" in CATALOG and "no-such" not in CATALOG and 3 not in CATALOG
    assert len(list(CATALOG)) == len(CATALOG)


def test_the_default_catalogue_is_shared() -> None:
    assert default_catalog() is default_catalog()


CUSTOM = Exercise(
    slug="custom-landmine-meadows-press",
    name="Barbel Bench Pres",
    mechanic=Mechanic.COMPOUND,
    prime_movers=(Muscle.CHEST,),
    load_kind=LoadKind.BARBELL,
    aliases=("Garage Press",),
)


def test_custom_exercises_win_over_fuzzy_matches() -> None:
    custom = CATALOG.with_custom([CUSTOM])
    assert custom is not CATALOG and len(custom) == len(CATALOG) + 1
    match = custom.lookup("Barbel Bench Pres")
    assert match is not None and match.exercise == CUSTOM and match.kind is MatchKind.EXACT
    assert custom.lookup("garage press").exercise == CUSTOM  # type: ignore[union-attr]
    assert custom.lookup("Bench Press").exercise.slug == "barbell-bench-press"  # type: ignore[union-attr]
    assert CATALOG.lookup("Garage Press") is None
    assert custom.custom == (CUSTOM,)
    assert custom.get(CUSTOM.slug) == CUSTOM


def test_search_finds_by_name_alias_and_muscle() -> None:
    by_name = [e.slug for e in CATALOG.search("bench press")]
    assert "barbell-bench-press" in by_name[:5]
    by_muscle = [e.slug for e in CATALOG.search("side delts")]
    assert by_muscle[0] == "lateral-raise"
    assert all(
        any(m.value in ("side_delts",) for m in (*e.prime_movers, *e.synergists))
        for e in CATALOG.search("side delt", limit=50)
    )
    assert CATALOG.search("hamstring", limit=3)
    assert CATALOG.search("nothing like this") == []
    assert len(CATALOG.search("", limit=5)) == 5


SPELLINGS = [(e.slug, s) for e in CATALOG for s in (e.name, e.slug, *e.aliases)]


@settings(max_examples=300, deadline=None)
@given(pick=st.sampled_from(SPELLINGS), data=st.data())
def test_every_name_and_alias_resolves_in_any_letter_case(
    pick: tuple[str, str], data: st.DataObject
) -> None:
    slug, spelling = pick
    flips = data.draw(st.lists(st.booleans(), min_size=len(spelling), max_size=len(spelling)))
    cased = "".join(c.upper() if up else c.lower() for c, up in zip(spelling, flips, strict=True))
    match = CATALOG.lookup(cased)
    assert match is not None and match.exercise.slug == slug
    assert match.kind in (MatchKind.EXACT, MatchKind.ALIAS)
    assert match.confidence == 1.0


def test_every_spelling_of_the_catalogue_resolves_to_its_exercise() -> None:
    wrong = [(slug, s) for slug, s in SPELLINGS if resolved(s) != slug]
    assert not wrong
