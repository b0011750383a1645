"""Every page under the strict Content-Security-Policy: Chromium reports 0 violations."""

from __future__ import annotations

from typing import Any

import pytest

from fitrec.api.security_headers import CONTENT_SECURITY_POLICY
from tests.web.conftest import BrowserPage, LiveServer
from tests.web.test_live_workout import sign_up

# Recorded before any page script runs (Playwright injects it outside the page's CSP).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${where}`);
});
"""


def _visit(web: BrowserPage, url: str) -> list[str]:
    """Open `url`, let its scripts run, and return the violations and CSP console errors."""
    web.errors.clear()
    web.page.goto(url)
    web.page.wait_for_load_state("networkidle")
    violations: list[str] = web.page.evaluate("window.__violations")
    refused = [e for e in web.errors if "Content Security Policy" in e]
    return violations + refused


def _csrf(page: Any) -> str:
    return str(page.locator("meta[name=csrf-token]").get_attribute("content"))


@pytest.mark.browser
def test_no_page_breaks_the_content_security_policy(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    page.add_init_script(RECORD_VIOLATIONS)
    assert _visit(web, url + "/") == []
    assert _visit(web, url + "/signup") == []
    assert _visit(web, url + "/login") == []
    sign_up(page, url)
    page.goto(url + "/programs")
    page.get_by_role("button", name="Copy Chest post-exhaust").click()
    page.wait_for_url("**/builder?program=*")
    headers = {"X-CSRF-Token": _csrf(page)}
    programs = page.request.get(url + "/api/v1/programs").json()["items"]
    program = programs[0]
    started = page.request.post(
        url + "/api/v1/sessions",
        data={"program_id": program["id"], "workout": program["workouts"][0]},
        headers=headers,
    )
    assert started.status == 201, started.text()
    session_id = started.json()["id"]
    logged = page.request.put(
        f"{url}/api/v1/sessions/{session_id}/sets/csp-1",
        data={"exercise": "bench press", "weight": 60, "reps": 8},
        headers=headers,
    )
    assert logged.ok, logged.text()

    pages = [
        "/",
        "/programs",
        f"/builder?program={program['id']}",
        "/import",
        "/history",
        f"/history/{session_id}",
        f"/workout/{session_id}",
        "/progress",
        "/settings",
        "/api/v1/docs",
    ]
    found = {path: _visit(web, url + path) for path in pages}
    # The API explorer (the last page) did render, from the app's own files.
    page.wait_for_selector(".swagger-ui .info .title")
    bad = {path: v for path, v in found.items() if v}
    assert bad == {}, "\n".join(f"{p}: {v}" for p, v in bad.items())


def test_every_answer_carries_the_security_headers(live_server: LiveServer) -> None:
    import httpx

    for path in ("/", "/login", "/static/app.css", "/api/v1/openapi.json", "/api/v1/profile"):
        answer = httpx.get(live_server.url + path)
        assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "same-origin"
