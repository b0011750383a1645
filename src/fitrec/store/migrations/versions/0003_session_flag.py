"""Sessions remember an implausible duration: `sessions.flagged`.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

An imported workout that lasted longer than any real one (a timer left running) is kept,
but flagged until the lifter confirms it or corrects its end time; analytics that use a
session's duration skip flagged sessions. Existing sessions are not flagged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    # Plain ALTER TABLE on both databases: a batch copy of the table on SQLite would drop
    # the history-version triggers of revision 0002.
    op.add_column(
        "sessions",
        sa.Column("flagged", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("sessions", "flagged")
