"""Installable and offline: the manifest and its icons, the Workbox worker, Today offline,
and the reload offered when a new release's worker is waiting (real headless chromium)."""

from __future__ import annotations

import json
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fitrec.web import service_worker_file, static_dir
from tests.web.conftest import BrowserPage, LiveServer
from tests.web.seed import lifter_with_a_session, sign_up

pytestmark = pytest.mark.browser

MANIFEST = static_dir() / "vendor" / "manifest.webmanifest"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_manifest_starts_at_today_standalone_with_icons_made_from_the_svg() -> None:
    manifest = json.loads(MANIFEST.read_text())
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    assert manifest["name"] == "fitrec" and manifest["theme_color"].startswith("#")
    sizes = set()
    for icon in manifest["icons"]:
        path = static_dir() / icon["src"].removeprefix("/static/")
        width, height = png_size(path)
        assert icon["sizes"] == f"{width}x{height}"
        sizes.add((width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes


def eventually(page: Any, promise: str, seconds: float = 5) -> bool:
    """Whether the page's promise expression resolves truthy within `seconds` (polled)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(promise):
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(100)
    return True


def wait_controlled(page: Any) -> None:
    """Wait for the worker to be active, then reload once so it controls the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def test_every_page_links_the_manifest_and_registers_the_worker(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    page.goto(url + "/login")
    href = page.locator("link[rel=manifest]").get_attribute("href")
    assert href == url + "/static/vendor/manifest.webmanifest"
    scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == url + "/"
    answer = page.context.request.get(url + "/sw.js")
    assert answer.headers["cache-control"] == "no-cache"
    assert "precacheAndRoute" in answer.text() or "fitrec-pages" in answer.text()
    assert web.errors == []


def test_today_and_the_workout_reload_offline_from_the_worker_cache(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    lifter = lifter_with_a_session(page, url, finish=False)
    page.goto(url + "/")
    wait_controlled(page)
    page.goto(url + f"/workout/{lifter.session_id}")
    page.wait_for_selector("#live-title")
    page.goto(url + "/")
    page.context.set_offline(True)
    try:
        page.reload()
        assert page.locator("h1").first.inner_text()
        assert page.locator("link[rel=stylesheet]").count() == 1
        # The stylesheet came from the precache: the header has its dark background.
        background = page.evaluate(
            "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
        )
        assert background == "rgb(26, 26, 26)"
        page.goto(url + f"/workout/{lifter.session_id}")
        assert page.locator("#live-title").count() == 1
    finally:
        page.context.set_offline(False)


@pytest.fixture
def new_release() -> Iterator[Path]:
    """A changed worker script, as a new release would serve; restored afterwards."""
    path = service_worker_file()
    original = path.read_bytes()
    yield path
    path.write_bytes(original)


def test_a_waiting_new_worker_offers_a_reload_that_hands_over(
    live_server: LiveServer, web: BrowserPage, new_release: Path
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    wait_controlled(page)
    assert page.locator("#update-banner").is_hidden()
    new_release.write_bytes(new_release.read_bytes() + b"\n// next release\n")
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    page.wait_for_selector("#update-banner:not([hidden])")
    with page.expect_navigation():
        page.get_by_role("button", name="Reload").click()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    # Handed over: the new worker controls the page and none is left waiting.
    state = page.evaluate("navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)")
    assert state is False
    assert page.locator("#update-banner").is_hidden()


def test_logging_out_forgets_the_cached_pages(live_server: LiveServer, web: BrowserPage) -> None:
    page, url = web.page, live_server.url
    lifter = lifter_with_a_session(page, url, finish=False)
    wait_controlled(page)
    page.goto(url + f"/workout/{lifter.session_id}")
    cached = f"caches.match('/workout/{lifter.session_id}').then(Boolean)"
    assert eventually(page, cached)
    page.locator(".nav-menu summary").click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(url + "/")
    assert eventually(page, f"{cached}.then((found) => !found)")
