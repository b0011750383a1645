"""Log configuration for `fitrec serve`: uvicorn's text lines, or one JSON object a line."""

from __future__ import annotations

import copy
import json
import logging
from datetime import UTC, datetime
from typing import Any

# uvicorn's access records carry these as their arguments, in this order.
_ACCESS_FIELDS = ("client", "method", "path", "http_version", "status")


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message (and an access line's parts)."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a single line of JSON."""
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        args = record.args
        if record.name == "uvicorn.access" and isinstance(args, tuple) and len(args) == 5:
            entry.update(zip(_ACCESS_FIELDS, args, strict=True))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def banner(message: str, log_format: str) -> str:
    """A line `fitrec serve` prints before uvicorn starts, in the chosen format."""
    if log_format != "json":
        return message
    record = logging.LogRecord("fitrec", logging.INFO, __file__, 0, message, None, None)
    return JsonFormatter().format(record)


def log_config(log_format: str, level: str = "info") -> dict[str, Any]:
    """A logging dict config for uvicorn and fitrec's own loggers, text or JSON."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    if log_format == "json":
        config["formatters"] = {"json": {"()": "fitrec.logs.JsonFormatter"}}
        for handler in config["handlers"].values():
            handler["formatter"] = "json"
    # fitrec's own lines (the database outage watch) go where uvicorn's go.
    config["loggers"]["fitrec"] = {
        "handlers": ["default"],
        "level": level.upper(),
        "propagate": False,
    }
    return config
