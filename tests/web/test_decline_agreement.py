"""One source of truth for decline: the progress charts shade as current exactly the
declines the dashboard lists, and old declines stay on the chart only."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.web.conftest import BrowserPage, LiveServer
from tests.web.test_live_workout import sign_up

pytestmark = pytest.mark.browser

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)


def _rows(name: str, start: date, kgs: list[float], every: int = 7) -> list[str]:
    rows = []
    for i, kg in enumerate(kgs):
        day = (start + timedelta(days=every * i)).isoformat()
        for order in (1, 2, 3):
            rows.append(f'{day} 18:00:00,"{name}",1h,"{name}",{order},{kg},5,0,0,"","",\n')
    return rows


def history(today: date) -> str:
    """Bench falling in the last weeks; squat and deadlift fell years ago, squat is steady now."""
    bench = [100 + i for i in range(16)] + [112, 109, 106, 104, 102]
    rows = _rows("Bench Press (Barbell)", today - timedelta(days=2 + 7 * (len(bench) - 1)), bench)
    rows += _rows("Squat (Barbell)", today - timedelta(days=1100), [150, 147, 143, 139, 136, 133])
    rows += _rows("Squat (Barbell)", today - timedelta(days=1 + 7 * 11), [140.0] * 12)
    rows += _rows("Deadlift (Barbell)", today - timedelta(days=800), [200, 195, 190, 185, 180])
    return HEADER + "".join(rows)


def test_the_charts_current_declines_are_the_dashboards_findings(
    live_server: LiveServer, web: BrowserPage, tmp_path: Path
) -> None:
    page, url = web.page, live_server.url
    sign_up(page, url)
    page.goto(url + "/programs")
    page.get_by_role("button", name=re.compile("^Copy ")).first.click()
    upload = tmp_path / "declines.csv"
    upload.write_text(history(date.today()), encoding="utf-8")
    page.goto(url + "/import")
    page.get_by_label("Export file").set_input_files(str(upload))
    page.get_by_label("Unit when the file does not say").select_option("kg")
    page.get_by_role("button", name="Preview import").click()
    page.wait_for_selector("#import-result:not([aria-busy]) #preview-heading")
    page.get_by_role("button", name=re.compile(r"^Import \d+ session")).click()
    page.wait_for_selector("#import-result:not([aria-busy]) #done-heading")

    page.goto(url + "/")
    listed = set(
        page.eval_on_selector_all("li[data-code='decline']", "els => els.map(e => e.dataset.entry)")
    )
    page.goto(url + "/progress")
    page.wait_for_function("window.fitrecCharts && window.fitrecCharts.length >= 3")
    data = json.loads(page.locator("#progress-data").text_content() or "{}")
    shaded_now = {
        lift["name"] for lift in data["lifts"] if any(d["current"] for d in lift["declines"])
    }
    shaded_past = {
        lift["name"] for lift in data["lifts"] if any(not d["current"] for d in lift["declines"])
    }
    # The chart draws exactly those spans as annotation boxes.
    boxes = page.evaluate(
        "window.fitrecCharts.filter(c => c.$fitY)"
        ".map(c => Object.keys(c.options.plugins.annotation.annotations).length)"
    )
    assert sum(boxes) == sum(len(lift["declines"]) for lift in data["lifts"])
    assert listed == shaded_now == {"Barbell Bench Press"}
    assert {"Barbell Squat", "Deadlift"} <= shaded_past
    assert page.locator("p.decline-now").count() == 1
    web.page.get_by_role("button", name="All").click()
    web.screenshots("progress-declines")
    assert not web.errors, web.errors


def test_weekly_sets_isolation_and_pair_charts_are_drawn(
    live_server: LiveServer, web: BrowserPage, tmp_path: Path
) -> None:
    from tests.cli.test_analytics_cmds import FALLING_BENCH, hevy_file

    page, url = web.page, live_server.url
    sign_up(page, url)
    upload = hevy_file(tmp_path / "hevy.csv", FALLING_BENCH)
    page.goto(url + "/import")
    page.get_by_label("Export file").set_input_files(str(upload))
    page.get_by_role("button", name="Preview import").click()
    page.wait_for_selector("#import-result:not([aria-busy]) #preview-heading")
    page.get_by_role("button", name=re.compile(r"^Import \d+ session")).click()
    page.wait_for_selector("#import-result:not([aria-busy]) #done-heading")
    page.goto(url + "/progress")
    page.wait_for_function("window.fitrecCharts && window.fitrecCharts.length >= 4")
    data = json.loads(page.locator("#progress-data").text_content() or "{}")
    chest = next(g for g in data["weekly"] if g["group"] == "chest")
    assert chest["mev"] < chest["mrv"] and chest["points"][-1]["y"] == 12
    page.get_by_label("Muscle group", exact=True).select_option(label="chest")
    band = page.evaluate(
        "window.fitrecCharts.map(c => c.options.plugins.annotation?.annotations?.band).find(b => b)"
    )
    assert band["yMin"] == chest["mev"] and band["yMax"] == chest["mrv"]
    assert [i["name"] for i in data["isolations"]] == ["Cable Fly"]
    assert data["isolations"][0]["reps"][-1]["y"] == 15
    (pair,) = data["pairs"]
    assert pair["name"] == "Barbell Bench Press → Cable Fly" and len(pair["volume"]) == 24
    assert page.locator("canvas.pair-chart").count() == 1
    assert page.locator("canvas.isolation-chart").count() == 1
    page.get_by_role("button", name="3 months").click()
    page.locator("#volume-heading").scroll_into_view_if_needed()
    web.screenshots("progress-weekly-pairs")
    page.locator("#isolation-heading").scroll_into_view_if_needed()
    web.screenshots("progress-isolation-pairs")
    assert not web.errors, web.errors
