"""Lifters with data, made through the real pages and `/api/v1` of a running app."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class Lifter:
    """A signed-up lifter of a browser context, and a session they started."""

    email: str
    program_id: str
    session_id: str


def sign_up(page: Any, url: str) -> str:
    """Create a fresh account through the sign-up form; returns its e-mail address."""
    email = f"lifter-{uuid.uuid4().hex[:8]}@example.com"
    page.goto(url + "/signup")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(url + "/")
    return email


def csrf(page: Any) -> str:
    """The web session's CSRF token, from the layout's meta tag."""
    return str(page.locator("meta[name=csrf-token]").get_attribute("content"))


def api(page: Any, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
    """A JSON call to `/api/v1` with the context's session cookie and CSRF header."""
    answer = page.context.request.fetch(
        url, method=method, data=body, headers={"X-CSRF-Token": csrf(page)}
    )
    assert answer.ok, f"{method} {url}: {answer.status} {answer.text()}"
    return answer.json() if answer.status != 204 else None


def lifter_with_a_session(page: Any, url: str, *, sets: int = 2, finish: bool = True) -> Lifter:
    """Sign up, copy the chest template, start its first workout and log `sets` bench sets."""
    email = sign_up(page, url)
    program = api(page, "POST", f"{url}/api/v1/templates/Chest post-exhaust/copy", {})
    started = api(
        page,
        "POST",
        f"{url}/api/v1/sessions",
        {"program_id": program["id"], "workout": program["workouts"][0]["name"]},
    )
    session_id = started["id"]
    for number in range(1, sets + 1):
        api(
            page,
            "PUT",
            f"{url}/api/v1/sessions/{session_id}/sets/seed-{number}",
            {"exercise": "bench press", "weight": 80, "reps": 8, "rpe": 8, "block_label": "A"},
        )
    if finish:
        api(page, "POST", f"{url}/api/v1/sessions/{session_id}/finish", {})
    return Lifter(email=email, program_id=program["id"], session_id=session_id)
