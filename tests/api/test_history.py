"""`GET /api/v1/history`: every session with its sets, flags included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import User

FILES = Path(__file__).resolve().parents[1] / "interchange" / "files"


def _import(client: TestClient, user: User, name: str, unit: str) -> None:
    answer = client.post(
        f"/api/v1/import?unit={unit}", headers=user.headers, content=(FILES / name).read_bytes()
    )
    assert answer.status_code == 200, answer.text


def test_a_flagged_import_shows_flagged_until_confirmed(
    client: TestClient, alice: User, make_uow: Any
) -> None:
    _import(client, alice, "strong_absurd_duration.csv", "kg")  # a 264-hour workout
    _import(client, alice, "strong_no_duration.csv", "lb")  # implausible sets
    sessions = client.get("/api/v1/history", headers=alice.headers).json()["sessions"]
    by_workout = {s["workout"]: s for s in sessions}
    forgot = by_workout["Forgot"]
    assert forgot["flagged"] is True
    assert [p["flagged"] for p in forgot["sets"]] == [False]
    others = [s for s in sessions if s is not forgot]
    assert others and all(s["flagged"] is False for s in others)
    assert all(p["flagged"] is True for s in others for p in s["sets"])

    # The end time was real after all.
    confirmed = client.post(
        f"/api/v1/sessions/{forgot['id']}/confirm", headers=alice.headers, json={}
    )
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["flagged"] is False
    again = client.get("/api/v1/history", headers=alice.headers).json()["sessions"]
    assert [s["flagged"] for s in again] == [False] * len(sessions)
    assert [p["flagged"] for s in again for p in s["sets"]] == [
        p["flagged"] for s in sessions for p in s["sets"]
    ]


def test_history_flags_agree_with_the_session_view(client: TestClient, alice: User) -> None:
    _import(client, alice, "strong_no_duration.csv", "lb")
    (session,) = client.get("/api/v1/history", headers=alice.headers).json()["sessions"]
    one = client.get(f"/api/v1/sessions/{session['id']}", headers=alice.headers).json()
    assert one["flagged"] == session["flagged"]
    assert [(p["id"], p["flagged"]) for p in one["sets"]] == [
        (p["id"], p["flagged"]) for p in session["sets"]
    ]


def test_confirming_can_correct_the_end_time(client: TestClient, alice: User) -> None:
    _import(client, alice, "strong_absurd_duration.csv", "kg")
    sessions = client.get("/api/v1/history", headers=alice.headers).json()["sessions"]
    forgot = next(s for s in sessions if s["flagged"])
    end = forgot["started_at"].replace("Z", "+00:00")[:11] + "23:59:00+00:00"
    path = f"/api/v1/sessions/{forgot['id']}/confirm"
    fixed = client.post(path, headers=alice.headers, json={"finished_at": end})
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["flagged"] is False
    assert fixed.json()["finished_at"].startswith(end[:16])


def test_the_schema_documents_the_flags(client: TestClient) -> None:
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for model in ("HistorySession", "SetOut"):
        assert schemas[model]["properties"]["flagged"]["type"] == "boolean"
        assert "flagged" in schemas[model]["required"]
