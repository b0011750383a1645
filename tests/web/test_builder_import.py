"""The builder's live pairing error and an import through the page, in headless chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import BrowserPage, LiveServer
from tests.web.test_live_workout import sign_up

pytestmark = pytest.mark.browser

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
    '2024-03-01 18:00:00,"Chest",45m,"Bench Press (Barbell)",1,80,8,0,0,"","",\n'
    '2024-03-01 18:00:00,"Chest",45m,"Bench Press (Barbell)",2,80,7,0,0,"","",\n'
    '2024-03-01 18:00:00,"Chest",45m,"Cable Crossover",1,20,15,0,0,"","",\n'
)
WRONG_PAIR = (
    "program: Mismatch\n\n## Day A\nA1. Barbell Bench Press: 3×8 @ 80% 1RM\n"
    "→ Rest 60 seconds\nA2. Leg Extension: 3×15 @ 0 RIR\n"
)


def test_builder_shows_a_pairing_error_beside_its_block_until_the_pair_is_fixed(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    page.goto(url + "/builder")
    page.get_by_label("Program in the notation (checked as you type)").fill(WRONG_PAIR)
    block = page.locator("#blocks li.block[data-block='A']")
    page.wait_for_selector("#blocks li.block[data-block='A'] li.finding[data-code='pairing']")
    assert "Fix:" in block.locator("li.finding[data-code='pairing']").inner_text()
    web.screenshots("builder-pairing")
    page.get_by_label("Program in the notation (checked as you type)").fill(
        WRONG_PAIR.replace("Leg Extension", "Cable Flies")
    )
    page.wait_for_function(
        "() => !document.querySelector(\"#blocks li.finding[data-code='pairing']\")"
        " && document.querySelector('#blocks li.block')"
    )
    assert not web.errors, web.errors


def test_importing_a_small_strong_file_through_the_page(
    live_server: LiveServer, web: BrowserPage, tmp_path: Path
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    upload = tmp_path / "strong.csv"
    upload.write_text(STRONG, encoding="utf-8")
    page.goto(url + "/import")
    page.get_by_label("Export file").set_input_files(str(upload))
    page.get_by_label("Unit when the file does not say").select_option("kg")
    page.get_by_role("button", name="Preview import").click()
    page.wait_for_selector("#preview-heading")
    assert "Would add 1 session(s) and 3 set(s)" in page.locator("#import-summary").inner_text()
    assert "Cable Crossover" in page.content()
    web.screenshots("import-preview")
    # Correct a name in the preview: the lifter says the crossover is a cable fly.
    page.get_by_label("Exercise for Cable Crossover").fill("Cable Fly")
    page.get_by_role("button", name="Preview again").click()
    page.wait_for_selector("#preview-heading")
    assert page.get_by_label("Exercise for Cable Crossover").input_value() == "cable-fly"
    row = page.locator("tr", has=page.get_by_label("Exercise for Cable Crossover"))
    assert "mapping" in row.inner_text()
    page.get_by_role("button", name="Import 1 session(s)").click()
    page.wait_for_selector("#done-heading")
    assert "Added 1 session(s) and 3 set(s)" in page.locator("#import-summary").inner_text()
    page.goto(url + "/history")
    assert page.locator("table.data-table tbody tr").count() == 1
    page.locator("table.data-table tbody tr a").first.click()
    assert "Cable Fly" in page.content() and "Cable Crossover" not in page.content()
    assert not web.errors, web.errors
