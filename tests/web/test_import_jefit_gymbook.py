"""The import page's preview of JEFIT and GymBook files, in headless chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.web.conftest import BrowserPage, LiveServer
from tests.web.test_live_workout import sign_up

pytestmark = pytest.mark.browser
DONE = "#import-result:not([aria-busy])"  # the page's request has come back
FILES = Path(__file__).resolve().parents[1] / "interchange" / "files"


def test_jefit_and_gymbook_files_are_previewed_then_imported(
    live_server: LiveServer, web: BrowserPage, tmp_path: Path
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    jefit = shutil.copy(FILES / "jefit_full.csv", tmp_path / "jefit.csv")
    page.goto(url + "/import")
    page.get_by_label("Export file").set_input_files(str(jefit))
    page.get_by_role("button", name="Preview import").click()
    page.wait_for_selector(DONE + " #preview-heading")
    assert "(jefit)" in page.locator("#preview-heading").inner_text()
    summary = page.locator("#import-summary").inner_text()
    assert "Would add 2 session(s) and 9 set(s)" in summary
    assert "5 row(s) not imported; 1 routine(s) listed as notes (not stored)" in summary
    notes = page.locator("#import-notes").inner_text()
    assert "CARDIO LOGS: 1 cardio log(s) not imported" in notes and "Push Pull Legs" in notes
    assert "My Landmine Thing" in page.content()
    web.screenshots("import-preview-jefit")

    gymbook = shutil.copy(FILES / "gymbook_it.csv", tmp_path / "gymbook.csv")
    page.goto(url + "/import")
    page.get_by_label("Export file").set_input_files(str(gymbook))
    page.get_by_label("Format").select_option("gymbook")
    page.get_by_role("button", name="Preview import").click()
    page.wait_for_selector(DONE + " #preview-heading")
    summary = page.locator("#import-summary").inner_text()
    assert "Would add 2 session(s) and 7 set(s)" in summary
    assert "1 skipped set(s) kept in the session notes" in summary
    page.get_by_role("button", name="Import 2 session(s)").click()
    page.wait_for_selector(DONE + " #done-heading")
    assert "Added 2 session(s) and 7 set(s)" in page.locator("#import-summary").inner_text()
    assert not web.errors, web.errors
