"""Import a foreign or native export as one transaction; re-importing adds nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fitrec.domain.exercises import Exercise
from fitrec.domain.sessions import PerformedSet, Session, SetType
from fitrec.domain.units import Unit, convert, to_kg
from fitrec.interchange.detect import check_format, detect
from fitrec.interchange.model import (
    ImportBatch,
    InterchangeError,
    NameResolution,
    RowIssue,
    UnitRequiredError,
)
from fitrec.interchange.names import dump_mapping
from fitrec.interchange.native import NativeDocument, load_native, session_to_dict
from fitrec.interchange.reading import read_foreign
from fitrec.interchange.tabular import decode
from fitrec.services import session_summaries
from fitrec.services import validation as check
from fitrec.services.errors import InvalidInput
from fitrec.services.exercises import catalog_for
from fitrec.services.exports import profile_from_dict
from fitrec.services.linting import resolve_program
from fitrec.services.models import AthleteProfile
from fitrec.services.programs import parse_text
from fitrec.services.unit_of_work import UnitOfWork, UowFactory
from fitrec.services.validation import MAX_WEIGHT_KG

SUMMARY_KEYS = (
    "sessions",
    "sets",
    "rest_rows",
    "warmup_sets",
    "exercises",
    "custom_exercises",
    "flagged",
    "volume_kg",
    "skipped_sessions",
    "notes",
    "first_date",
    "last_date",
    "skipped_sets",
    "not_imported",
    "routines_as_notes",
)


class ImportFailed(InvalidInput):
    """A file that cannot be imported; nothing was written. `row`/`column` say where."""

    def __init__(self, error: InterchangeError) -> None:
        super().__init__("file", str(error))
        self.row = error.row
        self.column = error.column
        self.section = error.section
        self.detail = error.detail
        # Each adapter says in its own words how to give the unit (a flag, a form field).
        self.unit_required = isinstance(error, UnitRequiredError)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import added (or, in a dry run, would add)."""

    sessions: int = 0
    sets: int = 0
    rest_rows: int = 0
    warmup_sets: int = 0
    exercises: int = 0
    custom_exercises: int = 0
    flagged: int = 0
    volume_kg: float = 0.0
    skipped_sessions: int = 0
    notes: int = 0  # session and set notes
    first_date: str | None = None  # ISO day of the first session added
    last_date: str | None = None
    skipped_sets: int = 0
    not_imported: int = 0
    routines_as_notes: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Exactly the documented keys, for `--json` and the API."""
        return {key: getattr(self, key) for key in SUMMARY_KEYS}


@dataclass(slots=True)
class ImportResult:
    """The summary plus the name report and the per-row issues."""

    format: str
    dry_run: bool
    summary: ImportSummary
    names: list[NameResolution] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    programs: int = 0
    pairs: int = 0
    report_notes: list[str] = field(default_factory=list)  # rows left out or aside, and why

    @property
    def mapping_text(self) -> str:
        """The editable mapping file (`--write-mapping`)."""
        return dump_mapping(self.names)


def _summarise(
    sessions: list[Session],
    batch_rest: dict[str, int],
    flagged_sessions: set[str],
    names: list[NameResolution],
    customs: int,
    skipped: int,
    batch: ImportBatch | None = None,
) -> ImportSummary:
    sets = warmups = flagged = notes = skipped_sets = 0
    volume = 0.0
    rests = 0
    for session in sessions:
        rests += batch_rest.get(session.import_key or "", 0)
        notes += bool(session.note) + sum(1 for p in session.sets if p.note)
        if batch is not None:
            skipped_sets += batch.skipped_sets.get(session.import_key or "", 0)
        # One count per flagged session, whether the importer or a native file flagged it.
        if session.flagged or (session.import_key or "") in flagged_sessions:
            flagged += 1
        for performed in session.sets:
            sets += 1
            if performed.flagged:
                flagged += 1
            if performed.set_type is SetType.WARMUP:
                warmups += 1
            elif not performed.flagged:
                volume += performed.weight_kg * performed.reps
    return ImportSummary(
        sessions=len(sessions),
        sets=sets,
        rest_rows=rests,
        warmup_sets=warmups,
        exercises=sum(1 for n in names if n.how != "custom"),
        custom_exercises=customs,
        flagged=flagged,
        volume_kg=round(volume, 1),
        skipped_sessions=skipped,
        notes=notes,
        first_date=min(days)
        if (days := [s.started_at.date().isoformat() for s in sessions])
        else None,
        last_date=max(days) if days else None,
        skipped_sets=skipped_sets,
        not_imported=batch.extras.not_imported if batch is not None else 0,
        routines_as_notes=batch.extras.routines if batch is not None else 0,
    )


def _checked(sessions: list[Session]) -> list[Session]:
    """Every session as the API would accept it, else InvalidInput saying which and why.

    Both databases then store the same text, and a weight the API refuses (negative,
    1e300) is never stored or exported.
    """
    for number, session in enumerate(sessions, start=1):
        where = f"session {number} ({session.started_at:%Y-%m-%d %H:%M})"
        try:
            for field_name in ("workout_name", "program_name"):
                value = getattr(session, field_name)
                if value is not None:
                    setattr(session, field_name, check.check_name(value, field_name))
            session.note = check.check_note(session.note)
            for index, performed in enumerate(session.sets, start=1):
                _check_set(performed, f"set {index}")
            for index, item in enumerate(session.feedback, start=1):
                item.note = check.check_note(item.note, f"feedback {index} note")
        except InvalidInput as error:
            raise InvalidInput("file", f"{where}: {error.field}: {error.message}") from None
    return sessions


def _check_set(performed: PerformedSet, where: str) -> None:
    check.check_weight(performed.weight, performed.unit, f"{where} weight")
    check.check_reps(performed.reps, f"{where} reps")
    check.check_rpe(performed.rpe, f"{where} rpe")
    check.check_rir(performed.rir, f"{where} rir")
    check.check_rest(performed.rest_before_s, f"{where} rest")
    performed.note = check.check_note(performed.note, f"{where} note")


def _new_sessions(uow: UnitOfWork, owner_id: int, sessions: list[Session]) -> list[Session]:
    """Sessions not yet stored: their import key (or native id) is unknown to the owner."""
    known = uow.sessions.import_keys(owner_id)
    fresh: list[Session] = []
    for session in sessions:
        key = session.import_key
        if key is not None:
            if key in known:
                continue
            known.add(key)
        elif session.id is not None and uow.sessions.get(owner_id, session.id) is not None:
            continue
        fresh.append(session)
    return fresh


def _add_customs(
    uow: UnitOfWork,
    owner_id: int,
    customs: list[Exercise],
    used: set[str],
    reviewed: set[str] | None = None,
) -> int:
    """Store the new customs in use; all await review but those `reviewed` names."""
    existing = {e.slug for e in uow.exercises.list(owner_id)}
    added = 0
    for exercise in customs:
        if exercise.slug in used and exercise.slug not in existing:
            review = reviewed is None or exercise.slug not in reviewed
            uow.exercises.add(owner_id, exercise, needs_review=review)
            existing.add(exercise.slug)
            added += 1
    return added


def _count_new_customs(
    uow: UnitOfWork, owner_id: int, customs: list[Exercise], used: set[str]
) -> int:
    existing = {e.slug for e in uow.exercises.list(owner_id)}
    return sum(1 for e in customs if e.slug in used and e.slug not in existing)


def import_file(
    make_uow: UowFactory,
    owner_id: int,
    data: bytes | Path,
    *,
    source: str | None = None,
    unit: str | Unit | None = None,
    dry_run: bool = False,
    mapping: dict[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
    with_profile: bool = False,
) -> ImportResult:
    """Import an export file (format detected unless `source` is given) in one transaction.

    `data` is the file's bytes or the path of the temporary file an upload was streamed
    to. A file that does not say its unit is read in the unit of the owner's profile.
    Personal rows a file carries (JEFIT's bodyweight and birth date) are imported only
    `with_profile`.
    """
    raw = data.read_bytes() if isinstance(data, Path) else data
    if not raw:
        raise InvalidInput("file", "the file is empty")
    text = decode(raw)
    try:
        chosen_unit = Unit.parse(unit) if isinstance(unit, str) else unit
    except ValueError as exc:
        raise InvalidInput("unit", str(exc)) from None
    try:
        fmt = check_format(source) if source else detect(text)
        if fmt == "native":
            return _import_native(make_uow, owner_id, load_native(text), dry_run)
        with make_uow() as uow:
            if chosen_unit is None:
                profile = uow.profiles.get(owner_id)
                chosen_unit = profile.unit if profile is not None else None
            catalog = catalog_for(uow, owner_id)
            batch = read_foreign(
                text,
                catalog,
                source=fmt,
                unit=chosen_unit,
                mapping=mapping,
                progress=progress,
                with_profile=with_profile,
            )
            notes = _profile_rows(uow, owner_id, batch, dry_run) if with_profile else []
            return _store_batch(uow, owner_id, batch, dry_run, notes)
    except InterchangeError as error:
        raise ImportFailed(error) from error


def _profile_rows(uow: UnitOfWork, owner_id: int, batch: ImportBatch, dry_run: bool) -> list[str]:
    """The file's latest bodyweight into the profile (in the profile's unit), when asked."""
    rows = batch.extras.profile
    if rows is None:
        return ["--with-profile: the file has no profile rows"]
    notes = []
    if rows.bodyweight is not None and rows.unit is not None:
        profile = replace(uow.profiles.get(owner_id) or AthleteProfile(unit=rows.unit))
        weight = round(convert(rows.bodyweight, rows.unit, profile.unit), 2)
        if to_kg(weight, profile.unit) > MAX_WEIGHT_KG or weight <= 0:
            raise InvalidInput("bodyweight", f"{rows.bodyweight:g} {rows.unit} is not a bodyweight")
        profile.bodyweight = weight
        if not dry_run:
            uow.profiles.save(owner_id, profile)
        verb = "would be" if dry_run else "is"
        notes.append(
            f"PROFILE: bodyweight {verb} set to {weight:g} {profile.unit} "
            f"(measured {rows.measured_on or 'on an unknown day'})"
        )
    elif rows.rows:
        notes.append("PROFILE: no bodyweight in the profile rows (or no unit in SETTING)")
    if rows.birth_date:
        notes.append("PROFILE: the birth date is not stored (the profile has no such field)")
    return notes


def _store_batch(
    uow: UnitOfWork,
    owner_id: int,
    batch: ImportBatch,
    dry_run: bool,
    notes: list[str] | None = None,
) -> ImportResult:
    fresh = _new_sessions(uow, owner_id, _checked(batch.sessions))
    used = {p.exercise_slug for s in fresh for p in s.sets}
    if dry_run:
        customs = _count_new_customs(uow, owner_id, batch.custom_exercises, used)
    else:
        customs = _add_customs(uow, owner_id, batch.custom_exercises, used)
        uow.sessions.add_many(owner_id, fresh)
        session_summaries.refresh(uow, owner_id)
        uow.commit()
    summary = _summarise(
        fresh,
        batch.rest_rows,
        batch.flagged_sessions,
        batch.names,
        customs,
        len(batch.sessions) - len(fresh),
        batch,
    )
    return ImportResult(
        format=batch.source,
        dry_run=dry_run,
        summary=summary,
        names=batch.names,
        issues=batch.issues,
        pairs=batch.pairs,
        report_notes=[*batch.extras.notes, *(notes or [])],
    )


def _native_copy(session: Session, program_ids: dict[str, str]) -> Session:
    """The session to store: a new public id, an import key naming where it came from, and
    its program link moved to the program's id in this account (none if it has no such one).

    Public ids are unique across the whole database, so the key (not the id) is what
    recognises a session already imported, in this account or a restored one.
    """
    key = session.import_key
    if key is None:
        content = session_to_dict(session)
        # The program link is left out so that keys match those of files written without it.
        content.pop("program_id")
        origin = (
            session.id
            or hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:32]
        )
        key = f"native:{origin}"
    program_id = program_ids.get(session.program_id) if session.program_id else None
    return replace(session, id=None, import_key=key, program_id=program_id)


def _reviewed(document: NativeDocument) -> set[str]:
    """The document's customs already reviewed (the others still await it)."""
    return {e.slug for e in document.custom_exercises} - document.needs_review


