"""Benchmark: the main web pages and logging a live set over HTTP with a 10-year history.

Run: .venv/bin/python bench/web_pages.py [--requests 30] [--warmup 3] [--write]
On a temporary SQLite database: a user signed in through `services.accounts` (as the
web log-in does), the `Sample post-exhaust full body` template copied, a generated
10-year history (~65,000 sets) bulk-inserted, an open session started. The real app
(`fitrec.app:create_app`) then runs under uvicorn in a subprocess on a loopback port and
one keep-alive httpx client asks for every page. Each request's server time comes from a
`Server-Timing` header when the app sends one, else it is the client's round trip.
`--write` replaces the "## web" section of bench/RESULTS.md.
`--profile PATH` instead profiles one page in-process (cProfile, ASGI transport).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import importlib.util
import math
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from fitrec import bootstrap
from fitrec.config import Settings
from fitrec.domain.sessions import PerformedSet, Session
from fitrec.services import accounts, history, programs, sessions, templates

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "Sample post-exhaust full body"
PAGE_TARGET_MS = 50.0
LOG_SET_TARGET_MS = 100.0
SECRET = "b" * 48


def generated_history(years: int) -> list[Session]:
    """bench/analytics.py's history, moved to end yesterday, finished and named per workout."""
    spec = importlib.util.spec_from_file_location("bench_analytics", ROOT / "bench/analytics.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    raw: list[Session] = module.history(years)
    yesterday = dt.datetime.now(dt.UTC).replace(hour=18, minute=0, second=0, microsecond=0)
    shift = yesterday - dt.timedelta(days=1) - raw[-1].started_at.replace(tzinfo=dt.UTC)
    moved = []
    for number, session in enumerate(raw):
        began = session.started_at.replace(tzinfo=dt.UTC) + shift
        sets = [
            dataclasses.replace(s, performed_at=began + dt.timedelta(minutes=2 * i))
            for i, s in enumerate(session.sets)
        ]
        moved.append(
            dataclasses.replace(
                session,
                started_at=began,
                finished_at=began + dt.timedelta(minutes=75),
                program_name=TEMPLATE,
                workout_name=f"Full body {'ABCD'[number % 4]}",
                sets=sets,
            )
        )
    return moved


@dataclasses.dataclass
class Seeded:
    """What the pages need: the web cookie, its CSRF token and the ids to visit."""

    cookie: str
    csrf: str
    program_id: str
    past_session_id: str
    open_session_id: str
    sets: int
    sessions: int
    owner_id: int = 0


def seed(settings: Settings, years: int) -> Seeded:
    """Sign up and sign in, copy the template, store the history, start a workout."""
    bootstrap.upgrade_database(settings.database_url)
    make_uow = bootstrap.uow_factory(settings)
    owner_id = accounts.sign_up(make_uow, "lifter@example.com", "correct horse battery")
    owner_id = accounts.log_in(make_uow, "lifter@example.com", "correct horse battery")
    login = accounts.start_web_session(make_uow, owner_id)
    program = templates.copy_template(make_uow, owner_id, TEMPLATE)
    past = generated_history(years)
    ids: list[str] = []
    for start in range(0, len(past), 500):
        ids += history.add_sessions(make_uow, owner_id, past[start : start + 500])
    workout = programs.get_program(make_uow, owner_id, program.id).program.workouts[0].name
    opened = sessions.start_session(make_uow, owner_id, program=program.id, workout=workout)
    bootstrap.dispose_engines()
    return Seeded(
        cookie=login.cookie,
        csrf=login.csrf_token,
        program_id=program.id,
        past_session_id=ids[-1],
        open_session_id=opened.id,
        sets=sum(len(s.sets) for s in past),
        sessions=len(past),
        owner_id=owner_id,
    )


def pages(seeded: Seeded) -> dict[str, str]:
    """Every main page by the name the table shows."""
    return {
        "dashboard `/`": "/",
        "programs": "/programs",
        "builder": f"/builder?program={seeded.program_id}",
        "history": "/history",
        "session page": f"/history/{seeded.past_session_id}",
        "progress": "/progress",
        "settings": "/settings",
        "import": "/import",
        "live workout page": f"/workout/{seeded.open_session_id}",
        "live session read (JSON)": f"/api/v1/sessions/{seeded.open_session_id}",
    }


def free_port() -> int:
    """A loopback TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(settings: Settings, port: int) -> subprocess.Popen[bytes]:
    """uvicorn serving `fitrec.app:create_app` in a subprocess; returns once it answers."""
    env = dict(
        os.environ,
        FITREC_DATA_DIR=str(settings.data_dir),
        FITREC_DATABASE_URL=settings.database_url,
        FITREC_SECRET_KEY=SECRET,
    )
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "fitrec.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"uvicorn exited with {server.returncode} before answering")
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("uvicorn did not answer within 60 s")


def server_ms(response: httpx.Response, round_trip_ms: float) -> tuple[float, str]:
    """The server's own time from `Server-Timing` (summed durations), else the round trip."""
    header = response.headers.get("server-timing")
    durations = [float(d) for d in re.findall(r"dur=([0-9.]+)", header or "")]
    if durations:
        return sum(durations), "Server-Timing"
    return round_trip_ms, "round trip"


def timed(send: Callable[[], httpx.Response], expect: tuple[int, ...]) -> tuple[float, str]:
    """Send one request and return its time in ms and where that time came from."""
    began = time.perf_counter()
    response = send()
    elapsed = (time.perf_counter() - began) * 1000
    if response.status_code not in expect:
        raise SystemExit(f"{response.request.url}: HTTP {response.status_code} {response.text!r}")
    return server_ms(response, elapsed)


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of `values`."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclasses.dataclass
class Row:
    """One measured request kind."""

    name: str
    method: str
    path: str
    times: list[float]
    source: str
    target_ms: float | None

    @property
    def median(self) -> float:
        """Median time in ms."""
        return statistics.median(self.times)

    @property
    def p90(self) -> float:
        """90th percentile time in ms."""
        return percentile(self.times, 0.9)


def set_body(seeded: Seeded, index: int) -> dict[str, Any]:
    """A bench-press set as live.js sends it (docs/web.md, set body)."""
    return {
        "exercise_slug": "barbell-bench-press",
        "block_label": "A",
        "position": 1,
        "set_index": index,
        "weight": 80,
        "unit": "kg",
        "reps": 8,
        "rir": 2,
        "rest_before_s": 120,
        "set_type": "working",
        "performed_at": dt.datetime.now(dt.UTC).isoformat(),
    }


def imported_session(number: int) -> Session:
    """One more finished session of squats, as an import of a small file would add."""
    began = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=number + 1)
    done = [
        PerformedSet("barbell-squat", 100 + number, 5, set_index=i, performed_at=began)
        for i in range(1, 4)
    ]
    return Session(began, finished_at=began + dt.timedelta(hours=1), sets=done)


