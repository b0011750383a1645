"""Benchmark: reading one session for the live page, with a 10-year history.

Run: .venv/bin/python bench/session_read.py [--years 10] [--requests 200] [--warmup 20]

Seeds a temporary SQLite database as bench/web_pages.py does (a signed-in lifter, the
`Sample post-exhaust full body` template, a generated history of ~65,000 sets, an open
session of the template's first workout with two sets logged), serves the real app with
uvicorn in a subprocess, and times `GET` of the session with one keep-alive httpx client
signed in by the web cookie: every path the live page has read the session from that
this version serves (a path answering 404 is skipped). Prints medians and p90 (round trip).
Target: p50 ≤ 5 ms.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from fitrec import bootstrap
from fitrec.config import Settings

ROOT = Path(__file__).resolve().parent
TARGET_MS = 5.0


def _web_pages() -> Any:
    spec = importlib.util.spec_from_file_location("bench_web_pages", ROOT / "web_pages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def main() -> None:
    """Seed, serve, time every session path, print a Markdown table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    pages = _web_pages()
    work = Path(tempfile.mkdtemp(prefix="fitrec-session-read-"))
    settings = Settings(
        database_url=f"sqlite:///{work / 'fitrec.db'}", data_dir=work, secret_key=pages.SECRET
    )
    seeded = pages.seed(settings, args.years)
    bootstrap.dispose_engines()
    port = pages.free_port()
    server = pages.start_server(settings, port)
    paths = {
        "/web/api (before)": f"/web/api/sessions/{seeded.open_session_id}",
        "/api/v1": f"/api/v1/sessions/{seeded.open_session_id}",
    }
    rows = []
    try:
        cookies = {"fitrec_session": seeded.cookie}
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, cookies=cookies, timeout=120) as client:
            headers = {"X-CSRF-Token": seeded.csrf}
            for n in (1, 2):
                body = {"exercise_slug": "barbell-bench-press", "weight": 80, "reps": 8}
                for path in paths.values():
                    client.put(f"{path}/sets/seed{n}", json=body, headers=headers)
            for name, path in paths.items():
                first = client.get(path)
                if first.status_code == 404:
                    continue
                if first.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {first.status_code} {first.text!r}")
                times = []
                for i in range(args.warmup + args.requests):
                    began = time.perf_counter()
                    response = client.get(path)
                    took = (time.perf_counter() - began) * 1000
                    if response.status_code != 200:
                        raise SystemExit(f"{path}: HTTP {response.status_code}")
                    if i >= args.warmup:
                        times.append(took)
                times.sort()
                rows.append((name, path, statistics.median(times), times[int(len(times) * 0.9)]))
    finally:
        server.terminate()
        server.wait(timeout=15)
    print(
        f"machine: {os.cpu_count()} CPUs, {pages.cpu_model()}, Python "
        f"{platform.python_version()}, date {datetime.now(UTC).date()}; "
        f"history {seeded.sets:,} sets in {seeded.sessions:,} sessions"
    )
    print("| read | path | median | p90 | target |")
    print("|---|---|---:|---:|---|")
    for name, path, median, p90 in rows:
        verdict = "met" if median <= TARGET_MS else "**missed**"
        print(
            f"| {name} | `GET {path}` | {median:.2f} ms | {p90:.2f} ms "
            f"| p50 ≤ {TARGET_MS:.0f} ms: {verdict} |"
        )


if __name__ == "__main__":
    sys.exit(main())
