"""Per-session analytics summaries, dropped by triggers when their session changes.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

`session_summaries` holds one row per session: what that session adds to the progress
overview's series. Triggers delete a session's row on any change to its sets, its block
feedback or its header, and every row of an owner on a change to their custom exercises
(the lookup the summaries were computed with), so a summary present is never stale,
whatever wrote the change. Deleting a session cascades to its row.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

EVENTS = ("INSERT", "UPDATE", "DELETE")
# (table, the column naming the session, or None for "every session of the owner")
WATCHED = (
    ("performed_sets", "session_id"),
    ("block_feedback", "session_id"),
    ("sessions", "id"),
    ("custom_exercises", None),
)
FUNCTION = "drop_session_summaries_{table}"


def _trigger(table: str, event: str) -> str:
    return f"trg_{table}_{event.lower()}_session_summaries"


def _sqlite_where(column: str | None, row: str) -> str:
    if column is None:
        return f"owner_id = {row}.owner_id"
    return f"session_id = {row}.{column}"


def _sqlite_trigger(table: str, column: str | None, event: str) -> str:
    # An update may move a set to another session: both lose their summary.
    rows = ("OLD", "NEW") if event == "UPDATE" else ("OLD",) if event == "DELETE" else ("NEW",)
    deletes = "".join(
        f"    DELETE FROM session_summaries WHERE {_sqlite_where(column, row)};\n" for row in rows
    )
    return f"CREATE TRIGGER {_trigger(table, event)} AFTER {event} ON {table}\nBEGIN\n{deletes}END"


def _postgres_where(column: str | None, alias: str) -> str:
    if column is None:
        return f"owner_id IN (SELECT owner_id FROM {alias})"
    return f"session_id IN (SELECT {column} FROM {alias})"


def _postgres_function(table: str, column: str | None) -> str:
    # Statement-level with transition tables, as the history-version triggers: an import
    # of thousands of sets runs one DELETE per statement, not one per row.
    return f"""
CREATE FUNCTION {FUNCTION.format(table=table)}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        DELETE FROM session_summaries WHERE {_postgres_where(column, "new_rows")};
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM session_summaries WHERE {_postgres_where(column, "old_rows")};
    ELSE
        DELETE FROM session_summaries
        WHERE {_postgres_where(column, "old_rows")} OR {_postgres_where(column, "new_rows")};
    END IF;
    RETURN NULL;
END
$$
"""


def _postgres_trigger(table: str, event: str) -> str:
    referencing = {
        "INSERT": "NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[event]
    return (
        f"CREATE TRIGGER {_trigger(table, event)} AFTER {event} ON {table} "
        f"REFERENCING {referencing} FOR EACH STATEMENT "
        f"EXECUTE PROCEDURE {FUNCTION.format(table=table)}()"
    )


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "session_summaries",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_session_summaries_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_summaries_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_session_summaries")),
    )
    dialect = op.get_bind().dialect.name
    for table, column in WATCHED:
        if dialect == "postgresql":
            op.execute(_postgres_function(table, column))
        elif dialect != "sqlite":
            raise NotImplementedError(f"session summary triggers for {dialect!r}")
        for event in EVENTS:
            if dialect == "sqlite":
                op.execute(_sqlite_trigger(table, column, event))
            else:
                op.execute(_postgres_trigger(table, event))


def downgrade() -> None:
    """Revert this revision."""
    dialect = op.get_bind().dialect.name
    for table, _ in WATCHED:
        for event in EVENTS:
            suffix = f" ON {table}" if dialect == "postgresql" else ""
            op.execute(f"DROP TRIGGER IF EXISTS {_trigger(table, event)}{suffix}")
        if dialect == "postgresql":
            op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION.format(table=table)}()")
    op.drop_table("session_summaries")
