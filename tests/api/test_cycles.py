"""The generator, cycles, the review and ratings through the real HTTP stack."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import User

GOALS = {
    "days": 3,
    "minutes": 60,
    "level": "intermediate",
    "training_age_months": 24,
    "equipment": ["barbell", "dumbbell", "cable"],
    "focus": ["chest", "back"],
}


def _plan_and_store(client: TestClient, user: User) -> str:
    plan = client.post("/api/v1/plans", headers=user.headers, json=GOALS)
    assert plan.status_code == 200, plan.text
    stored = client.post(
        "/api/v1/programs", headers=user.headers, json={"text": plan.json()["program"]}
    )
    assert stored.status_code == 201, stored.text
    return str(stored.json()["id"])


def test_plan_returns_program_explanations_sets_and_a_clean_lint(
    client: TestClient, alice: User
) -> None:
    answer = client.post("/api/v1/plans", headers=alice.headers, json=GOALS)
    body = answer.json()
    assert body["lint"] == {"errors": 0, "warnings": 0}
    assert body["weekly_sets"]["chest"]["priority"] is True
    assert any(line.startswith("chest is a priority") for line in body["explanations"])
    again = client.post("/api/v1/plans", headers=alice.headers, json=GOALS).json()
    assert again["program"] == body["program"]


def test_a_bad_goal_is_a_422_naming_the_field_and_the_values(
    client: TestClient, alice: User
) -> None:
    answer = client.post("/api/v1/plans", headers=alice.headers, json={"equipment": ["rope"]})
    assert answer.status_code == 422
    error = answer.json()["errors"][0]
    assert error["field"] == "body.equipment[0]", error
    assert "'barbell', 'dumbbell'" in error["message"], error


def test_a_cycle_starts_advances_reviews_and_takes_ratings(client: TestClient, alice: User) -> None:
    program = _plan_and_store(client, alice)
    started = client.post(
        "/api/v1/cycles", headers=alice.headers, json={"program": program, "weeks": 5}
    )
    assert started.status_code == 201, started.text
    assert started.json()["grid"][0]["days"] == ["next", "todo", "todo"]
    advanced = client.post("/api/v1/cycles/current/advance", headers=alice.headers)
    assert advanced.json()["days_done"] == 1 and advanced.json()["next"]["workout"] == "Day 2"
    rated = client.post(
        "/api/v1/ratings",
        headers=alice.headers,
        json={"muscle": "chest", "soreness": 2, "joint": 1},
    )
    assert rated.status_code == 204
    review = client.get("/api/v1/cycles/current/review", headers=alice.headers)
    assert review.status_code == 200 and review.json()["proposals"]
    refused = client.post(
        "/api/v1/cycles/current/review", headers=alice.headers, json={"accept": [99]}
    )
    assert refused.status_code == 422
    bad = client.post(
        "/api/v1/ratings", headers=alice.headers, json={"muscle": "chest", "soreness": 9}
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "body.soreness"


def test_another_user_cannot_see_or_use_a_cycle_or_program(
    client: TestClient, alice: User, bob: User
) -> None:
    program = _plan_and_store(client, alice)
    client.post("/api/v1/cycles", headers=alice.headers, json={"program": program, "weeks": 4})
    assert client.get("/api/v1/cycles/current", headers=bob.headers).status_code == 404
    assert client.post("/api/v1/cycles/current/advance", headers=bob.headers).status_code == 404
    taken = client.post(
        "/api/v1/cycles", headers=bob.headers, json={"program": program, "weeks": 4}
    )
    assert taken.status_code == 404
    assert client.get("/api/v1/cycles/current", headers=alice.headers).json()["days_done"] == 0


def test_the_routes_are_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/plans",
        "/api/v1/cycles",
        "/api/v1/cycles/current",
        "/api/v1/cycles/current/advance",
        "/api/v1/cycles/current/review",
        "/api/v1/ratings",
    ):
        assert path in paths, path
