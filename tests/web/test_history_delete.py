"""Deleting a set from the history page asks first (a confirmation page, no script)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import make_app
from tests.web.test_pages import signed_in, token

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)|\bon[a-z]+=")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One real app per module on a fresh database."""
    return make_app(Path(tmp_path_factory.mktemp("delete-db")))


def logged_session(client: TestClient) -> tuple[str, str]:
    """A session with one logged bench set: (session id, set id)."""
    headers = {"X-CSRF-Token": token(client.get("/settings").text)}
    started = client.post("/api/v1/sessions", json={"workout": "Push"}, headers=headers)
    assert started.status_code == 201, started.text
    session_id = started.json()["id"]
    logged = client.put(
        f"/api/v1/sessions/{session_id}/sets/s1",
        json={"exercise": "bench press", "weight": 80, "reps": 8},
        headers=headers,
    )
    assert logged.status_code in (200, 201), logged.text
    return session_id, logged.json()["id"]


def test_delete_shows_a_confirmation_and_only_the_confirmed_post_deletes(app: Any) -> None:
    client = signed_in(app, "delete@example.com")
    session_id, set_id = logged_session(client)
    page = client.get(f"/history/{session_id}")
    form = {"csrf_token": token(page.text), "weight": "80", "reps": "8"}
    asked = client.post(f"/history/{session_id}/sets/{set_id}", data={**form, "action": "delete"})
    assert asked.status_code == 200
    assert "Delete this set?" in asked.text and "80 kg × 8" in asked.text
    assert 'value="delete-confirmed"' in asked.text
    assert INLINE_SCRIPT.search(asked.text) is None
    assert len(re.findall(r'class="set-edit"', client.get(f"/history/{session_id}").text)) == 1

    done = client.post(
        f"/history/{session_id}/sets/{set_id}", data={**form, "action": "delete-confirmed"}
    )
    assert done.status_code == 200 and str(done.url).endswith(f"/history/{session_id}")
    assert 'class="set-edit"' not in done.text


def test_confirming_an_unknown_set_is_not_found(app: Any) -> None:
    client = signed_in(app, "delete-unknown@example.com")
    session_id, _ = logged_session(client)
    form = {"csrf_token": token(client.get(f"/history/{session_id}").text), "weight": "1"}
    answer = client.post(
        f"/history/{session_id}/sets/nope", data={**form, "reps": "1", "action": "delete"}
    )
    assert answer.status_code == 404
