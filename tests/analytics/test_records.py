from __future__ import annotations

from datetime import date

from fitrec.analytics.records import RecordKind, records
from fitrec.domain.sessions import SetType
from tests.analytics.builders import LOOKUP, s, session


def test_records_with_their_dates() -> None:
    history = [
        session(0, s("barbell-bench-press", 100, 8), s("barbell-bench-press", 100, 6)),
        session(3, s("barbell-bench-press", 100, 8), s("barbell-bench-press", 90, 10)),
        session(
            7,
            s("barbell-bench-press", 105, 8),
            s("barbell-bench-press", 200, 8, flagged=True),
            s("barbell-bench-press", 150, 3, kind=SetType.WARMUP),
        ),
    ]
    bench = records(history, LOOKUP)["barbell-bench-press"]
    assert bench.e1rm is not None
    assert (bench.e1rm.value, bench.e1rm.date) == (133.0, date(2024, 1, 8))
    assert bench.e1rm.kind is RecordKind.E1RM
    at_100 = bench.reps_at_load[100.0]
    assert (at_100.value, at_100.date) == (8, date(2024, 1, 1))  # a tie is not a record
    assert bench.reps_at_load[90.0].value == 10
    assert 200.0 not in bench.reps_at_load and 150.0 not in bench.reps_at_load
    assert bench.session_volume is not None
    assert (bench.session_volume.value, bench.session_volume.date) == (1700, date(2024, 1, 4))


def test_isolations_get_volume_records_but_no_e1rm() -> None:
    fly = records([session(0, s("cable-fly", 20, 15))], LOOKUP)["cable-fly"]
    assert fly.e1rm is None
    assert fly.session_volume is not None and fly.session_volume.value == 300
