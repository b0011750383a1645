"""The builder's live pairing error and an import through the page, in headless chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.import_strong import strong_file

from tests.web.conftest import BrowserPage, LiveServer
from tests.web.test_live_workout import record_fetches, sign_up

pytestmark = pytest.mark.browser

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
    '2024-03-01 18:00:00,"Chest",45m,"Bench Press (Barbell)",1,80,8,0,0,"","",\n'
    '2024-03-01 18:00:00,"Chest",45m,"Bench Press (Barbell)",2,80,7,0,0,"","",\n'
    '2024-03-01 18:00:00,"Chest",45m,"Cable Crossover",1,20,15,0,0,"","",\n'
)
DONE = "#import-result:not([aria-busy])"  # the page's request has come back
WRONG_PAIR = (
    "program: Mismatch\n\n## Day A\nA1. Barbell Bench Press: 3×8 @ 80% 1RM\n"
    "→ Rest 60 seconds\nA2. Leg Extension: 3×15 @ 0 RIR\n"
)


def test_builder_shows_a_pairing_error_beside_its_block_until_the_pair_is_fixed(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    fetches = record_fetches(page, url)
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
    # The exercise picker searches the API's catalogue.
    page.locator("#a1-name").fill("incline")
    page.wait_for_selector("#exercise-options option[value*='Incline']", state="attached")
    assert "POST /api/v1/lint" in fetches and "GET /api/v1/exercises" in fetches
    assert all(f.split(" ", 1)[1].startswith("/api/v1/") for f in fetches), fetches
    assert not web.errors, web.errors


def test_builder_says_where_the_notation_is_wrong(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    page.goto(url + "/builder")
    page.get_by_label("Program in the notation (checked as you type)").fill(
        "program: Broken\n\n## Day A\nA1. Barbell Bench Press: 3×\n"
    )
    page.wait_for_function(
        "() => document.getElementById('findings-status').textContent"
        ".includes('could not be checked')"
    )
    shown = page.locator("#findings-status").inner_text()
    assert "text: " in shown and "line 4" in shown, shown


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
    page.wait_for_selector(DONE + " #preview-heading")
    assert page.get_by_label("Exercise for Cable Crossover").input_value() == "cable-fly"
    row = page.locator("tr", has=page.get_by_label("Exercise for Cable Crossover"))
    assert "mapping" in row.inner_text()
    page.get_by_role("button", name="Import 1 session(s)").click()
    page.wait_for_selector(DONE + " #done-heading")
    assert "Added 1 session(s) and 3 set(s)" in page.locator("#import-summary").inner_text()
    page.goto(url + "/history")
    assert page.locator("table.data-table tbody tr").count() == 1
    page.locator("table.data-table tbody tr a").first.click()
    assert "Cable Fly" in page.content() and "Cable Crossover" not in page.content()
    assert not web.errors, web.errors


def test_a_100000_row_strong_file_is_previewed_then_imported_through_the_page(
    live_server: LiveServer, web: BrowserPage, tmp_path: Path
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    content = strong_file(100_000)
    rows = content.decode().split("\n")
    upload = tmp_path / "strong-100k.csv"
    upload.write_bytes(content)
    page.goto(url + "/import")
    page.get_by_label("Export file").set_input_files(str(upload))
    page.get_by_role("button", name="Preview import").click()
    # The dry run of 100,000 rows takes over a second: its progress shows meanwhile.
    page.wait_for_selector("#import-progress:not([hidden])", timeout=60_000)
    page.wait_for_selector(DONE + " #preview-heading", timeout=180_000)
    counts = {
        kind: page.locator(f"#import-counts dd[data-kind='{kind}']").inner_text()
        for kind in ("sessions", "sets", "warmups", "rest-rows", "notes", "dates")
    }
    days = {line[:10] for line in rows[1:] if line[:4].isdigit()}
    assert counts["sessions"] == str(len(days))
    assert counts["warmups"] == str(sum(1 for line in rows if ",W,40," in line))
    assert counts["rest-rows"] == str(sum(1 for line in rows if ",Rest Timer," in line))
    assert int(counts["notes"]) > 0
    assert counts["dates"] == f"{min(days)} to {max(days)}"
    assert page.locator("tr", has_text="My Odd Machine").count() == 1
    assert not page.locator("#import-again").count()  # the page kept the file
    web.screenshots("import-preview-100k")
    page.get_by_role("button", name=f"Import {counts['sessions']} session(s)").click()
    page.wait_for_selector(DONE + " #done-heading", timeout=240_000)
    summary = page.locator("#import-summary").inner_text()
    assert f"Added {counts['sessions']} session(s) and {counts['sets']} set(s)" in summary
    assert not web.errors, web.errors


def test_a_new_program_starts_empty_and_one_with_an_error_saves_only_as_a_draft(
    live_server: LiveServer, web: BrowserPage
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    page.goto(url + "/builder")
    editor = page.get_by_label("Program in the notation (checked as you type)")
    assert "A1." not in editor.input_value()  # nothing to duplicate with the first block
    page.get_by_label("Exercise", exact=True).first.fill("Barbell Bench Press")
    page.get_by_role("button", name="Add block").click()
    assert editor.input_value().count("A1. Barbell Bench Press") == 1
    page.get_by_label("Exercise", exact=True).first.fill("Barbell Squat")
    page.get_by_role("button", name="Add block").click()
    # Blocks can be reordered: B moves up and becomes A.
    page.get_by_role("button", name="Move B up").click()
    page.wait_for_function(
        "() => document.getElementById('program-text').value.includes('A1. Barbell Squat')"
    )
    assert "B1. Barbell Bench Press" in editor.input_value()
    page.wait_for_selector("#blocks li.block[data-block='B']")
    assert "Barbell Bench Press" in page.locator("#blocks li.block[data-block='B']").inner_text()
    web.screenshots("builder-reorder")
    editor.fill(WRONG_PAIR)
    # Findings show before saving, and a plain save refuses the pairing error.
    page.wait_for_selector("#blocks li.finding[data-code='pairing']")
    page.get_by_role("button", name="Save program").click()
    page.wait_for_selector("#save-error li.finding[data-code='pairing']")
    assert "Not saved" in page.locator("#save-error").inner_text()
    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_selector("#saved-notice")
    assert "draft" in page.locator("#saved-notice").inner_text()
    page.goto(url + "/programs")
    item = page.locator(".program-list li", has_text="Mismatch")
    assert item.locator(".badge.draft").count() == 1
    # Fixed and saved, it is a draft no more.
    page.get_by_role("link", name="Edit Mismatch").click()
    editor.fill(WRONG_PAIR.replace("Leg Extension", "Cable Flies"))
    page.get_by_role("button", name="Save program").click()
    page.wait_for_selector("#saved-notice")
    assert page.locator("#saved-notice").inner_text() == "Saved."
    page.goto(url + "/programs")
    assert page.locator(".program-list .badge.draft").count() == 0
    web.screenshots("builder-empty-start")
    # The refused save answers 422 (the page says why); nothing else went wrong.
    assert [e for e in web.errors if "status of 422" not in e] == [], web.errors
