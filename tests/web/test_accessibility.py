"""axe-core (from npm, injected by Playwright) on every page, at phone and desktop size, in
light and dark: no serious or critical violation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import VIEWPORTS, LiveServer
from tests.web.seed import lifter_with_a_session

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SIGNED_OUT = ("/", "/login", "/signup")
# Every page a signed-in lifter can open; {program} and {session} are filled in per lifter.
SIGNED_IN = (
    "/",
    "/programs",
    "/builder?program={program}",
    "/history",
    "/history/{session}",
    "/progress",
    "/import",
    "/settings",
    "/workout/{session}",
)


def axe_violations(page: Any) -> list[str]:
    """The serious and critical axe-core findings of the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so a strict CSP does not block it.
        page.evaluate(AXE.read_text())
    results = page.evaluate(
        "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map("
        "(v) => ({ id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))"
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {v['nodes']}"
        for v in results
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture(params=[(v, s) for v in VIEWPORTS for s in ("light", "dark")], ids=str)
def themed(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A page at one viewport, with the device's colour scheme light or dark."""
    (width, height), scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    yield context.new_page()
    context.close()


def test_axe_core_is_installed_from_npm() -> None:
    assert AXE.is_file(), "run `make web-assets` (npm ci installs axe-core)"


def test_no_serious_or_critical_axe_violation_on_any_page(
    live_server: LiveServer, themed: Any
) -> None:
    page, url = themed, live_server.url
    found: dict[str, list[str]] = {}
    for path in SIGNED_OUT:
        page.goto(url + path)
        found[f"signed out {path}"] = axe_violations(page)
    lifter = lifter_with_a_session(page, url)
    for path in SIGNED_IN:
        page.goto(url + path.format(program=lifter.program_id, session=lifter.session_id))
        page.wait_for_load_state("networkidle")
        found[path] = axe_violations(page)
    page.goto(url + f"/history/{lifter.session_id}")
    page.get_by_role("button", name="Delete").first.click()
    page.wait_for_selector("#doomed-set")
    found["delete confirmation"] = axe_violations(page)
    assert {path: v for path, v in found.items() if v} == {}


def test_the_check_reports_a_page_that_breaks_a_rule(themed: Any) -> None:
    themed.set_content(
        "<html lang='en'><body><main><p style='color:#777;background:#888'>faint</p>"
        "<img src='data:,'></main></body></html>"
    )
    found = " ".join(axe_violations(themed))
    assert "color-contrast" in found and "image-alt" in found
