"""A session keeps its targets: `sessions.targets` and `sessions.next_targets`.

Revision ID: 0006
Revises: 0008 (0005 on its branch; re-chained after 0008 when main was merged)
Create Date: 2026-12-04

A session's targets are computed once, when it starts, and stored with it (JSON text), so a
reload or a set logged from another device never moves them and reading the session does
not recompute them from the whole history. Finishing it stores the targets it leaves for
next time. Sessions stored before this revision have neither (NULL: no targets).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    # Plain ALTER TABLE on both databases: a batch copy of the table on SQLite would drop
    # the history-version triggers of revision 0002.
    op.add_column("sessions", sa.Column("targets", sa.Text(), nullable=True))
    op.add_column("sessions", sa.Column("next_targets", sa.Text(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("sessions", "next_targets")
    op.drop_column("sessions", "targets")
