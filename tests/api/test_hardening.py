"""Defects an attacker found, on SQLite and PostgreSQL: each answers 4xx, never 500."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import User, start_chest_session

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)


def _strong(weight: str = "60", note: str = "") -> bytes:
    row = f'2023-01-02 18:00:00,Chest Day,1h,Bench Press (Barbell),1,{weight},10,0,0,"{note}",,\n'
    return (STRONG_HEADER + row).encode()


def _import(client: TestClient, user: User, data: bytes) -> Any:
    return client.post(
        "/api/v1/import?source=strong&unit=kg",
        content=data,
        headers={**user.headers, "Content-Type": "text/csv"},
    )


def test_a_clone_name_with_a_line_break_is_refused(client: TestClient, alice: User) -> None:
    """Defect 1: `Copy\\nlevel: advanced` broke check, the dashboard and the export."""
    program = start_chest_session(client, alice)["program"]
    clone = client.post(
        f"/api/v1/programs/{program['id']}/clone",
        json={"name": "Copy\nlevel: advanced"},
        headers=alice.headers,
    )
    assert clone.status_code == 422
    assert clone.headers["content-type"].startswith("application/problem+json")
    assert client.get("/api/v1/check", headers=alice.headers).status_code == 200
    exported = client.get("/api/v1/export", headers=alice.headers)
    assert exported.status_code == 200
    again = client.post(
        "/api/v1/import",
        content=exported.content,
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert again.status_code == 200, again.text


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/v1/programs", {"text": "program: A\x00B\n\n## Day\nA1. Bench Press: 3x8"}),
        ("post", "/api/v1/users", {"email": "n\x00ul@example.com", "password": "long enough pw"}),
        ("post", "/api/v1/tokens", {"email": "n\x00ul@example.com", "password": "whatever pw"}),
    ],
)
def test_nul_in_text_is_refused_not_a_server_error(
    client: TestClient, alice: User, method: str, path: str, body: dict[str, Any]
) -> None:
    """Defect 2: NUL gave psycopg's DataError (500) on PostgreSQL; SQLite stored it."""
    answer = getattr(client, method)(path, json=body, headers=alice.headers)
    assert answer.status_code in (401, 422), answer.text


def test_nul_in_notes_and_session_ids_is_refused(client: TestClient, alice: User) -> None:
    session = start_chest_session(client, alice)["session"]
    base = f"/api/v1/sessions/{session['id']}"
    logged = client.put(
        f"{base}/sets/nul-1",
        json={"exercise": "bench press", "weight": 60, "reps": 8, "note": "a\x00b"},
        headers=alice.headers,
    )
    assert logged.status_code == 422, logged.text
    finished = client.post(f"{base}/finish", json={"note": "a\x00b"}, headers=alice.headers)
    assert finished.status_code == 422, finished.text
    for path in ("/api/v1/sessions/ab%00cd", "/api/v1/sessions/ab%00cd/sets/x"):
        assert client.get(path, headers=alice.headers).status_code in (404, 405, 422)
    assert client.delete("/api/v1/sessions/ab%00cd", headers=alice.headers).status_code in (
        404,
        422,
    )
    # A note may hold line breaks.
    kept = client.put(
        f"{base}/sets/nul-2",
        json={"exercise": "bench press", "weight": 60, "reps": 8, "note": "felt\nstrong"},
        headers=alice.headers,
    )
    assert kept.status_code in (200, 201), kept.text
    assert kept.json()["note"] == "felt\nstrong"


def test_an_import_with_nul_in_a_note_is_refused_and_stores_nothing(
    client: TestClient, alice: User
) -> None:
    answer = _import(client, alice, _strong(note="bad\x00note"))
    assert answer.status_code == 422, answer.text
    assert "session 1" in answer.json()["detail"]
    assert client.get("/api/v1/history", headers=alice.headers).json()["sessions"] == []


@pytest.mark.parametrize("weight", ["-60", "1e300", "1501"])  # kg
def test_an_import_with_a_weight_the_api_refuses_stores_nothing(
    client: TestClient, alice: User, weight: str
) -> None:
    """Defect 7: weights such as -60 or 1e300 were flagged, but stored and exported."""
    answer = _import(client, alice, _strong(weight=weight))
    assert answer.status_code == 422, answer.text
    detail = answer.json()["detail"]
    assert "session 1" in detail and "set 1 weight" in detail
    assert client.get("/api/v1/history", headers=alice.headers).json()["sessions"] == []


def test_import_counts_are_whole_numbers(client: TestClient, alice: User) -> None:
    answer = _import(client, alice, _strong())
    assert answer.status_code == 200, answer.text
    summary = answer.json()["summary"]
    assert summary["sets"] == 1 and isinstance(summary["sets"], int)
    assert isinstance(summary["volume_kg"], float)


def test_the_document_tells_the_truth_about_errors_and_limits(client: TestClient) -> None:
    """Defect 8: limits, statuses and media types of the document and the server differ."""
    document = client.get("/api/v1/openapi.json").json()
    set_in = document["components"]["schemas"]["SetIn"]
    assert set_in["properties"]["weight"]["maximum"] == 3306.93  # 1500 kg in lb
    kg_rule = set_in["allOf"][1]["anyOf"][1]
    assert kg_rule == {"properties": {"weight": {"maximum": 1500}}}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            if "requestBody" in operation:
                assert "400" in responses, f"{method} {path}"
            for status, response in responses.items():
                if int(status) >= 400:
                    assert list(response["content"]) == ["application/problem+json"], status


def test_malformed_json_is_a_documented_400(client: TestClient, alice: User) -> None:
    answer = client.post(
        "/api/v1/programs",
        content=b"{not json",
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert answer.status_code in (400, 422)
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_a_405_names_every_method_of_its_path(client: TestClient, alice: User) -> None:
    session = start_chest_session(client, alice)["session"]
    answer = client.post(f"/api/v1/sessions/{session['id']}", headers=alice.headers)
    assert answer.status_code == 405
    allowed = {m.strip() for m in answer.headers["allow"].split(",")}
    assert {"GET", "DELETE"} <= allowed


def test_null_plates_reset_them(client: TestClient, alice: User) -> None:
    answer = client.put("/api/v1/profile", json={"plates": None}, headers=alice.headers)
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize(
    "started_at", [-97270, "-97270", "0001-01-01T00:00:00Z", "9999-12-31T00:00:00Z", True]
)
def test_a_start_time_must_be_a_real_date_time(
    client: TestClient, alice: User, started_at: object
) -> None:
    answer = client.post("/api/v1/sessions", json={"started_at": started_at}, headers=alice.headers)
    assert answer.status_code == 422, answer.text


def test_a_session_cannot_finish_before_it_starts(client: TestClient, alice: User) -> None:
    later = client.post(
        "/api/v1/sessions", json={"started_at": "2090-01-01T00:00:00Z"}, headers=alice.headers
    )
    assert later.status_code == 201, later.text
    finish = f"/api/v1/sessions/{later.json()['id']}/finish"
    finished = client.post(finish, json={}, headers=alice.headers)
    assert finished.status_code == 409, finished.text


def test_a_session_without_a_body_is_a_free_one(client: TestClient, alice: User) -> None:
    answer = client.post("/api/v1/sessions", headers=alice.headers)
    assert answer.status_code == 201, answer.text
    assert answer.json()["program"] is None
