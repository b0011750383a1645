"""Workout logging: `fitrec log start|set|edit|finish|delete`.

Heavy imports (the database stack, Rich) happen inside the commands.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import typer

from fitrec.cli.store_cmds import LocalContext, num, service_errors

if TYPE_CHECKING:
    from fitrec.domain.sessions import PerformedSet

log_app = typer.Typer(help="Log a workout set by set.", no_args_is_help=True)


@log_app.command("start")
def log_start(
    program: str = typer.Argument(..., help="Program name, id or unique id prefix (4+ chars)."),
    workout: str | None = typer.Argument(None, help="Workout (day) name; optional if only one."),
) -> None:
    """Start a session from a program's workout.

    The program is named by its name, its id or a prefix of 4 or more characters of its id
    that only one of your programs has.

    Example: fitrec log start "Sample post-exhaust full body" "Full body"
    """
    from fitrec.services.identifiers import resolve_program_id
    from fitrec.services.sessions import start_session

    with service_errors():
        ctx = LocalContext()
        program = resolve_program_id(ctx.make_uow, ctx.owner_id, program, "PROGRAM")
        opened = start_session(ctx.make_uow, ctx.owner_id, program=program, workout=workout)
    typer.echo(f"started {opened.program_name} / {opened.workout_name} (session {opened.id})")


def parse_rest(text: str) -> int:
    """Seconds from `90`, `90s`, `1:30`, `2m` or `2min`."""
    value = text.strip().lower()
    if m := re.fullmatch(r"(\d+):([0-5]\d)", value):
        return int(m.group(1)) * 60 + int(m.group(2))
    if m := re.fullmatch(r"(\d+)\s*(s|sec|secs|seconds?)?", value):
        return int(m.group(1))
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?)", value):
        return round(float(m.group(1)) * 60)
    raise ValueError(f"rest {text!r} is not a duration such as 90, 90s, 1:30 or 2min")


def _bad_option(option: str, message: str) -> typer.Exit:
    typer.echo(f"error: {option}: {message}", err=True)
    return typer.Exit(1)


# What the user typed for each field the service names.
SET_FIELDS = {
    "set_type": "--type",
    "rpe": "--rpe",
    "rir": "--rir",
    "rest_before_s": "--rest",
    "note": "--note",
    "block_label": "--block",
    "set_id": "--id",
}


# A negative number such as `-3` is an argument to be refused by name, not an unknown option.
@log_app.command("set", context_settings={"ignore_unknown_options": True})
def log_set(
    exercise: str = typer.Argument(..., help="Exercise name, alias or slug."),
    weight: str = typer.Argument(..., help="Weight: 100, 100kg or 225lb."),
    reps: int = typer.Argument(..., help="Reps done."),
    rpe: float | None = typer.Option(None, "--rpe", help="Rate of perceived exertion 1-10."),
    rir: float | None = typer.Option(None, "--rir", help="Reps in reserve 0-10."),
    rest: str | None = typer.Option(None, "--rest", help="Rest taken before it: 90, 1:30."),
    set_type: str = typer.Option("working", "--type", help="warmup|working|drop|failure."),
    note: str | None = typer.Option(None, "--note", help="A note on the set."),
    set_id: str | None = typer.Option(None, "--id", help="Your id for the set (idempotent)."),
    block: str | None = typer.Option(None, "--block", help="Block letter, e.g. A."),
) -> None:
    """Log a set in your open session (the latest one you started and did not finish).

    Example: fitrec log set "bench press" 100kg 8 --rpe 8 --rest 2:00
    """
    from fitrec.domain.units import parse_weight
    from fitrec.services.sessions import log_set as log

    if weight.strip().startswith("-"):
        raise _bad_option("weight", f"must be 0 or more, got {weight}")
    try:
        amount, unit = parse_weight(weight)
    except ValueError as error:
        raise _bad_option("weight", str(error)) from None
    try:
        rest_s = parse_rest(rest) if rest is not None else None
    except ValueError as error:
        raise _bad_option("--rest", str(error)) from None
    with service_errors(SET_FIELDS):
        ctx = LocalContext()
        if unit is None:
            from fitrec.services.athletes import get_profile

            unit = get_profile(ctx.make_uow, ctx.owner_id).unit
        logged = log(
            ctx.make_uow,
            ctx.owner_id,
            None,
            exercise=exercise,
            weight=amount,
            reps=reps,
            unit=unit,
            set_type=set_type,
            rpe=rpe,
            rir=rir,
            rest_before_s=rest_s,
            note=note,
            block_label=block,
            set_id=set_id,
        )
    p = logged.performed
    slot = f"{p.block_label}{p.position or ''} " if p.block_label else ""
    state = "logged" if logged.created else "already logged"
    typer.echo(
        f"{state} {slot}{p.exercise_slug} set {p.set_index}: {num(p.weight)} {p.unit} × {p.reps}"
        f" (id {p.id})"
    )


# What the user typed for each field `correct_set` names.
EDIT_FIELDS = {**SET_FIELDS, "weight": "--weight", "unit": "--weight", "reps": "--reps"}


@log_app.command("edit", context_settings={"ignore_unknown_options": True})
def log_edit(
    set_id: str = typer.Argument(..., help="The set's id (from `fitrec history show`)."),
    weight: str | None = typer.Option(None, "--weight", help="Weight: 102.5, 102.5kg, 225lb."),
    reps: int | None = typer.Option(None, "--reps", help="Reps done."),
    rpe: float | None = typer.Option(None, "--rpe", help="RPE 1-10 (replaces any RIR)."),
    rir: float | None = typer.Option(None, "--rir", help="RIR 0-10 (replaces any RPE)."),
    set_type: str | None = typer.Option(None, "--type", help="warmup|working|drop|failure."),
    rest: str | None = typer.Option(None, "--rest", help="Rest taken before it: 90, 1:30."),
    note: str | None = typer.Option(None, "--note", help="A new note ('' clears it)."),
    confirm: bool = typer.Option(False, "--confirm", help="The flagged value was real."),
) -> None:
    """Correct a logged set; `--confirm` clears its flag (the implausible value was real).

    Correcting the weight or reps of a flagged set clears the flag too.

    Example: fitrec log edit 3f2a9c --weight 102.5kg --reps 8
    """
    from fitrec.domain.units import parse_weight
    from fitrec.services.history import get_set
    from fitrec.services.sessions import correct_set

    changes: dict[str, object] = {}
    if weight is not None:
        if weight.strip().startswith("-"):
            raise _bad_option("--weight", f"must be 0 or more, got {weight}")
        try:
            changes["weight"], unit = parse_weight(weight)
        except ValueError as error:
            raise _bad_option("--weight", str(error)) from None
        if unit is not None:
            changes["unit"] = unit
    if reps is not None:
        changes["reps"] = reps
    if rpe is not None and rir is not None:
        raise _bad_option("--rir", "give RPE or RIR, not both")
    if rpe is not None:
        changes.update(rpe=rpe, rir=None)
    if rir is not None:
        changes.update(rir=rir, rpe=None)
    if set_type is not None:
        changes["set_type"] = set_type
    if rest is not None:
        try:
            changes["rest_before_s"] = parse_rest(rest)
        except ValueError as error:
            raise _bad_option("--rest", str(error)) from None
    if note is not None:
        changes["note"] = note
    if not changes and not confirm:
        raise _bad_option(
            "SET_ID",
            "nothing to change: give --weight, --reps, --rpe, --rir, --type, "
            "--rest, --note or --confirm",
        )
    with service_errors(EDIT_FIELDS):
        ctx = LocalContext()
        was_flagged = get_set(ctx.make_uow, ctx.owner_id, set_id).flagged
        unflag = was_flagged and (confirm or "weight" in changes or "reps" in changes)
        if unflag:
            changes["flagged"] = False
        p = correct_set(ctx.make_uow, ctx.owner_id, set_id, changes)
    typer.echo(f"corrected {describe_set(p)}")
    if unflag:
        how = "confirmed" if confirm else "corrected"
        typer.echo(f"flag cleared ({how}): the set now counts in records, targets and charts")
    elif confirm:
        typer.echo("the set was not flagged")
    elif p.flagged:
        typer.echo("still flagged: confirm the value with --confirm or correct weight or reps")


def describe_set(p: PerformedSet) -> str:
    """One line for a set: slot, exercise, number, load, reps, effort, type, rest, note, id."""
    slot = f"{p.block_label}{p.position or ''} " if p.block_label else ""
    parts = [f"{slot}{p.exercise_slug} set {p.set_index}: {num(p.weight)} {p.unit} × {p.reps}"]
    if p.rpe is not None:
        parts.append(f"RPE {num(p.rpe)}")
    if p.rir is not None:
        parts.append(f"{num(p.rir)} RIR")
    parts.append(p.set_type.value)
    if p.rest_before_s is not None:
        parts.append(f"rest {p.rest_before_s}s")
    if p.note:
        parts.append(f"note {p.note!r}")
    if p.flagged:
        parts.append("flagged")
    return ", ".join(parts) + f" (id {p.id})"


@log_app.command("finish")
def log_finish(
    pump: int | None = typer.Option(None, "--pump", help="Pump 1-5."),
    exhaustion: int | None = typer.Option(None, "--exhaustion", help="Target exhaustion 1-5."),
    note: str | None = typer.Option(None, "--note", help="A note on the session."),
    block: list[str] = typer.Option([], "--block", help="Block(s) the feedback is for."),
) -> None:
    """Finish your open session, with pump and exhaustion for the block(s) just done.

    Example: fitrec log finish --pump 4 --exhaustion 5 --note "great pump"
    """
    from fitrec.domain.sessions import Feedback
    from fitrec.services.errors import InvalidInput
    from fitrec.services.sessions import blocks_without_feedback, finish_session, get_session

    # One feedback per block letter; the user typed --pump/--exhaustion once for all of them.
    renamed = {f"feedback[{i}].{k}": f"--{k}" for i in range(26) for k in ("pump", "exhaustion")}
    with service_errors({**renamed, "note": "--note"}):
        ctx = LocalContext()
        feedback: list[Feedback] = []
        if pump is not None or exhaustion is not None:
            labels = list(block)
            if not labels:
                from fitrec.services.sessions import current_session

                opened = current_session(ctx.make_uow, ctx.owner_id)
                if opened is not None:
                    labels = blocks_without_feedback(
                        get_session(ctx.make_uow, ctx.owner_id, opened.id)
                    )
                if not labels:
                    raise InvalidInput("--block", "no block to rate; name it with --block A")
            feedback = [Feedback(label, pump=pump, exhaustion=exhaustion) for label in labels]
        done = finish_session(ctx.make_uow, ctx.owner_id, None, feedback=feedback, note=note)
    typer.echo(f"finished session {done.id}: {len(done.sets)} sets")


@log_app.command("delete")
def log_delete(set_id: str = typer.Argument(..., help="The set's id.")) -> None:
    """Delete a logged set by its id.

    Example: fitrec log delete 3f2a9c
    """
    from fitrec.services.sessions import delete_set

    with service_errors():
        ctx = LocalContext()
        delete_set(ctx.make_uow, ctx.owner_id, set_id)
    typer.echo(f"deleted set {set_id}")


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.add_typer(log_app, name="log")
