"""One unit: an lb lifter walks every page and sees no kg they did not choose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web.conftest import BrowserPage, LiveServer
from tests.web.test_live_workout import sign_up

pytestmark = pytest.mark.browser

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)
KG = re.compile(r"\bkgs?\b", re.IGNORECASE)
# The visible text of the page without the choices it offers (a unit select's "kg").
VISIBLE_TEXT = """() => {
  const copy = document.body.cloneNode(true);
  for (const el of copy.querySelectorAll("option, script, datalist")) el.remove();
  document.body.append(copy);
  copy.style.position = "absolute";
  const text = copy.innerText;
  copy.remove();
  return text;
}"""


def strong_lb_history() -> str:
    """Eight weekly bench sessions with warm-ups and flies, in a file that names no unit."""
    lines = [HEADER]
    for week in range(8):
        day = f"2026-0{1 + week // 4}-{1 + (week % 4) * 7:02d} 18:00:00"
        head = f'{day},"Chest",50m'
        lines.append(f'{head},"Bench Press (Barbell)",W,95,10,0,0,"","",\n')
        for order in (1, 2, 3):
            lines.append(f'{head},"Bench Press (Barbell)",{order},{185 + 5 * week},8,0,0,"","",\n')
        lines.append(f'{head},"Bench Press (Barbell)",D,135,12,0,0,"","",\n')
        for order in (1, 2, 3):
            lines.append(f'{head},"Cable Crossover",{order},40,15,0,0,"","",\n')
    return "".join(lines)


def visible(web: BrowserPage) -> str:
    return str(web.page.evaluate(VISIBLE_TEXT))


def test_an_lb_lifter_sees_lb_on_every_page(
    live_server: LiveServer, web: BrowserPage, tmp_path: Path
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    page.goto(url + "/settings")
    page.get_by_label("Units").select_option("lb")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url("**/settings?saved=1")
    page.goto(url + "/programs")
    page.get_by_role("button", name=re.compile("^Copy ")).first.click()
    upload = tmp_path / "strong-lb.csv"
    upload.write_text(strong_lb_history(), encoding="utf-8")
    page.goto(url + "/import")
    assert page.get_by_label("Unit when the file does not say").input_value() == "lb"
    page.get_by_label("Export file").set_input_files(str(upload))
    page.get_by_role("button", name="Preview import").click()
    page.wait_for_selector("#import-result:not([aria-busy]) #preview-heading")
    page.get_by_role("button", name=re.compile(r"^Import \d+ session")).click()
    page.wait_for_selector("#import-result:not([aria-busy]) #done-heading")

    seen: dict[str, str] = {}
    for path in ("/", "/programs", "/builder", "/history", "/progress", "/import", "/settings"):
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        seen[path] = visible(web)
    page.goto(url + "/history")
    page.locator("table.data-table tbody tr a").first.click()
    page.wait_for_selector("#sets-heading")
    seen["session"] = visible(web)
    # The list and the session page count the same sets; set types are labelled.
    assert "7 working set(s) and 1 warm-up(s)" in seen["session"], seen["session"]
    assert page.locator(".set-type[data-set-type='warmup']").count() == 1
    assert page.locator(".set-type[data-set-type='drop']").count() == 1
    assert re.search(r"\b7 \+ 1 warm-up\b", seen["/history"]), seen["/history"]
    assert " lb" in seen["/history"] and " lb" in seen["/progress"]
    found = {where: KG.findall(text) for where, text in seen.items() if KG.search(text)}
    assert not found, {where: seen[where] for where in found}
    assert not web.errors, web.errors
