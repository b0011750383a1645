"""Repositories for users, athlete profiles and custom exercises."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, exists, func, insert, select, update

from fitrec.domain.exercises import Exercise, LoadKind, Mechanic
from fitrec.domain.muscles import Muscle
from fitrec.domain.programs import Level
from fitrec.domain.units import Unit
from fitrec.services.models import AthleteProfile, EffortScale, Theme
from fitrec.store.tables import AthleteProfileRow, CustomExerciseRow, User
from fitrec.store.timeutil import utcnow


class SqlUserRepository:
    """Users in SQL."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def add(self, username: str, *, password_hash: str | None = None) -> int:
        """Create a user and return its id."""
        statement = (
            insert(User)
            .values(
                username=username,
                password_hash=password_hash,
                is_active=True,
                created_at=utcnow(),
            )
            .returning(User.id)
        )
        return int(self._db.execute(statement).scalar_one())

    def id_by_username(self, username: str) -> int | None:
        """The id of the user called `username`, if any."""
        found = self._db.execute(select(User.id).where(User.username == username))
        return found.scalar_one_or_none()

    def exists(self, owner_id: int) -> bool:
        """Whether a user with this id exists."""
        return bool(self._db.execute(select(exists().where(User.id == owner_id))).scalar())


def _plates_to_json(plates: dict[float, int]) -> list[list[float]]:
    return [[float(w), int(n)] for w, n in sorted(plates.items(), reverse=True)]


class SqlProfileRepository:
    """Athlete profiles in SQL."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def get(self, owner_id: int) -> AthleteProfile | None:
        """The stored profile, or None when never saved."""
        row = self._db.execute(
            select(AthleteProfileRow).where(AthleteProfileRow.owner_id == owner_id)
        ).one_or_none()
        if row is None:
            return None
        return AthleteProfile(
            unit=Unit(row.unit),
            level=Level(row.level) if row.level else None,
            training_age_months=row.training_age_months,
            bodyweight=row.bodyweight,
            bar_weight=row.bar_weight,
            plates={float(w): int(n) for w, n in row.plates},
            one_rep_maxes_kg={str(k): float(v) for k, v in row.one_rep_maxes_kg.items()},
            effort_scale=EffortScale(row.effort_scale),
            theme=Theme(row.theme),
        )

    def save(self, owner_id: int, profile: AthleteProfile) -> None:
        """Create or replace the profile."""
        values: dict[str, Any] = {
            "unit": profile.unit.value,
            "level": profile.level.value if profile.level else None,
            "training_age_months": profile.training_age_months,
            "bodyweight": profile.bodyweight,
            "bar_weight": profile.bar_weight,
            "plates": _plates_to_json(profile.plates),
            "one_rep_maxes_kg": dict(sorted(profile.one_rep_maxes_kg.items())),
            "effort_scale": profile.effort_scale.value,
            "theme": profile.theme.value,
            "updated_at": utcnow(),
        }
        done = self._db.execute(
            update(AthleteProfileRow).where(AthleteProfileRow.owner_id == owner_id).values(values)
        )
        if not done.rowcount:
            self._db.execute(insert(AthleteProfileRow).values(owner_id=owner_id, **values))


def exercise_from_row(row: Any) -> Exercise:
    """A custom exercise row as a domain Exercise."""
    return Exercise(
        slug=row.slug,
        name=row.name,
        mechanic=Mechanic(row.mechanic),
        prime_movers=tuple(Muscle(m) for m in row.prime_movers),
        synergists=tuple(Muscle(m) for m in row.synergists),
        equipment=row.equipment,
        load_kind=LoadKind(row.load_kind),
        aliases=tuple(row.aliases),
        legs=row.legs,
    )


class SqlCustomExerciseRepository:
    """Custom exercises in SQL."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def list(self, owner_id: int) -> list[Exercise]:
        """Every custom exercise of the owner, by name."""
        rows = self._db.execute(
            select(CustomExerciseRow)
            .where(CustomExerciseRow.owner_id == owner_id)
            .order_by(func.lower(CustomExerciseRow.name))
        )
        return [exercise_from_row(r) for r in rows]

    def add(self, owner_id: int, exercise: Exercise, *, needs_review: bool = False) -> None:
        """Store a custom exercise (its slug must be new for this owner)."""
        self._db.execute(
            insert(CustomExerciseRow).values(
                owner_id=owner_id,
                slug=exercise.slug,
                name=exercise.name,
                aliases=list(exercise.aliases),
                mechanic=exercise.mechanic.value,
                prime_movers=[m.value for m in exercise.prime_movers],
                synergists=[m.value for m in exercise.synergists],
                equipment=exercise.equipment,
                load_kind=exercise.load_kind.value,
                legs=exercise.legs,
                needs_review=needs_review,
                created_at=utcnow(),
            )
        )

    def get(self, owner_id: int, slug: str) -> Exercise | None:
        """One custom exercise by slug."""
        row = self._db.execute(
            select(CustomExerciseRow).where(
                CustomExerciseRow.owner_id == owner_id, CustomExerciseRow.slug == slug
            )
        ).one_or_none()
        return exercise_from_row(row) if row else None

    def needing_review(self, owner_id: int) -> set[str]:
        """Slugs of the owner's custom exercises still awaiting review (an import made them)."""
        rows = self._db.execute(
            select(CustomExerciseRow.slug).where(
                CustomExerciseRow.owner_id == owner_id, CustomExerciseRow.needs_review.is_(True)
            )
        )
        return {slug for (slug,) in rows}

    def delete(self, owner_id: int, slug: str) -> bool:
        """Remove one; False when it did not exist."""
        done = self._db.execute(
            delete(CustomExerciseRow).where(
                CustomExerciseRow.owner_id == owner_id, CustomExerciseRow.slug == slug
            )
        )
        return bool(done.rowcount)
