"""Benchmark: the live workout page in headless Chromium under emulated Slow 4G, cold and
from the service worker's cache, and the JS + CSS it loads (gzip-compressed bytes).

Run: .venv/bin/python bench/live_page.py [--runs 5] [--years 10] [--write]
Seeds like bench/web_pages.py (a 10-year history, an open workout), serves the real app
under uvicorn in a subprocess on a loopback port, and opens `/workout/{id}` in Debian's
chromium with the session cookie. Slow 4G is Chrome DevTools' preset through the CDP
(`Network.emulateNetworkConditions`: 562.5 ms latency, 1.44 Mbit/s down, 0.675 up; the
disk cache is off). "Shows the current set" is the moment `#set-panel` loses `hidden`,
taken in the page by a MutationObserver (ms since navigation start). Cold: a fresh
browser context each run, no worker. From the worker's cache: the same context after the
worker controls the page and has cached it, one navigation per run.
`--write` replaces the "## live page" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.util
import os
import re
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
COLD_TARGET_MS = 1500.0
CACHED_TARGET_MS = 300.0
WEIGHT_TARGET_KB = 150.0
SLOW_4G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1_440_000 / 8,
    "uploadThroughput": 675_000 / 8,
}
# Records when the current set appears, before any of the page's own scripts run.
SHOWN_AT = """
window.__setShownAt = null;
document.addEventListener('DOMContentLoaded', () => {
  const panel = document.getElementById('set-panel');
  if (!panel) return;
  const seen = () => {
    if (!panel.hidden && window.__setShownAt === null) window.__setShownAt = performance.now();
  };
  new MutationObserver(seen).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
  seen();
});
"""


def web_pages() -> Any:
    """bench/web_pages.py as a module (its seeding and server start)."""
    spec = importlib.util.spec_from_file_location("bench_web_pages", ROOT / "bench/web_pages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while defined
    spec.loader.exec_module(module)
    return module


def open_page(context: Any, url: str, throttled: bool) -> tuple[Any, Any]:
    """A page of `context` with the observer installed and, if asked, Slow 4G."""
    page = context.new_page()
    page.add_init_script(SHOWN_AT)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttled:
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    return page, cdp


def shown_ms(page: Any, url: str) -> float:
    """Navigate and return when the current set showed (ms since navigation start)."""
    page.goto(url, wait_until="commit")
    page.wait_for_function("window.__setShownAt !== null", timeout=60_000)
    return float(page.evaluate("window.__setShownAt"))


def weight(page: Any, url: str) -> tuple[float, float, list[str]]:
    """JS and CSS the page loads: raw and gzip-compressed KB, and the file names."""
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    raw = packed = 0
    names = []
    for response in responses:
        kind = response.request.resource_type
        if kind not in ("script", "stylesheet"):
            continue
        body = response.body()
        raw += len(body)
        packed += len(gzip.compress(body, compresslevel=6))
        names.append(response.url.rsplit("/", 1)[-1])
    return raw / 1024, packed / 1024, names


def measure(base: str, seeded: Any, runs: int) -> dict[str, Any]:
    """Cold and cached times under Slow 4G, and the page's weight."""
    from playwright.sync_api import sync_playwright

    url = f"{base}/workout/{seeded.open_session_id}"
    cookie = {"name": "fitrec_session", "value": seeded.cookie, "url": base}
    cold, cached = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 390, "height": 844})
            context.add_cookies([cookie])
            page, _ = open_page(context, url, throttled=True)
            cold.append(shown_ms(page, url))
            context.close()
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.add_cookies([cookie])
        page, _ = open_page(context, url, throttled=False)
        raw_kb, packed_kb, names = weight(page, url)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload(wait_until="networkidle")
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        page.close()
        for _ in range(runs):
            page, _ = open_page(context, url, throttled=True)
            cached.append(shown_ms(page, url))
            page.close()
        context.close()
        browser.close()
    return {
        "cold": cold,
        "cached": cached,
        "raw_kb": raw_kb,
        "packed_kb": packed_kb,
        "files": names,
    }


def section(result: dict[str, Any], seeded: Any, runs: int, years: int) -> str:
    """The RESULTS.md "## live page" section."""
    cold, cached = statistics.median(result["cold"]), statistics.median(result["cached"])
    chart = any("chart" in name for name in result["files"])

    def verdict(value: float, target: float) -> str:
        return "met" if value <= target else "NOT met"

    return (
        "## live page\n\n"
        f"Command: `.venv/bin/python bench/live_page.py --runs {runs} --years {years} --write`"
        f" — bench/web_pages.py's seeding ({seeded.sets:,} sets in {seeded.sessions:,} "
        "sessions and an open workout), the real app under uvicorn in a subprocess, Debian's "
        "chromium headless at 390×844 with the session cookie, Chrome's Slow 4G preset "
        "through the CDP (562.5 ms latency, 1.44 Mbit/s down), disk cache off. Time = "
        "navigation start until `#set-panel` shows (a MutationObserver in the page). "
        f"{runs} runs each.\n\n"
        f"Machine: {os.cpu_count()} CPUs (`nproc`); Python {sys.version.split()[0]}; load "
        f"average {os.getloadavg()[0]:.1f} at the end; date {dt.date.today().isoformat()}.\n\n"
        "| measure | median | runs | target | verdict |\n|---|---:|---|---|---|\n"
        f"| current set shown, cold | {cold:.0f} ms | "
        f"{', '.join(f'{v:.0f}' for v in result['cold'])} | ≤ {COLD_TARGET_MS:.0f} ms | "
        f"{verdict(cold, COLD_TARGET_MS)} |\n"
        f"| current set shown, from the worker's cache | {cached:.0f} ms | "
        f"{', '.join(f'{v:.0f}' for v in result['cached'])} | ≤ {CACHED_TARGET_MS:.0f} ms | "
        f"{verdict(cached, CACHED_TARGET_MS)} |\n"
        f"| JS + CSS loaded, gzip | {result['packed_kb']:.1f} KB ({result['raw_kb']:.1f} KB "
        f"raw) | 1 | ≤ {WEIGHT_TARGET_KB:.0f} KB | "
        f"{verdict(result['packed_kb'], WEIGHT_TARGET_KB)} |\n\n"
        f"Files: {', '.join(f'`{n}`' for n in result['files'])}. Chart.js loaded: "
        f"{'yes' if chart else 'no'}.\n"
    )


def write_section(text: str) -> None:
    """Replace the "## live page" section of bench/RESULTS.md, leaving the others."""
    path = ROOT / "bench" / "RESULTS.md"
    current = path.read_text(encoding="utf-8")
    pattern = re.compile(r"^## live page\n.*?(?=^## |\Z)", flags=re.MULTILINE | re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text + "\n", current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    path.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    """Seed, serve, measure, print (and with --write, record)."""
    from fitrec.config import Settings

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    pages = web_pages()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        settings = Settings(
            data_dir=data_dir,
            database_url=f"sqlite:///{data_dir / 'fitrec.db'}",
            secret_key=pages.SECRET,
        )
        seeded = pages.seed(settings, args.years)
        port = pages.free_port()
        server = pages.start_server(settings, port)
        try:
            result = measure(f"http://127.0.0.1:{port}", seeded, args.runs)
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = section(result, seeded, args.runs, args.years)
    print(text)
    if args.write:
        write_section(text)


if __name__ == "__main__":
    main()
