"""The article's programs as built-in notation templates (package data, read lazily)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

# The article's order: the six classic pairs, then its full-body sample.
_TEMPLATE_FILES = (
    "chest-post-exhaust.txt",
    "back-post-exhaust.txt",
    "shoulder-post-exhaust.txt",
    "quadriceps-post-exhaust.txt",
    "hamstrings-post-exhaust.txt",
    "triceps-post-exhaust.txt",
    "sample-post-exhaust-full-body.txt",
)


def _program_name(text: str) -> str:
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "program":
            return value.strip()
    raise ValueError("template without a `program:` line")


@cache
def _load() -> tuple[tuple[str, str], ...]:
    folder = files("fitrec.planning").joinpath("templates")
    texts = (folder.joinpath(name).read_text(encoding="utf-8") for name in _TEMPLATE_FILES)
    return tuple((_program_name(text), text) for text in texts)


def builtin_templates() -> dict[str, str]:
    """Program name -> notation text of every built-in template, in the article's order."""
    return dict(_load())


def builtin_template(name: str) -> str:
    """The notation text of the built-in template called `name` (case-insensitive)."""
    templates = builtin_templates()
    for known, text in templates.items():
        if known.lower() == name.strip().lower():
            return text
    raise KeyError(f"no built-in template {name!r}; known: {', '.join(templates)}")