def first_views(client: httpx.Client, settings: Settings, seeded: Seeded, count: int) -> list[Row]:
    """The progress page's first request after the 10-year import (once), after each of
    `count` small imports, and with every session summary dropped (the full rebuild)."""
    rows = [
        Row(
            "progress, first view after the 10-year import",
            "GET",
            "/progress",
            [timed(functools.partial(client.get, "/progress"), (200,))[0]],
            "round trip",
            150,
        )
    ]
    make_uow = bootstrap.uow_factory(settings)
    times = []
    for number in range(count):
        history.add_sessions(make_uow, seeded.owner_id, [imported_session(number)])
        times.append(timed(functools.partial(client.get, "/progress"), (200,))[0])
    rows.append(
        Row(
            "progress, first view after importing a session",
            "GET",
            "/progress",
            times,
            "round trip",
            150,
        )
    )
    times = []
    for _ in range(count):
        with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
            # Dropped, as a change of every session would: the page rebuilds them all from
            # every set, which is what each first view cost before the summaries.
            db.execute("DELETE FROM session_summaries")
            db.execute("UPDATE history_versions SET version = version + 1")
        times.append(timed(functools.partial(client.get, "/progress"), (200,))[0])
    rows.append(
        Row(
            "progress, first view rebuilding every summary (the old cost)",
            "GET",
            "/progress",
            times,
            "round trip",
            None,
        )
    )
    bootstrap.dispose_engines()
    return rows


def rebuild_against_fold(settings: Settings, owner_id: int, runs: int) -> list[Row]:
    """In this process, interleaved: the overview computed from every set (the full
    rebuild a cache miss ran before) against the overview folded from the summaries."""
    from fitrec.services import analytics, overview, session_summaries

    make_uow = bootstrap.uow_factory(settings)
    day = dt.date.today()

    def rebuild() -> None:
        with make_uow(read_only=True) as uow:
            find = analytics.lookup_for(uow, owner_id)
            sessions = uow.sessions.history(owner_id)
        overview.compute_overview(sessions, find, today=day)

    def fold() -> None:
        with make_uow(read_only=True) as uow:
            find = analytics.lookup_for(uow, owner_id)
            summaries = session_summaries.read(uow, owner_id)
        assert summaries is not None
        overview.overview_from_summaries(summaries, find, today=day)

    with make_uow() as uow:
        session_summaries.current(uow, owner_id)
        uow.commit()
    timings: dict[str, list[float]] = {"rebuild": [], "fold": []}
    for _ in range(runs):
        for name, work in (("rebuild", rebuild), ("fold", fold)):
            began = time.perf_counter()
            work()
            timings[name].append((time.perf_counter() - began) * 1000)
    bootstrap.dispose_engines()
    path = "services.overview"
    return [
        Row(
            "overview from every set (full rebuild), in-process",
            "CALL",
            f"{path}.compute_overview",
            timings["rebuild"],
            "perf_counter",
            None,
        ),
        Row(
            "overview folded from the session summaries, in-process",
            "CALL",
            f"{path}.overview_from_summaries",
            timings["fold"],
            "perf_counter",
            None,
        ),
    ]


