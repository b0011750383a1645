"""Browser fixtures: the web app under uvicorn on a free port, and Debian's headless chromium.

Until `fitrec.app:create_app` mounts the real API, the app is assembled here from the
page router, the static files and an in-memory stand-in for the session endpoints.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from fitrec.web import static_dir, vendor_built
from fitrec.web.progress import DeclineSpan, E1rmPoint, LiftProgress, ProgressView
from tests.web.session_api import SessionStore, session_router

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWPORTS = ((390, 844), (1280, 800))


def bench_press_history() -> ProgressView:
    """Twelve weekly bench-press e1RMs: a climb, then a decline over the last four."""
    start = date(2024, 1, 1)
    values = [100, 101.5, 102, 103.5, 104, 105.5, 106, 107, 104, 101.5, 100, 99]
    points = tuple(E1rmPoint(start + timedelta(weeks=i), v) for i, v in enumerate(values))
    bench = LiftProgress(
        slug="barbell-bench-press",
        name="Barbell Bench Press",
        points=points,
        declines=(DeclineSpan(points[7].day, points[-1].day),),
    )
    return ProgressView(lifts=(bench,), unit="kg")


@dataclass
class LiveServer:
    """The running app: its base URL, the session stand-in and the progress it shows."""

    url: str
    sessions: SessionStore
    progress: ProgressView = field(default_factory=bench_press_history)


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    """Serve the web app with uvicorn in a thread on a free port."""
    import uvicorn
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles

    from fitrec.web.pages import router
    from fitrec.web.progress import empty_progress

    if not vendor_built():
        pytest.fail("browser assets missing: run `make web-assets` (npm ci + copy to vendor/)")

    sessions = SessionStore()
    port = free_port()
    server_state = LiveServer(url=f"http://127.0.0.1:{port}", sessions=sessions)
    app = FastAPI()
    app.include_router(router)
    app.include_router(session_router(sessions))
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    app.dependency_overrides[empty_progress] = lambda: server_state.progress

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 10 s")
        time.sleep(0.02)
    yield server_state
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} missing: run `make system-deps`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass
class BrowserPage:
    """A phone-sized page plus every console error and uncaught exception it raised."""

    page: Any
    errors: list[str]

    def screenshots(self, name: str) -> None:
        """Save the page at 390×844 and 1280×800 under docs/screenshots/."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for width, height in VIEWPORTS:
            self.page.set_viewport_size({"width": width, "height": height})
            self.page.wait_for_timeout(100)  # let responsive charts re-lay out
            self.page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}x{height}.png"))
        self.page.set_viewport_size({"width": VIEWPORTS[0][0], "height": VIEWPORTS[0][1]})


@pytest.fixture
def web(browser: Any) -> Iterator[BrowserPage]:
    """A fresh browser context (empty localStorage) with one page at phone size."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield BrowserPage(page=page, errors=errors)
    context.close()
