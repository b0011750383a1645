"""Benchmark: the API under load — logging a set, reading a whole history, and the bare floor.

Run: .venv/bin/python bench/api_load.py [--duration 10] [--workers 2]
     .venv/bin/python bench/api_load.py --database postgresql [--duration 10]

uvicorn serves the app with 2 workers on a SQLite file (WAL, synchronous=NORMAL); wrk
(Debian's `wrk`, installed with apt-get when missing) drives it over loopback:

- PUT /api/v1/sessions/{id}/sets/{set_id}: authenticated by bearer token, validated,
  idempotent, a unique set id per request (a Lua script), at concurrency 16 and 1;
- GET /api/v1/history of a user with 20,000 sets, at concurrency 1;
- the floor: a bare FastAPI app (same uvicorn, same workers) whose PUT validates a small
  body and inserts one row into SQLite, at the same concurrencies, in the same run.

`--database postgresql` runs the same load on SQLite and on a throwaway local PostgreSQL
(fsync on, `--synchronous-commit on|off`) in one run: 1, 2 and 4 workers, and two separate
`fitrec serve` instances sharing the database and the secret key (the load-balancer case).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

SESSIONS = 64  # logged sets rotate over sessions so none grows unrealistically long
HISTORY_SETS = 20_000
FLOOR_DB_ENV = "FITREC_BENCH_FLOOR_DB"


class FloorRow(BaseModel):
    """The floor's body: two validated numbers."""

    weight: float = Field(ge=0, le=1500)
    reps: int = Field(ge=0, le=1000)


def floor_app() -> Any:
    """The bare floor: validate a small JSON body, insert one row into SQLite."""
    from fastapi import FastAPI

    app = FastAPI()
    connection = sqlite3.connect(
        os.environ[FLOOR_DB_ENV], check_same_thread=False, isolation_level=None
    )
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA busy_timeout=5000")

    @app.put("/floor/{row_id}", status_code=201)
    def put(row_id: str, row: FloorRow) -> dict[str, Any]:
        connection.execute(
            "INSERT INTO rows (id, weight, reps) VALUES (?, ?, ?)", (row_id, row.weight, row.reps)
        )
        return {"id": row_id, "weight": row.weight, "reps": row.reps}

    return app


def ensure_wrk() -> str:
    """The wrk binary, installed from Debian when missing."""
    found = shutil.which("wrk")
    if found:
        return found
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk could not be installed")
    return found


