"""`POST /api/v1/import` with the JEFIT and GymBook formats."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.api.conftest import User

FILES = Path(__file__).resolve().parents[1] / "interchange" / "files"


def test_jefit_and_gymbook_files_through_the_api(client: TestClient, alice: User) -> None:
    body = (FILES / "gymbook_it.csv").read_bytes()
    preview = client.post(
        "/api/v1/import?source=gymbook&dry_run=true", headers=alice.headers, content=body
    )
    assert preview.status_code == 200, preview.text
    assert preview.json()["format"] == "gymbook" and preview.json()["dry_run"] is True
    assert preview.json()["summary"]["skipped_sets"] == 1
    done = client.post(
        "/api/v1/import", headers=alice.headers, content=(FILES / "jefit_full.csv").read_bytes()
    )
    assert done.status_code == 200, done.text
    summary = done.json()["summary"]
    assert (summary["sessions"], summary["sets"], summary["not_imported"]) == (2, 9, 5)
    wrong = client.post("/api/v1/import?source=jefit", headers=alice.headers, content=body)
    assert wrong.status_code == 422 and "outside any ### SECTION ###" in wrong.text
