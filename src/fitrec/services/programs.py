"""Programs as use cases: create from notation text, edit, clone, delete, list, export."""

from __future__ import annotations

from fitrec.domain.programs import Program
from fitrec.services.errors import Conflict, InvalidInput, NotFound
from fitrec.services.exercises import catalog_for
from fitrec.services.linting import resolve_program
from fitrec.services.models import ProgramRecord, ProgramSummary
from fitrec.services.unit_of_work import UnitOfWork, UowFactory
from fitrec.services.validation import MAX_NAME
from fitrec.textformat import NotationError, format_program, parse_program

MAX_TEXT = 200_000


def parse_text(text: str) -> Program:
    """Parse program notation; a syntax error becomes InvalidInput on `text` with line:column."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("text", "the program text is empty")
    if len(text) > MAX_TEXT:
        raise InvalidInput("text", f"the program text is longer than {MAX_TEXT} characters")
    try:
        program = parse_program(text)
    except NotationError as error:
        raise InvalidInput("text", str(error)) from error
    if not program.name.strip() or len(program.name) > MAX_NAME:
        raise InvalidInput("text", f"the program name must be 1 to {MAX_NAME} characters")
    return program


def find_program(uow: UnitOfWork, owner_id: int, id_or_name: str) -> ProgramRecord:
    """A program by public id or by name (case-insensitive)."""
    record = uow.programs.get(owner_id, id_or_name)
    if record is None:
        program_id = uow.programs.id_by_name(owner_id, id_or_name)
        record = uow.programs.get(owner_id, program_id) if program_id else None
    if record is None:
        raise NotFound("program", id_or_name)
    return record


def _check_free_name(uow: UnitOfWork, owner_id: int, name: str, keep: str | None = None) -> None:
    taken = uow.programs.id_by_name(owner_id, name)
    if taken is not None and taken != keep:
        raise Conflict(f"you already have a program called {name!r}", field="name")


def create_program(
    make_uow: UowFactory,
    owner_id: int,
    text: str,
    *,
    template: str | None = None,
    draft: bool = False,
) -> ProgramRecord:
    """Store a program written in the notation; its exercises must all be known. A
    `draft` is one kept on purpose with its findings' errors."""
    program = parse_text(text)
    with make_uow() as uow:
        program = resolve_program(program, catalog_for(uow, owner_id))
        _check_free_name(uow, owner_id, program.name)
        program_id = uow.programs.add(owner_id, program, template=template, draft=draft)
        record = uow.programs.get(owner_id, program_id)
        uow.commit()
    assert record is not None
    return record


def edit_program(
    make_uow: UowFactory, owner_id: int, program_id: str, text: str, *, draft: bool = False
) -> ProgramRecord:
    """Replace a program's content with new notation text, keeping its id (a `draft` is
    kept on purpose with errors; saving without the flag clears it)."""
    program = parse_text(text)
    with make_uow() as uow:
        current = find_program(uow, owner_id, program_id)
        program = resolve_program(program, catalog_for(uow, owner_id))
        _check_free_name(uow, owner_id, program.name, keep=current.id)
        uow.programs.replace(owner_id, current.id, program, draft=draft)
        record = uow.programs.get(owner_id, current.id)
        uow.commit()
    assert record is not None
    return record


def clone_program(
    make_uow: UowFactory, owner_id: int, program_id: str, new_name: str | None = None
) -> ProgramRecord:
    """Copy a program under a new name (`NAME (copy)` unless given)."""
    with make_uow() as uow:
        source = find_program(uow, owner_id, program_id)
        program = source.program
        name = (new_name or "").strip() or _copy_name(uow, owner_id, program.name)
        if len(name) > MAX_NAME:
            raise InvalidInput("name", f"must be at most {MAX_NAME} characters")
        _check_free_name(uow, owner_id, name)
        program.name = name
        new_id = uow.programs.add(owner_id, program, template=source.template)
        record = uow.programs.get(owner_id, new_id)
        uow.commit()
    assert record is not None
    return record


def _copy_name(uow: UnitOfWork, owner_id: int, name: str) -> str:
    candidate = f"{name} (copy)"
    n = 2
    while uow.programs.id_by_name(owner_id, candidate) is not None:
        candidate = f"{name} (copy {n})"
        n += 1
    return candidate


def delete_program(make_uow: UowFactory, owner_id: int, program_id: str) -> None:
    """Delete a program; sessions done from it stay in the history."""
    with make_uow() as uow:
        record = find_program(uow, owner_id, program_id)
        uow.programs.delete(owner_id, record.id)
        uow.commit()


def list_programs(make_uow: UowFactory, owner_id: int) -> list[ProgramSummary]:
    """The owner's programs, by name."""
    with make_uow() as uow:
        return uow.programs.list(owner_id)


def get_program(make_uow: UowFactory, owner_id: int, program_id: str) -> ProgramRecord:
    """One program by id or name."""
    with make_uow() as uow:
        return find_program(uow, owner_id, program_id)


def export_text(make_uow: UowFactory, owner_id: int, program_id: str) -> str:
    """A program as notation text (canonical form)."""
    return format_program(get_program(make_uow, owner_id, program_id).program)
