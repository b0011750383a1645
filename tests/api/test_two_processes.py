"""Stateless processes: two `fitrec serve` instances on one database and one secret key share
sign-ins, tokens, log-in limits and the idempotency of logged sets, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fitrec.services.accounts import LOGIN_MAX_FAILURES
from tests.api.conftest import PASSWORD
from tests.servers import Served


@pytest.fixture
def two_servers(database_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two `fitrec serve` process groups on the test's migrated database."""
    servers = [Served(database_url, tmp_path / f"data-{n}") for n in (1, 2)]
    try:
        for server in servers:
            server.start()
        yield servers[0].url, servers[1].url
    finally:
        for server in servers:
            server.stop()


def test_tokens_sessions_limits_and_idempotency_hold_across_processes(
    two_servers: tuple[str, str],
) -> None:
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

    # A set re-sent to the other instance (the load balancer's case) is stored once.
    login = {"email": "sets@example.com", "password": PASSWORD}
    assert httpx.post(f"{two}/api/v1/users", json=login).status_code == 201
    token = httpx.post(f"{two}/api/v1/tokens", json=login).json()["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    session = httpx.post(f"{one}/api/v1/sessions", headers=bearer, json={}).json()["id"]
    path = f"/api/v1/sessions/{session}/sets/resent-1"
    body = {"exercise": "bench press", "weight": 80, "reps": 8}

    first = httpx.put(f"{one}{path}", headers=bearer, json=body)
    again = httpx.put(f"{two}{path}", headers=bearer, json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    stored = httpx.get(f"{one}/api/v1/sessions/{session}", headers=bearer).json()
    assert [s["id"] for s in stored["sets"]] == ["resent-1"]

    wrong = {**login, "password": "not the password"}
    for n in range(LOGIN_MAX_FAILURES):
        server = one if n % 2 else two
        assert httpx.post(f"{server}/api/v1/tokens", json=wrong).status_code == 401
    for server in (one, two):
        blocked = httpx.post(f"{server}/api/v1/tokens", json=login)
        assert blocked.status_code == 429
        assert int(blocked.headers["retry-after"]) > 0