def _import_native(
    make_uow: UowFactory, owner_id: int, document: NativeDocument, dry_run: bool
) -> ImportResult:
    with make_uow() as uow:
        # The exported program ids, mapped to this account's: a program already here by name
        # keeps its id, a new one gets one when it is stored below.
        program_ids: dict[str, str] = {}
        programs = []
        for p in document.programs:
            present = uow.programs.id_by_name(owner_id, str(p["name"]))
            if present is None:
                programs.append(p)
            elif p.get("id"):
                program_ids[str(p["id"])] = present
        used = {e.slug for e in document.custom_exercises}
        if dry_run:
            customs = _count_new_customs(uow, owner_id, document.custom_exercises, used)
        else:
            customs = _add_customs(
                uow, owner_id, document.custom_exercises, used, reviewed=_reviewed(document)
            )
            if document.profile is not None and uow.profiles.get(owner_id) is None:
                uow.profiles.save(owner_id, profile_from_dict(document.profile))
            catalog = catalog_for(uow, owner_id)  # after the customs: programs may name them
            for item in programs:
                program = resolve_program(parse_text(str(item["text"])), catalog)
                template = item.get("template")
                new_id = uow.programs.add(
                    owner_id, program, template=template if template else None
                )
                if item.get("id"):
                    program_ids[str(item["id"])] = new_id
        incoming = [_native_copy(session, program_ids) for session in document.sessions]
        fresh = _new_sessions(uow, owner_id, _checked(incoming))
        if not dry_run:
            uow.sessions.add_many(owner_id, fresh)
            session_summaries.refresh(uow, owner_id)
            uow.commit()
    summary = _summarise(fresh, {}, set(), [], customs, len(document.sessions) - len(fresh))
    return ImportResult(format="native", dry_run=dry_run, summary=summary, programs=len(programs))
