"""The service worker shows a system notification when a rest ends and no page of the site
is visible (permission granted in the test context); a visible page gets none."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.conftest import LiveServer
from tests.web.seed import sign_up

pytestmark = pytest.mark.browser

SCHEDULE = (
    "(ms) => import('/static/rest-alert.js').then((m) => m.askForNotifications()"
    ".then((ok) => ok && m.scheduleRestAlert('rest-1', Date.now() + ms, 'Rest over',"
    " 'A2 · Cable Fly, set 2 of 3')))"
)
NOTIFICATIONS = "self.registration.getNotifications().then((list) => list.map((n) => n.body))"


@pytest.fixture
def allowed(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    """A context of the site that may show notifications, its worker controlling a page."""
    context = browser.new_context(permissions=["notifications"], base_url=live_server.url)
    page = context.new_page()
    sign_up(page, live_server.url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    yield page
    context.close()


def notifications_after(worker: Any, seconds: float) -> list[str]:
    """The worker's shown notifications, polled until one shows or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while True:
        shown = list(worker.evaluate(NOTIFICATIONS))
        if shown or time.monotonic() > deadline:
            return shown
        time.sleep(0.1)


def test_a_visible_page_or_a_cancelled_rest_gets_no_notification(allowed: Any) -> None:
    worker = allowed.context.service_workers[0]
    assert allowed.evaluate(SCHEDULE, 300) is True
    allowed.wait_for_timeout(1500)
    assert worker.evaluate(NOTIFICATIONS) == []
    assert allowed.evaluate(SCHEDULE, 800) is True
    allowed.evaluate("import('/static/rest-alert.js').then((m) => m.cancelRestAlert('rest-1'))")
    allowed.goto("about:blank")
    assert notifications_after(worker, 2) == []
