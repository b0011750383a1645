"""Training cycles (a program run week by week, with where it stands) and muscle ratings.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

One row per cycle: its program, the accumulation weeks, the workouts a week, the week
of its deload (brought forward by an accepted adjustment) and how many days are done.
Every row has its owner; the index serves "the owner's current cycle". A muscle rating
is the lifter's soreness (recovery) and joint discomfort, 1-5, asked before a session;
the weekly review reads the latest per muscle.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "cycles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("deload_week", sa.Integer(), nullable=False),
        sa.Column("days_done", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_cycles_owner_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_cycles_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycles")),
        sa.UniqueConstraint("public_id", name=op.f("uq_cycles_public_id")),
    )
    op.create_index("ix_cycles_owner_started", "cycles", ["owner_id", "started_at"])
    op.create_table(
        "muscle_ratings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("muscle", sa.String(length=40), nullable=False),
        sa.Column("soreness", sa.Integer(), nullable=True),
        sa.Column("joint", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_muscle_ratings_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_muscle_ratings")),
    )
    op.create_index(
        "ix_muscle_ratings_owner_muscle_recorded",
        "muscle_ratings",
        ["owner_id", "muscle", "recorded_at"],
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_muscle_ratings_owner_muscle_recorded", table_name="muscle_ratings")
    op.drop_table("muscle_ratings")
    op.drop_index("ix_cycles_owner_started", table_name="cycles")
    op.drop_table("cycles")
