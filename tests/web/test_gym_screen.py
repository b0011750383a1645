"""A screen made for the gym (real headless chromium): one-line navigation during a workout,
44 px tap targets, numeric keypads, dark mode with an override, no shift when the timer starts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.conftest import SCREENSHOTS, LiveServer
from tests.web.seed import lifter_with_a_session

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DARK_PAPER = "rgb(18, 18, 18)"
LIGHT_PAPER = "rgb(255, 255, 255)"
# Everything a thumb may tap; hidden ones (display:none) have no box and are skipped.
TAPPABLE = "button, input:not([type=hidden]), select, textarea, summary, .nav-list a"


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A phone-sized page whose device prefers light colours."""
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    yield context.new_page()
    context.close()


def paper(page: Any) -> str:
    """The page's background colour."""
    return str(page.evaluate("getComputedStyle(document.documentElement).backgroundColor"))


def small_targets(page: Any) -> list[str]:
    """Visible tap targets under 44 × 44 px (a radio or checkbox counts by its label)."""
    return list(
        page.evaluate(
            """(selector) => [...document.querySelectorAll(selector)].flatMap((el) => {
                const box = (el.type === 'radio' || el.type === 'checkbox') && el.closest('label')
                    ? el.closest('label').getBoundingClientRect() : el.getBoundingClientRect();
                if (box.width === 0 && box.height === 0) return [];
                return box.width < 44 || box.height < 44
                    ? [`${el.tagName.toLowerCase()}#${el.id || el.name || el.textContent.trim()}`
                       + ` ${Math.round(box.width)}x${Math.round(box.height)}`] : [];
            })""",
            TAPPABLE,
        )
    )


def test_during_a_workout_the_navigation_is_one_line_with_a_menu(
    live_server: LiveServer, phone: Any
) -> None:
    url = live_server.url
    lifter = lifter_with_a_session(phone, url, finish=False)
    phone.goto(url + "/")
    full = phone.locator(".site-header").bounding_box()["height"]
    phone.goto(url + f"/workout/{lifter.session_id}")
    header = phone.locator(".site-header").bounding_box()
    assert header["height"] <= 64 < full
    assert phone.get_by_role("link", name="History").is_hidden()
    phone.locator(".nav-menu summary").click()
    assert phone.get_by_role("link", name="History").is_visible()
    assert small_targets(phone) == []
    phone.screenshot(path=str(SCREENSHOTS / "live-menu-390x844.png"))


def test_tap_targets_are_44_px_and_numbers_open_the_numeric_keypad(
    live_server: LiveServer, phone: Any
) -> None:
    url = live_server.url
    lifter = lifter_with_a_session(phone, url, finish=False)
    for path in ("/", "/settings", f"/workout/{lifter.session_id}"):
        phone.goto(url + path)
        phone.wait_for_load_state("networkidle")
        assert small_targets(phone) == [], path
    phone.goto(url + f"/workout/{lifter.session_id}")
    phone.wait_for_selector("#set-panel:not([hidden])")
    assert phone.locator("#set-weight").get_attribute("inputmode") == "decimal"
    assert phone.locator("#set-reps").get_attribute("inputmode") == "numeric"


def test_dark_mode_follows_the_device_unless_the_profile_overrides_it(
    live_server: LiveServer, browser: Any
) -> None:
    url = live_server.url
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    try:
        lifter_with_a_session(page, url)
        assert paper(page) == DARK_PAPER
        page.goto(url + "/settings")
        page.get_by_label("Colours").select_option("light")
        page.get_by_role("button", name="Save settings").click()
        page.wait_for_url("**/settings?saved=1")
        assert paper(page) == LIGHT_PAPER
        page.goto(url + "/history")
        assert paper(page) == LIGHT_PAPER
        page.emulate_media(color_scheme="light")
        page.goto(url + "/settings")
        page.get_by_label("Colours").select_option("dark")
        page.get_by_role("button", name="Save settings").click()
        page.wait_for_url("**/settings?saved=1")
        assert paper(page) == DARK_PAPER
        assert page.get_by_label("Colours").input_value() == "dark"
    finally:
        context.close()


def test_nothing_shifts_when_the_rest_timer_starts_and_counts(
    live_server: LiveServer, phone: Any
) -> None:
    url = live_server.url
    lifter = lifter_with_a_session(phone, url, sets=0, finish=False)
    phone.goto(url + f"/workout/{lifter.session_id}")
    phone.wait_for_selector("#set-panel:not([hidden])")
    top = phone.locator("#set-panel").bounding_box()["y"]
    phone.get_by_label("Weight (kg)").fill("80")
    phone.get_by_label("Reps", exact=True).fill("8")
    phone.get_by_role("button", name="Log set").click()
    phone.wait_for_selector("#rest-panel:not([hidden])")
    assert phone.locator("#rest-panel").bounding_box()["y"] == top
    timer = phone.locator("#rest-timer")
    before, text = timer.bounding_box(), timer.inner_text()
    phone.wait_for_function(
        f"() => document.getElementById('rest-timer').textContent !== {text!r}", timeout=5000
    )
    assert timer.bounding_box() == before
    assert phone.locator("#rest-panel").bounding_box()["y"] == top


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_each_gym_screen_light_and_dark(
    live_server: LiveServer, browser: Any, scheme: str
) -> None:
    url = live_server.url
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    try:
        lifter = lifter_with_a_session(page, url, finish=False)
        shots = {
            "today": "/",
            "settings": "/settings",
            "live-set": f"/workout/{lifter.session_id}",
            "session": f"/history/{lifter.session_id}",
        }
        for name, path in shots.items():
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            assert paper(page) == (DARK_PAPER if scheme == "dark" else LIGHT_PAPER)
            for width, height in ((390, 844), (1280, 800)):
                page.set_viewport_size({"width": width, "height": height})
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{scheme}-{width}x{height}.png"))
            page.set_viewport_size(PHONE)
        page.goto(url + f"/history/{lifter.session_id}")
        page.get_by_role("button", name="Delete").first.click()
        page.wait_for_selector("#doomed-set")
        page.screenshot(path=str(SCREENSHOTS / f"delete-confirm-{scheme}-390x844.png"))
    finally:
        context.close()
