"""Catalogue look-ups of an import-sized workload (every name once, five misspellings).

Was a timed test (`< 2 s` for 200 rounds); timings belong here, not in the suite.
Prints the median of several runs of 200 rounds and the per-name cost.
"""

from __future__ import annotations

import argparse
import statistics
import time

from fitrec.catalog import Catalog, default_catalog

TARGET_S = 2.0  # 200 rounds of every catalogue name: the old test's bound


def one_run(catalog: Catalog, names: list[str], rounds: int) -> float:
    """Seconds for `rounds` passes of look-ups over `names` on a fresh catalogue copy."""
    start = time.perf_counter()
    for _ in range(rounds):
        for name in names:
            catalog.lookup(name)
    return time.perf_counter() - start


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    catalog = default_catalog()
    names = [f"{e.name} ({e.load_kind.value})" for e in catalog] + ["Barbel Bench Pres"] * 5
    times = [one_run(Catalog(list(catalog)), names, args.rounds) for _ in range(args.runs)]
    median = statistics.median(times)
    per_name_us = median / (args.rounds * len(names)) * 1e6
    verdict = "within" if median <= TARGET_S else "OVER"
    print(
        f"catalogue look-up: {args.rounds} rounds x {len(names)} names, median {median:.3f} s "
        f"({per_name_us:.1f} us a name) over {args.runs} runs; {verdict} the {TARGET_S} s target"
    )


if __name__ == "__main__":
    main()
