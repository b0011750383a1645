"""The Jinja2 environment shared by every page."""

from __future__ import annotations

from functools import lru_cache

from fastapi.templating import Jinja2Templates

from fitrec.web import templates_dir


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    """The page templates, autoescaped, built once on first use."""
    return Jinja2Templates(directory=str(templates_dir()))
