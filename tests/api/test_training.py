"""Programs and sessions through the API: notation and JSON, idempotent sets, limits, paging."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import User, start_chest_session

ARTICLE = """program: Full-body post-exhaust
phase: hypertrophy
level: intermediate

## Day A
A1. Barbell Bench Press: 4×8 @ 80% 1RM
→ Rest 60 seconds
A2. Cable Flies: 4×15 @ 0 RIR
"""

STRUCTURED: dict[str, Any] = {
    "name": "Structured",
    "phase": "hypertrophy",
    "workouts": [
        {
            "name": "Day A",
            "blocks": [
                {
                    "label": "A",
                    "entries": [
                        {
                            "exercise": "Barbell Bench Press",
                            "sets": 4,
                            "reps_min": 8,
                            "load": {"type": "percent_1rm", "value": 80},
                            "rest_after_s": 60,
                        },
                        {
                            "exercise": "Cable Flies",
                            "sets": 4,
                            "reps_min": 15,
                            "effort": {"type": "rir", "value": 0},
                        },
                    ],
                }
            ],
        }
    ],
}


def test_program_from_text_reads_back_as_json_and_as_notation(
    client: TestClient, alice: User
) -> None:
    made = client.post("/api/v1/programs", json={"text": ARTICLE}, headers=alice.headers)
    assert made.status_code == 201
    program_id = made.json()["id"]
    as_json = client.get(f"/api/v1/programs/{program_id}", headers=alice.headers).json()
    entries = as_json["workouts"][0]["blocks"][0]["entries"]
    assert [e["exercise_slug"] for e in entries] == ["barbell-bench-press", "cable-fly"]
    assert entries[0]["load"] == {
        "type": "percent_1rm",
        "value": 80.0,
        "value_max": None,
        "unit": None,
    }
    text = client.get(
        f"/api/v1/programs/{program_id}", headers={**alice.headers, "Accept": "text/plain"}
    )
    assert text.headers["content-type"].startswith("text/plain")
    assert "A1. Barbell Bench Press: 4×8 @ 80% 1RM" in text.text


def test_structured_program_equals_its_notation(client: TestClient, alice: User) -> None:
    made = client.post("/api/v1/programs", json=STRUCTURED, headers=alice.headers)
    assert made.status_code == 201, made.text
    assert "A2. Cable Flies: 4×15 @ 0 RIR" in made.json()["text"]


def test_program_errors_name_the_line(client: TestClient, alice: User) -> None:
    bad = ARTICLE.replace("Cable Flies", "Zorblax Press")
    answer = client.post("/api/v1/programs", json={"text": bad}, headers=alice.headers)
    assert answer.status_code == 422
    problem = answer.json()
    assert problem["errors"][0]["field"] == "body.text"
    assert "line 8" in problem["detail"]


def test_edit_clone_and_delete_a_program(client: TestClient, alice: User) -> None:
    program_id = client.post(
        "/api/v1/programs", json={"text": ARTICLE}, headers=alice.headers
    ).json()["id"]
    edited = client.put(
        f"/api/v1/programs/{program_id}",
        json={"text": ARTICLE.replace("4×8", "3×8")},
        headers=alice.headers,
    )
    assert edited.status_code == 200
    assert edited.json()["id"] == program_id
    clone = client.post(f"/api/v1/programs/{program_id}/clone", headers=alice.headers, json={})
    assert clone.status_code == 201
    assert clone.json()["name"] == "Full-body post-exhaust (copy)"
    again = client.post(
        f"/api/v1/programs/{program_id}/clone",
        headers=alice.headers,
        json={"name": "Full-body post-exhaust (copy)"},
    )
    assert again.status_code == 409
    assert client.delete(f"/api/v1/programs/{program_id}", headers=alice.headers).status_code == 204
    gone = client.get(f"/api/v1/programs/{program_id}", headers=alice.headers)
    assert gone.status_code == 404
    names = [
        p["name"] for p in client.get("/api/v1/programs", headers=alice.headers).json()["items"]
    ]
    assert names == ["Full-body post-exhaust (copy)"]


def test_lint_returns_the_cli_fields(client: TestClient, alice: User) -> None:
    text = ARTICLE.replace("Cable Flies", "Triceps Pushdown")
    answer = client.post("/api/v1/lint", json={"text": text}, headers=alice.headers).json()
    codes = {f["code"] for f in answer["findings"]}
    assert "pairing" in codes
    first = answer["findings"][0]
    assert {"code", "severity", "message", "fix", "line", "column", "location"} <= set(first)
    assert answer["errors"] >= 1


SET = {"exercise": "bench press", "weight": 80, "reps": 8, "rpe": 8.5, "rest_before_s": 90}


def test_putting_a_set_twice_stores_it_once(client: TestClient, alice: User) -> None:
    session_id = start_chest_session(client, alice)["session"]["id"]
    url = f"/api/v1/sessions/{session_id}/sets/client-1"
    first = client.put(url, json=SET, headers=alice.headers)
    assert first.status_code == 201
    assert first.json()["block_label"] == "A"
    again = client.put(url, json={**SET, "reps": 3}, headers=alice.headers)
    assert again.status_code == 200
    assert again.json()["reps"] == 8
    session = client.get(f"/api/v1/sessions/{session_id}", headers=alice.headers).json()
    assert [s["id"] for s in session["sets"]] == ["client-1"]


def test_set_limits_have_clear_messages(client: TestClient, alice: User) -> None:
    session_id = start_chest_session(client, alice)["session"]["id"]
    url = f"/api/v1/sessions/{session_id}/sets/x"
    cases = {
        "reps": 1001,
        "weight": 4000,
        "rpe": 8.3,
        "rest_before_s": 3601,
    }
    for field, value in cases.items():
        answer = client.put(url, json={**SET, field: value}, headers=alice.headers)
        assert answer.status_code == 422, field
        assert answer.json()["errors"][0]["field"] == f"body.{field}"
    heavy = client.put(url, json={**SET, "weight": 1600, "rpe": None}, headers=alice.headers)
    assert heavy.status_code == 422
    assert heavy.json()["errors"][0]["field"] == "body.weight"
    assert "1500" in heavy.json()["detail"]


def test_patch_delete_and_finish(client: TestClient, alice: User) -> None:
    session_id = start_chest_session(client, alice)["session"]["id"]
    base = f"/api/v1/sessions/{session_id}/sets"
    client.put(f"{base}/s1", json=SET, headers=alice.headers)
    client.put(f"{base}/s2", json=SET, headers=alice.headers)
    patched = client.patch(f"{base}/s1", json={"reps": 7, "note": "grindy"}, headers=alice.headers)
    assert patched.status_code == 200
    assert (patched.json()["reps"], patched.json()["note"]) == (7, "grindy")
    assert client.delete(f"{base}/s2", headers=alice.headers).status_code == 204
    assert client.delete(f"{base}/s2", headers=alice.headers).status_code == 404
    done = client.post(
        f"/api/v1/sessions/{session_id}/finish",
        json={"feedback": [{"block_label": "A", "pump": 4, "exhaustion": 5}], "note": "good"},
        headers=alice.headers,
    )
    assert done.status_code == 200
    body = done.json()
    assert body["finished_at"] is not None
    assert body["feedback"][0]["exhaustion"] == 5
    assert body["next_targets"]
    twice = client.post(f"/api/v1/sessions/{session_id}/finish", json={}, headers=alice.headers)
    assert twice.status_code == 200
    late = client.put(f"{base}/s3", json=SET, headers=alice.headers)
    assert late.status_code == 409


def test_history_is_paginated_and_page_size_is_limited(client: TestClient, alice: User) -> None:
    for _ in range(3):
        assert client.post("/api/v1/sessions", json={}, headers=alice.headers).status_code == 201
    page = client.get("/api/v1/sessions?limit=2", headers=alice.headers).json()
    assert len(page["items"]) == 2
    assert page["next_offset"] == 2
    rest = client.get("/api/v1/sessions?limit=2&offset=2", headers=alice.headers).json()
    assert len(rest["items"]) == 1
    assert rest["next_offset"] is None
    too_big = client.get("/api/v1/sessions?limit=201", headers=alice.headers)
    assert too_big.status_code == 422
    assert too_big.json()["errors"][0]["field"] == "query.limit"


def test_a_body_over_the_limit_is_refused_with_413(client: TestClient, alice: User) -> None:
    limit = client.app.state.settings.max_body_bytes  # type: ignore[attr-defined]
    huge = "x" * (limit + 1)
    answer = client.post("/api/v1/lint", content=huge, headers=alice.headers)
    assert answer.status_code == 413
    assert answer.headers["content-type"] == "application/problem+json"


def test_templates_exercises_and_profile(client: TestClient, alice: User) -> None:
    names = [t["name"] for t in client.get("/api/v1/templates", headers=alice.headers).json()]
    assert "Chest post-exhaust" in names
    found = client.get("/api/v1/exercises?q=lateral raise", headers=alice.headers).json()
    assert any(e["mechanic"] == "isolation" for e in found["items"])
    profile = client.put(
        "/api/v1/profile",
        json={"unit": "kg", "plates": {"20": 2, "1.25": 1}, "one_rep_maxes_kg": {"squat": 140}},
        headers=alice.headers,
    )
    assert profile.status_code == 200, profile.text
    assert profile.json()["plates"] == {"20": 2, "1.25": 1}
    assert client.get("/api/v1/profile", headers=alice.headers).json() == profile.json()


def test_profile_remembers_effort_scale_and_theme(client: TestClient, alice: User) -> None:
    before = client.get("/api/v1/profile", headers=alice.headers).json()
    assert (before["effort_scale"], before["theme"]) == ("rir", "auto")
    changed = client.put(
        "/api/v1/profile", json={"effort_scale": "rpe", "theme": "dark"}, headers=alice.headers
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["effort_scale"], changed.json()["theme"]) == ("rpe", "dark")
    refused = client.put("/api/v1/profile", json={"effort_scale": "rpf"}, headers=alice.headers)
    assert refused.status_code == 422
    assert "effort_scale" in refused.text
    assert client.get("/api/v1/profile", headers=alice.headers).json()["effort_scale"] == "rpe"


def test_a_renamed_program_keeps_its_sessions_plan_and_targets(
    client: TestClient, alice: User
) -> None:
    started = start_chest_session(client, alice)
    program, session_id = started["program"], started["session"]["id"]
    client.put(f"/api/v1/sessions/{session_id}/sets/s1", json=SET, headers=alice.headers)
    client.post(f"/api/v1/sessions/{session_id}/finish", json={}, headers=alice.headers)
    before = client.get(f"/api/v1/sessions/{session_id}", headers=alice.headers).json()
    assert before["blocks"] and before["next_targets"]

    text = client.get(
        f"/api/v1/programs/{program['id']}", headers={**alice.headers, "Accept": "text/plain"}
    ).text
    renamed = text.replace(f"program: {program['name']}", "program: Renamed chest", 1)
    assert renamed != text
    put = client.put(
        f"/api/v1/programs/{program['id']}", json={"text": renamed}, headers=alice.headers
    )
    assert put.status_code == 200, put.text

    after = client.get(f"/api/v1/sessions/{session_id}", headers=alice.headers).json()
    assert after["blocks"] == before["blocks"]
    assert after["next_targets"] == before["next_targets"]


KG_LOADS = """program: Kilo loads

