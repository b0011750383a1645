"""Each main page in headless chromium: renders, loads its scripts, no console errors."""

from __future__ import annotations

import pytest

from tests.web.conftest import BrowserPage, LiveServer

pytestmark = pytest.mark.browser


def test_home_renders_without_console_errors(live_server: LiveServer, web: BrowserPage) -> None:
    web.page.goto(live_server.url + "/")
    assert web.page.get_by_role("heading", level=1).inner_text() == "Today"
    web.page.keyboard.press("Tab")
    focused = web.page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    web.screenshots("home")
    assert web.errors == []


def test_progress_draws_the_bench_press_e1rm_chart_from_vendor_chart_js(
    live_server: LiveServer, web: BrowserPage
) -> None:
    loaded: list[str] = []
    web.page.on("response", lambda r: loaded.append(r.url) if r.ok else None)
    web.page.goto(live_server.url + "/progress")
    web.page.wait_for_function("window.fitrecCharts && window.fitrecCharts.length === 1")
    assert any(url.endswith("/static/vendor/chart.umd.min.js") for url in loaded)
    assert all(url.startswith(live_server.url) for url in loaded), "only our own origin"
    chart = web.page.evaluate(
        "(() => { const c = window.fitrecCharts[0];"
        " return {points: c.data.datasets[0].data.length, scale: c.scales.x.type}; })()"
    )
    assert chart == {"points": 12, "scale": "time"}
    # Something was painted: the canvas is not blank.
    painted = web.page.evaluate(
        "(() => { const c = document.querySelector('canvas.e1rm-chart');"
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; })()"
    )
    assert painted > 500
    web.screenshots("progress")
    assert web.errors == []


def test_builder_fits_a_phone_screen(live_server: LiveServer, web: BrowserPage) -> None:
    web.page.goto(live_server.url + "/builder")
    assert web.page.get_by_label("Program in the notation (checked as you type)").is_visible()
    width = web.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the builder scrolls sideways on a phone"
    web.screenshots("builder")
