"""`schemathesis run --checks all`, every phase, over the whole document against a live server.

The server runs as `uvicorn` on the test's database (SQLite and PostgreSQL). The token
routes are fuzzed in a run of their own, whose DELETE aims at a token made for it, so no
case can revoke the credential the other cases run under. Every operation must get at
least one 2xx: a fuzzer that only ever reaches 401 or 404 tests nothing.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from fitrec.api.schemas_training import PROGRAM_EXAMPLE
from tests.api.conftest import PASSWORD
from tests.servers import Served

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = "3"  # per operation and phase; the whole module stays within a few minutes
SEED = "20261204"
# Routes that take credentials or make and revoke tokens: fuzzed first and apart, so the
# examples (the right credentials) are tried before failures from fuzzing throttle them.
TOKEN_ROUTES = r"^/api/v1/(tokens|login)"
# The document's example credentials (schemas.Credentials) are this user's.
FUZZ_EMAIL = "lifter@example.com"


@pytest.fixture
def live_server(database_url: str, tmp_path: Path) -> Iterator[str]:
    """`fitrec serve` on the test's database, as a real process."""
    served = Served(database_url, tmp_path, secret_key="fuzz").start()
    try:
        yield served.url
    finally:
        served.stop()


def _prepare(url: str) -> tuple[str, dict[str, dict[str, object]]]:
    """The fuzzer's user and token, and for each operation the ids of things to aim at.

    An operation that deletes or finishes gets things of its own, so that it leaves
    the others something to work on.
    """
    login = {"email": FUZZ_EMAIL, "password": PASSWORD}
    assert httpx.post(f"{url}/api/v1/users", json=login).status_code == 201
    token = httpx.post(f"{url}/api/v1/tokens", json={**login, "name": "fuzz"}).json()
    doomed_token = httpx.post(f"{url}/api/v1/tokens", json={**login, "name": "doomed"}).json()
    auth = {"Authorization": f"Bearer {token['token']}"}
    with httpx.Client(base_url=f"{url}/api/v1", headers=auth) as api:
        name = api.get("/templates").json()[0]["name"]

        def program(new_name: str) -> dict[str, object]:
            made = api.post(f"/templates/{name}/copy", json={"name": new_name})
            assert made.status_code == 201, made.text
            return dict(made.json())

        def session(of: dict[str, object], *set_ids: str) -> str:
            workouts = of["workouts"]
            assert isinstance(workouts, list)
            body = {"program_id": of["id"], "workout": workouts[0]["name"]}
            started = api.post("/sessions", json=body)
            assert started.status_code == 201, started.text
            session_id = str(started.json()["id"])
            for set_id in set_ids:
                logged = api.put(
                    f"/sessions/{session_id}/sets/{set_id}",
                    json={"exercise": "bench press", "weight": 60, "reps": 8},
                )
                assert logged.status_code in (200, 201), logged.text
            return session_id

        main = program("Fuzzed")
        # The document's first example program is called Push: replacing this one with it
        # keeps its own name, so the PUT has a 2xx to find.
        replaced = api.post("/programs", json={"text": PROGRAM_EXAMPLE.format("Push")}).json()
        doomed_program = program("Doomed")
        open_session = session(main, "fuzz-1", "fuzz-2")
        finished = session(main)
        assert api.post(f"/sessions/{finished}/finish", json={}).status_code == 200
        doomed_session = session(main, "fuzz-gone")
        to_finish = session(main)
    target = {
        "path.program_id": main["id"],
        "path.session_id": open_session,
        "path.set_id": "fuzz-1",
        "path.block_label": "A",
        "path.token_id": int(doomed_token["id"]),
    }
    per_operation: dict[str, dict[str, object]] = {
        "": target,
        "PUT /api/v1/programs/{program_id}": {**target, "path.program_id": replaced["id"]},
        "DELETE /api/v1/programs/{program_id}": {**target, "path.program_id": doomed_program["id"]},
        "DELETE /api/v1/sessions/{session_id}": {**target, "path.session_id": doomed_session},
        "DELETE /api/v1/sessions/{session_id}/sets/{set_id}": {**target, "path.set_id": "fuzz-2"},
        "POST /api/v1/sessions/{session_id}/finish": {**target, "path.session_id": to_finish},
        "POST /api/v1/sessions/{session_id}/confirm": {**target, "path.session_id": finished},
    }
    return str(token["token"]), per_operation


def _config(tmp_path: Path, targets: dict[str, dict[str, object]]) -> Path:
    """The project's schemathesis.toml, with the ids of things that exist to aim at."""
    lines = [(ROOT / "schemathesis.toml").read_text(), "[parameters]"]
    lines += [f"{json.dumps(k)} = {json.dumps(v)}" for k, v in targets[""].items()]
    for name, parameters in targets.items():
        if name:
            table = ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in parameters.items())
            lines += ["", "[[operations]]", f"include-name = {json.dumps(name)}"]
            lines.append(f"parameters = {{ {table} }}")
    path = tmp_path / "schemathesis.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def _run(url: str, config: Path, har: Path, token: str, *selection: str) -> None:
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
        f"{url}/api/v1/openapi.json", "--checks", "all", "--phases",
        "examples,coverage,fuzzing,stateful", "--max-examples", EXAMPLES, "--seed", SEED,
        "--header", f"Authorization: Bearer {token}", "--workers", "1", "--no-color",
        "--report", "har", "--report-har-path", str(har), *selection,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, cwd=har.parent, check=False)
    assert done.returncode == 0, done.stdout[-20000:] + done.stderr[-5000:]


def _statuses(document: dict[str, object], hars: list[Path]) -> dict[str, set[int]]:
    """The statuses each documented operation answered, read from the runs' HAR files."""
    paths = document["paths"]
    assert isinstance(paths, dict)
    patterns = [
        (re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$"), path, methods)
        for path, methods in paths.items()
    ]
    seen: dict[str, set[int]] = defaultdict(set)
    for har in hars:
        for entry in json.loads(har.read_text())["log"]["entries"]:
            method = entry["request"]["method"].lower()
            path = urlsplit(entry["request"]["url"]).path
            for pattern, template, methods in patterns:
                if method in methods and pattern.match(path):
                    seen[f"{method.upper()} {template}"].add(entry["response"]["status"])
                    break
    return seen


def test_the_whole_document_holds_under_every_check(live_server: str, tmp_path: Path) -> None:
    token, targets = _prepare(live_server)
    config = _config(tmp_path, targets)
    main, tokens = tmp_path / "main.har", tmp_path / "tokens.har"
    _run(live_server, config, tokens, token, "--include-path-regex", TOKEN_ROUTES)
    _run(live_server, config, main, token, "--exclude-path-regex", TOKEN_ROUTES)

    document = httpx.get(f"{live_server}/api/v1/openapi.json").json()
    seen = _statuses(document, [main, tokens])
    operations = [f"{m.upper()} {p}" for p, ops in document["paths"].items() for m in ops]
    without_2xx = [op for op in operations if not any(200 <= s < 300 for s in seen[op])]
    assert without_2xx == [], {op: sorted(seen[op]) for op in without_2xx}
    # The fuzzer's own token still works: no case revoked it.
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{live_server}/api/v1/profile", headers=auth).status_code == 200
