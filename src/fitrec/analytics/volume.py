"""Volume: weekly hard sets and tonnage per muscle, compared with volume landmarks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from fitrec.analytics.history import WORK_TYPES, ExerciseLookup, cached_lookup, session_date
from fitrec.domain.exercises import Exercise
from fitrec.domain.muscles import Muscle, MuscleGroup, group_of
from fitrec.domain.sessions import Session
from fitrec.domain.units import KG_PER_LB, Unit

DIRECT = 1.0
SYNERGIST = 0.5


@dataclass(frozen=True, slots=True)
class Landmarks:
    """Weekly hard-set landmarks of a muscle group: MV, MEV, MAV (a range) and MRV."""

    mv: float
    mev: float
    mav_low: float
    mav_high: float
    mrv: float


# Renaissance Periodization's published per-muscle guidelines (Israetel et al.);
# groups they do not publish take conservative values of the same shape.
DEFAULT_LANDMARKS: dict[MuscleGroup, Landmarks] = {
    MuscleGroup.CHEST: Landmarks(8, 10, 12, 20, 22),
    MuscleGroup.LATS: Landmarks(8, 10, 14, 22, 25),
    MuscleGroup.MIDDLE_BACK: Landmarks(8, 10, 14, 22, 25),
    MuscleGroup.SHOULDERS: Landmarks(6, 8, 16, 22, 26),
    MuscleGroup.BICEPS: Landmarks(5, 8, 14, 20, 26),
    MuscleGroup.TRICEPS: Landmarks(4, 6, 10, 14, 18),
    MuscleGroup.QUADRICEPS: Landmarks(6, 8, 12, 18, 20),
    MuscleGroup.HAMSTRINGS: Landmarks(4, 6, 10, 16, 20),
    MuscleGroup.GLUTES: Landmarks(0, 0, 4, 12, 16),
    MuscleGroup.CALVES: Landmarks(6, 8, 12, 16, 20),
    MuscleGroup.ABDOMINALS: Landmarks(0, 0, 16, 20, 25),
    MuscleGroup.TRAPS: Landmarks(0, 4, 12, 20, 26),
    MuscleGroup.FOREARMS: Landmarks(0, 2, 10, 20, 25),
    MuscleGroup.LOWER_BACK: Landmarks(0, 0, 4, 8, 12),
    MuscleGroup.ABDUCTORS: Landmarks(0, 0, 4, 12, 16),
    MuscleGroup.ADDUCTORS: Landmarks(0, 0, 4, 12, 16),
    MuscleGroup.NECK: Landmarks(0, 0, 4, 10, 14),
}


class VolumeZone(StrEnum):
    """Where a week's sets sit against the landmarks."""

    BELOW_MV = "below_mv"
    MAINTENANCE = "maintenance"  # MV up to MEV
    PRODUCTIVE = "productive"  # MEV up to MAV
    OPTIMAL = "optimal"  # inside MAV
    HIGH = "high"  # above MAV, up to MRV
    ABOVE_MRV = "above_mrv"


def zone(sets: float, marks: Landmarks) -> VolumeZone:
    """The landmark zone of a weekly set count."""
    if sets > marks.mrv:
        return VolumeZone.ABOVE_MRV
    if sets > marks.mav_high:
        return VolumeZone.HIGH
    if sets >= marks.mav_low and sets > 0:
        return VolumeZone.OPTIMAL
    if sets >= marks.mev and sets > 0:
        return VolumeZone.PRODUCTIVE
    if sets >= marks.mv:
        return VolumeZone.MAINTENANCE
    return VolumeZone.BELOW_MV


