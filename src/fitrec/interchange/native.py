"""fitrec's own JSON: lossless programs (as notation), sessions, sets, feedback and profile."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fitrec.domain.exercises import Exercise, LoadKind, Mechanic
from fitrec.domain.muscles import Muscle
from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType, set_record
from fitrec.domain.units import Unit
from fitrec.interchange.model import InterchangeError

FORMAT = "fitrec"
VERSION = 1


@dataclass(slots=True)
class NativeDocument:
    """A whole account: profile, programs as notation text, custom exercises, sessions."""

    sessions: list[Session] = field(default_factory=list)
    programs: list[dict[str, Any]] = field(default_factory=list)  # id, name, text, template
    custom_exercises: list[Exercise] = field(default_factory=list)
    needs_review: set[str] = field(default_factory=set)  # slugs of customs awaiting review
    profile: dict[str, Any] | None = None
    exported_at: datetime | None = None


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """An exercise as JSON data."""
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "mechanic": exercise.mechanic.value,
        "prime_movers": [m.value for m in exercise.prime_movers],
        "synergists": [m.value for m in exercise.synergists],
        "equipment": exercise.equipment,
        "load_kind": exercise.load_kind.value,
        "aliases": list(exercise.aliases),
        "legs": exercise.legs,
    }


# The native format names two fields of `set_record` its own way (docs/formats.md).
_NATIVE_NAMES = {"exercise_slug": "exercise", "block_label": "block"}


def set_to_dict(performed: PerformedSet) -> dict[str, Any]:
    """A performed set in the native format: `set_record` under the format's field names."""
    record = set_record(performed)
    record["performed_at"] = _time(performed.performed_at)
    return {_NATIVE_NAMES.get(key, key): value for key, value in record.items()}


def session_to_dict(session: Session) -> dict[str, Any]:
    """A session as JSON data: header, sets in order, feedback."""
    return {
        "id": session.id,
        "started_at": _time(session.started_at),
        "finished_at": _time(session.finished_at),
        "workout_name": session.workout_name,
        "program_id": session.program_id,
        "program_name": session.program_name,
        "note": session.note,
        "source": session.source,
        "import_key": session.import_key,
        "flagged": session.flagged,
        "sets": [set_to_dict(p) for p in session.sets],
        "feedback": [
            {"block": f.block_label, "pump": f.pump, "exhaustion": f.exhaustion, "note": f.note}
            for f in session.feedback
        ],
    }


def dump_native(document: NativeDocument) -> str:
    """The document as pretty-printed JSON text."""
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if document.exported_at is not None:
        data["exported_at"] = document.exported_at.isoformat()
    data["profile"] = document.profile
    data["programs"] = document.programs
    data["custom_exercises"] = [
        {**exercise_to_dict(e), "needs_review": e.slug in document.needs_review}
        for e in document.custom_exercises
    ]
    data["sessions"] = [session_to_dict(s) for s in document.sessions]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class _Reader:
    """Typed access to JSON data with error paths such as `sessions[3].sets[2].reps`."""

    def __init__(self, data: Any, path: str) -> None:
        self.data = data
        self.path = path

    def fail(self, key: str, message: str) -> InterchangeError:
        return InterchangeError(f"{self.path}.{key}: {message}".lstrip("."))

    def raw(self, key: str) -> Any:
        if not isinstance(self.data, dict):
            raise InterchangeError(f"{self.path or 'document'}: expected an object")
        return self.data.get(key)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.raw(key)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise self.fail(key, "expected text")
        return value

    def number(self, key: str, required: bool = False) -> float | None:
        value = self.raw(key)
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"{value!r} is not a number")
        return value

    def integer(self, key: str, required: bool = False) -> int | None:
        value = self.number(key, required)
        if value is not None and value != int(value):
            raise self.fail(key, f"{value!r} is not a whole number")
        return None if value is None else int(value)

    def time(self, key: str, required: bool = False) -> datetime | None:
        value = self.text(key, required)
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(key, f"{value!r} is not an ISO date-time") from None

    def items(self, key: str) -> list[_Reader]:
        value = self.raw(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "expected a list")
        return [_Reader(v, f"{self.path}.{key}[{i}]".lstrip(".")) for i, v in enumerate(value)]

    def choice(self, key: str, kind: Any, default: Any = None) -> Any:
        value = self.raw(key)
        if value is None:
            if default is None:
                raise self.fail(key, "is required")
            return default
        try:
            return kind(value)
        except ValueError:
            raise self.fail(key, f"{value!r} is not one of {[k.value for k in kind]}") from None


