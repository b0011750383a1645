"""Every package that asks whether a compound and an isolation pair gets the same answer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fitrec.analytics.history import Pair, session_pairs
from fitrec.catalog import default_catalog
from fitrec.domain.exercises import Exercise
from fitrec.domain.pairs import compounds_for, is_post_exhaust, isolations_for
from fitrec.domain.programs import Block, Entry, Intent, Prescription, Program, Workout
from fitrec.domain.sessions import PerformedSet, Session
from fitrec.domain.units import Unit
from fitrec.interchange.assemble import assemble
from fitrec.interchange.model import RawSet
from fitrec.interchange.names import NameResolver
from fitrec.planning.pairs import planned_pairs
from fitrec.rules.blocks import resolve_block

CATALOG = default_catalog()
COMPOUNDS = [e for e in CATALOG if e.is_compound]
ISOLATIONS = [e for e in CATALOG if e.is_isolation]
DAY = datetime(2024, 1, 1, 18, tzinfo=UTC)
FINISHED = {i.slug: {c.slug for c in compounds_for(i, CATALOG)} for i in ISOLATIONS}


def _block(compound: Exercise, isolation: Exercise) -> Block:
    return Block(
        "A",
        [
            Entry(compound.name, Prescription(3, 8, 8), compound.slug, rest_after_s=60),
            Entry(isolation.name, Prescription(3, 15, 15), isolation.slug),
        ],
    )


def _rules(compound: Exercise, isolation: Exercise) -> bool:
    block = _block(compound, isolation)
    return resolve_block(Workout("Day"), block, [compound, isolation]).kind is Intent.POST_EXHAUST


def _planning(compound: Exercise, isolation: Exercise) -> bool:
    program = Program("P", [Workout("Day", [_block(compound, isolation)])])
    by_slug = {compound.slug: compound, isolation.slug: isolation}
    found = planned_pairs(program, lambda entry: by_slug.get(entry.exercise_slug or ""))
    return [(p.compound, p.isolation) for p in found] == [(compound, isolation)]


def _analytics(compound: Exercise, isolation: Exercise) -> bool:
    sets = [
        PerformedSet(slug, 50.0, 10, Unit.KG, block_label="A", position=i)
        for i, slug in enumerate((compound.slug, isolation.slug, compound.slug), start=1)
    ]
    pairs = session_pairs(Session(started_at=DAY, sets=sets), CATALOG.get)
    return pairs.get("A") == Pair(compound.slug, isolation.slug)


RESOLVER = NameResolver(CATALOG)


def _interchange(compound: Exercise, isolation: Exercise) -> bool:
    rows = [
        RawSet(n, "s", DAY, name, 50.0, 10, Unit.KG, superset="1")
        for n, name in enumerate((compound.name, isolation.name), start=1)
    ]
    return assemble(rows, "strong", RESOLVER).pairs == 1


@pytest.mark.parametrize("compound", COMPOUNDS, ids=lambda e: e.slug)
def test_every_package_answers_the_same_for_every_pair_of_the_catalogue(
    compound: Exercise,
) -> None:
    finishers = set(isolations_for(compound, CATALOG))
    for isolation in ISOLATIONS:
        expected = is_post_exhaust(compound, isolation)
        answers = {
            "rules": _rules(compound, isolation),
            "interchange": _interchange(compound, isolation),
            "analytics": _analytics(compound, isolation),
            "planning": _planning(compound, isolation),
            "isolations_for": isolation in finishers,
            "compounds_for": compound.slug in FINISHED[isolation.slug],
        }
        assert answers == dict.fromkeys(answers, expected), (compound.slug, isolation.slug)
