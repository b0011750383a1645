"""The profile remembers how the lifter logs effort (RIR or RPE) and the web colours.

Revision ID: 0012
Revises: 0007
Create Date: 2026-12-04

Existing profiles keep what they had: RIR (the only effort field so far) and colours that
follow the device.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLE = "athlete_profiles"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(
            sa.Column("effort_scale", sa.String(3), nullable=False, server_default="rir")
        )
        batch.add_column(sa.Column("theme", sa.String(5), nullable=False, server_default="auto"))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("theme")
        batch.drop_column("effort_scale")
