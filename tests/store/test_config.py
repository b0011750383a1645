"""Settings: the SQLite default in the data dir, URL rewriting, a kept secret key."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitrec.config import Settings, normalize_database_url


def test_default_database_is_a_file_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FITREC_DATABASE_URL", raising=False)
    monkeypatch.delenv("FITREC_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    settings = Settings()
    assert settings.data_dir == tmp_path / "xdg" / "fitrec"
    assert settings.database_url == f"sqlite:///{tmp_path / 'xdg' / 'fitrec' / 'fitrec.db'}"
    assert settings.max_upload_bytes == 50 * 1024 * 1024


def test_data_dir_and_url_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FITREC_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FITREC_DATABASE_URL", "postgres://u:p@db:5432/fit")
    settings = Settings()
    assert settings.data_dir == tmp_path
    assert settings.database_url == "postgresql+psycopg://u:p@db:5432/fit"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://h/db", "postgresql+psycopg://h/db"),
        ("postgresql://h/db", "postgresql+psycopg://h/db"),
        ("postgresql+psycopg://h/db", "postgresql+psycopg://h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_postgres_urls_are_rewritten_for_psycopg(given: str, expected: str) -> None:
    assert normalize_database_url(given) == expected


def test_secret_key_is_generated_once_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FITREC_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("FITREC_SECRET_KEY", raising=False)
    first = Settings().secret_key
    assert len(first) >= 32
    assert Settings().secret_key == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
