"""Settings read from the environment (prefix FITREC_), with a zero-set-up SQLite default."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MIB = 1024 * 1024


def default_data_dir() -> Path:
    """The XDG data directory for fitrec: $XDG_DATA_HOME/fitrec or ~/.local/share/fitrec."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "fitrec"


def normalize_database_url(url: str) -> str:
    """Make a database URL one SQLAlchemy can use with psycopg 3 (`postgres://` and friends)."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"


class Settings(BaseSettings):
    """Where the data lives and the limits of the app; reading them has no side effects.

    `secret_key` comes from FITREC_SECRET_KEY (give every instance the same one), else
    `bootstrap.ensure_secret_key` reads or creates it in the data dir at start-up.
    """

    model_config = SettingsConfigDict(env_prefix="FITREC_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str = ""
    secret_key: str = ""
    max_upload_bytes: int = 50 * MIB  # the import page and the API import alike
    max_body_bytes: int = 1 * MIB
    # Prometheus metrics at /metrics: off while empty; when set, a scrape sends it as a
    # bearer token (the figures say how busy an instance is, which is nobody else's business).
    metrics_token: str = ""
    log_format: Literal["text", "json"] = "text"

    @model_validator(mode="after")
    def _derive_defaults(self) -> Settings:
        self.data_dir = self.data_dir.expanduser()
        if self.database_url:
            self.database_url = normalize_database_url(self.database_url)
        else:
            self.database_url = sqlite_url(self.data_dir / "fitrec.db")
        return self

    def ensure_data_dir(self) -> Path:
        """Create the data directory if needed and return it."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once from the environment."""
    return Settings()
