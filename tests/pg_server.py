"""A throwaway PostgreSQL server for the test session: initdb + pg_ctl as the postgres user."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "postgres"
# The test session's server trades durability for speed: its data is thrown away.
TEST_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/*/bin holding pg_ctl, if any."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(args: list[str]) -> list[str]:
    # Root may not run the server; an unprivileged user runs it directly.
    if os.geteuid() == 0:
        return ["runuser", "-u", SERVER_USER, "--", *args]
    return args


@dataclass
class PostgresServer:
    """A running throwaway server; `url(db)` gives a SQLAlchemy URL for a database on it."""

    bin_dir: Path
    root: Path
    port: int
    settings: str = TEST_OPTIONS

    @property
    def data_dir(self) -> Path:
        """The cluster's data directory."""
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        """Where the unix socket lives."""
        return self.root / "socket"

    def url(self, database: str = "postgres") -> str:
        """A psycopg URL over TCP to `database`."""
        return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        """Start the server on its data directory and wait until it listens."""
        options = (
            f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
            f"{self.settings} -c max_connections=200"
        )
        subprocess.run(
            _as_server_user(
                [
                    str(self.bin_dir / "pg_ctl"),
                    "start",
                    "-D",
                    str(self.data_dir),
                    "-o",
                    options,
                    "-l",
                    str(self.root / "server.log"),
                    "-w",
                    "-t",
                    "60",
                ]
            ),
            check=True,
            capture_output=True,
            timeout=90,
        )
        _wait_for_port(self.port)

    def halt(self) -> None:
        """Stop the server at once (as a crash would), keeping its files for `start`."""
        subprocess.run(
            _as_server_user(
                [str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "immediate"]
            ),
            check=False,
            capture_output=True,
            timeout=60,
        )

    def stop(self) -> None:
        """Stop the server at once and remove its files."""
        try:
            self.halt()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_server(settings: str = TEST_OPTIONS) -> PostgresServer:
    """initdb a fresh cluster in a temp dir and start it on a free port (trust auth).

    `settings` are extra server options (`-c name=value ...`); the default is fast and
    not durable, for tests.
    """
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/pg_ctl)")
    root = Path(tempfile.mkdtemp(prefix="fitrec-pg-"))
    server = PostgresServer(bin_dir=bin_dir, root=root, port=free_port(), settings=settings)
    server.socket_dir.mkdir()
    os.chmod(root, 0o755)
    if os.geteuid() == 0:
        shutil.chown(root, SERVER_USER)
        shutil.chown(server.socket_dir, SERVER_USER)
    try:
        subprocess.run(
            _as_server_user(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(server.data_dir),
                    "-U",
                    SERVER_USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        server.start()
    except BaseException:
        server.stop()
        raise
    return server


def _wait_for_port(port: int, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"PostgreSQL did not listen on port {port} within {timeout_s} s")
