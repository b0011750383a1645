"""The page router renders accessible pages (no browser: Starlette's test client)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.testclient import TestClient

from fitrec.web import static_dir, templates_dir
from fitrec.web.pages import router
from fitrec.web.progress import E1rmPoint, LiftProgress, ProgressView, empty_progress
from tests.web.conftest import bench_press_history


def client(progress_view=None) -> TestClient:
    """A client of an app serving only the pages and the static files."""
    app = FastAPI()
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    if progress_view is not None:
        app.dependency_overrides[empty_progress] = lambda: progress_view
    return TestClient(app)


@pytest.mark.parametrize("path", ["/", "/builder", "/progress", "/workout/3f2a9c"])
def test_every_page_has_landmarks_a_skip_link_and_a_viewport(path: str) -> None:
    html = client().get(path).text
    assert '<html lang="en">' in html
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<nav aria-label="Main">' in html
    assert "<h1" in html


def test_current_page_is_marked_in_the_navigation() -> None:
    html = client().get("/progress").text
    assert re.search(r'href="[^"]*/progress" aria-current="page"', html)
    assert html.count('aria-current="page"') == 1


def test_every_form_control_of_the_live_page_has_a_label() -> None:
    html = client().get("/workout/abc123").text
    ids = re.findall(r'<(?:input|textarea)[^>]*\bid="([^"]+)"', html)
    assert ids, "the live page has no inputs"
    for control_id in ids:
        assert f'for="{control_id}"' in html, f"input #{control_id} has no <label for>"
    assert 'data-session-id="abc123"' in html
    assert 'data-api="/api/v1/sessions/abc123"' in html
    assert 'role="timer"' in html


def test_a_session_id_that_is_not_an_id_is_rejected() -> None:
    response = client().get("/workout/" + "x" * 65)
    assert response.status_code == 422


def test_progress_without_history_says_how_to_start_and_loads_no_chart_library() -> None:
    html = client().get("/progress").text
    assert "No history yet" in html
    assert "chart.umd.min.js" not in html


def test_progress_embeds_the_series_and_loads_chart_js_from_our_static_files() -> None:
    view = bench_press_history()
    html = client(view).get("/progress").text
    raw = re.search(
        r'<script type="application/json" id="progress-data">(.*?)</script>', html, re.S
    )
    assert raw is not None
    data = json.loads(raw.group(1))
    assert data == view.chart_data()
    assert data["lifts"][0]["declines"] == [{"start": "2024-02-19", "end": "2024-03-18"}]
    assert 'src="http://testserver/static/vendor/chart.umd.min.js"' in html
    assert "cdn" not in html.lower()


def test_names_are_escaped_in_the_page_and_in_the_embedded_json() -> None:
    evil = LiftProgress(
        "evil", "</script><script>alert(1)</script>", (E1rmPoint(date(2024, 1, 1), 90),)
    )
    html = client(ProgressView(lifts=(evil,))).get("/progress").text
    assert "<script>alert(1)" not in html
    assert "&lt;/script&gt;" in html


def test_our_own_assets_exist_beside_the_templates() -> None:
    for name in ("app.css", "live.js", "live-plan.js", "sync-queue.js", "builder.js", "charts.js"):
        assert (static_dir() / name).is_file(), name
    assert (templates_dir() / "base.html").is_file()
    response = client().get("/static/live.js")
    assert response.status_code == 200
    assert "javascript" in response.headers["content-type"]