def free_port() -> int:
    """A TCP port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed(url: str) -> dict[str, Any]:
    """A logging user with a token and sessions; a history user with 20,000 sets."""
    from fitrec import bootstrap
    from fitrec.domain.sessions import PerformedSet, Session
    from fitrec.services import accounts, history, sessions

    bootstrap.upgrade_database(url)
    make_uow = bootstrap.uow_factory(url=url)
    logger = accounts.sign_up(make_uow, "logger@example.com", "bench password")
    token = accounts.create_token(make_uow, logger, "bench").token
    session_ids = [sessions.start_session(make_uow, logger).id for _ in range(SESSIONS)]
    reader = accounts.sign_up(make_uow, "reader@example.com", "bench password")
    reader_token = accounts.create_token(make_uow, reader, "bench").token
    start = datetime(2020, 1, 1, tzinfo=UTC)
    batch = []
    per_session = 20
    for i in range(HISTORY_SETS // per_session):
        day = start + timedelta(days=i)
        batch.append(
            Session(
                started_at=day,
                finished_at=day + timedelta(hours=1),
                workout_name="Day A",
                sets=[
                    PerformedSet(
                        "barbell-bench-press" if k % 2 else "cable-fly",
                        100.0 if k % 2 else 20.0,
                        8 if k % 2 else 15,
                        block_label="A",
                        position=1 if k % 2 else 2,
                        set_index=k // 2 + 1,
                        id=f"h{i}-{k}",
                        performed_at=day + timedelta(minutes=k * 3),
                    )
                    for k in range(per_session)
                ],
            )
        )
    history.add_sessions(make_uow, reader, batch)
    bootstrap.dispose_engines()
    return {"token": token, "sessions": session_ids, "reader_token": reader_token}


def lua_put(
    path_prefix: str, body: str, headers: dict[str, str], sessions: list[str], tag: str = "r"
) -> str:
    """A wrk script: PUT a set with a unique id per request, rotating over sessions.

    Two wrk processes running at once need different `tag`s: their set ids would clash
    otherwise, and they would walk the sessions in step, queueing on the same row locks.
    """
    header_lines = "\n".join(f'wrk.headers["{k}"] = "{v}"' for k, v in headers.items())
    session_list = ", ".join(f'"{s}"' for s in sessions)
    return textwrap.dedent(
        f"""
        local thread_count = 0
        function setup(thread)
          thread_count = thread_count + 1
          thread:set("tid", thread_count)
        end
        wrk.method = "PUT"
        wrk.body = '{body}'
        {header_lines}
        local sessions = {{ {session_list} }}
        local counter = {0 if tag in ("r", "a") else len(sessions) // 2}
        local run = "{tag}" .. tostring(os.time())
        function request()
          counter = counter + 1
          local s = sessions[(counter % #sessions) + 1]
          local path = string.format("{path_prefix}", s, run, tid or 0, counter)
          return wrk.format(nil, path)
        end
        """
    )


def run_wrk(wrk: str, url: str, connections: int, seconds: int, script: Path | None) -> dict:
    """Run wrk and read requests/s and latency percentiles (ms) from its report."""
    threads = min(2, connections)
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict[str, Any]:
    """Requests/s, latency percentiles (ms) and non-2xx answers from a wrk report."""
    result: dict[str, Any] = {"raw": output}
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    result["rps"] = float(rps.group(1)) if rps else 0.0
    for pct in ("50", "75", "90", "99"):
        found = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        if found:
            value, unit = float(found.group(1)), found.group(2)
            result[f"p{pct}"] = (
                value / 1000 if unit == "us" else value * (1000 if unit == "s" else 1)
            )
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    result["non_2xx"] = int(errors.group(1)) if errors else 0
    return result


def start_server(command: list[str], port: int, env: dict[str, str]) -> Any:
    """A server process on loopback; returns once it answers."""
    process = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                time.sleep(1.5)  # every worker up
                return process
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("server did not start")


def stop(process: Any) -> None:
    """Stop a server started here."""
    process.terminate()
    process.wait(timeout=15)


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--serve-floor", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="postgresql: SQLite and a local PostgreSQL in one run, 1/2/4 workers, 2 instances",
    )
    parser.add_argument("--worker-counts", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--synchronous-commit", choices=["on", "off"], default="on")
    args = parser.parse_args()
    if args.serve_floor:
        from fitrec.cli.server_cmds import run_server

        # The floor is served exactly as `fitrec serve` serves the app.
        run_server(
            "api_load:floor_app",
            host="127.0.0.1",
            port=args.serve_floor,
            workers=args.workers,
            log_level="warning",
            access_log=False,
        )
        return
    wrk = ensure_wrk()
    if args.database == "postgresql":
        from api_load_postgres import main_postgresql

        main_postgresql(args, wrk)
        return
    work = Path(tempfile.mkdtemp(prefix="fitrec-bench-"))
    url = f"sqlite:///{work / 'fitrec.db'}"
    seeded = seed(url)
    floor_db = work / "floor.db"
    with sqlite3.connect(floor_db) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE rows (id TEXT PRIMARY KEY, weight REAL, reps INTEGER)")
    env = {
        **os.environ,
        "FITREC_DATABASE_URL": url,
        "FITREC_DATA_DIR": str(work),
        "FITREC_SECRET_KEY": "bench",
        FLOOR_DB_ENV: str(floor_db),
        # The bench's own directory (the floor app), before any path the caller set.
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(Path(__file__).resolve().parent), os.environ.get("PYTHONPATH")) if p
        ),
    }
    body = '{"exercise": "barbell-bench-press", "weight": 80, "reps": 8, "rpe": 8}'
    api_script = work / "put_set.lua"
    api_script.write_text(
        lua_put(
            "/api/v1/sessions/%s/sets/%s-%d-%d",
            body,
            {"Authorization": f"Bearer {seeded['token']}", "Content-Type": "application/json"},
            seeded["sessions"],
        )
    )
    floor_script = work / "floor.lua"
    floor_script.write_text(
        lua_put(
            "/floor/%s-%s-%d-%d",
            '{"weight": 80, "reps": 8}',
            {"Content-Type": "application/json"},
            ["x"],
        )
    )
    history_script = work / "history.lua"
    history_script.write_text(f'wrk.headers["Authorization"] = "Bearer {seeded["reader_token"]}"\n')
    results: dict[str, dict] = {}
    api_port, floor_port = free_port(), free_port()
    api = start_server(
        [sys.executable, "-m", "fitrec", "serve", "--port", str(api_port), "--workers",
         str(args.workers), "--log-level", "warning"],
        api_port,
        env,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{api_port}"
        run_wrk(wrk, base + "/", 4, 2, api_script)  # warm-up
        results["log a set, c=16"] = run_wrk(wrk, base + "/", 16, args.duration, api_script)
        results["log a set, c=1"] = run_wrk(wrk, base + "/", 1, args.duration, api_script)
        results["history 20,000 sets, c=1"] = run_wrk(
            wrk, base + "/api/v1/history", 1, args.duration, history_script
        )
    finally:
        stop(api)
    floor = start_server(
        [
            sys.executable,
            __file__,
            "--serve-floor",
            str(floor_port),
            "--workers",
            str(args.workers),
        ],
        floor_port,
        env,
    )
    try:
        base = f"http://127.0.0.1:{floor_port}"
        run_wrk(wrk, base + "/", 4, 2, floor_script)
        results["floor: bare insert, c=16"] = run_wrk(
            wrk, base + "/", 16, args.duration, floor_script
        )
        results["floor: bare insert, c=1"] = run_wrk(
            wrk, base + "/", 1, args.duration, floor_script
        )
    finally:
        stop(floor)

    print(
        f"machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, date {datetime.now(UTC).date()}"
    )
    print("| measure | requests/s | p50 ms | p99 ms | non-2xx |")
    print("|---|---:|---:|---:|---:|")
    for name, r in results.items():
        print(
            f"| {name} | {r['rps']:,.0f} | {r.get('p50', 0):.2f} | {r.get('p99', 0):.2f} "
            f"| {r['non_2xx']} |"
        )
    api16, floor16 = results["log a set, c=16"], results["floor: bare insert, c=16"]
    api1, floor1 = results["log a set, c=1"], results["floor: bare insert, c=1"]
    print(
        f"\nfloor / API throughput at c=16: {floor16['rps'] / max(api16['rps'], 1):.2f}x; "
        f"API / floor p50 at c=1: {api1.get('p50', 0) / max(floor1.get('p50', 1e-9), 1e-9):.2f}x"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