def week_start(day: date) -> date:
    """The Monday of the ISO week a day falls in."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class Credit:
    """How much one set of an exercise counts for each fine muscle and each group."""

    muscles: tuple[tuple[Muscle, float], ...]
    groups: tuple[tuple[MuscleGroup, float], ...]


def credit_of(exercise: Exercise) -> Credit:
    """Direct (prime mover) sets count 1, synergist sets 0.5; a group takes its best share.

    A group is credited once per set, so an incline press (chest and upper chest) is one
    chest set, not two.
    """
    muscles: dict[Muscle, float] = {}
    for muscle in exercise.synergists:
        muscles[muscle] = SYNERGIST
    for muscle in exercise.prime_movers:
        muscles[muscle] = DIRECT
    groups: dict[MuscleGroup, float] = {}
    for muscle, share in muscles.items():
        group = group_of(muscle)
        groups[group] = max(groups.get(group, 0.0), share)
    return Credit(tuple(muscles.items()), tuple(groups.items()))


@dataclass(slots=True)
class WeekVolume:
    """One week's hard sets and tonnage, per group, per fine muscle and per exercise."""

    week: date  # the Monday
    sets_by_group: dict[MuscleGroup, float] = field(default_factory=dict)
    sets_by_muscle: dict[Muscle, float] = field(default_factory=dict)
    tonnage_by_group: dict[MuscleGroup, float] = field(default_factory=dict)
    tonnage_by_exercise: dict[str, float] = field(default_factory=dict)
    sets_by_exercise: dict[str, int] = field(default_factory=dict)


def weekly_volume(
    sessions: Iterable[Session], lookup: ExerciseLookup, max_rir: float = 3.0
) -> list[WeekVolume]:
    """Hard sets and tonnage (kg x reps of working sets) per week, oldest week first.

    Tonnage counts every working set; set counts only hard ones. Group tonnage is
    credited like sets (synergists half).
    """
    find = cached_lookup(lookup)
    credits: dict[str, Credit | None] = {}
    weeks: dict[date, WeekVolume] = {}
    work = WORK_TYPES
    for session in sessions:
        monday = week_start(session_date(session))
        week = weeks.get(monday)
        if week is None:
            week = weeks[monday] = WeekVolume(monday)
        by_exercise = week.tonnage_by_exercise
        sets_by_exercise = week.sets_by_exercise
        by_group = week.sets_by_group
        by_muscle = week.sets_by_muscle
        tonnage_by_group = week.tonnage_by_group
        for performed in session.sets:
            if performed.set_type not in work or performed.flagged or performed.reps <= 0:
                continue
            slug = performed.exercise_slug
            if slug in credits:
                credit = credits[slug]
            else:
                exercise = find(slug)
                credit = credits[slug] = None if exercise is None else credit_of(exercise)
            if credit is None:
                continue
            weight = performed.weight
            if performed.unit is not Unit.KG:
                weight *= KG_PER_LB
            tonnage = weight * performed.reps
            by_exercise[slug] = by_exercise.get(slug, 0.0) + tonnage
            for group, share in credit.groups:
                tonnage_by_group[group] = tonnage_by_group.get(group, 0.0) + tonnage * share
            rir = performed.rir
            if rir is None and performed.rpe is not None:
                rir = 10.0 - performed.rpe
            if rir is not None and rir > max_rir:
                continue
            sets_by_exercise[slug] = sets_by_exercise.get(slug, 0) + 1
            for muscle, share in credit.muscles:
                by_muscle[muscle] = by_muscle.get(muscle, 0.0) + share
            for group, share in credit.groups:
                by_group[group] = by_group.get(group, 0.0) + share
    return [weeks[k] for k in sorted(weeks)]


@dataclass(frozen=True, slots=True)
class GroupVolume:
    """A group's hard sets in one week beside its landmarks."""

    week: date
    group: MuscleGroup
    sets: float
    zone: VolumeZone
    landmarks: Landmarks


def against_landmarks(
    week: WeekVolume, landmarks: Mapping[MuscleGroup, Landmarks] = DEFAULT_LANDMARKS
) -> list[GroupVolume]:
    """Every group with landmarks, its sets that week and its zone (trained groups first)."""
    rows = [
        GroupVolume(
            week.week,
            group,
            week.sets_by_group.get(group, 0.0),
            zone(week.sets_by_group.get(group, 0.0), marks),
            marks,
        )
        for group, marks in landmarks.items()
    ]
    rows.sort(key=lambda r: (-r.sets, r.group.value))
    return rows
