"""Raw rows -> sessions: rest rows become rest, supersets become blocks, values get checked."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import timedelta

from fitrec.domain.exercises import Exercise
from fitrec.domain.pairs import logged_pair
from fitrec.domain.sessions import PerformedSet, Session, SetType
from fitrec.domain.units import Unit, to_kg
from fitrec.interchange import sanity, values
from fitrec.interchange.model import ImportBatch, RawSet, RowIssue, UnitRequiredError
from fitrec.interchange.names import NameResolver

ProgressCallback = Callable[[int], None]
PROGRESS_EVERY = 2000


def block_label(index: int) -> str:
    """A, B, ... Z, AA, AB ... for the 0-based index of a block in a session."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(65 + rest) + label
    return label


def assemble(
    rows: Iterable[RawSet],
    source: str,
    resolver: NameResolver,
    unit: Unit | None = None,
    progress: ProgressCallback | None = None,
) -> ImportBatch:
    """Group raw rows into sessions in time order and resolve every exercise name."""
    grouped: dict[str, list[RawSet]] = {}
    count = 0
    for raw in rows:
        grouped.setdefault(raw.session_key, []).append(raw)
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
    if progress is not None:
        progress(count)
    batch = ImportBatch(source=source)
    for raws in grouped.values():
        batch.sessions.append(_session(raws, source, resolver, unit, batch))
    batch.sessions.sort(key=lambda s: s.started_at)
    batch.names = resolver.resolutions
    batch.custom_exercises = resolver.custom_exercises
    return batch


def fingerprint(raws: list[RawSet]) -> str:
    """A stable key for one foreign session: the same workout in the same file, same key."""
    digest = hashlib.sha256()
    head = raws[0]
    digest.update(f"{head.started_at.isoformat()}|{head.workout_name or ''}".encode())
    for raw in raws:
        weight = "" if raw.weight is None else f"{raw.weight:.3f}"
        reps = "" if raw.reps is None else f"{raw.reps:g}"
        digest.update(
            f"\n{raw.exercise.lower()}|{weight}|{reps}|{raw.set_type}|{raw.is_rest}".encode()
        )
        if raw.skipped or raw.cooldown:
            # Only when set, so that the keys of files already imported stay as they were.
            digest.update(f"|{raw.skipped}|{raw.cooldown}".encode())
    return digest.hexdigest()[:32]


def _session(
    raws: list[RawSet], source: str, resolver: NameResolver, unit: Unit | None, batch: ImportBatch
) -> Session:
    head = raws[0]
    finished = head.finished_at
    if finished is None and head.duration_s is not None:
        finished = head.started_at + timedelta(seconds=head.duration_s)
    seconds_long = head.duration_s
    if seconds_long is None and finished is not None:
        seconds_long = int((finished - head.started_at).total_seconds())
    session = Session(
        started_at=head.started_at,
        finished_at=finished,
        workout_name=head.workout_name,
        program_name=head.program_name,
        note=head.session_note,
        source=source,
        import_key=f"{source}:{fingerprint(raws)}",
    )
    key = session.import_key or ""
    absurd = sanity.implausible_duration(seconds_long)
    if absurd:
        batch.issues.append(RowIssue(head.row, "Duration", absurd))
        batch.flagged_sessions.add(key)
        session.flagged = True
    blocks: dict[str, tuple[str, list[str]]] = {}  # group -> (label, exercise slugs in order)
    pending_rest: int | None = None
    per_exercise: dict[str, int] = {}
    previous_group: str | None = None
    group_index = 0
    skipped: list[str] = []
    for raw in raws:
        if raw.skipped:
            batch.skipped_sets[key] = batch.skipped_sets.get(key, 0) + 1
            skipped.append(_skipped_line(raw, unit))
            continue
        if raw.is_rest:
            batch.rest_rows[key] = batch.rest_rows.get(key, 0) + 1
            if raw.rest_s is not None:
                # Two timers before one set (restarted) add up; one without seconds adds nothing.
                pending_rest = (pending_rest or 0) + raw.rest_s
            continue
        resolution = resolver.resolve(raw.exercise or "(unnamed)")
        slug = resolution.slug
        group = f"s{raw.superset}" if raw.superset is not None else None
        if group is None:
            # A new exercise (or the same one after another) starts its own block.
            if previous_group is None or not previous_group.startswith(f"x{slug}|"):
                group_index += 1
                group = f"x{slug}|{group_index}"
            else:
                group = previous_group
        previous_group = group
        if group not in blocks:
            blocks[group] = (block_label(len(blocks)), [])
        label, members = blocks[group]
        if slug not in members:
            members.append(slug)
        per_exercise[slug] = per_exercise.get(slug, 0) + 1
        performed = _performed(raw, slug, unit, resolver.exercise(slug), batch)
        performed.block_label = label
        performed.position = members.index(slug) + 1
        performed.set_index = per_exercise[slug]
        performed.rest_before_s = pending_rest
        pending_rest = None
        session.sets.append(performed)
    for _label, members in blocks.values():
        if len(members) >= 2 and logged_pair([resolver.exercise(m) for m in members]):
            batch.pairs += 1
    if any(len(members) > 1 for _label, members in blocks.values()):
        session.sets = _interleaved(session.sets)
    if skipped:
        listed = "skipped sets (not performed):\n" + "\n".join(skipped)
        session.note = f"{session.note}\n{listed}" if session.note else listed
    return session


