"""The import page on the real app (test client): limits, errors in words, the unit, progress."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.test_pages import signed_in, token

FILES = Path(__file__).resolve().parents[1] / "interchange" / "files"


def small_app(tmp_path: Path, limit: int) -> Any:
    """The real app with a small upload limit."""
    from fitrec.app import create_app
    from fitrec.config import Settings

    settings = Settings(
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'fitrec.db'}",
        secret_key="t" * 48,
        max_upload_bytes=limit,
    )
    return create_app(settings)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A signed-in lifter on an app taking uploads up to 4 KiB."""
    app = small_app(Path(tmp_path_factory.mktemp("import-db")), 4096)
    return signed_in(app, "importer@example.com")


def post(client: TestClient, path: str, name: str, content: bytes, **fields: Any) -> Any:
    """A multipart post of the page's form: its token first, as a browser sends it."""
    csrf = token(client.get("/import").text)
    data = {"csrf_token": csrf, **fields}
    return client.post(path, data=data, files={"file": (name, content, "text/csv")})


def test_the_page_and_the_api_share_one_upload_limit_and_the_page_says_it_in_words(
    client: TestClient,
) -> None:
    big = b"x" * (4096 + 1)
    answer = post(client, "/import/preview", "big.csv", big, unit="kg")
    assert answer.status_code == 422
    assert "big.csv: the file is larger than the 4 KiB limit" in answer.text
    assert answer.headers["content-type"].startswith("text/html")
    # Far past the limit the body is refused before it is read, still as a page.
    huge = b"x" * (4096 + 300 * 1024)
    answer = post(client, "/import/preview", "huge.csv", huge, unit="kg")
    assert answer.status_code == 413 and answer.headers["content-type"].startswith("text/html")
    assert "larger than the 4 KiB limit of an import" in answer.text
    api = client.post(
        "/api/v1/import", content=big, headers={"X-CSRF-Token": token(client.get("/import").text)}
    )
    assert api.status_code == 413


def test_a_bad_row_is_shown_with_its_row_and_field_in_words(client: TestClient) -> None:
    answer = post(
        client,
        "/import/preview",
        "bad.csv",
        (FILES / "strong_bad_reps.csv").read_bytes(),
        unit="kg",
    )
    assert answer.status_code == 422
    assert "bad.csv: row 3, field “Reps”: &#34;abc&#34; is not a number." in answer.text
    assert "--unit" not in answer.text and '{"' not in answer.text


def test_the_unit_defaults_to_the_profile_and_a_file_imports_without_the_script(
    client: TestClient,
) -> None:
    settings_page = client.get("/settings").text
    assert "<option selected>kg</option>" in client.get("/import").text
    client.post("/settings", data={"csrf_token": token(settings_page), "unit": "lb"})
    assert "<option selected>lb</option>" in client.get("/import").text
    content = (FILES / "strong_no_header.csv").read_bytes()
    preview = post(client, "/import/preview", "mine.csv", content, unit="lb")
    assert preview.status_code == 200 and "Preview of mine.csv" in preview.text
    assert 'data-kind="sessions"' in preview.text and "Choose mine.csv again" in preview.text
    done = post(client, "/import/confirm", "mine.csv", content, unit="lb", action="import")
    assert done.status_code == 200 and "Added " in done.text
    again = post(client, "/import/confirm", "mine.csv", content, unit="lb", action="import")
    assert "Added 0 session(s)" in again.text and "already imported" in again.text


def test_asked_for_progress_the_page_comes_after_progress_lines(client: TestClient) -> None:
    csrf = token(client.get("/import").text)
    answer = client.post(
        "/import/preview",
        data={"csrf_token": csrf, "unit": "kg"},
        files={"file": ("p.csv", (FILES / "strong_2020.csv").read_bytes(), "text/csv")},
        headers={"X-Import-Progress": "ndjson", "X-CSRF-Token": csrf},
    )
    lines = [json.loads(line) for line in answer.text.splitlines()]
    assert lines[0] == {"total": 9}
    assert any("rows" in line for line in lines[1:-1])
    assert lines[-1]["status"] == 200 and "Preview of p.csv" in lines[-1]["html"]


def test_no_file_is_a_message_not_an_error_document(client: TestClient) -> None:
    csrf = token(client.get("/import").text)
    answer = client.post(
        "/import/preview", data={"csrf_token": csrf, "unit": "kg"}, files={"x": ("", b"")}
    )
    assert answer.status_code == 422 and "Choose the export file to import." in answer.text
