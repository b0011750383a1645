"""The live page's outbox in IndexedDB (idb from npm): order, one item per client id,
in-place edits, and items that outlive a reload (real headless chromium)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import BrowserPage, LiveServer

pytestmark = pytest.mark.browser

STORE = "import('/static/outbox-store.js').then((m) => new m.OutboxStore('session-1'))"


def ids(page: Any) -> list[str]:
    """The client ids queued, oldest first."""
    return list(page.evaluate(f"{STORE}.then((q) => q.all()).then((l) => l.map((i) => i.id))"))


def test_queued_items_keep_their_order_and_survive_a_reload(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page = web.page
    page.goto(live_server.url + "/login")
    page.evaluate(
        f"""{STORE}.then(async (q) => {{
            for (const id of ['s1', 's2', 's3', 's2']) await q.add({{ id, method: 'PUT' }});
            const other = new (await import('/static/outbox-store.js')).OutboxStore('other');
            await other.add({{ id: 'x' }});
        }})"""
    )
    assert ids(page) == ["s1", "s2", "s3"]
    page.reload()
    assert ids(page) == ["s1", "s2", "s3"]
    edited = page.evaluate(
        f"{STORE}.then((q) => q.update('s2', (i) => ({{ body: {{ reps: 9 }} }})))"
        ".then((ok) => import('/static/outbox-store.js')"
        ".then((m) => new m.OutboxStore('session-1').all()).then((l) => [ok, l[1].body.reps]))"
    )
    assert edited == [True, 9]
    assert page.evaluate(f"{STORE}.then((q) => q.remove('s1'))") is True
    assert page.evaluate(f"{STORE}.then((q) => q.remove('s1'))") is False
    assert ids(page) == ["s2", "s3"]
    assert localstorage_is_empty(page)
    assert web.errors == []


def localstorage_is_empty(page: Any) -> bool:
    """Nothing of the outbox went to localStorage."""
    return bool(page.evaluate("localStorage.length === 0"))
