"""`fitrec serve`: the web app and the REST API under uvicorn."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    workers: int = typer.Option(
        1, "--workers", min=1, max=64, help="Worker processes (they share only the database)."
    ),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn's log level."),
) -> None:
    """Start the web app and the REST API (/api/v1) on the configured database.

    Migrations are applied first. The database is FITREC_DATABASE_URL (SQLite in the data
    directory by default).

    Example: fitrec serve --host 127.0.0.1 --port 8000
    """
    import uvicorn

    from fitrec import bootstrap
    from fitrec.config import get_settings

    settings = get_settings()
    try:
        bootstrap.upgrade_database(settings.database_url)
    except Exception as error:  # any driver error: say where and why, then stop
        typer.echo(f"fitrec serve: cannot migrate {settings.database_url}: {error}", err=True)
        raise typer.Exit(1) from error
    bootstrap.dispose_engines()
    typer.echo(f"fitrec: serving http://{host}:{port}/ (API: /api/v1, docs: /api/v1/docs)")
    uvicorn.run(
        "fitrec.app:create_migrated_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        proxy_headers=True,
    )


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.command("serve")(serve)