## Day A
A1. Barbell Bench Press: 3×8 @ 100 kg
A2. Cable Flies: 3×15 @ 20 kg
"""


def test_a_plans_absolute_loads_are_in_the_lifters_unit(client: TestClient, alice: User) -> None:
    assert client.put("/api/v1/profile", json={"unit": "lb"}, headers=alice.headers).is_success
    made = client.post("/api/v1/programs", json={"text": KG_LOADS}, headers=alice.headers)
    assert made.status_code == 201, made.text
    started = client.post(
        "/api/v1/sessions",
        headers=alice.headers,
        json={"program_id": made.json()["id"], "workout": "Day A"},
    )
    assert started.status_code == 201, started.text
    body = started.json()
    entries = body["blocks"][0]["entries"]
    assert body["unit"] == "lb"
    # 100 kg and 20 kg are 220.46 lb and 44.09 lb, rounded to what an lb lifter can load.
    assert [e["target_weight"] for e in entries] == [220.0, 40.0]
    assert all(e["target"]["unit"] == "lb" for e in entries)


def test_the_openapi_document_names_the_unit_of_every_weight(client: TestClient) -> None:
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    weights = {
        (name, field): spec
        for name, schema in schemas.items()
        for field, spec in schema.get("properties", {}).items()
        if "weight" in field or field.startswith("volume") or field.startswith("one_rep")
    }
    assert weights
    for (name, field), spec in weights.items():
        named = field.endswith("_kg") and "kg" in spec.get("description", "kg")
        assert named or "unit" in spec.get("description", ""), (name, field)