def _exercise(r: _Reader) -> Exercise:
    return Exercise(
        slug=r.text("slug", True) or "",
        name=r.text("name", True) or "",
        mechanic=r.choice("mechanic", Mechanic),
        prime_movers=tuple(Muscle(m.data) for m in r.items("prime_movers")),
        synergists=tuple(Muscle(m.data) for m in r.items("synergists")),
        equipment=r.text("equipment") or "barbell",
        load_kind=r.choice("load_kind", LoadKind, LoadKind.BARBELL),
        aliases=tuple(str(a.data) for a in r.items("aliases")),
        legs=bool(r.raw("legs")),
    )


def _set(r: _Reader) -> PerformedSet:
    return PerformedSet(
        exercise_slug=r.text("exercise", True) or "",
        weight=r.number("weight", True) or 0.0,
        reps=r.integer("reps", True) or 0,
        unit=r.choice("unit", Unit, Unit.KG),
        set_type=r.choice("set_type", SetType, SetType.WORKING),
        block_label=r.text("block"),
        position=r.integer("position"),
        set_index=r.integer("set_index") or 1,
        rpe=r.number("rpe"),
        rir=r.number("rir"),
        rest_before_s=r.integer("rest_before_s"),
        note=r.text("note"),
        id=r.text("id"),
        performed_at=r.time("performed_at"),
        flagged=bool(r.raw("flagged")),
    )


def _session(r: _Reader) -> Session:
    return Session(
        started_at=r.time("started_at", True) or datetime.min,
        finished_at=r.time("finished_at"),
        workout_name=r.text("workout_name"),
        program_name=r.text("program_name"),
        program_id=r.text("program_id"),
        note=r.text("note"),
        id=r.text("id"),
        source=r.text("source"),
        import_key=r.text("import_key"),
        flagged=bool(r.raw("flagged")),
        sets=[_set(s) for s in r.items("sets")],
        feedback=[
            Feedback(
                block_label=f.text("block", True) or "",
                pump=f.integer("pump"),
                exhaustion=f.integer("exhaustion"),
                note=f.text("note"),
            )
            for f in r.items("feedback")
        ],
    )


def load_native(text: str) -> NativeDocument:
    """Read a native JSON export; errors name the path (`sessions[3].sets[2].reps`)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            f"line {exc.lineno}, column {exc.colno}: not valid JSON: {exc.msg}"
        ) from None
    root = _Reader(data, "")
    if root.raw("format") != FORMAT:
        raise InterchangeError('not a fitrec export (expected "format": "fitrec")')
    version = root.integer("version", True)
    if version is None or version > VERSION:
        raise InterchangeError(f"export version {version} is newer than this fitrec reads")
    profile = root.raw("profile")
    if profile is not None and not isinstance(profile, dict):
        raise root.fail("profile", "expected an object")
    programs = []
    for program in root.items("programs"):
        program.text("id")
        program.text("name", True)
        program.text("text", True)
        programs.append(dict(program.data))
    try:
        customs = [_exercise(e) for e in root.items("custom_exercises")]
    except ValueError as exc:
        if isinstance(exc, InterchangeError):
            raise
        raise InterchangeError(f"custom_exercises: {exc}") from None
    # Files written before the state was exported say nothing: such customs stay to be reviewed.
    needs_review = {
        e.slug
        for e, r in zip(customs, root.items("custom_exercises"), strict=True)
        if r.raw("needs_review") is not False
    }
    return NativeDocument(
        sessions=[_session(s) for s in root.items("sessions")],
        programs=programs,
        custom_exercises=customs,
        needs_review=needs_review,
        profile=profile,
        exported_at=root.time("exported_at"),
    )
