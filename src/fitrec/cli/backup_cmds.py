"""`fitrec db backup`, `db restore` and `db verify`: the whole instance in one file."""

from __future__ import annotations

from pathlib import Path

import typer

from fitrec.cli.store_cmds import db_app, safe_url, service_errors


def db_backup(
    file: Path = typer.Argument(..., help="Where to write the backup (replaced atomically)."),
) -> None:
    """Back up the whole database, every user's data, while the server keeps running.

    SQLite: the online backup API, one consistent copy even while another process
    writes. PostgreSQL: `pg_dump --format=custom` (needs pg_dump on the PATH or under
    /usr/lib/postgresql).

    Example: fitrec db backup /var/backups/fitrec-$(date +%F).db
    """
    from fitrec import bootstrap
    from fitrec.config import get_settings

    url = get_settings().database_url
    with service_errors():
        bootstrap.backup_database(file, url)
    typer.echo(f"backed up {safe_url(url)} to {file} ({file.stat().st_size} bytes)")


def db_restore(
    file: Path = typer.Argument(..., help="A file `fitrec db backup` wrote."),
) -> None:
    """Restore a backup into the configured database, which must be empty (no tables).

    A SQLite backup restores into a new SQLite file; a PostgreSQL dump into a new, empty
    PostgreSQL database, in one transaction: it lands whole or not at all.

    Example: FITREC_DATABASE_URL=sqlite:////srv/fitrec/new.db fitrec db restore fitrec.db
    """
    from fitrec import bootstrap
    from fitrec.config import get_settings

    url = get_settings().database_url
    with service_errors():
        bootstrap.restore_database(file, url)
    typer.echo(f"restored {file} into {safe_url(url)}")


def db_verify(
    file: Path = typer.Argument(..., help="A file `fitrec db backup` wrote."),
) -> None:
    """Compare a backup with the live database: rows and a checksum per table.

    Exits 0 when every table matches, 1 when any differs (the live database has changed
    since the backup, or the backup is not of this database).

    Example: fitrec db verify /var/backups/fitrec-2026-12-04.db
    """
    from fitrec import bootstrap
    from fitrec.config import get_settings

    url = get_settings().database_url
    with service_errors():
        comparisons = bootstrap.verify_backup(file, url)
    width = max((len(c.table) for c in comparisons), default=5)
    typer.echo(f"{'table':<{width}}  {'backup':>8}  {'live':>8}  checksum")
    for c in comparisons:
        backup = str(c.backup.rows) if c.backup else "-"
        live = str(c.live.rows) if c.live else "-"
        verdict = "same" if c.matches else "DIFFERS"
        typer.echo(f"{c.table:<{width}}  {backup:>8}  {live:>8}  {verdict}")
    differing = [c.table for c in comparisons if not c.matches]
    rows = sum(c.backup.rows for c in comparisons if c.backup)
    if differing:
        typer.echo(f"{file} differs from {safe_url(url)} in: {', '.join(differing)}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{file} matches {safe_url(url)}: {len(comparisons)} tables, {rows} rows")


def register(app: typer.Typer) -> None:
    """Declare this module's commands on the `db` group."""
    db_app.command("backup")(db_backup)
    db_app.command("restore")(db_restore)
    db_app.command("verify")(db_verify)
