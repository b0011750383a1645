"""The live workout in headless chromium: timers, queue, reload, feedback, summary."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import BrowserPage, LiveServer
from tests.web.session_api import chest_post_exhaust

pytestmark = pytest.mark.browser

# Record vibrations (the alarm at zero) instead of shaking a phone.
RECORD_VIBRATIONS = (
    "window.__vibrations = [];"
    "navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };"
)


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
    """Check the rest on screen, then start the next set."""
    page.wait_for_selector("#rest-panel:not([hidden])")
    assert page.locator("#rest-heading").inner_text() == heading
    page.get_by_role("button", name="Start next set").click()


def wait_synced(page: Any) -> None:
    """Wait until the outbox is empty."""
    page.wait_for_function(
        "document.getElementById('sync-status').textContent === 'All sets saved.'"
    )


def test_a_whole_workout_survives_a_reload_and_a_lost_reply_without_duplicates(
    live_server: LiveServer, web: BrowserPage
) -> None:
    session = live_server.sessions.start("chest1", chest_post_exhaust(transition_s=2))
    page = web.page
    page.add_init_script(RECORD_VIBRATIONS)
    page.goto(live_server.url + "/workout/chest1")

    log_set(page, "A1", "Barbell Bench Press", "Set 1 of 2", "80", "8")
    page.wait_for_selector("#rest-panel:not([hidden])")
    assert page.locator("#rest-heading").inner_text() == "Transition rest"
    assert "A2 · Cable Flies" in page.locator("#rest-next").inner_text()
    web.screenshots("live-rest")
    # The 2 s transition timer reaches zero: the alarm fires once and it counts overtime.
    page.wait_for_selector("#rest-timer.overtime", timeout=5000)
    assert page.evaluate("window.__vibrations.length") == 1
    end_rest(page, "Transition rest")

    web.screenshots("live-set")
    log_set(page, "A2", "Cable Flies", "Set 1 of 2", "20", "15")
    end_rest(page, "Rest after the round")

    # The server stores the next set but its reply is lost: the client must retry,
    # and the retry must not create a second set.
    lost: list[str] = []

    def lose_first_reply(route: Any) -> None:
        if not lost:
            route.fetch()
            lost.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/api/v1/sessions/chest1/sets/*", lose_first_reply)
    log_set(page, "A1", "Barbell Bench Press", "Set 2 of 2", "80", "7")
    wait_synced(page)
    assert lost and len(session.sets) == 3

    # Offline: the next set waits in the outbox; reload mid-workout once back online.
    page.context.set_offline(True)
    end_rest(page, "Transition rest")
    log_set(page, "A2", "Cable Flies", "Set 2 of 2", "20", "13")
    page.wait_for_function("document.getElementById('sync-status').textContent.includes('1')")
    assert len(session.sets) == 3
    page.context.set_offline(False)
    page.reload()
    wait_synced(page)
    assert len(session.sets) == 4

    # After the reload the page is where it was: the rest after the pair, asking for feedback.
    page.wait_for_selector("#feedback-panel:not([hidden])")
    assert page.locator("#feedback-heading").inner_text() == "How was pair A?"
    page.get_by_role("group", name="Pump (1 = none, 5 = extreme)").get_by_label("4").check()
    page.get_by_role(
        "group", name="Target-muscle exhaustion (1 = fresh, 5 = fully spent)"
    ).get_by_label("5").check()
    page.get_by_role("button", name="Save feedback").click()
    end_rest(page, "Rest after the round")

    log_set(page, "B1", "Triceps Pushdown", "Set 1 of 1", "25", "14")
    page.get_by_label("Note (optional)").fill("Flies felt great")
    page.get_by_role("button", name="Finish workout").click()
    page.wait_for_selector("#summary-panel:not([hidden])")
    assert "Barbell Bench Press: 8 reps @ 82.5 kg" in page.locator("#next-targets").inner_text()
    summary = page.locator("#summary-table").inner_text()
    assert "Barbell Bench Press\t2\t80 kg × 8\t1200 kg" in summary
    web.screenshots("live-summary")

    slots = sorted((s["block_label"], s["position"], s["set_index"]) for s in session.sets.values())
    assert slots == [("A", 1, 1), ("A", 1, 2), ("A", 2, 1), ("A", 2, 2), ("B", 1, 1)]
    assert session.set_puts >= 6, "the lost reply was retried"
    assert session.feedback["A"]["pump"] == 4 and session.feedback["A"]["exhaustion"] == 5
    assert session.finished and session.finished_note == "Flies felt great"
    first_fly = next(s for s in session.sets.values() if s["exercise_slug"] == "cable-fly")
    assert first_fly["rest_before_s"] >= 2
    assert page.evaluate("localStorage.getItem('fitrec.queue.chest1')") == "[]"
    assert web.errors == [] or all("ERR_" in e or "Failed to load" in e for e in web.errors)


def test_a_refused_set_is_reported_not_retried_forever(
    live_server: LiveServer, web: BrowserPage
) -> None:
    live_server.sessions.start("refused", chest_post_exhaust())
    page = web.page
    page.route(
        "**/api/v1/sessions/refused/sets/*",
        lambda route: route.fulfill(
            status=422, content_type="application/json", body='{"detail": "reps out of range"}'
        ),
    )
    page.goto(live_server.url + "/workout/refused")
    log_set(page, "A1", "Barbell Bench Press", "Set 1 of 2", "80", "8")
    page.wait_for_selector("#live-error:not([hidden])")
    assert "422" in page.locator("#live-error").inner_text()
    assert page.evaluate("localStorage.getItem('fitrec.queue.refused')") == "[]"


def test_an_unknown_session_says_so(live_server: LiveServer, web: BrowserPage) -> None:
    web.page.goto(live_server.url + "/workout/nosuchsession")
    web.page.wait_for_selector("#live-error:not([hidden])")
    assert (
        "could not load session nosuchsession (404)" in web.page.locator("#live-error").inner_text()
    )
