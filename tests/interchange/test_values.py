"""Reading numbers, dates and durations the way the apps write them."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.interchange import values
from fitrec.interchange.model import RowValueError


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1h 5m", 3900),
        ("1h 5min", 3900),
        ("38min", 2280),
        ("55s", 55),
        ("1小时13分钟", 4380),
        ("264h 1m", 950460),
        ("1:05:00", 3900),
        ("3600", 3600),
        ("", None),
    ],
)
def test_durations_in_every_spelling(text: str, seconds: int | None) -> None:
    assert values.duration_seconds(text) == seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-01-02 18:00:00", datetime(2023, 1, 2, 18, 0)),
        ("15 Sep 2025, 07:48", datetime(2025, 9, 15, 7, 48)),
        ("12 Sep 2025, 7:07", datetime(2025, 9, 12, 7, 7)),
        ("2024-02-02T17:00:00.000Z", datetime(2024, 2, 2, 17, 0)),
        ("2021-03-04", datetime(2021, 3, 4)),
    ],
)
def test_dates_as_the_apps_write_them(text: str, expected: datetime) -> None:
    assert values.parse_datetime(text, 2, "Date") == expected


def test_a_bad_number_names_row_and_column() -> None:
    with pytest.raises(RowValueError) as caught:
        values.number("abc", 1234, "Reps")
    assert str(caught.value) == 'row 1234, column "Reps": "abc" is not a number'


def test_reps_written_as_decimals() -> None:
    assert values.reps_of(values.number("8.0", 2, "Reps")) == 8
    assert values.number("82,5", 2, "Weight") == 82.5


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=0, max_value=59))
def test_strong_style_durations_round_trip(hours: int, minutes: int) -> None:
    assert values.duration_seconds(f"{hours}h {minutes}m") == hours * 3600 + minutes * 60
