"""Rows of sessions, performed sets and block feedback: the tables, columns and conversions.

Shared by the session repository and the bulk history path so both read a set the same way.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.planning.targets import Target, TargetRule
from fitrec.store.tables import BlockFeedbackRow, PerformedSetRow, SessionRow
from fitrec.store.timeutil import from_db, to_db

S = cast(Table, SessionRow.__table__)
P = cast(Table, PerformedSetRow.__table__)
F = cast(Table, BlockFeedbackRow.__table__)

SET_COLUMNS = (
    P.c.client_id,
    P.c.exercise_slug,
    P.c.block_label,
    P.c.position,
    P.c.set_index,
    P.c.set_type,
    P.c.weight,
    P.c.unit,
    P.c.reps,
    P.c.rpe,
    P.c.rir,
    P.c.rest_before_s,
    P.c.note,
    P.c.flagged,
    P.c.performed_at,
)
"""The columns a performed set is read back from."""

_UNITS = {u.value: u for u in Unit}
_SET_TYPES = {t.value: t for t in SetType}


def set_from_row(row: Any, at: int | None = None) -> PerformedSet:
    """A performed set from a row holding `SET_COLUMNS`: by name, or from position `at` on
    (in that order), which is several times faster for a whole history's rows."""
    if at is None:
        values = tuple(getattr(row, column.name) for column in SET_COLUMNS)
    else:
        values = tuple(row[at : at + len(SET_COLUMNS)])
    (
        client_id,
        exercise_slug,
        block_label,
        position,
        set_index,
        set_type,
        weight,
        unit,
        reps,
        rpe,
        rir,
        rest_before_s,
        note,
        flagged,
        performed_at,
    ) = values
    return PerformedSet(
        exercise_slug=exercise_slug,
        weight=weight,
        reps=reps,
        unit=_UNITS[unit],
        set_type=_SET_TYPES[set_type],
        block_label=block_label,
        position=position,
        set_index=set_index,
        rpe=rpe,
        rir=rir,
        rest_before_s=rest_before_s,
        note=note,
        id=client_id,
        performed_at=from_db(performed_at) if performed_at is not None else None,
        flagged=bool(flagged),
    )


def set_values(owner_id: int, session_row: int, performed: PerformedSet) -> dict[str, Any]:
    """The column values of a performed set."""
    return {
        "owner_id": owner_id,
        "session_id": session_row,
        "client_id": performed.id or uuid.uuid4().hex,
        "exercise_slug": performed.exercise_slug,
        "block_label": performed.block_label,
        "position": performed.position,
        "set_index": performed.set_index,
        "set_type": performed.set_type.value,
        "weight": performed.weight,
        "unit": performed.unit.value,
        "weight_kg": performed.weight_kg,
        "reps": performed.reps,
        "rpe": performed.rpe,
        "rir": performed.rir,
        "rest_before_s": performed.rest_before_s,
        "note": performed.note,
        "flagged": performed.flagged,
        "performed_at": to_db(performed.performed_at),
    }


def session_from_row(
    row: Any, note_column: str = "note", flagged_column: str = "flagged"
) -> Session:
    """A session header (no sets) from a row; the column names say where its note and flag are
    when a join with the set columns (which carry their own) labels them apart."""
    started = from_db(row.started_at)
    assert started is not None
    return Session(
        started_at=started,
        workout_name=row.workout_name,
        program_name=row.program_name,
        finished_at=from_db(row.finished_at),
        note=getattr(row, note_column),
        id=row.public_id,
        import_key=row.import_key,
        source=row.source,
        flagged=bool(getattr(row, flagged_column)),
        program_id=getattr(row, "program_public_id", None),
    )


def feedback_of(
    db: Connection, owner_id: int, session_rows: list[int] | None
) -> dict[int, list[Feedback]]:
    """Block feedback by session row id: of the given sessions, or of every one when None."""
    statement = select(F).where(F.c.owner_id == owner_id).order_by(F.c.session_id, F.c.block_label)
    if session_rows is not None:
        statement = statement.where(F.c.session_id.in_(session_rows))
    found: dict[int, list[Feedback]] = {}
    for row in db.execute(statement):
        found.setdefault(row.session_id, []).append(
            Feedback(
                block_label=row.block_label,
                pump=row.pump,
                exhaustion=row.exhaustion,
                note=row.note,
            )
        )
    return found


def targets_text(targets: Sequence[Target]) -> str:
    """Targets as the JSON text `sessions.targets` and `sessions.next_targets` keep."""
    return json.dumps(
        [
            {
                "exercise_slug": t.exercise_slug,
                "exercise_name": t.exercise_name,
                "sets": t.sets,
                "reps": t.reps,
                "reps_min": t.reps_min,
                "reps_max": t.reps_max,
                "load": t.load,
                "unit": t.unit.value,
                "rule": t.rule.value,
                "reason": t.reason,
                "effort": t.effort,
                "label": t.label,
            }
            for t in targets
        ],
        separators=(",", ":"),
        ensure_ascii=False,
    )


def targets_of(text: str | None) -> list[Target]:
    """Targets read back from their stored JSON text (none when never stored)."""
    if not text:
        return []
    return [
        Target(
            exercise_slug=t["exercise_slug"],
            exercise_name=t["exercise_name"],
            sets=t["sets"],
            reps=t["reps"],
            reps_min=t["reps_min"],
            reps_max=t["reps_max"],
            load=t["load"],
            unit=_UNITS[t["unit"]],
            rule=TargetRule(t["rule"]),
            reason=t["reason"],
            effort=t["effort"],
            label=t["label"],
        )
        for t in json.loads(text)
    ]
