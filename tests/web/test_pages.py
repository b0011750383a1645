"""The pages on the real app (Starlette's test client, temp SQLite): access, forms, CSRF."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import fitrec
from fitrec.web import static_dir, templates_dir
from tests.web.conftest import make_app

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One real app per module on a fresh database."""
    return make_app(Path(tmp_path_factory.mktemp("pages-db")))


def token(html: str) -> str:
    """The CSRF token of the first form of a page."""
    found = TOKEN.search(html)
    assert found is not None, "the page has no CSRF field"
    return found.group(1)


def signed_in(app: Any, email: str) -> TestClient:
    """A client that signed up through the form."""
    client = TestClient(app)
    page = client.get("/signup")
    response = client.post(
        "/signup", data={"csrf_token": token(page.text), "email": email, "password": "s3cret-pass"}
    )
    assert response.status_code == 200 and str(response.url).endswith("/")
    return client


def test_the_session_cookie_is_httponly_and_samesite_lax(app: Any) -> None:
    client = TestClient(app)
    page = client.get("/signup")
    response = client.post(
        "/signup",
        data={"csrf_token": token(page.text), "email": "c@example.com", "password": "s3cret-pass"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and "fitrec_session" in v
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http here; https gets Secure


def test_a_form_without_its_csrf_token_is_refused(app: Any) -> None:
    client = TestClient(app)
    client.get("/signup")
    response = client.post("/signup", data={"email": "x@example.com", "password": "s3cret-pass"})
    assert response.status_code in (403, 422)
    response = client.post(
        "/signup",
        data={"csrf_token": "forged", "email": "x@example.com", "password": "s3cret-pass"},
    )
    assert response.status_code == 403


def test_pages_need_a_session_and_redirect_to_log_in(app: Any) -> None:
    response = TestClient(app).get("/progress", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/progress"


def test_log_in_wrong_password_then_right(app: Any) -> None:
    signed_in(app, "d@example.com")
    client = TestClient(app)
    page = client.get("/login")
    bad = client.post(
        "/login",
        data={"csrf_token": token(page.text), "email": "d@example.com", "password": "nope-nope"},
    )
    assert bad.status_code == 401
    assert "wrong e-mail address or password" in bad.text
    good = client.post(
        "/login",
        data={
            "csrf_token": token(bad.text),
            "email": "d@example.com",
            "password": "s3cret-pass",
            "next": "/history",
        },
    )
    assert good.status_code == 200 and str(good.url).endswith("/history")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/programs",
        "/builder",
        "/history",
        "/progress",
        "/import",
        "/settings",
        "/workout/{session}",
    ],
)
def test_every_page_has_landmarks_labels_and_a_skip_link(app: Any, path: str) -> None:
    client = signed_in(app, f"l{abs(hash(path))}@example.com")
    if "{session}" in path:  # the live page is only for a session of the lifter's own
        csrf = {"X-CSRF-Token": token(client.get("/").text)}
        started = client.post("/api/v1/sessions", json={}, headers=csrf)
        assert started.status_code == 201, started.text
        path = path.format(session=started.json()["id"])
    html = client.get(path).text
    assert '<html lang="en">' in html
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and '<nav aria-label="Main">' in html and "<h1" in html
    for control_id in re.findall(r'<(?:input|textarea|select)[^>]*\bid="([^"]+)"', html):
        assert f'for="{control_id}"' in html, f"{path}: #{control_id} has no <label for>"


def test_settings_save_units_plates_and_maxes_and_tokens_show_once(app: Any) -> None:
    client = signed_in(app, "s@example.com")
    page = client.get("/settings")
    saved = client.post(
        "/settings",
        data={
            "csrf_token": token(page.text),
            "unit": "kg",
            "level": "intermediate",
            "training_age_months": "30",
            "bar_weight": "20",
            "plates": "20×4, 10×2, 2.5×2",
            "one_rep_maxes": "Bench Press = 100 kg",
        },
    )
    assert saved.status_code == 200
    assert 'value="20×4, 10×2, 2.5×2"' in saved.text
    assert "Barbell Bench Press = 100 kg" in saved.text
    made = client.post("/settings/tokens", data={"csrf_token": token(saved.text), "name": "phone"})
    secret = re.search(r'<code id="new-token">([^<]+)</code>', made.text)
    assert secret is not None and secret.group(1).startswith("fitrec_")
    again = client.get("/settings").text
    assert secret.group(1) not in again and "Revoke phone" in again
    token_id = re.search(r"/settings/tokens/(\d+)/revoke", again).group(1)  # type: ignore[union-attr]
    client.post(f"/settings/tokens/{token_id}/revoke", data={"csrf_token": token(again)})
    assert "revoked" in client.get("/settings").text


def test_builder_lint_route_puts_the_pairing_error_on_its_block(app: Any) -> None:
    client = signed_in(app, "b@example.com")
    csrf = token(client.get("/builder").text)
    text = (
        "program: P\n\n## Day A\nA1. Bench Press: 3×8 @ 80% 1RM\n"
        "→ Rest 60 seconds\nA2. Leg Extension: 3×15\n"
    )
    found = client.post("/api/v1/lint", json={"text": text}, headers={"X-CSRF-Token": csrf}).json()
    pairing = [f for f in found["findings"] if f["code"] == "pairing"]
    assert pairing and pairing[0]["block"] == "A" and pairing[0]["fix"]
    assert [(b["workout"], b["label"], b["line"]) for b in found["blocks"]] == [("Day A", "A", 4)]
    assert client.post("/api/v1/lint", json={"text": text}).status_code == 403


def test_the_web_serves_no_json_api_of_its_own(app: Any) -> None:
    # The pages and their scripts talk to /api/v1 only: no code declares or calls /web/api.
    source = Path(fitrec.__file__).parent
    mentions = [
        str(path.relative_to(source))
        for path in source.rglob("*")
        if path.suffix in {".py", ".js", ".html"} and "/web/api" in path.read_text("utf-8")
    ]
    assert not mentions, mentions
    client = signed_in(app, "no-web-api@example.com")
    csrf = {"X-CSRF-Token": token(client.get("/builder").text)}
    for method, path in (
        ("GET", "/web/api/exercises?q=bench"),
        ("POST", "/web/api/lint"),
        ("GET", "/web/api/sessions/abc"),
        ("PUT", "/web/api/sessions/abc/sets/s1"),
        ("POST", "/web/api/sessions/abc/finish"),
    ):
        assert client.request(method, path, json={}, headers=csrf).status_code == 404, path


def test_our_own_assets_exist_beside_the_templates(app: Any) -> None:
    for name in ("app.css", "live.js", "live-plan.js", "sync-queue.js", "builder.js", "charts.js"):
        assert (static_dir() / name).is_file(), name
    assert (templates_dir() / "base.html").is_file()
    response = TestClient(app).get("/static/live.js")
    assert response.status_code == 200 and "javascript" in response.headers["content-type"]


def test_progress_and_dashboard_follow_each_logged_set(app: Any) -> None:
    client = signed_in(app, "cache@example.com")
    programs = client.get("/programs")
    copied = client.post(
        "/programs/copy",
        data={"csrf_token": token(programs.text), "template": "Sample post-exhaust full body"},
    )
    program_id = str(copied.url).split("program=")[1]
    started = client.post(
        "/sessions/start", data={"csrf_token": token(copied.text), "program": program_id}
    )
    session_id = str(started.url).rsplit("/", 1)[1]
    assert "No history yet" in client.get("/progress").text
    csrf = {"X-CSRF-Token": token(client.get("/").text)}
    seen: list[float] = []
    for n, weight in enumerate((100, 120), start=1):
        body = {
            "exercise_slug": "barbell-bench-press",
            "block_label": "A",
            "position": 1,
            "set_index": n,
            "weight": weight,
            "unit": "kg",
            "reps": 8,
            "rir": 2,
            "set_type": "working",
        }
        put = client.put(f"/api/v1/sessions/{session_id}/sets/s{n}", json=body, headers=csrf)
        assert put.status_code == 201
        html = client.get("/progress").text
        # Epley-style estimates differ by formula: the best e1RM is well above the load.
        best = re.search(r"<td>Barbell Bench Press</td><td>([0-9.]+) kg</td>", html)
        assert best is not None and float(best.group(1)) > weight
        seen.append(float(best.group(1)))
    assert seen[1] > seen[0]  # the cached page was replaced after the heavier set
    dashboard = client.get("/").text
    assert "Barbell Bench Press" in dashboard


def test_another_owners_ids_are_not_found_in_forms_and_pages(app: Any) -> None:
    """Defect 9: forms answered 422 for another user's ids, the live page 200 and empty."""
    owner = signed_in(app, "owner-of-ids@example.com")
    programs = owner.get("/programs")
    copied = owner.post(
        "/programs/copy",
        data={"csrf_token": token(programs.text), "template": "Sample post-exhaust full body"},
    )
    program_id = str(copied.url).split("program=")[1]
    started = owner.post(
        "/sessions/start", data={"csrf_token": token(copied.text), "program": program_id}
    )
    session_id = str(started.url).rsplit("/", 1)[1]
    body = {"exercise_slug": "barbell-bench-press", "weight": 100, "reps": 8, "unit": "kg"}
    csrf = {"X-CSRF-Token": token(owner.get("/").text)}
    put = owner.put(f"/api/v1/sessions/{session_id}/sets/mine", json=body, headers=csrf)
    assert put.status_code == 201, put.text

    other = signed_in(app, "not-the-owner@example.com")
    form = {"csrf_token": token(other.get("/").text)}
    assert other.get(f"/workout/{session_id}").status_code == 404
    start = other.post("/sessions/start", data={**form, "program": program_id})
    assert start.status_code == 404
    copy = other.post("/programs/copy", data={**form, "program": program_id})
    assert copy.status_code == 404
    edit = other.post(f"/history/{session_id}/sets/mine", data={**form, "weight": "1", "reps": "1"})
    assert edit.status_code == 404
    assert owner.get(f"/workout/{session_id}").status_code == 200
