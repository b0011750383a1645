"""The PostgreSQL half of bench/api_load.py (`--database postgresql`): SQLite and a local
PostgreSQL in one run, with 1, 2 and 4 workers, and two instances sharing one database.

Run through bench/api_load.py, which owns the load (wrk scripts, parsing, the servers).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from api_load import free_port, lua_put, parse_wrk, run_wrk, seed, start_server, stop


def measure_fitrec(
    wrk: str,
    url: str,
    workers: int,
    duration: int,
    scripts: dict[str, Path],
    env: dict[str, str],
    *,
    full: bool,
) -> dict[str, dict]:
    """`fitrec serve --workers N` on `url`: logging a set at c=16 (and c=1 and the history
    read when `full`)."""
    port = free_port()
    server = start_server(
        [sys.executable, "-m", "fitrec", "serve", "--port", str(port), "--workers",
         str(workers), "--log-level", "warning"],
        port,
        {**env, "FITREC_DATABASE_URL": url},
    )  # fmt: skip
    results: dict[str, dict] = {}
    try:
        base = f"http://127.0.0.1:{port}"
        run_wrk(wrk, base + "/", 4, 2, scripts["api"])  # warm-up
        results["c=16"] = run_wrk(wrk, base + "/", 16, duration, scripts["api"])
        if full:
            results["c=1"] = run_wrk(wrk, base + "/", 1, duration, scripts["api"])
            results["history"] = run_wrk(
                wrk, base + "/api/v1/history", 1, duration, scripts["history"]
            )
    finally:
        stop(server)
    return results


def measure_two_instances(
    wrk: str, url: str, duration: int, scripts: dict[str, Path], env: dict[str, str]
) -> dict:
    """Two separate `fitrec serve` instances (one worker each) on one database and one
    secret key, each driven by its own wrk at c=8 at the same time: 16 connections whose
    requests alternate between the instances at the database, as behind a load balancer."""
    ports = [free_port(), free_port()]
    servers = [
        start_server(
            [
                sys.executable,
                "-m",
                "fitrec",
                "serve",
                "--port",
                str(port),
                "--workers",
                "1",
                "--log-level",
                "warning",
            ],
            port,
            {**env, "FITREC_DATABASE_URL": url},
        )
        for port in ports
    ]
    try:
        for port, script in zip(ports, ("api", "api2"), strict=True):
            run_wrk(wrk, f"http://127.0.0.1:{port}/", 2, 2, scripts[script])  # warm-up
        threads = min(2, 8)
        runs = [
            subprocess.Popen(
                [
                    wrk,
                    f"-t{threads}",
                    "-c8",
                    f"-d{duration}s",
                    "--latency",
                    "-s",
                    str(scripts[script]),
                    f"http://127.0.0.1:{port}/",
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for port, script in zip(ports, ("api", "api2"), strict=True)
        ]
        outputs = [run.communicate()[0] for run in runs]
    finally:
        for server in servers:
            stop(server)
    parsed = [parse_wrk(output) for output in outputs]
    return {
        "rps": sum(p["rps"] for p in parsed),
        "p50": max(p.get("p50", 0) for p in parsed),
        "p99": max(p.get("p99", 0) for p in parsed),
        "non_2xx": sum(p["non_2xx"] for p in parsed),
    }


def start_postgres() -> Any:
    """A throwaway PostgreSQL server with durable defaults (fsync and full-page writes on)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.pg_server import _as_server_user, start_server

    # Production-like: fsync, full-page writes and synchronous commit on (the defaults).
    server = start_server("-c shared_buffers=128MB")
    subprocess.run(
        _as_server_user(
            [str(server.bin_dir / "psql"), "-h", "127.0.0.1", "-p", str(server.port), "-U",
             "postgres", "-q", "-c", "CREATE DATABASE fitrec_bench"]
        ),
        check=True, capture_output=True,
    )  # fmt: skip
    return server


