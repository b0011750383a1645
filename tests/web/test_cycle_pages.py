"""The generator form and the cycle view in headless chromium, with screenshots."""

from __future__ import annotations

import pytest

from tests.web.conftest import BrowserPage, LiveServer
from tests.web.test_live_workout import sign_up

pytestmark = pytest.mark.browser


def test_plan_a_program_save_it_and_run_it_as_a_cycle(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    page.goto(url + "/plan")
    page.get_by_label("Days a week (2-6)").fill("3")
    page.get_by_label("Training age in months").fill("24")
    page.get_by_label("chest").check()
    page.get_by_label("back", exact=True).check()
    page.get_by_role("button", name="Generate").click()
    page.wait_for_selector("#result-heading")
    assert page.locator("#lint-result").inner_text() == "Lint: 0 errors, 0 warnings."
    assert "chest is a priority" in page.locator("#explanations").inner_text()
    assert "Post-Exhaust Pair 1 - Chest" in page.locator("#program-text").inner_text()
    web.screenshots("plan")
    page.get_by_role("button", name="Save as a program").click()
    page.wait_for_url(url + "/cycle")
    page.get_by_label("Accumulation weeks (4-8)").fill("4")
    page.get_by_role("button", name="Start the cycle").click()
    page.wait_for_selector("#cycle-grid")
    cells = page.locator("#cycle-grid td[data-state]")
    assert cells.count() == 5 * 3
    assert cells.nth(0).get_attribute("data-state") == "next"
    page.get_by_role("button", name="Mark Day 1 done").click()
    page.wait_for_selector("#cycle-grid td[data-state='done']")
    assert cells.nth(1).get_attribute("data-state") == "next"
    assert "Day 2" in page.locator("#next-heading").inner_text()
    web.screenshots("cycle")
    assert not web.errors, web.errors


def test_a_bad_goal_is_shown_on_the_form(live_server: LiveServer, web: BrowserPage) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    page.goto(url + "/plan")
    for kind in ("barbell", "dumbbell", "cable", "machine", "bodyweight"):
        page.get_by_label(kind, exact=True).uncheck()
    page.get_by_role("button", name="Generate").click()
    alert = page.get_by_role("alert")
    assert "equipment" in alert.inner_text()
