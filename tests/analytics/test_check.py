from __future__ import annotations

from fitrec.analytics.check import history_findings
from fitrec.domain.sessions import Session
from tests.analytics.builders import LOOKUP, s, session


def week(day: int, bench_kg: float, paired: bool) -> Session:
    sets = [s("barbell-bench-press", bench_kg, 8)]
    if paired:
        sets.append(s("cable-fly", 20, 15, rest=60))
    sets.append(s("barbell-squat", 140, 10, "B"))
    return session(day, *sets)


def test_a_falling_bench_with_pairs_gives_a_decline_finding() -> None:
    loads = [100, 99, 97, 95, 93, 91]
    history = [week(7 * i, kg, paired=i >= 2) for i, kg in enumerate(loads)]
    (finding,) = history_findings(list(reversed(history)), LOOKUP)
    assert finding.code == "decline"
    assert finding.entry == "Barbell Bench Press"
    assert "Barbell Bench Press → Cable Fly" in finding.message
    assert "2024-01-01" in finding.message


def test_a_steady_history_gives_nothing() -> None:
    history = [week(7 * i, 100 + i, paired=True) for i in range(8)]
    assert history_findings(history, LOOKUP) == []
