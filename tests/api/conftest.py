"""API fixtures: the real app on a fresh database, and signed-up users with tokens."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fitrec.app import create_app
from fitrec.config import Settings

PASSWORD = "correct horse battery"
_emails = itertools.count(1)


@dataclass
class User:
    """A signed-up user and the bearer headers of a token of theirs."""

    email: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        """Authorization headers for this user."""
        return {"Authorization": f"Bearer {self.token}"}


def sign_up(client: TestClient, email: str | None = None, password: str = PASSWORD) -> User:
    """Create an account and a token through the API."""
    email = email or f"lifter{next(_emails)}@example.com"
    assert (
        client.post("/api/v1/users", json={"email": email, "password": password}).status_code == 201
    )
    answer = client.post("/api/v1/tokens", json={"email": email, "password": password})
    assert answer.status_code == 201, answer.text
    return User(email, answer.json()["token"])


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """Settings on the test's fresh database."""
    return Settings(database_url=database_url, data_dir=tmp_path, secret_key="test")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """The whole app, in-process."""
    with TestClient(create_app(settings, migrate=False)) as test_client:
        yield test_client


@pytest.fixture
def alice(client: TestClient) -> User:
    """A signed-up user."""
    return sign_up(client)


@pytest.fixture
def bob(client: TestClient) -> User:
    """Another signed-up user."""
    return sign_up(client)


def start_chest_session(client: TestClient, user: User) -> dict[str, Any]:
    """Copy the first template and start a session of its first workout."""
    templates = client.get("/api/v1/templates", headers=user.headers).json()
    name = templates[0]["name"]
    program = client.post(f"/api/v1/templates/{name}/copy", headers=user.headers, json={})
    assert program.status_code == 201, program.text
    body = program.json()
    started = client.post(
        "/api/v1/sessions",
        headers=user.headers,
        json={"program_id": body["id"], "workout": body["workouts"][0]["name"]},
    )
    assert started.status_code == 201, started.text
    return {"program": body, "session": started.json()}
