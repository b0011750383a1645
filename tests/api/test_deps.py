"""Every route refuses a caller the same way, whichever dependency authenticates it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import User

SET = {"exercise": "bench press", "weight": 80, "reps": 8}


def _refusal(answer: Any) -> tuple[int, str | None, str | None]:
    body = answer.json()
    return answer.status_code, answer.headers.get("www-authenticate"), body.get("detail")


def test_the_owner_and_the_caller_dependencies_answer_401_alike(
    client: TestClient, alice: User
) -> None:
    session = client.post("/api/v1/sessions", headers=alice.headers, json={}).json()["id"]
    set_path = f"/api/v1/sessions/{session}/sets/s1"
    for headers in ({}, {"Authorization": "Basic x"}, {"Authorization": "Bearer"}):
        by_owner = _refusal(client.get("/api/v1/programs", headers=headers))
        by_caller = _refusal(client.put(set_path, headers=headers, json=SET))
        assert by_owner == by_caller
        assert by_owner[0] == 401 and by_owner[1] == "Bearer"
    assert "sign in" in str(_refusal(client.get("/api/v1/programs"))[2])
    assert "Bearer token" in str(
        _refusal(client.get("/api/v1/programs", headers={"Authorization": "Basic x"}))[2]
    )
