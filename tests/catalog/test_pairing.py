"""Pairing: an isolation finishes a compound only if it hits one of its prime movers."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.catalog import default_catalog
from fitrec.catalog.pairing import is_valid_pair, isolations_for, shared_prime_movers
from fitrec.domain.muscles import Muscle, same_target

CATALOG = default_catalog()

# The article's classic combinations, every alternative on each side.
ARTICLE_PAIRS = [
    (("barbell-bench-press", "dips"), ("dumbbell-fly", "cable-fly")),
    (("barbell-row", "pull-up"), ("straight-arm-pulldown", "dumbbell-pullover")),
    (("overhead-press", "arnold-press"), ("lateral-raise", "front-raise")),
    (("barbell-squat", "leg-press"), ("leg-extension",)),
    (("romanian-deadlift", "stiff-leg-deadlift"), ("lying-leg-curl", "seated-leg-curl")),
    (("close-grip-bench-press", "dips"), ("cable-pushdown", "overhead-triceps-extension")),
]
CLASSIC = [
    (c, i)
    for compounds, isolations in ARTICLE_PAIRS
    for c, i in itertools.product(compounds, isolations)
]


@pytest.mark.parametrize(("compound", "isolation"), CLASSIC)
def test_every_classic_pair_of_the_article_is_valid(compound: str, isolation: str) -> None:
    c, i = CATALOG.get(compound), CATALOG.get(isolation)
    assert c.is_compound and i.is_isolation
    assert is_valid_pair(c, i)
    assert shared_prime_movers(c, i)


@pytest.mark.parametrize(
    ("compound", "isolation"),
    [
        ("barbell-bench-press", "cable-pushdown"),
        ("barbell-row", "barbell-curl"),
        ("overhead-press", "rear-delt-fly"),
        ("barbell-squat", "lying-leg-curl"),
        ("lat-pulldown", "hammer-curl"),
        ("overhead-press", "skull-crusher"),
    ],
)
def test_a_synergist_is_not_enough(compound: str, isolation: str) -> None:
    c, i = CATALOG.get(compound), CATALOG.get(isolation)
    assert not is_valid_pair(c, i)
    assert shared_prime_movers(c, i) == ()


def test_the_shared_muscle_is_named() -> None:
    ohp = CATALOG.get("overhead-press")
    assert shared_prime_movers(ohp, CATALOG.get("lateral-raise")) == (Muscle.SIDE_DELTS,)
    incline = CATALOG.get("incline-bench-press")
    assert shared_prime_movers(incline, CATALOG.get("cable-fly")) == (Muscle.CHEST,)
    # Chest heads count as one target, so flat bench -> incline fly still pairs.
    assert is_valid_pair(CATALOG.get("barbell-bench-press"), CATALOG.get("incline-dumbbell-fly"))


def test_isolations_for_a_compound_are_all_valid_isolations() -> None:
    bench = CATALOG.get("barbell-bench-press")
    found = isolations_for(bench, CATALOG)
    slugs = {e.slug for e in found}
    assert {"dumbbell-fly", "cable-fly", "pec-deck"} <= slugs
    assert "cable-pushdown" not in slugs
    assert all(e.is_isolation for e in found)


EXERCISES = list(CATALOG)


@given(st.sampled_from(EXERCISES), st.sampled_from(EXERCISES))
def test_validity_matches_the_shared_prime_movers(a: object, b: object) -> None:
    compound, isolation = CATALOG.get(a.slug), CATALOG.get(b.slug)  # type: ignore[attr-defined]
    shared = shared_prime_movers(compound, isolation)
    assert is_valid_pair(compound, isolation) == bool(shared)
    assert set(shared) <= set(isolation.prime_movers)
    assert all(any(same_target(m, p) for p in compound.prime_movers) for m in shared)
