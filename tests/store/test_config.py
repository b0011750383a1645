"""Settings: the SQLite default in the data dir, URL rewriting, a kept secret key."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fitrec.app import create_app
from fitrec.bootstrap import ensure_secret_key
from fitrec.cli.main import app as cli_app
from fitrec.config import Settings, get_settings, normalize_database_url


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


def test_reading_settings_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FITREC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FITREC_SECRET_KEY", raising=False)
    assert Settings().secret_key == ""
    assert not (tmp_path / "data").exists()


def test_secret_key_is_generated_once_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FITREC_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("FITREC_SECRET_KEY", raising=False)
    first = ensure_secret_key(Settings())
    assert len(first) >= 32
    assert ensure_secret_key(Settings()) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret_key"]


def test_the_environment_gives_every_instance_the_same_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FITREC_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FITREC_SECRET_KEY", "shared-by-every-instance")
    assert ensure_secret_key(Settings()) == "shared-by-every-instance"
    assert not (tmp_path / "secret_key").exists()


def test_app_start_and_db_upgrade_make_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FITREC_SECRET_KEY", raising=False)
    create_app(Settings(data_dir=tmp_path / "app"))
    assert (tmp_path / "app" / "secret_key").exists()
    monkeypatch.setenv("FITREC_DATA_DIR", str(tmp_path / "cli"))
    monkeypatch.delenv("FITREC_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli_app, ["db", "upgrade"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli" / "secret_key").exists()
