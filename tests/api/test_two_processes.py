"""Stateless processes: two uvicorn servers on one database share tokens, sessions, limits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fitrec.services.accounts import ACCOUNT_FREE_FAILURES
from tests.api.conftest import PASSWORD


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            httpx.get(f"{url}/api/v1/openapi.json", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not start within 30 s")


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two app processes on one migrated SQLite file."""
    from fitrec.store.migrate import upgrade_database

    database = f"sqlite:///{tmp_path / 'shared.db'}"
    upgrade_database(database)
    env = {
        **os.environ,
        "FITREC_DATABASE_URL": database,
        "FITREC_DATA_DIR": str(tmp_path),
        "FITREC_SECRET_KEY": "two-processes",
    }
    processes: list[subprocess.Popen[bytes]] = []
    urls = []
    try:
        for _ in range(2):
            port = _free_port()
            command = [
                sys.executable, "-m", "uvicorn", "fitrec.app:create_migrated_app",
                "--factory", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
            ]  # fmt: skip
            processes.append(subprocess.Popen(command, env=env))
            urls.append(f"http://127.0.0.1:{port}")
        for url, process in zip(urls, processes, strict=True):
            _wait_until_up(url, process)
        yield urls[0], urls[1]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def test_tokens_sessions_and_limits_hold_across_processes(two_servers: tuple[str, str]) -> None:
    one, two = two_servers
    login = {"email": "both@example.com", "password": PASSWORD}
    assert httpx.post(f"{one}/api/v1/users", json=login).status_code == 201

    made = httpx.post(f"{one}/api/v1/tokens", json=login).json()
    bearer = {"Authorization": f"Bearer {made['token']}"}
    assert httpx.get(f"{two}/api/v1/profile", headers=bearer).status_code == 200
    assert httpx.delete(f"{two}/api/v1/tokens/{made['id']}", headers=bearer).status_code == 204
    assert httpx.get(f"{one}/api/v1/profile", headers=bearer).status_code == 401

    signed_in = httpx.post(f"{one}/api/v1/login", json=login)
    cookies = {"fitrec_session": signed_in.cookies["fitrec_session"]}
    csrf = {"X-CSRF-Token": signed_in.json()["csrf_token"]}
    with httpx.Client(base_url=two, cookies=cookies) as browser:
        assert browser.put("/api/v1/profile", json={"unit": "lb"}).status_code == 403
        assert browser.put("/api/v1/profile", json={"unit": "lb"}, headers=csrf).status_code == 200
    with httpx.Client(base_url=one, cookies=cookies) as browser:
        assert browser.get("/api/v1/profile").json()["unit"] == "lb"

    wrong = {**login, "password": "not the password"}
    for n in range(ACCOUNT_FREE_FAILURES):
        server = one if n % 2 else two
        assert httpx.post(f"{server}/api/v1/tokens", json=wrong).status_code == 401
    for server in (one, two):
        blocked = httpx.post(f"{server}/api/v1/tokens", json=login)
        assert blocked.status_code == 429
        assert int(blocked.headers["retry-after"]) > 0
