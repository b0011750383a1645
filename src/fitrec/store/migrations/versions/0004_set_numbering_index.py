"""Numbering a new set reads the index alone: (owner_id, session_id, exercise_slug).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

A logged set is numbered by counting the session's earlier sets of the same exercise. With
the index on (owner_id, session_id) that count read every set of the session from the
table; with the exercise in the index it reads a few index entries. The new index serves
every query the old one did (same leading columns), so it replaces it.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLE = "performed_sets"
OLD = "ix_performed_sets_owner_session"
NEW = "ix_performed_sets_owner_session_exercise"


def upgrade() -> None:
    """Apply this revision."""
    op.create_index(NEW, TABLE, ["owner_id", "session_id", "exercise_slug"])
    op.drop_index(OLD, table_name=TABLE)


def downgrade() -> None:
    """Revert this revision."""
    op.create_index(OLD, TABLE, ["owner_id", "session_id"])
    op.drop_index(NEW, table_name=TABLE)