def _skipped_line(raw: RawSet, unit: Unit | None) -> str:
    """A skipped set as a line of the session note: `- Bench Press: 8 reps, 80 kg`."""
    parts = []
    if raw.reps:
        parts.append(f"{values.reps_of(raw.reps)} reps")
    if raw.seconds:
        parts.append(f"{raw.seconds:g} s")
    if raw.weight:
        parts.append(f"{raw.weight:g} {(raw.unit or unit or Unit.KG).value}")
    if raw.distance:
        parts.append(raw.distance)
    return f"- {raw.exercise or '(unnamed)'}" + (f": {', '.join(parts)}" if parts else "")


def _interleaved(sets: list[PerformedSet]) -> list[PerformedSet]:
    """Superset sets in the order done: A1 set 1, A2 set 1, A1 set 2 ... (rows list A1 first).

    Rounds are counted among working sets only: warm-ups come before round 1, so a
    warm-up does not push the compound's first working set behind the isolation's.
    """
    first_seen: dict[str | None, int] = {}
    rounds: dict[tuple[str | None, str], int] = {}
    keys: dict[int, tuple[int, int, int, int]] = {}
    for index, performed in enumerate(sets):
        first_seen.setdefault(performed.block_label, index)
        if performed.set_type is SetType.WARMUP:
            round_number = 0
        else:
            exercise = (performed.block_label, performed.exercise_slug)
            round_number = rounds[exercise] = rounds.get(exercise, 0) + 1
        keys[id(performed)] = (
            first_seen[performed.block_label],
            round_number,
            performed.position or 0,
            index,
        )
    return sorted(sets, key=lambda p: keys[id(p)])


def _performed(
    raw: RawSet, slug: str, unit: Unit | None, exercise: Exercise | None, batch: ImportBatch
) -> PerformedSet:
    weight = raw.weight if raw.weight is not None else 0.0
    set_unit = raw.unit or unit
    if set_unit is None:
        if weight != 0:
            raise UnitRequiredError(
                "the file does not say whether weights are kg or lb",
                row=raw.row,
            )
        set_unit = Unit.KG
    weight, set_unit = sanity.snap_weight(weight, set_unit)
    reps = values.reps_of(raw.reps)
    note = raw.note
    if raw.cooldown:
        note = f"cool-down set\n{note}" if note else "cool-down set"
    if raw.distance or (raw.seconds and not raw.reps):
        cardio = "; ".join(
            part
            for part in (
                f"distance {raw.distance}" if raw.distance else "",
                f"time {int(raw.seconds)} s" if raw.seconds else "",
            )
            if part
        )
        note = f"{note}\n{cardio}" if note else cardio
    problem = sanity.implausible_set(to_kg(weight, set_unit), reps, exercise)
    if problem:
        batch.issues.append(RowIssue(raw.row, None, f"{raw.exercise}: {problem}"))
    return PerformedSet(
        exercise_slug=slug,
        weight=weight,
        reps=reps,
        unit=set_unit,
        set_type=raw.set_type,
        rpe=raw.rpe,
        note=note,
        performed_at=raw.performed_at,
        flagged=problem is not None,
    )
