"""A new set is numbered after the highest number of its exercise in the session.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24

Numbering by count gave a set the number of one still there once an earlier set had been
deleted (sets 1, 2, 3; delete 2; the next was 3 again). The next number is now the highest
plus one, which the index on (owner_id, session_id, exercise_slug, set_index) answers from
its last entry. It serves every query the index of revision 0004 did, so it replaces it.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLE = "performed_sets"
OLD = "ix_performed_sets_owner_session_exercise"
NEW = "ix_performed_sets_owner_session_exercise_index"


def upgrade() -> None:
    """Apply this revision."""
    op.create_index(NEW, TABLE, ["owner_id", "session_id", "exercise_slug", "set_index"])
    op.drop_index(OLD, table_name=TABLE)


def downgrade() -> None:
    """Revert this revision."""
    op.create_index(OLD, TABLE, ["owner_id", "session_id", "exercise_slug"])
    op.drop_index(NEW, table_name=TABLE)
