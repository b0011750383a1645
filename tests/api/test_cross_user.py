"""Isolation: user B walks every route with a path parameter on user A's objects.

The operations come from the app's OpenAPI document (built from `app.routes`), so a new
route is covered without editing this test; a new request body model needs one valid
example in BODIES.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import User, start_chest_session

SECRET_NAME = "Alice's secret program"
SECRET_NOTE = "alice-private-note-7f3a"
BODIES: dict[str, Any] = {
    "ProgramIn": {"text": f"program: {SECRET_NAME} 2\n\n## Day A\nA1. Squat: 3×8\n"},
    "CloneIn": {"name": "Stolen copy"},
    "TemplateCopy": {"name": "A copy"},
    "SetIn": {"exercise": "bench press", "weight": 60, "reps": 5},
    "SetPatch": {"reps": 1},
    "FeedbackIn": {"block_label": "A", "pump": 1, "exhaustion": 1},
    "BlockFeedbackIn": {"pump": 1, "exhaustion": 1},
    "FinishIn": {"note": "mine now"},
    "ConfirmIn": {"finished_at": "2025-01-01T10:00:00Z"},
}
# Built-in templates belong to nobody: copying one is open to every user.
PUBLIC_PARAMETERS = {"name"}


def _alice_objects(client: TestClient, alice: User) -> dict[str, str]:
    started = start_chest_session(client, alice)
    program_id = started["program"]["id"]
    renamed = client.post(
        f"/api/v1/programs/{program_id}/clone", json={"name": SECRET_NAME}, headers=alice.headers
    )
    session_id = started["session"]["id"]
    logged = client.put(
        f"/api/v1/sessions/{session_id}/sets/alice-set-1",
        json={"exercise": "bench press", "weight": 100, "reps": 5, "note": SECRET_NOTE},
        headers=alice.headers,
    )
    assert logged.status_code == 201
    token_id = client.get("/api/v1/tokens", headers=alice.headers).json()[0]["id"]
    return {
        "program_id": renamed.json()["id"],
        "session_id": session_id,
        "set_id": "alice-set-1",
        "token_id": str(token_id),
        "block_label": "A",
    }


def _operations_with_parameters(client: TestClient) -> list[tuple[str, str, Any]]:
    """(method, path, body example) of every API operation whose path has a parameter."""
    document = client.app.openapi()  # type: ignore[attr-defined]
    found = []
    for path, operations in document["paths"].items():
        names = set(re.findall(r"{(\w+)}", path))
        if not names or names <= PUBLIC_PARAMETERS:
            continue
        for method, operation in operations.items():
            found.append((method.upper(), path, _body(path, operation)))
    return found


def _body(path: str, operation: dict[str, Any]) -> Any:
    content = operation.get("requestBody", {}).get("content", {})
    if not content:
        return None
    schema = content.get("application/json", {}).get("schema", {})
    refs = re.findall(r"#/components/schemas/(\w+)", str(schema))
    for ref in refs:
        if ref in BODIES:
            return BODIES[ref]
    raise AssertionError(f"add a valid example body for {refs or schema} ({path}) to BODIES")


def test_another_users_objects_answer_404_and_leak_nothing(
    client: TestClient, alice: User, bob: User
) -> None:
    objects = _alice_objects(client, alice)
    operations = _operations_with_parameters(client)
    assert len(operations) >= 12
    for method, path, body in operations:
        url = path.format(**objects)
        answer = client.request(method, url, json=body, headers=bob.headers)
        where = f"{method} {path}"
        assert answer.status_code == 404, f"{where}: {answer.status_code} {answer.text}"
        text = answer.text
        for secret in (SECRET_NAME, SECRET_NOTE, alice.email, "barbell-bench-press"):
            assert secret not in text, f"{where} leaks {secret!r}"
    # Alice's things are untouched.
    session = client.get(f"/api/v1/sessions/{objects['session_id']}", headers=alice.headers)
    assert session.json()["finished_at"] is None
    assert [s["note"] for s in session.json()["sets"]] == [SECRET_NOTE]
    assert session.json()["sets"][0]["reps"] == 5
    program = client.get(f"/api/v1/programs/{objects['program_id']}", headers=alice.headers)
    assert program.json()["name"] == SECRET_NAME
    assert client.get("/api/v1/tokens", headers=alice.headers).json()[0]["revoked_at"] is None


def test_lists_show_only_the_callers_things(client: TestClient, alice: User, bob: User) -> None:
    _alice_objects(client, alice)
    for path in ("/api/v1/programs", "/api/v1/sessions", "/api/v1/history", "/api/v1/tokens"):
        answer = client.get(path, headers=bob.headers)
        assert answer.status_code == 200
        assert SECRET_NAME not in answer.text and SECRET_NOTE not in answer.text
    assert client.get("/api/v1/programs", headers=bob.headers).json()["items"] == []
    assert len(client.get("/api/v1/tokens", headers=bob.headers).json()) == 1


def test_a_set_id_used_by_another_user_is_free_for_me(
    client: TestClient, alice: User, bob: User
) -> None:
    _alice_objects(client, alice)
    mine = start_chest_session(client, bob)["session"]["id"]
    answer = client.put(
        f"/api/v1/sessions/{mine}/sets/alice-set-1",
        json={"exercise": "bench press", "weight": 50, "reps": 10},
        headers=bob.headers,
    )
    assert answer.status_code == 201
    assert answer.json()["note"] is None