def measure(
    base_url: str, settings: Settings, seeded: Seeded, requests: int, warmup: int, cold: int = 5
) -> list[Row]:
    """Time the first progress views, every page, then PUT fresh sets to the live endpoint,
    then the cold pages."""
    rows: list[Row] = []
    cookies = {"fitrec_session": seeded.cookie}
    with httpx.Client(base_url=base_url, cookies=cookies, timeout=120) as client:
        print("measuring the first progress views", file=sys.stderr, flush=True)
        rows += first_views(client, settings, seeded, cold)
        for name, path in pages(seeded).items():
            times, sources = [], set()
            print(f"measuring {name} ({path})", file=sys.stderr, flush=True)
            for i in range(warmup + requests):
                took, source = timed(functools.partial(client.get, path), (200,))
                if i >= warmup:
                    times.append(took)
                    sources.add(source)
            target = None if path.startswith("/api/") else PAGE_TARGET_MS
            rows.append(Row(name, "GET", path, times, "/".join(sorted(sources)), target))
        api = f"/api/v1/sessions/{seeded.open_session_id}/sets"
        headers = {"X-CSRF-Token": seeded.csrf}
        times = []
        for i in range(warmup + requests):
            body = set_body(seeded, i + 1)
            started = time.perf_counter()
            response = client.put(f"{api}/{uuid.uuid4().hex}", json=body, headers=headers)
            took = (time.perf_counter() - started) * 1000
            if response.status_code != 201:
                raise SystemExit(f"PUT set: HTTP {response.status_code} {response.text!r}")
            if i >= warmup:
                times.append(took)
        rows.append(
            Row("log a set (live.js PUT)", "PUT", f"{api}/{{client id}}", times, "round trip", 100)
        )
        rows += cold_rows(client, seeded, headers, cold)
    return rows


def cold_rows(
    client: httpx.Client, seeded: Seeded, headers: dict[str, str], count: int
) -> list[Row]:
    """The cached pages' first request after a change: log a set, then time one GET."""
    api = f"/api/v1/sessions/{seeded.open_session_id}/sets"
    rows = []
    for name, path in (("dashboard `/`", "/"), ("progress", "/progress")):
        print(f"measuring {name} cold ({path})", file=sys.stderr, flush=True)
        times, sources = [], set()
        for i in range(count):
            body = set_body(seeded, 1000 + len(rows) * count + i)
            logged = client.put(f"{api}/{uuid.uuid4().hex}", json=body, headers=headers)
            if logged.status_code != 201:
                raise SystemExit(f"PUT set: HTTP {logged.status_code} {logged.text!r}")
            took, source = timed(functools.partial(client.get, path), (200,))
            times.append(took)
            sources.add(source)
        label = f"{name}, cold: first request after logging a set"
        rows.append(Row(label, "GET", path, times, "/".join(sorted(sources)), None))
    return rows


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def table(rows: list[Row]) -> str:
    """The Markdown table of the measured requests."""
    lines = [
        "| request | path | timed by | median | p90 | target |",
        "|---|---|---|---:|---:|---|",
    ]
    for row in rows:
        target = f"median ≤ {row.target_ms:.0f} ms" if row.target_ms else "—"
        lines.append(
            f"| {row.name} | `{row.method} {row.path}` | {row.source} | "
            f"{row.median:.1f} ms | {row.p90:.1f} ms | {target} |"
        )
    return "\n".join(lines) + "\n"


def verdicts(rows: list[Row]) -> str:
    """One line per target: met or missed, with the figure."""
    lines = []
    for row in rows:
        if row.target_ms is None:
            continue
        met = row.median <= row.target_ms
        word = "met" if met else "**MISSED**"
        lines.append(
            f"- {row.name}: {word} — median {row.median:.1f} ms against ≤ {row.target_ms:.0f} ms."
        )
    return "\n".join(lines) + "\n"


