"""End to end in headless chromium on the real app: sign up, copy the chest template, run
the live workout with its timers, reload midway, finish, then history and the e1RM chart."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.web.conftest import BrowserPage, LiveServer

pytestmark = pytest.mark.browser

RECORD_VIBRATIONS = (
    "window.__vibrations = [];"
    "navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };"
)


def sign_up(page: Any, url: str) -> str:
    """Create a fresh account through the sign-up form; returns its e-mail address."""
    email = f"lifter-{uuid.uuid4().hex[:8]}@example.com"
    page.goto(url + "/signup")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(url + "/")
    return email


def log_set(page: Any, label: str, name: str, count: str, weight: str, reps: str) -> None:
    """Check the set on screen is the expected one, then log it."""
    page.wait_for_selector("#set-panel:not([hidden])")
    assert page.locator("#set-label").inner_text() == label
    assert page.locator("#set-heading").inner_text() == name
    assert page.locator("#set-count").inner_text() == count
    page.get_by_label("Weight (kg)").fill(weight)
    page.get_by_label("Reps", exact=True).fill(reps)
    page.get_by_role("button", name="Log set").click()


def end_rest(page: Any, heading: str) -> None:
    """Check the rest on screen (its timer running), then start the next set."""
    page.wait_for_selector("#rest-panel:not([hidden])")
    assert page.locator("#rest-heading").inner_text() == heading
    first = page.locator("#rest-timer").inner_text()
    page.wait_for_function(
        f"document.getElementById('rest-timer').textContent !== {first!r}", timeout=3000
    )
    page.get_by_role("button", name="Start next set").click()


def wait_synced(page: Any) -> None:
    """Wait until the outbox is empty."""
    page.wait_for_function(
        "document.getElementById('sync-status').textContent === 'All sets saved.'"
    )


def rate(page: Any, pump: str, exhaustion: str) -> None:
    """Answer the pair's pump and exhaustion question."""
    page.wait_for_selector("#feedback-panel:not([hidden])")
    page.locator(f"input[name=pump][value='{pump}']").check()
    page.locator(f"input[name=exhaustion][value='{exhaustion}']").check()
    page.get_by_role("button", name="Save feedback").click()


def record_fetches(page: Any, url: str) -> list[str]:
    """Every fetch the page makes, as "METHOD /path" (filled in as they happen)."""
    seen: list[str] = []

    def remember(request: Any) -> None:
        if request.resource_type == "fetch":
            seen.append(f"{request.method} {request.url.removeprefix(url).split('?')[0]}")

    page.on("request", remember)
    return seen


def start_chest(page: Any, url: str) -> str:
    """Copy the chest template and start its workout; returns the session id."""
    page.goto(url + "/programs")
    page.get_by_role("button", name="Copy Chest post-exhaust").click()
    page.wait_for_url("**/builder?program=*")
    page.get_by_role("button", name="Start Chest").click()
    page.wait_for_url("**/workout/*")
    return str(page.url.rsplit("/", 1)[1])


