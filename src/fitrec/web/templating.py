"""The Jinja2 environment shared by every page."""

from __future__ import annotations

from functools import lru_cache

from fastapi.templating import Jinja2Templates

from fitrec.web import templates_dir


def in_unit(kilograms: float, unit: str, digits: int = 0) -> str:
    """A weight or volume stored in kg, shown in the lifter's unit: `14,980 lb`."""
    from fitrec.domain.units import Unit, from_kg

    return f"{from_kg(kilograms, Unit.parse(unit)):,.{digits}f} {unit}"


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    """The page templates, autoescaped, built once on first use."""
    found = Jinja2Templates(directory=str(templates_dir()))
    found.env.filters["in_unit"] = in_unit
    return found
