"""Operations: /healthz, /readyz, Prometheus metrics behind a token, JSON log lines."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fitrec.app import create_app
from fitrec.config import Settings
from fitrec.logs import JsonFormatter, log_config
from fitrec.store.migrate import head_revision, upgrade_database
from tests.api.conftest import sign_up, start_chest_session
from tests.pg_server import free_port

SET = {"exercise": "bench press", "weight": 80, "reps": 8}
METRICS = {"Authorization": "Bearer scrape-me"}


@pytest.fixture
def unreachable(tmp_path: Path) -> Iterator[TestClient]:
    """The app on a PostgreSQL URL where nothing listens."""
    from fitrec import bootstrap

    url = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/nowhere"
    settings = Settings(
        database_url=url, data_dir=tmp_path, secret_key="k", metrics_token="scrape-me"
    )
    with TestClient(create_app(settings, migrate=False)) as client:
        yield client
    bootstrap.dispose_engines()


def test_healthz_answers_without_the_database(client: TestClient, unreachable: TestClient) -> None:
    for app in (client, unreachable):
        assert app.get("/healthz").json() == {"status": "ok"}


def test_readyz_is_ready_on_a_migrated_database(client: TestClient) -> None:
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ready"
    assert answer.json()["migration"] == head_revision()


def test_readyz_is_not_ready_while_the_database_is_unreachable(unreachable: TestClient) -> None:
    answer = unreachable.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["database"] == "unreachable"
    assert answer.headers["retry-after"]


def test_readyz_is_not_ready_before_the_last_migration(tmp_path: Path) -> None:
    from fitrec import bootstrap

    url = f"sqlite:///{tmp_path / 'behind.db'}"
    upgrade_database(url, "0004")
    settings = Settings(database_url=url, data_dir=tmp_path, secret_key="k")
    with TestClient(create_app(settings, migrate=False)) as client:
        answer = client.get("/readyz")
    bootstrap.dispose_engines()
    assert answer.status_code == 503
    assert answer.json()["migration"] == "0004"
    assert head_revision() in answer.json()["reason"]


def test_metrics_are_off_by_default(client: TestClient) -> None:
    assert client.get("/metrics").status_code == 404


def _metric(client: TestClient, name: str) -> float:
    text = client.get("/metrics", headers=METRICS).text
    values = [line.split()[-1] for line in text.splitlines() if line.startswith(name + " ")]
    return float(values[0]) if values else 0.0


def test_metrics_count_requests_by_route_and_sets_once(
    settings: Settings,
) -> None:
    settings.metrics_token = "scrape-me"
    with TestClient(create_app(settings, migrate=False)) as client:
        assert client.get("/metrics").status_code == 401
        assert client.get("/metrics", headers={"Authorization": "Bearer nope"}).status_code == 401
        alice = sign_up(client)
        session = start_chest_session(client, alice)["session"]["id"]
        path = f"/api/v1/sessions/{session}/sets/s1"
        assert client.put(path, headers=alice.headers, json=SET).status_code == 201
        assert client.put(path, headers=alice.headers, json=SET).status_code == 200  # retried
        text = client.get("/metrics", headers=METRICS).text
        assert _metric(client, "fitrec_sets_logged_total") == 1
    route = 'route="/api/v1/sessions/{session_id}/sets/{set_id}"'
    assert f'fitrec_http_requests_total{{method="PUT",{route},status="201"}} 1.0' in text
    assert f'fitrec_http_requests_total{{method="PUT",{route},status="200"}} 1.0' in text
    assert f'fitrec_http_request_duration_seconds_count{{method="PUT",{route}}} 2.0' in text
    assert session not in text, "labels hold route templates, never ids"


def test_metrics_count_database_errors(unreachable: TestClient) -> None:
    sign_up = {"email": "new@example.com", "password": "a long passphrase"}
    assert unreachable.post("/api/v1/users", json=sign_up).status_code == 503
    assert unreachable.post("/api/v1/users", json=sign_up).status_code == 503
    assert _metric(unreachable, "fitrec_database_errors_total") == 2


def test_json_log_lines_carry_the_access_fields() -> None:
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/healthz", "1.1", 200), None,
    )  # fmt: skip
    line = json.loads(JsonFormatter().format(record))
    assert line["method"] == "GET" and line["path"] == "/healthz" and line["status"] == 200
    assert line["level"] == "info" and line["logger"] == "uvicorn.access"
    config = log_config("json")
    assert {h["formatter"] for h in config["handlers"].values()} == {"json"}
    assert config["loggers"]["fitrec"]["handlers"] == ["default"]