def test_sign_up_copy_template_live_workout_history_and_chart(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    page.add_init_script(RECORD_VIBRATIONS)
    fetches = record_fetches(page, url)
    sign_up(page, url)
    web.screenshots("dashboard-empty")

    page.goto(url + "/programs")
    web.screenshots("programs")
    page.get_by_role("button", name="Copy Chest post-exhaust").click()
    page.wait_for_url("**/builder?program=*")
    page.wait_for_selector("#blocks li.block")
    web.screenshots("builder")
    page.get_by_role("button", name="Start Chest").click()
    page.wait_for_url("**/workout/*")
    session_id = page.url.rsplit("/", 1)[1]

    dumbbell = "Dumbbell Fly"
    log_set(page, "A1", "Barbell Bench Press", "Set 1 of 3", "80", "8")
    page.wait_for_selector("#rest-panel:not([hidden])")
    assert "A2 · " in page.locator("#rest-next").inner_text()
    web.screenshots("live-rest")
    end_rest(page, "Transition rest")
    page.wait_for_selector("#set-panel:not([hidden])")
    dumbbell = page.locator("#set-heading").inner_text()
    log_set(page, "A2", dumbbell, "Set 1 of 3", "14", "15")
    end_rest(page, "Rest after the round")
    log_set(page, "A1", "Barbell Bench Press", "Set 2 of 3", "80", "8")
    wait_synced(page)

    # Reload mid-workout: the page resumes in the transition rest, nothing lost or doubled.
    page.reload()
    page.wait_for_selector("#rest-panel:not([hidden])")
    wait_synced(page)
    end_rest(page, "Transition rest")
    web.screenshots("live-set")
    log_set(page, "A2", dumbbell, "Set 2 of 3", "14", "14")
    end_rest(page, "Rest after the round")
    log_set(page, "A1", "Barbell Bench Press", "Set 3 of 3", "80", "7")
    end_rest(page, "Transition rest")
    log_set(page, "A2", dumbbell, "Set 3 of 3", "14", "12")
    rate(page, "4", "5")
    page.wait_for_selector("#finish-panel:not([hidden])")
    page.get_by_label("Note").fill("Flies burned.")
    page.get_by_role("button", name="Finish workout").click()
    page.wait_for_selector("#summary-panel:not([hidden])")
    page.wait_for_function(
        "document.getElementById('sync-status').textContent === 'Workout saved.'"
    )
    rows = page.locator("#summary-table tbody tr")
    assert rows.count() == 2
    assert "3" in rows.nth(0).inner_text()
    web.screenshots("live-summary")
    # The live page spoke to the API only, as any client does.
    api = f"/api/v1/sessions/{session_id}"
    live = [f for f in fetches if session_id in f]
    assert f"GET {api}" in live and f"POST {api}/finish" in live
    assert f"PUT {api}/feedback/A" in live
    assert sum(1 for f in live if f.startswith(f"PUT {api}/sets/")) == 6
    assert all(f.split(" ", 1)[1].startswith("/api/v1/") for f in fetches), fetches

    page.goto(url + "/history")
    web.screenshots("history")
    page.locator(f"a[href$='/history/{session_id}']").click()
    page.wait_for_selector("#sets-heading")
    assert page.locator(".set-list li").count() == 6
    assert "Flies burned." in page.locator("#session-note").inner_text()
    assert "pump 4, exhaustion 5" in page.content()
    web.screenshots("session")

    page.goto(url + "/progress")
    page.wait_for_selector("canvas.e1rm-chart[data-lift='barbell-bench-press']")
    points = page.evaluate(
        "JSON.parse(document.getElementById('progress-data').textContent)"
        ".lifts.find(l => l.slug === 'barbell-bench-press').points.length"
    )
    assert points == 1
    web.screenshots("progress")

    page.goto(url + "/")
    web.screenshots("dashboard")
    assert not web.errors, web.errors


def test_a_refused_set_shows_the_field_and_the_reason(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    start_chest(page, url)
    log_set(page, "A1", "Barbell Bench Press", "Set 1 of 3", "5000", "8")
    page.wait_for_selector("#live-error:not([hidden])")
    shown = page.locator("#live-error").inner_text()
    # The API's 422 problem document, said to the lifter: which field, and why.
    assert "set A1 #1: weight: " in shown, shown  # the field as the lifter reads it
    assert "less than or equal to" in shown, shown
    assert "body." not in shown and "Unprocessable" not in shown, shown


def test_the_second_session_shows_last_time_beside_the_target(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    start_chest(page, url)
    log_set(page, "A1", "Barbell Bench Press", "Set 1 of 3", "82.5", "9")
    wait_synced(page)
    assert page.locator("#set-last").inner_text() == ""
    page.goto(url + "/programs")
    page.get_by_role("button", name="Start Chest").first.click()
    page.wait_for_url("**/workout/*")
    page.wait_for_selector("#set-panel:not([hidden])")
    assert page.locator("#set-last").inner_text().startswith("Last time: 82.5 kg × 9 (")
    assert page.locator("#set-target").inner_text().startswith("Target: ")
