"""Shared reading of a history: exercise lookup, set kinds, the pairs a session ran."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from fitrec.domain.exercises import Exercise
from fitrec.domain.pairs import logged_pair
from fitrec.domain.sessions import PerformedSet, Session, SetType

ExerciseLookup = Callable[[str], "Exercise | None"]
"""Finds an exercise by slug (None when unknown: such sets are skipped, never guessed)."""

WORK_TYPES = frozenset({SetType.WORKING, SetType.FAILURE, SetType.DROP})


def cached_lookup(lookup: ExerciseLookup) -> ExerciseLookup:
    """The same lookup, memoised: a history names a few dozen exercises 65,000 times."""
    memo: dict[str, Exercise | None] = {}

    def find(slug: str) -> Exercise | None:
        try:
            return memo[slug]
        except KeyError:
            found = memo[slug] = lookup(slug)
            return found

    return find


COMPOUND = 1
ISOLATION = 2


def mechanic_index(lookup: ExerciseLookup) -> Callable[[str], int]:
    """Slug -> COMPOUND, ISOLATION or 0 (unknown), memoised for tight loops."""
    memo: dict[str, int] = {}

    def kind_of(slug: str) -> int:
        kind = memo.get(slug)
        if kind is None:
            exercise = lookup(slug)
            kind = memo[slug] = (
                0 if exercise is None else COMPOUND if exercise.is_compound else ISOLATION
            )
        return kind

    return kind_of


def lookup_from(exercises: Iterable[Exercise]) -> ExerciseLookup:
    """A lookup over a fixed set of exercises (tests, custom catalogues)."""
    by_slug = {e.slug: e for e in exercises}
    return by_slug.get


def session_date(session: Session) -> date:
    """The calendar day a session was performed on."""
    return session.started_at.date()


def counts_as_work(performed: PerformedSet) -> bool:
    """A set that counts for volume and records: not a warm-up, not flagged, reps done."""
    return performed.set_type in WORK_TYPES and not performed.flagged and performed.reps > 0


def is_hard(performed: PerformedSet, max_rir: float = 3.0) -> bool:
    """A hard set: a working set at RIR <= `max_rir`, or with no effort logged."""
    if not counts_as_work(performed):
        return False
    rir = performed.effective_rir
    return rir is None or rir <= max_rir


@dataclass(frozen=True, slots=True)
class Pair:
    """A post-exhaust pair as performed: a compound then an isolation in one block."""

    compound_slug: str
    isolation_slug: str

    @property
    def key(self) -> str:
        """A stable text key such as `barbell-bench-press>cable-fly`."""
        return f"{self.compound_slug}>{self.isolation_slug}"


def session_pairs(session: Session, lookup: ExerciseLookup) -> dict[str, Pair]:
    """The post-exhaust pairs of a session by block label (see `domain.pairs.logged_pair`).

    A block's exercises are taken in the order first done; a compound followed by an
    isolation for another muscle is a superset, not a pair.
    """
    firsts: dict[str, list[str]] = {}
    for performed in session.sets:
        label = performed.block_label
        if label is None:
            continue
        slugs = firsts.setdefault(label, [])
        if performed.exercise_slug not in slugs:
            slugs.append(performed.exercise_slug)
    pairs: dict[str, Pair] = {}
    for label, slugs in firsts.items():
        if len(slugs) < 2:
            continue
        found = logged_pair([lookup(slug) for slug in slugs])
        if found is not None:
            pairs[label] = Pair(slugs[found[0]], slugs[found[1]])
    return pairs


def ordered(sessions: Iterable[Session]) -> list[Session]:
    """Sessions oldest first (histories may arrive newest first)."""
    return sorted(sessions, key=lambda s: s.started_at)
