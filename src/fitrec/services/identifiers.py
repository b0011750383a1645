"""Ids as lifters type them: a full id, or (as in git) a unique prefix of at least 4 characters.

Only the owner's own sessions and programs are candidates, so a prefix never reveals or
reaches another owner's rows. A full id is passed through untouched, without a query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fitrec.services.errors import InvalidInput, NotFound
from fitrec.services.models import SessionSummary
from fitrec.services.unit_of_work import UowFactory

MIN_PREFIX = 4
FULL_ID_LEN = 32  # uuid4().hex
CANDIDATES_SHOWN = 10
_ALL = 2**31 - 1  # a LIMIT every backend accepts, above any history's length


@dataclass(frozen=True, slots=True)
class Candidate:
    """One stored thing a prefix matches: its full id and how a lifter recognises it."""

    id: str
    label: str


class AmbiguousId(InvalidInput):
    """A prefix matches several of the owner's things; `candidates` lists them."""

    def __init__(self, field: str, what: str, prefix: str, candidates: Sequence[Candidate]):
        self.what = what
        self.prefix = prefix
        self.candidates = list(candidates)
        shown = self.candidates[:CANDIDATES_SHOWN]
        lines = [f"  {c.id}  {c.label}" for c in shown]
        if len(self.candidates) > len(shown):
            lines.append(f"  … and {len(self.candidates) - len(shown)} more")
        message = (
            f"{prefix!r} matches {len(self.candidates)} {what}s; give more characters:\n"
            + "\n".join(lines)
        )
        super().__init__(field, message)


def _matching(prefix: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    wanted = prefix.lower()
    return [c for c in candidates if c.id.lower().startswith(wanted)]


def resolve_session_id(
    make_uow: UowFactory, owner_id: int, text: str, field: str = "session_id"
) -> str:
    """The full id of the owner's session `text` names: itself, or its unique id prefix.

    A full-length id comes back unchanged (an unknown one is then not found where it is
    used); a prefix shorter than 4 characters is InvalidInput on `field`, one matching
    nothing NotFound, and one matching several AmbiguousId listing them.
    """
    text = text.strip()
    if len(text) >= FULL_ID_LEN:
        return text
    if len(text) < MIN_PREFIX:
        raise InvalidInput(
            field, f"{text!r} is too short: give the id or at least {MIN_PREFIX} characters of it"
        )
    with make_uow(read_only=True) as uow:
        # One query for the whole history: paging would repeat its per-session set counts.
        sessions = uow.sessions.list(owner_id, limit=_ALL, offset=0)
    found = _matching(text, [Candidate(s.id, _session_label(s)) for s in sessions])
    return _one(field, "session", text, found)


def _session_label(summary: SessionSummary) -> str:
    started = summary.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    name = " / ".join(x for x in (summary.program_name, summary.workout_name) if x)
    return f"{started}  {name or summary.source or '-'}"


def resolve_program_id(
    make_uow: UowFactory, owner_id: int, text: str, field: str = "program"
) -> str:
    """What names one of the owner's programs: a full id or a name as given, else the full id
    of the unique program whose id starts with `text` (at least 4 characters).

    A name or full id wins over a prefix. Nothing matching is NotFound (InvalidInput when
    `text` is too short to be a prefix); several matching is AmbiguousId listing them.
    """
    with make_uow(read_only=True) as uow:
        if uow.programs.get(owner_id, text) is not None:
            return text
        if uow.programs.id_by_name(owner_id, text) is not None:
            return text
        if len(text.strip()) < MIN_PREFIX:
            raise InvalidInput(
                field,
                f"no program is named {text!r}, and an id prefix needs at least "
                f"{MIN_PREFIX} characters",
            )
        programs = uow.programs.list(owner_id)
    found = _matching(text.strip(), [Candidate(p.id, p.name) for p in programs])
    return _one(field, "program", text, found)


def _one(field: str, what: str, text: str, found: list[Candidate]) -> str:
    # An imported session may keep a shorter id of its own: typed whole, it is no prefix.
    if any(c.id == text for c in found):
        return text
    if not found:
        raise NotFound(what, text)
    if len(found) > 1:
        raise AmbiguousId(field, what, text, found)
    return found[0].id