def section(rows: list[Row], seeded: Seeded, requests: int, warmup: int, cold: int = 5) -> str:
    """The RESULTS.md "## web" section."""
    load = os.getloadavg()[0]
    return (
        "## web\n\n"
        f"Command: `.venv/bin/python bench/web_pages.py --requests {requests} "
        f"--warmup {warmup} --cold {cold} --write` — a temporary SQLite database with one "
        "lifter signed in through `services.accounts`, "
        f"the `{TEMPLATE}` template copied, a generated 10-year "
        f"history of {seeded.sets:,} sets in {seeded.sessions:,} sessions "
        "(bench/analytics.py's, bulk-inserted) and an open workout; the real app "
        "(`fitrec.app:create_app`) under uvicorn in a subprocess on a loopback port; one "
        f"keep-alive httpx client, {warmup} warm-ups then {requests} timed requests per row; "
        "each cold row logs a set through the live endpoint and then times one request, "
        f"{cold} times (the dashboard and progress page are cached per history version, "
        "and logging a set invalidates them). "
        "The first rows come before any other request: the progress page right after the "
        "10-year history was stored (once), right after each of "
        f"{cold} one-session imports (`services.history.add_sessions` in the bench process), "
        "and after every session summary was deleted (the page then rebuilds them all from "
        "every set, as each first view did before the summaries were kept). The last two "
        f"rows time, in the bench process and interleaved, {requests} full rebuilds of the "
        "overview from every set against as many folds of the stored summaries. "
        "The app sends no `Server-Timing` header, so times are client round trips over "
        "loopback (they include HTTP parsing on both sides). Logging a set is a `PUT` "
        "with a fresh client id, the session cookie and `X-CSRF-Token`, as `live.js` sends it.\n\n"
        f"Machine: {os.cpu_count()} CPUs (`nproc`), {cpu_model()}; Python "
        f"{sys.version.split()[0]}; load average {load:.1f} at the end of the run; date "
        f"{dt.date.today().isoformat()}.\n\n" + table(rows) + "\n" + verdicts(rows)
    )


def write_section(text: str) -> None:
    """Replace the "## web" section of bench/RESULTS.md, leaving the others."""
    path = ROOT / "bench" / "RESULTS.md"
    current = path.read_text(encoding="utf-8")
    pattern = re.compile(r"^## web\n.*?(?=^## |\Z)", flags=re.MULTILINE | re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text + "\n", current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def profile(settings: Settings, seeded: Seeded, path: str, requests: int) -> None:
    """cProfile `requests` GETs of one page against the ASGI app in this process."""
    import asyncio
    import cProfile
    import pstats

    import anyio.to_thread

    from fitrec.app import create_app

    async def inline(func: Callable[..., Any], *args: Any, **_: Any) -> Any:
        return func(*args)

    # Sync routes run in worker threads, which cProfile does not see: run them inline.
    anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)

    async def run() -> None:
        async with httpx.AsyncClient(
            transport=transport, base_url="http://bench", cookies={"fitrec_session": seeded.cookie}
        ) as client:
            for _ in range(3):
                assert (await client.get(path)).status_code == 200
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(requests):
                await client.get(path)
            profiler.disable()
            stats = pstats.Stats(profiler).sort_stats("cumulative")
            stats.print_stats(45)

    asyncio.run(run())


def main() -> None:
    """Seed, serve, measure, print (and with --write, record)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument(
        "--cold", type=int, default=5, help="cold requests (each right after logging a set)"
    )
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    parser.add_argument("--profile", metavar="PAGE", help="profile one page path in-process")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        settings = Settings(
            data_dir=data_dir,
            database_url=f"sqlite:///{data_dir / 'fitrec.db'}",
            secret_key=SECRET,
        )
        began = time.perf_counter()
        seeded = seed(settings, args.years)
        print(f"seeded {seeded.sets:,} sets in {time.perf_counter() - began:.1f} s", flush=True)
        if args.profile:
            target = pages(seeded).get(args.profile, args.profile)
            target = target.replace("{program}", seeded.program_id)
            profile(settings, seeded, target, args.requests)
            return
        port = free_port()
        server = start_server(settings, port)
        try:
            rows = measure(
                f"http://127.0.0.1:{port}", settings, seeded, args.requests, args.warmup, args.cold
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
        print("measuring the rebuild against the fold", file=sys.stderr, flush=True)
        rows += rebuild_against_fold(settings, seeded.owner_id, args.requests)
    text = section(rows, seeded, args.requests, args.warmup, args.cold)
    print(text)
    if args.write:
        write_section(text)


if __name__ == "__main__":
    main()
