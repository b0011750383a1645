"""Fixture files and the real catalogue for the interchange tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitrec.catalog import Catalog, default_catalog
from fitrec.interchange.tabular import decode

FILES = Path(__file__).parent / "files"


def fixture_text(name: str) -> str:
    """A fixture file decoded as the importer decodes it."""
    return decode((FILES / name).read_bytes())


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()
