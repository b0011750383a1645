"""Browser fixtures: the real app (fitrec.app:create_app) under uvicorn on a temp SQLite
database, and Debian's headless chromium.
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

from fitrec.web import vendor_built
from fitrec.web.progress import DeclineSpan, E1rmPoint, LiftProgress, ProgressView

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
    """The running app: its base URL and the database it writes."""

    url: str
    database_url: str
    extra: dict[str, Any] = field(default_factory=dict)


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_app(data_dir: Path) -> Any:
    """The real app on a fresh SQLite database in `data_dir`."""
    from fitrec.app import create_app
    from fitrec.config import Settings

    settings = Settings(
        data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'fitrec.db'}", secret_key="t" * 48
    )
    return create_app(settings)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """Serve the real app with uvicorn in a thread on a free port."""
    import uvicorn

    if not vendor_built():
        pytest.fail("browser assets missing: run `make web-assets` (npm ci + copy to vendor/)")
    data_dir = tmp_path_factory.mktemp("web-db")
    app = make_app(data_dir)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 10 s")
        time.sleep(0.02)
    yield LiveServer(url=f"http://127.0.0.1:{port}", database_url=str(data_dir))
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
