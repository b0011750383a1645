"""The session read model over HTTP: plan, stored targets, last time, rest taken, feedback."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD, User, start_chest_session


def _put(client: TestClient, user: User, session_id: str, set_id: str, **body: Any) -> Any:
    answer = client.put(
        f"/api/v1/sessions/{session_id}/sets/{set_id}", json=body, headers=user.headers
    )
    assert answer.status_code == 201, answer.text
    return answer.json()


def _read(client: TestClient, user: User, session_id: str) -> dict[str, Any]:
    answer = client.get(f"/api/v1/sessions/{session_id}", headers=user.headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _start_again(client: TestClient, user: User, program: dict[str, Any]) -> str:
    started = client.post(
        "/api/v1/sessions",
        headers=user.headers,
        json={"program_id": program["id"], "workout": program["workouts"][0]["name"]},
    )
    assert started.status_code == 201, started.text
    return str(started.json()["id"])


def test_the_next_session_shows_what_was_done_last_time(client: TestClient, alice: User) -> None:
    started = start_chest_session(client, alice)
    first = started["session"]["id"]
    logged = [
        _put(client, alice, first, "b1", exercise="bench press", weight=80, reps=10, rpe=8),
        _put(client, alice, first, "b2", exercise="bench press", weight=80, reps=9, rir=1),
    ]
    client.post(f"/api/v1/sessions/{first}/finish", json={}, headers=alice.headers)
    second = _start_again(client, alice, started["program"])

    view = _read(client, alice, second)
    bench = view["blocks"][0]["entries"][0]
    assert bench["exercise_slug"] == "barbell-bench-press"
    assert bench["last_time"]["session_id"] == first
    # Last time's sets are the one set shape, as the set was answered when it was logged.
    assert bench["last_time"]["sets"] == logged
    assert [(s["weight"], s["reps"], s["rpe"], s["rir"]) for s in bench["last_time"]["sets"]] == [
        (80.0, 10, 8.0, None),
        (80.0, 9, None, 1.0),
    ]
    assert view["blocks"][0]["entries"][1]["last_time"] is None  # no flies done yet
    assert _read(client, alice, first)["blocks"][0]["entries"][0]["last_time"] is None


def test_targets_are_fixed_when_the_session_starts(client: TestClient, alice: User) -> None:
    started = start_chest_session(client, alice)
    first = started["session"]["id"]
    _put(client, alice, first, "b1", exercise="bench press", weight=80, reps=10)
    client.post(f"/api/v1/sessions/{first}/finish", json={}, headers=alice.headers)
    second = _start_again(client, alice, started["program"])
    fixed = _read(client, alice, second)
    bench = fixed["blocks"][0]["entries"][0]
    assert fixed["targets"] and bench["target"] == fixed["targets"][0]
    assert bench["target_weight"] == bench["target"]["weight"] is not None

    # Much heavier work logged elsewhere moves the next targets, not this session's.
    elsewhere = client.post("/api/v1/sessions", headers=alice.headers, json={}).json()["id"]
    _put(client, alice, elsewhere, "heavy", exercise="bench press", weight=140, reps=10)
    _put(client, alice, second, "here", exercise="bench press", weight=85, reps=10)
    moved = client.get(
        "/api/v1/next",
        params={"program": started["program"]["id"], "workout": "Chest"},
        headers=alice.headers,
    ).json()["targets"][0]
    assert moved["weight"] != bench["target"]["weight"]
    again = _read(client, alice, second)
    assert again["targets"] == fixed["targets"]
    assert again["blocks"][0]["entries"][0]["target"] == bench["target"]


def test_rest_taken_and_next_targets_once_finished(client: TestClient, alice: User) -> None:
    started = start_chest_session(client, alice)
    session_id = started["session"]["id"]
    _put(client, alice, session_id, "b1", exercise="bench press", weight=80, reps=8)
    _put(
        client, alice, session_id, "b2", exercise="bench press", weight=80, reps=8, rest_before_s=90
    )
    _put(
        client,
        alice,
        session_id,
        "f1",
        exercise="dumbbell flies",
        weight=14,
        reps=15,
        rest_before_s=60,
    )
    open_view = _read(client, alice, session_id)
    assert open_view["rest_taken_s"] == 150
    assert open_view["next_targets"] == []
    done = client.post(f"/api/v1/sessions/{session_id}/finish", json={}, headers=alice.headers)
    assert done.status_code == 200
    assert done.json()["next_targets"]
    assert done.json() == _read(client, alice, session_id)
    # Finishing again answers the same document.
    again = client.post(f"/api/v1/sessions/{session_id}/finish", json={}, headers=alice.headers)
    assert again.status_code == 200 and again.json() == done.json()


def test_feedback_takes_its_block_from_the_path(client: TestClient, alice: User) -> None:
    session_id = start_chest_session(client, alice)["session"]["id"]
    path = f"/api/v1/sessions/{session_id}/feedback"
    answer = client.put(
        f"{path}/a", json={"block_label": "B", "pump": 4, "exhaustion": 5}, headers=alice.headers
    )
    assert answer.status_code == 200, answer.text
    assert [(f["block_label"], f["pump"], f["exhaustion"]) for f in answer.json()["feedback"]] == [
        ("A", 4, 5)
    ]


def test_feedback_for_a_block_not_in_the_workout_is_refused(
    client: TestClient, alice: User
) -> None:
    session_id = start_chest_session(client, alice)["session"]["id"]
    refused = client.put(
        f"/api/v1/sessions/{session_id}/feedback/C", json={"pump": 4}, headers=alice.headers
    )
    assert refused.status_code == 422
    problem = refused.json()
    assert problem["errors"][0]["field"] == "path.block_label"
    assert "no block C" in problem["errors"][0]["message"]
    finish = client.post(
        f"/api/v1/sessions/{session_id}/finish",
        json={"feedback": [{"block_label": "Z", "pump": 3}]},
        headers=alice.headers,
    )
    assert finish.status_code == 422
    assert finish.json()["errors"][0]["field"] == "feedback[0].block_label"
    assert _read(client, alice, session_id)["finished_at"] is None
    assert _read(client, alice, session_id)["feedback"] == []


def test_the_signed_in_cookie_and_csrf_header_log_a_set(client: TestClient, alice: User) -> None:
    session_id = start_chest_session(client, alice)["session"]["id"]
    web = client.post("/api/v1/login", json={"email": alice.email, "password": PASSWORD})
    assert web.status_code == 200, web.text
    csrf = {"X-CSRF-Token": web.json()["csrf_token"]}
    body = {"exercise_slug": "barbell-bench-press", "weight": 80, "reps": 8}
    path = f"/api/v1/sessions/{session_id}/sets/cookie-1"
    assert client.put(path, json=body).status_code == 403
    assert client.put(path, json=body, headers=csrf).status_code == 201
    assert client.get(f"/api/v1/sessions/{session_id}").json()["sets"][0]["id"] == "cookie-1"
