"""Logging a set has one path: every request goes through the declared route and its
dependencies, so any JSON content type gets the same answer (this file tested a second,
direct path before; its assertions now check that there is only the one)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient

from fitrec.api.deps import current_owner
from tests.api.conftest import User

DIRECT = "application/json"  # what the removed direct path took
DECLARED = "application/json; charset=utf-8"  # what only FastAPI's handler took

BODIES: list[Any] = [
    {"exercise": "barbell-bench-press", "weight": 80, "reps": 8, "rpe": 8},
    {"exercise": "Bench Press", "weight": "80.5", "reps": 8, "unit": "lb", "block_label": "b"},
    {"exercise_slug": "cable-fly", "weight": 20, "reps": 15, "rir": 1, "set_type": "failure"},
    {"exercise": "bench", "weight": 80, "reps": 8, "performed_at": "2025-01-02T03:04:05Z"},
    {"weight": 80, "reps": 8},
    {"exercise": "bench", "weight": 80, "reps": 1001},
    {"exercise": "bench", "weight": -1, "reps": 8, "rpe": 8.3},
    {"exercise": "bench", "weight": 80, "reps": 8, "rpe": 8, "rir": 2},
    {"exercise": "Bnch prss", "weight": 80, "reps": 8},
    {"exercise": "bench", "weight": 80, "reps": 8, "block_label": "AB1"},
    [1, 2],
    "not an object",
]


def _session(client: TestClient, user: User) -> str:
    answer = client.post("/api/v1/sessions", headers=user.headers, json={})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def _put(
    client: TestClient, user: User | None, path: str, body: Any, content_type: str
) -> tuple[int, Any]:
    headers = {"Content-Type": content_type, **(user.headers if user else {})}
    answer = client.put(path, headers=headers, content=json.dumps(body))
    return answer.status_code, _stable(answer.json())


def _stable(document: Any) -> Any:
    # What differs between two requests by design: the ids and the default time.
    if isinstance(document, dict):
        return {
            k: _stable(v)
            for k, v in document.items()
            if k not in {"id", "session_id", "performed_at", "instance"}
        }
    if isinstance(document, list):
        return [_stable(v) for v in document]
    if isinstance(document, str):
        return document.replace("direct-", "").replace("declared-", "")
    return document


def test_there_is_one_path(client: TestClient, alice: User) -> None:
    session = _session(client, alice)
    path = f"/api/v1/sessions/{session}/sets/"

    def refuse() -> None:
        raise HTTPException(418, "the declared handler answered")

    client.app.dependency_overrides[current_owner] = refuse  # type: ignore[attr-defined]
    try:
        assert _put(client, alice, path + "a", BODIES[0], DIRECT)[0] == 418
        assert _put(client, alice, path + "b", BODIES[0], DECLARED)[0] == 418
    finally:
        client.app.dependency_overrides.clear()  # type: ignore[attr-defined]
    assert _put(client, alice, path + "a", BODIES[0], DIRECT)[0] == 201


@pytest.mark.parametrize("body", BODIES)
def test_the_same_body_gets_the_same_answer(client: TestClient, alice: User, body: Any) -> None:
    direct_session, declared_session = _session(client, alice), _session(client, alice)
    direct = _put(client, alice, f"/api/v1/sessions/{direct_session}/sets/direct-1", body, DIRECT)
    declared = _put(
        client, alice, f"/api/v1/sessions/{declared_session}/sets/declared-1", body, DECLARED
    )
    assert direct == declared
    repeated = _put(client, alice, f"/api/v1/sessions/{direct_session}/sets/direct-1", body, DIRECT)
    assert repeated[1] == direct[1] and repeated[0] in {200, direct[0]}


def test_the_same_refusals_for_ids_and_credentials(
    client: TestClient, alice: User, bob: User
) -> None:
    session = _session(client, alice)
    body = BODIES[0]
    cases = [
        (alice, f"/api/v1/sessions/{session}/sets/bad%20id"),
        (alice, f"/api/v1/sessions/{'x' * 65}/sets/s1"),
        (alice, "/api/v1/sessions/nope/sets/s1"),
        (bob, f"/api/v1/sessions/{session}/sets/s2"),
        (None, f"/api/v1/sessions/{session}/sets/s3"),
        (User("x", "fitrec_unknown"), f"/api/v1/sessions/{session}/sets/s4"),
    ]
    for user, path in cases:
        direct = _put(client, user, path, body, DIRECT)
        declared = _put(client, user, path, body, DECLARED)
        assert direct == declared, path
        assert direct[0] in {401, 404, 422}, (path, direct)
    client.post(f"/api/v1/sessions/{session}/finish", headers=alice.headers, json={})
    path = f"/api/v1/sessions/{session}/sets/late"
    assert _put(client, alice, path, body, DIRECT) == _put(client, alice, path, body, DECLARED)
    assert _put(client, alice, path, body, DIRECT)[0] == 409
