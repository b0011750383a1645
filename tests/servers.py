"""`fitrec serve` as a real process (its own process group) for cross-process tests."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.pg_server import free_port


@dataclass
class Served:
    """One `fitrec serve` process group listening on `url`."""

    database_url: str
    data_dir: Path
    secret_key: str = "shared-secret"
    workers: int = 1
    extra: list[str] = field(default_factory=list)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, stderr: Path | None = None) -> Served:
        """Start the server (migrating first, as `fitrec serve` does) and wait for /healthz."""
        env = {
            **os.environ,
            "FITREC_DATABASE_URL": self.database_url,
            "FITREC_DATA_DIR": str(self.data_dir),
            "FITREC_SECRET_KEY": self.secret_key,
        }
        command = [
            sys.executable, "-m", "fitrec", "serve", "--host", "127.0.0.1",
            "--port", str(self.port), "--workers", str(self.workers),
            "--log-level", "warning", *self.extra,
        ]  # fmt: skip
        log = stderr.open("ab") if stderr else None
        self.process = subprocess.Popen(
            command, env=env, stderr=log, stdout=log, start_new_session=True
        )
        self._wait_until_up()
        return self

    def _wait_until_up(self, timeout_s: float = 60) -> None:
        assert self.process is not None
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"fitrec serve exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.url} did not answer /healthz within {timeout_s} s")

    def kill(self) -> None:
        """SIGKILL the whole process group (supervisor and workers), as a crash would."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        """Ask the process group to stop, and kill it when it does not."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            self.kill()
        self.process = None
