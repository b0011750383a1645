"""PUT a set: the token is checked in the logging transaction, idempotency, finished sessions."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD, User

SET = {"exercise": "bench press", "weight": 80, "reps": 8, "rpe": 8}


def _session(client: TestClient, user: User) -> str:
    answer = client.post("/api/v1/sessions", headers=user.headers, json={})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def test_a_revoked_token_cannot_log_the_next_set(client: TestClient, alice: User) -> None:
    session = _session(client, alice)
    path = f"/api/v1/sessions/{session}/sets/s1"
    assert client.put(path, headers=alice.headers, json=SET).status_code == 201
    token_id = client.get("/api/v1/tokens", headers=alice.headers).json()[0]["id"]
    assert client.delete(f"/api/v1/tokens/{token_id}", headers=alice.headers).status_code == 204
    refused = client.put(f"/api/v1/sessions/{session}/sets/s2", headers=alice.headers, json=SET)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == 'Bearer error="invalid_token"'


def test_unknown_tokens_and_missing_credentials_are_401(client: TestClient, alice: User) -> None:
    session = _session(client, alice)
    path = f"/api/v1/sessions/{session}/sets/s1"
    for headers in ({"Authorization": "Bearer fitrec_nope"}, {"Authorization": "Basic x"}, {}):
        assert client.put(path, headers=headers, json=SET).status_code == 401
    assert client.get(f"/api/v1/sessions/{session}", headers=alice.headers).json()["sets"] == []


def test_second_put_answers_200_with_the_stored_set(client: TestClient, alice: User) -> None:
    session = _session(client, alice)
    path = f"/api/v1/sessions/{session}/sets/s1"
    first = client.put(path, headers=alice.headers, json=SET)
    again = client.put(path, headers=alice.headers, json={**SET, "weight": 99})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json() and again.json()["set_index"] == 1
    second = client.put(f"/api/v1/sessions/{session}/sets/s2", headers=alice.headers, json=SET)
    assert second.json()["set_index"] == 2
    stored = client.get(f"/api/v1/sessions/{session}", headers=alice.headers).json()["sets"]
    assert [s["id"] for s in stored] == ["s1", "s2"]


def test_retry_after_finishing_answers_the_stored_set(client: TestClient, alice: User) -> None:
    session = _session(client, alice)
    path = f"/api/v1/sessions/{session}/sets/s1"
    first = client.put(path, headers=alice.headers, json=SET)
    finished = client.post(f"/api/v1/sessions/{session}/finish", headers=alice.headers, json={})
    assert finished.status_code == 200
    again = client.put(path, headers=alice.headers, json=SET)
    assert again.status_code == 200 and again.json() == first.json()
    late = client.put(f"/api/v1/sessions/{session}/sets/s2", headers=alice.headers, json=SET)
    assert late.status_code == 409


def test_same_id_in_another_session_is_409(client: TestClient, alice: User, bob: User) -> None:
    one, two = _session(client, alice), _session(client, alice)
    assert (
        client.put(f"/api/v1/sessions/{one}/sets/x", headers=alice.headers, json=SET).status_code
        == 201
    )
    clash = client.put(f"/api/v1/sessions/{two}/sets/x", headers=alice.headers, json=SET)
    assert clash.status_code == 409
    theirs = client.put(f"/api/v1/sessions/{one}/sets/y", headers=bob.headers, json=SET)
    assert theirs.status_code == 404


def test_history_answers_the_cached_document_until_a_set_is_logged(
    client: TestClient, alice: User
) -> None:
    session = _session(client, alice)
    path = f"/api/v1/sessions/{session}/sets/h1"
    assert client.put(path, headers=alice.headers, json=SET).status_code == 201
    for query in ("", "?exercise=bench%20press", "?exercise=barbell-bench-press"):
        first = client.get("/api/v1/history" + query, headers=alice.headers)
        again = client.get("/api/v1/history" + query, headers=alice.headers)
        assert first.status_code == again.status_code == 200
        assert first.content == again.content
        assert [s["id"] for s in first.json()["sessions"][0]["sets"]] == ["h1"]
    second = f"/api/v1/sessions/{session}/sets/h2"
    assert client.put(second, headers=alice.headers, json=SET).status_code == 201
    for query in ("", "?exercise=bench%20press"):
        after = client.get("/api/v1/history" + query, headers=alice.headers).json()
        assert [s["id"] for s in after["sessions"][0]["sets"]] == ["h1", "h2"]


def test_a_cookie_request_to_log_a_set_needs_the_csrf_token(
    client: TestClient, alice: User
) -> None:
    session = _session(client, alice)
    answer = client.post("/api/v1/login", json={"email": alice.email, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    csrf = str(answer.json()["csrf_token"])
    path = f"/api/v1/sessions/{session}/sets/c1"
    forged = client.put(path, json=SET)
    assert forged.status_code == 403
    assert forged.headers["content-type"].startswith("application/problem+json")
    logged = client.put(path, json=SET, headers={"X-CSRF-Token": csrf})
    assert logged.status_code == 201, logged.text
    assert client.put(path, json=SET, headers={"X-CSRF-Token": csrf}).status_code == 200
    client.cookies.clear()
    assert client.put(f"/api/v1/sessions/{session}/sets/c2", json=SET).status_code == 401
