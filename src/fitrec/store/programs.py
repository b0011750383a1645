"""The program repository: Program -> workouts -> blocks -> entries, owner-scoped."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    Level,
    Load,
    LoadType,
    Phase,
    Placement,
    Prescription,
    Program,
    Workout,
)
from fitrec.domain.units import Unit
from fitrec.services.errors import NotFound
from fitrec.services.models import ProgramRecord, ProgramSummary
from fitrec.store.tables import BlockRow, EntryRow, ProgramRow, WorkoutRow
from fitrec.store.timeutil import from_db, utcnow


def _entry_values(entry: Entry) -> dict[str, Any]:
    p = entry.prescription
    return {
        "name": entry.name,
        "exercise_slug": entry.exercise_slug,
        "sets": p.sets,
        "reps_min": p.reps_min,
        "reps_max": p.reps_max,
        "load_type": p.load.type.value if p.load else None,
        "load_value": p.load.value if p.load else None,
        "load_value_max": p.load.value_max if p.load else None,
        "load_unit": p.load.unit.value if p.load and p.load.unit else None,
        "effort_type": p.effort.type.value if p.effort else None,
        "effort_value": p.effort.value if p.effort else None,
        "effort_value_max": p.effort.value_max if p.effort else None,
        "rest_after_s": entry.rest_after_s,
        "placement": entry.placement.value,
        "note": entry.note,
    }


def _entry_from_row(row: Any) -> Entry:
    load = None
    if row.load_type is not None:
        load = Load(
            type=LoadType(row.load_type),
            value=row.load_value,
            value_max=row.load_value_max,
            unit=Unit(row.load_unit) if row.load_unit else None,
        )
    effort = None
    if row.effort_type is not None:
        effort = Effort(
            type=EffortType(row.effort_type),
            value=row.effort_value,
            value_max=row.effort_value_max,
        )
    return Entry(
        name=row.name,
        prescription=Prescription(
            sets=row.sets,
            reps_min=row.reps_min,
            reps_max=row.reps_max,
            load=load,
            effort=effort,
        ),
        exercise_slug=row.exercise_slug,
        rest_after_s=row.rest_after_s,
        placement=Placement(row.placement),
        note=row.note,
    )


# A session's plan: one workout's entries with their blocks, in order (the live page's read).
_WORKOUT_ENTRIES = (
    select(
        *EntryRow.__table__.columns,
        BlockRow.id.label("block_row"),
        BlockRow.label.label("block_label"),
        BlockRow.title.label("block_title"),
        WorkoutRow.name.label("workout_name"),
    )
    .select_from(EntryRow)
    .join(BlockRow, BlockRow.id == EntryRow.block_id)
    .join(WorkoutRow, WorkoutRow.id == BlockRow.workout_id)
    .join(ProgramRow, ProgramRow.id == WorkoutRow.program_id)
    .where(
        ProgramRow.owner_id == bindparam("owner_id"),
        ProgramRow.public_id == bindparam("public_id"),
        WorkoutRow.owner_id == bindparam("owner_id"),
        WorkoutRow.name == bindparam("workout_name"),
        BlockRow.owner_id == bindparam("owner_id"),
        EntryRow.owner_id == bindparam("owner_id"),
    )
    .order_by(BlockRow.position, EntryRow.position)
)


class SqlProgramRepository:
    """Programs in SQL."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def _row_id(self, owner_id: int, program_id: str) -> int | None:
        return self._db.execute(
            select(ProgramRow.id).where(
                ProgramRow.owner_id == owner_id, ProgramRow.public_id == program_id
            )
        ).scalar_one_or_none()

    def _write_children(self, owner_id: int, row_id: int, program: Program) -> None:
        entries: list[dict[str, Any]] = []
        for w_pos, workout in enumerate(program.workouts, start=1):
            workout_id = self._db.execute(
                insert(WorkoutRow)
                .values(owner_id=owner_id, program_id=row_id, position=w_pos, name=workout.name)
                .returning(WorkoutRow.id)
            ).scalar_one()
            for b_pos, block in enumerate(workout.blocks, start=1):
                block_id = self._db.execute(
                    insert(BlockRow)
                    .values(
                        owner_id=owner_id,
                        workout_id=workout_id,
                        position=b_pos,
                        label=block.label,
                        title=block.title,
                        transition_rest_s=block.transition_rest_s,
                        rest_after_round_s=block.rest_after_round_s,
                    )
                    .returning(BlockRow.id)
                ).scalar_one()
                for e_pos, entry in enumerate(block.entries, start=1):
                    entries.append(
                        {
                            "owner_id": owner_id,
                            "block_id": block_id,
                            "position": e_pos,
                            **_entry_values(entry),
                        }
                    )
        if entries:
            self._db.execute(insert(EntryRow), entries)

    @staticmethod
    def _header(program: Program) -> dict[str, Any]:
        return {
            "name": program.name,
            "phase": program.phase.value if program.phase else None,
            "level": program.level.value if program.level else None,
            "training_age_months": program.training_age_months,
        }

    def add(
        self, owner_id: int, program: Program, *, template: str | None = None, draft: bool = False
    ) -> str:
        """Store a program; returns its public id."""
        public_id = uuid.uuid4().hex
        now = utcnow()
        row_id = self._db.execute(
            insert(ProgramRow)
            .values(
                public_id=public_id,
                owner_id=owner_id,
                template=template,
                draft=draft,
                created_at=now,
                updated_at=now,
                **self._header(program),
            )
            .returning(ProgramRow.id)
        ).scalar_one()
        self._write_children(owner_id, row_id, program)
        return public_id

    def replace(
        self, owner_id: int, program_id: str, program: Program, *, draft: bool = False
    ) -> None:
        """Replace a program's content, keeping its id (NotFound if absent)."""
        row_id = self._row_id(owner_id, program_id)
        if row_id is None:
            raise NotFound("program", program_id)
        self._db.execute(
            update(ProgramRow)
            .where(ProgramRow.id == row_id)
            .values(updated_at=utcnow(), draft=draft, **self._header(program))
        )
        # Children cascade from their workout rows.
        self._db.execute(
            delete(WorkoutRow).where(
                WorkoutRow.owner_id == owner_id, WorkoutRow.program_id == row_id
            )
        )
        self._write_children(owner_id, row_id, program)

    def get(self, owner_id: int, program_id: str) -> ProgramRecord | None:
        """One program by public id."""
        row = self._db.execute(
            select(ProgramRow).where(
                ProgramRow.owner_id == owner_id, ProgramRow.public_id == program_id
            )
        ).one_or_none()
        if row is None:
            return None
        workouts = self._db.execute(
            select(WorkoutRow.id, WorkoutRow.name)
            .where(WorkoutRow.owner_id == owner_id, WorkoutRow.program_id == row.id)
            .order_by(WorkoutRow.position)
        ).all()
        workout_ids = [w.id for w in workouts]
        blocks = self._db.execute(
            select(BlockRow.id, BlockRow.workout_id, BlockRow.label, BlockRow.title)
            .where(BlockRow.owner_id == owner_id, BlockRow.workout_id.in_(workout_ids))
            .order_by(BlockRow.workout_id, BlockRow.position)
        ).all()
        entries_of: dict[int, list[Entry]] = defaultdict(list)
        if blocks:
            entry_rows = self._db.execute(
                select(EntryRow)
                .where(
                    EntryRow.owner_id == owner_id,
                    EntryRow.block_id.in_([b.id for b in blocks]),
                )
                .order_by(EntryRow.block_id, EntryRow.position)
            )
            for e in entry_rows:
                entries_of[e.block_id].append(_entry_from_row(e))
        blocks_of: dict[int, list[Block]] = defaultdict(list)
        for b in blocks:
            blocks_of[b.workout_id].append(
                Block(label=b.label, entries=entries_of[b.id], title=b.title)
            )
        program = Program(
            name=row.name,
            workouts=[Workout(name=w.name, blocks=blocks_of[w.id]) for w in workouts],
            phase=Phase(row.phase) if row.phase else None,
            level=Level(row.level) if row.level else None,
            training_age_months=row.training_age_months,
        )
        created = from_db(row.created_at)
        updated = from_db(row.updated_at)
        assert created is not None and updated is not None
        return ProgramRecord(
            id=row.public_id,
            program=program,
            created_at=created,
            updated_at=updated,
            template=row.template,
            draft=bool(row.draft),
        )

    def workout(self, owner_id: int, program_id: str, workout_name: str) -> Workout | None:
        """One workout of a program by public id, its blocks and entries in one statement."""
        rows = self._db.execute(
            _WORKOUT_ENTRIES,
            {"owner_id": owner_id, "public_id": program_id, "workout_name": workout_name},
        ).all()
        if not rows:
            return None
        blocks: dict[int, Block] = {}
        for row in rows:
            block = blocks.get(row.block_row)
            if block is None:
                block = blocks[row.block_row] = Block(
                    label=row.block_label, entries=[], title=row.block_title
                )
            block.entries.append(_entry_from_row(row))
        return Workout(name=rows[0].workout_name, blocks=list(blocks.values()))

    def id_by_name(self, owner_id: int, name: str) -> str | None:
        """The id of the owner's program called `name` (case-insensitive)."""
        return self._db.execute(
            select(ProgramRow.public_id)
            .where(
                ProgramRow.owner_id == owner_id,
                func.lower(ProgramRow.name) == name.strip().lower(),
            )
            .order_by(ProgramRow.id)
            .limit(1)
        ).scalar_one_or_none()

    def slot_of(
        self, owner_id: int, program_id: str, workout_name: str, exercise_slug: str
    ) -> tuple[str, int] | None:
        """Block label and position of an exercise in a program's workout (first one)."""
        row = self._db.execute(
            select(BlockRow.label, EntryRow.position)
            .select_from(ProgramRow)
            .join(WorkoutRow, WorkoutRow.program_id == ProgramRow.id)
            .join(BlockRow, BlockRow.workout_id == WorkoutRow.id)
            .join(EntryRow, EntryRow.block_id == BlockRow.id)
            .where(
                ProgramRow.owner_id == owner_id,
                ProgramRow.public_id == program_id,
                WorkoutRow.name == workout_name,
                EntryRow.exercise_slug == exercise_slug,
            )
            .order_by(BlockRow.position, EntryRow.position)
            .limit(1)
        ).first()
        return (row.label, row.position) if row else None

    def list(self, owner_id: int) -> list[ProgramSummary]:
        """The owner's programs, by name."""
        rows = self._db.execute(
            select(
                ProgramRow.id,
                ProgramRow.public_id,
                ProgramRow.name,
                ProgramRow.updated_at,
                ProgramRow.template,
                ProgramRow.draft,
            )
            .where(ProgramRow.owner_id == owner_id)
            .order_by(func.lower(ProgramRow.name))
        ).all()
        names: dict[int, list[str]] = defaultdict(list)
        if rows:
            for w in self._db.execute(
                select(WorkoutRow.program_id, WorkoutRow.name)
                .where(WorkoutRow.owner_id == owner_id)
                .order_by(WorkoutRow.program_id, WorkoutRow.position)
            ):
                names[w.program_id].append(w.name)
        result = []
        for r in rows:
            updated = from_db(r.updated_at)
            assert updated is not None
            result.append(
                ProgramSummary(
                    id=r.public_id,
                    name=r.name,
                    workouts=tuple(names[r.id]),
                    updated_at=updated,
                    template=r.template,
                    draft=bool(r.draft),
                )
            )
        return result

    def delete(self, owner_id: int, program_id: str) -> bool:
        """Delete a program (sessions keep their denormalised names); False if absent."""
        done = self._db.execute(
            delete(ProgramRow).where(
                ProgramRow.owner_id == owner_id, ProgramRow.public_id == program_id
            )
        )
        return bool(done.rowcount)
