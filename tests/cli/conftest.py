"""Fixtures for commands that work on the local database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fitrec.config import get_settings


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh data directory: the CLI's SQLite database lives there for one test."""
    from fitrec import bootstrap

    monkeypatch.setenv("FITREC_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("FITREC_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()
    bootstrap.dispose_engines()