def write_scripts(work: Path, seeded: dict[str, Any]) -> dict[str, Path]:
    """The wrk scripts for one seeded database (`api2`: the second of two wrk processes)."""
    body = '{"exercise": "barbell-bench-press", "weight": 80, "reps": 8, "rpe": 8}'
    scripts: dict[str, Path] = {}
    for name, tag in (("api", "a"), ("api2", "b")):
        scripts[name] = work / f"put_set_{name}_{id(seeded)}.lua"
        scripts[name].write_text(
            lua_put(
                "/api/v1/sessions/%s/sets/%s-%d-%d",
                body,
                {"Authorization": f"Bearer {seeded['token']}", "Content-Type": "application/json"},
                seeded["sessions"],
                tag,
            )
        )
    scripts["history"] = work / f"history_{id(seeded)}.lua"
    scripts["history"].write_text(
        f'wrk.headers["Authorization"] = "Bearer {seeded["reader_token"]}"\n'
    )
    return scripts


def main_postgresql(args: argparse.Namespace, wrk: str) -> None:
    """SQLite and PostgreSQL in one run: 1, 2 and 4 workers, and two instances."""
    work = Path(tempfile.mkdtemp(prefix="fitrec-bench-"))
    env = {**os.environ, "FITREC_DATA_DIR": str(work), "FITREC_SECRET_KEY": "bench"}
    sqlite_url = f"sqlite:///{work / 'fitrec.db'}"
    sqlite_scripts = write_scripts(work, seed(sqlite_url))
    server = start_postgres()
    rows: list[tuple[str, dict]] = []
    try:
        pg_url = server.url("fitrec_bench")
        if args.synchronous_commit == "off":
            # What an operator puts in FITREC_DATABASE_URL: libpq's `options`, per connection.
            pg_url += "?options=-c%20synchronous_commit%3Doff"
        pg_scripts = write_scripts(work, seed(pg_url))
        for workers in args.worker_counts:
            for name, url, scripts in (
                ("SQLite", sqlite_url, sqlite_scripts),
                ("PostgreSQL", pg_url, pg_scripts),
            ):
                full = workers == 2
                found = measure_fitrec(wrk, url, workers, args.duration, scripts, env, full=full)
                rows.append((f"{name}, {workers} worker(s), log a set c=16", found["c=16"]))
                if full:
                    rows.append((f"{name}, 2 workers, log a set c=1", found["c=1"]))
                    rows.append((f"{name}, 2 workers, history 20,000 sets c=1", found["history"]))
        rows.append(
            (
                "PostgreSQL, two instances x 1 worker, log a set c=16 (8 + 8)",
                measure_two_instances(wrk, pg_url, args.duration, pg_scripts, env),
            )
        )
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, date {datetime.now(UTC).date()}; "
        f"fitrec's PostgreSQL connections: synchronous_commit={args.synchronous_commit}; "
        "server: fsync on"
    )
    print("| measure | requests/s | p50 ms | p99 ms | non-2xx |")
    print("|---|---:|---:|---:|---:|")
    for name, r in rows:
        print(
            f"| {name} | {r['rps']:,.0f} | {r.get('p50', 0):.2f} | {r.get('p99', 0):.2f} "
            f"| {r['non_2xx']} |"
        )
    by_name = dict(rows)
    for workers in args.worker_counts:
        sqlite = by_name[f"SQLite, {workers} worker(s), log a set c=16"]["rps"]
        pg = by_name[f"PostgreSQL, {workers} worker(s), log a set c=16"]["rps"]
        print(f"PostgreSQL / SQLite at c=16, {workers} worker(s): {pg / max(sqlite, 1):.2f}x")
    two = by_name["PostgreSQL, two instances x 1 worker, log a set c=16 (8 + 8)"]["rps"]
    sqlite2 = by_name["SQLite, 2 worker(s), log a set c=16"]["rps"]
    print(f"PostgreSQL two instances / SQLite 2 workers at c=16: {two / max(sqlite2, 1):.2f}x")
