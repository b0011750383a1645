"""Analytics read model: history versions kept by triggers, and cached analytics payloads.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

`history_versions` holds one counter per owner. Triggers on every table the analytics read
(performed_sets, sessions, block_feedback, custom_exercises) bump it on INSERT, UPDATE and
DELETE, so every write path (the live API, the CLI, imports, cascades, raw SQL) invalidates
`analytics_cache` rows computed at an older version without any application code.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Tables whose rows change what the history analytics compute.
WATCHED = ("performed_sets", "sessions", "block_feedback", "custom_exercises")
EVENTS = ("INSERT", "UPDATE", "DELETE")
FUNCTION = "bump_history_version"


def _trigger(table: str, event: str) -> str:
    return f"trg_{table}_{event.lower()}_history_version"


# The EXISTS guard: when a user is deleted its rows cascade away after the user row has
# gone, and a counter row for that owner would then break the foreign key.
SQLITE_BODY = """
CREATE TRIGGER {name} AFTER {event} ON {table}
BEGIN
    INSERT INTO history_versions (owner_id, version)
    SELECT {row}.owner_id, 1 WHERE EXISTS (SELECT 1 FROM users WHERE id = {row}.owner_id)
    ON CONFLICT (owner_id) DO UPDATE SET version = version + 1;
END
"""

# Statement-level with transition tables: a bulk import of thousands of sets bumps each
# owner's counter once per statement instead of once per row. DISTINCT because ON CONFLICT
# may not touch the same row twice in one statement.
POSTGRES_FUNCTION = f"""
CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO history_versions (owner_id, version)
        SELECT DISTINCT changed.owner_id, 1 FROM old_rows AS changed
        WHERE EXISTS (SELECT 1 FROM users WHERE users.id = changed.owner_id)
        ON CONFLICT (owner_id) DO UPDATE SET version = history_versions.version + 1;
    ELSE
        INSERT INTO history_versions (owner_id, version)
        SELECT DISTINCT changed.owner_id, 1 FROM new_rows AS changed
        WHERE EXISTS (SELECT 1 FROM users WHERE users.id = changed.owner_id)
        ON CONFLICT (owner_id) DO UPDATE SET version = history_versions.version + 1;
    END IF;
    RETURN NULL;
END
$$
"""

POSTGRES_TRIGGER = """
CREATE TRIGGER {name} AFTER {event} ON {table}
REFERENCING {transition} TABLE AS {alias}
FOR EACH STATEMENT EXECUTE PROCEDURE {function}()
"""


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "history_versions",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_history_versions_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("owner_id", name=op.f("pk_history_versions")),
    )
    op.create_table(
        "analytics_cache",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_analytics_cache_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("owner_id", "key", name=op.f("pk_analytics_cache")),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in WATCHED:
            for event in EVENTS:
                row = "OLD" if event == "DELETE" else "NEW"
                name = _trigger(table, event)
                op.execute(SQLITE_BODY.format(name=name, event=event, table=table, row=row))
    elif dialect == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        for table in WATCHED:
            for event in EVENTS:
                transition, alias = (
                    ("OLD", "old_rows") if event == "DELETE" else ("NEW", "new_rows")
                )
                op.execute(
                    POSTGRES_TRIGGER.format(
                        name=_trigger(table, event),
                        event=event,
                        table=table,
                        transition=transition,
                        alias=alias,
                        function=FUNCTION,
                    )
                )
    else:
        raise NotImplementedError(f"history version triggers for {dialect!r}")


def downgrade() -> None:
    """Revert this revision."""
    dialect = op.get_bind().dialect.name
    for table in WATCHED:
        for event in EVENTS:
            suffix = f" ON {table}" if dialect == "postgresql" else ""
            op.execute(f"DROP TRIGGER IF EXISTS {_trigger(table, event)}{suffix}")
    if dialect == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    op.drop_table("analytics_cache")
    op.drop_table("history_versions")
