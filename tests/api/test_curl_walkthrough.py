"""The curl quick start in docs/api.md, run as written by bash against a live `fitrec serve`."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.servers import Served

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
DOC_SERVER = "http://127.0.0.1:8000"


def walkthrough() -> str:
    """The shell block under "## Quick start with curl", exactly as the page shows it."""
    text = API_DOC.read_text(encoding="utf-8")
    section = text.split("## Quick start with curl", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert found, "docs/api.md has no ```sh block under its curl quick start"
    return found.group(1)


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[Served]:
    """A live server writing JSON log lines to a file."""
    served = Served(
        database_url, tmp_path / "data", extra=["--log-level", "info", "--log-format", "json"]
    )
    served.start(stderr=tmp_path / "server.log")
    try:
        yield served
    finally:
        served.stop()


def test_the_curl_quick_start_works_as_written(server: Served, tmp_path: Path) -> None:
    script = walkthrough()
    assert DOC_SERVER in script, "the walkthrough's API address changed; update this test"
    # Only the address differs; afterwards the script's own variables are printed for checks.
    script = script.replace(DOC_SERVER, server.url)
    script += '\necho "TOKEN=$TOKEN"; echo "SESSION=$SESSION"\n'
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    values = dict(
        line.split("=", 1)
        for line in done.stdout.splitlines()
        if line.startswith(("TOKEN=", "SESSION="))
    )
    assert values["TOKEN"] not in ("", "null"), done.stdout
    assert values["SESSION"] not in ("", "null"), done.stdout
    # Step 6 printed the next targets as JSON objects with name, weight and reps.
    assert '"name"' in done.stdout and '"weight"' in done.stdout, done.stdout

    bearer = {"Authorization": f"Bearer {values['TOKEN']}"}
    session = httpx.get(f"{server.url}/api/v1/sessions/{values['SESSION']}", headers=bearer)
    assert session.status_code == 200
    body = session.json()
    assert [s["id"] for s in body["sets"]] == ["7d0c1c52-set-1"]
    assert body["finished_at"] is not None and body["note"] == "felt strong"

    # The server ran with --log-format json: every line it wrote is one JSON object.
    lines = (tmp_path / "server.log").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines if line.strip()]
    assert any(e.get("path", "").endswith("/finish") and e["status"] == 200 for e in entries)
