"""The article's programs, built in: list them and copy one into an owner's programs."""

from __future__ import annotations

from fitrec.planning.templates import builtin_templates
from fitrec.services.errors import NotFound
from fitrec.services.models import ProgramRecord, Template
from fitrec.services.programs import create_program, parse_text
from fitrec.services.unit_of_work import UowFactory


def list_templates() -> list[Template]:
    """Every built-in template, in the article's order."""
    return [
        Template(name=name, text=text, program=parse_text(text))
        for name, text in builtin_templates().items()
    ]


def get_template(name: str) -> Template:
    """One built-in template by name (case-insensitive)."""
    for template in list_templates():
        if template.name.lower() == name.strip().lower():
            return template
    raise NotFound("template", name)


def copy_template(
    make_uow: UowFactory, owner_id: int, name: str, new_name: str | None = None
) -> ProgramRecord:
    """Copy a built-in template into the owner's programs (optionally renamed)."""
    template = get_template(name)
    text = template.text
    if new_name and new_name.strip():
        text = _renamed(text, new_name.strip())
    return create_program(make_uow, owner_id, text, template=template.name)


def _renamed(text: str, name: str) -> str:
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.split(":", 1)[0].strip().lower() == "program":
            lines[i] = f"program: {name}\n"
            break
    return "".join(lines)
