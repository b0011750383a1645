"""The format comes from the header, or from the data when the header is missing."""

from __future__ import annotations

import pytest

from fitrec.interchange.detect import check_format, detect
from fitrec.interchange.model import UnknownFormatError
from tests.interchange.conftest import FILES, fixture_text


@pytest.mark.parametrize("path", sorted(FILES.iterdir()), ids=lambda p: p.name)
def test_every_fixture_is_recognised(path) -> None:  # type: ignore[no-untyped-def]
    expected = path.name.split("_")[0].removesuffix(".csv")
    assert detect(fixture_text(path.name)) == expected


def test_hevy_without_its_header_is_recognised_from_the_data() -> None:
    text = fixture_text("hevy_kg.csv").split("\n", 1)[1]
    assert detect(text) == "hevy"


def test_native_json_is_recognised() -> None:
    assert detect('\ufeff{"format": "fitrec"}') == "native"


def test_unknown_text_is_refused_with_advice() -> None:
    with pytest.raises(UnknownFormatError, match="--from"):
        detect("hello,world\nfoo,bar\n")
    with pytest.raises(UnknownFormatError):
        detect("")


def test_a_forced_format_is_checked() -> None:
    assert check_format("Strong") == "strong"
    with pytest.raises(UnknownFormatError, match="unknown format"):
        check_format("wger")
