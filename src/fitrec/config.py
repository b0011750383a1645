"""Settings read from the environment (prefix FITREC_), with a zero-set-up SQLite default."""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MIB = 1024 * 1024
SECRET_KEY_FILE = "secret_key"


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
    """Where the data lives and the limits of the app."""

    model_config = SettingsConfigDict(env_prefix="FITREC_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str = ""
    secret_key: str = ""
    max_upload_bytes: int = 10 * MIB
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
        if not self.secret_key:
            try:
                self.resolved_secret_key()
            except OSError:
                # A read-only data dir still runs; web sessions then last one process.
                self.secret_key = secrets.token_urlsafe(48)
        return self

    def ensure_data_dir(self) -> Path:
        """Create the data directory if needed and return it."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir

    def resolved_secret_key(self) -> str:
        """The secret key: from the environment, else generated once and kept in the data dir."""
        if self.secret_key:
            return self.secret_key
        path = self.ensure_data_dir() / SECRET_KEY_FILE
        if path.exists():
            self.secret_key = path.read_text(encoding="utf-8").strip()
        else:
            self.secret_key = secrets.token_urlsafe(48)
            # Created readable by the owner only: it signs web sessions.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self.secret_key)
        return self.secret_key


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once from the environment."""
    return Settings()
