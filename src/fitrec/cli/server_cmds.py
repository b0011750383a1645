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
    log_format: str | None = typer.Option(
        None,
        "--log-format",
        help="text (uvicorn's lines) or json (one object a line); default FITREC_LOG_FORMAT.",
    ),
) -> None:
    """Start the web app and the REST API (/api/v1) on the configured database.

    Migrations are applied first. The database is FITREC_DATABASE_URL (SQLite in the data
    directory by default).

    Example: fitrec serve --host 127.0.0.1 --port 8000 --log-format json
    """

    from fitrec import bootstrap
    from fitrec.config import get_settings

    settings = get_settings()
    log_format = log_format or settings.log_format
    if log_format not in ("text", "json"):
        typer.echo(f"fitrec serve: --log-format: {log_format!r} is not text or json", err=True)
        raise typer.Exit(2)
    try:
        bootstrap.upgrade_database(settings.database_url)
    except Exception as error:  # any driver error: say where and why, then stop
        typer.echo(f"fitrec serve: cannot migrate {settings.database_url}: {error}", err=True)
        raise typer.Exit(1) from error
    bootstrap.dispose_engines()
    from fitrec.logs import banner

    serving = f"fitrec: serving http://{host}:{port}/ (API: /api/v1, docs: /api/v1/docs)"
    typer.echo(banner(serving, log_format))
    run_server(
        "fitrec.app:create_migrated_app",
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        log_format=log_format,
    )


def run_server(
    factory: str,
    *,
    host: str,
    port: int,
    workers: int = 1,
    log_level: str = "info",
    access_log: bool = True,
    log_format: str = "text",
) -> None:
    """Serve an app factory (`module:function`) with uvicorn, in `workers` processes."""
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from fitrec.logs import log_config

    config = uvicorn.Config(
        factory,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=access_log,
        log_config=log_config(log_format, log_level),
        proxy_headers=True,
    )
    if workers == 1:
        uvicorn.Server(config).run()
        return
    # uvicorn's own shared socket has protocol 0, so asyncio never sets TCP_NODELAY on
    # its connections and every response waits ~40 ms for a delayed ACK; say TCP here.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        typer.echo(f"fitrec serve: cannot listen on {host}:{port}: {error}", err=True)
        raise typer.Exit(1) from error
    sock.set_inheritable(True)
    Multiprocess(config, sockets=[sock]).run()


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.command("serve")(serve)
