"""The database goes down and comes back: 503 with Retry-After meanwhile, one log line each way.

The test stops and restarts a PostgreSQL server of its own (the session's shared server
stays up for every other test).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from fitrec.app import create_app
from fitrec.config import Settings
from tests.api.conftest import PASSWORD, sign_up
from tests.pg_server import PostgresServer, start_server

pytestmark = pytest.mark.postgres


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server this test may stop and start."""
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


def _outage_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "fitrec.database"]


def test_an_outage_answers_503_logs_twice_and_recovers_by_itself(
    own_server: PostgresServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from fitrec import bootstrap

    with psycopg.connect(own_server.url().replace("+psycopg", ""), autocommit=True) as admin:
        admin.execute("CREATE DATABASE outage")
    settings = Settings(database_url=own_server.url("outage"), data_dir=tmp_path, secret_key="k")
    caplog.set_level(logging.INFO, logger="fitrec.database")
    try:
        with TestClient(create_app(settings)) as client:
            alice = sign_up(client)
            login = client.post(
                "/api/v1/login", json={"email": alice.email, "password": PASSWORD}
            ).json()
            assert client.get("/api/v1/profile", headers=alice.headers).status_code == 200

            own_server.halt()
            answers = [
                client.get("/api/v1/profile", headers=alice.headers),  # a route's own query
                client.post("/api/v1/users", json={"email": "n@example.com", "password": PASSWORD}),
                client.get("/api/v1/profile", headers=alice.headers),
            ]
            # A signed-in browser: the cookie is looked up by middleware before any route.
            csrf = {"X-CSRF-Token": login["csrf_token"]}
            cookie_answer = client.put("/api/v1/profile", json={"unit": "lb"}, headers=csrf)
            for answer in [*answers, cookie_answer]:
                assert answer.status_code == 503, answer.text
                assert answer.headers["content-type"] == "application/problem+json"
                assert int(answer.headers["retry-after"]) > 0
                assert answer.json()["type"].endswith("/database-unavailable")
            lines = _outage_lines(caplog)
            assert len(lines) == 1 and "unreachable" in lines[0], lines
            assert not [r for r in caplog.records if r.exc_info], "no traceback per request"

            own_server.start()
            back = client.get("/api/v1/profile", headers=alice.headers)
            assert back.status_code == 200, back.text
            assert client.get("/api/v1/profile", headers=alice.headers).status_code == 200
            lines = _outage_lines(caplog)
            assert len(lines) == 2 and "reachable again" in lines[1], lines
            assert "4 units of work refused" in lines[1]
    finally:
        bootstrap.dispose_engines()
