"""Benchmark: writing the history document of 20,000 sets when it is not cached (cold).

Run: .venv/bin/python bench/history_render.py [--runs 15]

`GET /api/v1/history` keeps the document in the analytics cache while the history is
unchanged (bench/api_load.py measures that warm read over HTTP). This times the cold
path in-process on a temporary SQLite database seeded as bench/api_load.py seeds its
reader (1,000 sessions of 20 sets): the uncached `services.history_document` call, which
reads the history and renders it, then stores it. Prints median and p90 in ms.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fitrec import bootstrap
from fitrec.services import accounts

ROOT = Path(__file__).resolve().parent


def _api_load() -> object:
    spec = importlib.util.spec_from_file_location("bench_api_load", ROOT / "api_load.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    """Seed 20,000 sets, time cold history documents."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    load = _api_load()
    work = Path(tempfile.mkdtemp(prefix="fitrec-history-"))
    url = f"sqlite:///{work / 'fitrec.db'}"
    seeded = load.seed(url)  # type: ignore[attr-defined]
    make_uow = bootstrap.uow_factory(url=url)
    reader = accounts.owner_of_token(make_uow, seeded["reader_token"])
    assert reader is not None
    try:  # this version: the API renders the document from the one set shape
        from fitrec.api.session_view import history_out
        from fitrec.services.history_document import history_document

        def cold() -> str:
            return history_document(make_uow, reader, history_out)
    except ImportError:  # before: the database wrote it (store/history_json.py)
        from fitrec.services.history_document import history_document as old

        def cold() -> str:
            return old(make_uow, reader)  # type: ignore[call-arg]

    times = []
    size = 0
    for _ in range(args.runs):
        with make_uow() as uow:  # forget the cached document: a cold read each time
            uow.analytics_cache.put(reader, "x", 0, "")
            uow._db.exec_driver_sql("DELETE FROM analytics_cache")  # type: ignore[attr-defined]
            uow.commit()
        began = time.perf_counter()
        size = len(cold())
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    print(
        f"cold history document, 20,000 sets ({size:,} bytes), {args.runs} runs: "
        f"median {statistics.median(times):.1f} ms, p90 {times[int(len(times) * 0.9)]:.1f} ms"
    )


if __name__ == "__main__":
    main()
