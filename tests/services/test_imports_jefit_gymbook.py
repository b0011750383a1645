"""JEFIT and GymBook imports through the services on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitrec.services.athletes import get_profile, update_profile
from fitrec.services.exports import export_account
from fitrec.services.history import load_history
from fitrec.services.imports import ImportFailed, import_file
from fitrec.services.users import ensure_user

FILES = Path(__file__).resolve().parents[1] / "interchange" / "files"
GYMBOOK_HEADER = (
    "Data,Programma,Orario,Esercizio,Zona,Gruppi muscolari (Primari),"
    "Gruppi muscolari (Secondari),Set / Set di riscaldamento / Set di defaticamento,"
    "Ripetizioni / Tempo,Peso / Distanza,Appunti,Saltato\n"
)


def data(name: str) -> bytes:
    return (FILES / name).read_bytes()


def test_a_jefit_export_is_imported_once(make_uow: Any, owner_id: int) -> None:
    result = import_file(make_uow, owner_id, data("jefit_full.csv"))
    assert result.format == "jefit"
    summary = result.summary
    assert (summary.sessions, summary.sets, summary.warmup_sets) == (2, 9, 1)
    assert (summary.not_imported, summary.routines_as_notes, summary.custom_exercises) == (5, 1, 1)
    assert any("CARDIO LOGS" in note for note in result.report_notes)
    history = load_history(make_uow, owner_id)
    assert [len(s.sets) for s in history] == [6, 3] and history[0].source == "jefit"
    again = import_file(make_uow, owner_id, data("jefit_full.csv"))
    assert again.summary.sessions == 0 and again.summary.skipped_sessions == 2
    assert load_history(make_uow, owner_id) == history


def test_a_gymbook_export_is_imported_once(make_uow: Any, owner_id: int) -> None:
    result = import_file(make_uow, owner_id, data("gymbook_it.csv"))
    assert (result.summary.sessions, result.summary.sets, result.summary.skipped_sets) == (2, 7, 1)
    assert result.summary.warmup_sets == 2  # a warm-up and a cool-down
    again = import_file(make_uow, owner_id, data("gymbook_it.csv"))
    assert (again.summary.sessions, again.summary.skipped_sets) == (0, 0)
    assert again.summary.skipped_sessions == 2
    assert len(load_history(make_uow, owner_id)) == 2


def test_profile_rows_are_imported_only_when_asked(make_uow: Any, owner_id: int) -> None:
    update_profile(make_uow, owner_id, {"unit": "kg"})
    import_file(make_uow, owner_id, data("jefit_full.csv"))
    assert get_profile(make_uow, owner_id).bodyweight is None
    preview = import_file(
        make_uow, owner_id, data("jefit_full.csv"), dry_run=True, with_profile=True
    )
    expected = "PROFILE: bodyweight would be set to 81.87 kg (measured 2021-03-01)"
    assert expected in preview.report_notes
    assert any("birth date is not stored" in note for note in preview.report_notes)
    assert get_profile(make_uow, owner_id).bodyweight is None
    import_file(make_uow, owner_id, data("jefit_full.csv"), with_profile=True)
    assert get_profile(make_uow, owner_id).bodyweight == 81.87  # 180.5 lb in the kg profile


def test_a_file_failing_part_way_leaves_everything_as_it_was(make_uow: Any, owner_id: int) -> None:
    good = data("jefit_full.csv").decode()
    # The last exercise log is broken: nothing of the file is written, not even the profile.
    broken = good.replace('"225.0x5,225.0x5,225.0x5"', '"225.0x5,225.0x"')
    with pytest.raises(ImportFailed) as caught:
        import_file(make_uow, owner_id, broken.encode(), with_profile=True)
    assert caught.value.row == 33 and caught.value.column == "logs"
    assert caught.value.section == "EXERCISE LOGS"
    assert 'section "EXERCISE LOGS", row 33, column "logs"' in caught.value.message
    assert load_history(make_uow, owner_id) == []
    assert get_profile(make_uow, owner_id).bodyweight is None


_accounts = itertools.count(1)
_names = st.sampled_from(
    ["Panca piana con bilanciere", "Barbell Squat", "Croci ai cavi", "Cable Fly", "Plank"]
)
_gymbook_rows = st.lists(
    st.tuples(
        st.integers(1, 28),  # day of January 2025
        _names,
        st.sampled_from(["Set", "Set di riscaldamento", "Set di defaticamento"]),
        st.one_of(st.integers(1, 30).map(lambda r: f"{r} ripetizioni"), st.just("45 secondi")),
        st.integers(0, 4000).map(lambda w: f"{w // 20},{(w % 20) * 5:02d} kg"),
        st.sampled_from(["No", "Si"]),
        st.sampled_from(["", "ok", 'piano, "lento"']),
    ),
    min_size=1,
    max_size=12,
)


def _gymbook(rows: list[tuple[int, str, str, str, str, str, str]]) -> bytes:
    lines = [GYMBOOK_HEADER]
    for day, name, kind, reps, weight, skipped, note in rows:
        quoted = '"' + note.replace('"', '""') + '"' if note else ""
        lines.append(
            f'{day:02d}/01/25,"Scheda",18:00,"{name}",Petto,"Pettorali","Spalle",{kind},'
            f'"{reps}","{weight}",{quoted},{skipped}\n'
        )
    return "".join(lines).encode()


_jefit_logs = st.lists(
    st.tuples(
        st.integers(0, 3),  # the session (0: none, by day)
        _names,
        st.lists(st.tuples(st.integers(0, 600), st.integers(1, 20)), min_size=1, max_size=4),
        st.booleans(),  # with set rows (set types) or packed only
    ),
    min_size=1,
    max_size=8,
)


def _jefit(logs: list[tuple[int, str, list[tuple[int, int]], bool]]) -> bytes:
    text = (FILES / "jefit_full.csv").read_text(encoding="utf-8")
    head = text[: text.index("### EXERCISE LOGS")]
    lines = [head, "### EXERCISE LOGS ####\n\n"]
    lines.append(
        "USERID,TIMESTAMP,belongSys,logs,_id,record,mydate,eid,ename,day_item_id,"
        "belongsession,logTime,interval_logs,auto_generated\n"
    )
    set_rows = []
    for log_id, (session, name, sets, per_set) in enumerate(logs, start=1):
        packed = ",".join(f"{w / 4:.2f}x{r}" for w, r in sets)
        belongs = {0: 0, 1: 191, 2: 192, 3: 999}[session]  # 999: a session the file lacks
        lines.append(
            f'1001,"2021-03-02 10:00:00",1,"{packed}",{log_id},0,2021-03-0{session + 1},1,'
            f'"{name}",0,{belongs},0,,\n'
        )
        if per_set:
            for index, (w, r) in enumerate(sets, start=1):
                kind = "warm-up" if index == 1 else "default"
                set_rows.append(
                    f"{len(set_rows) + 1},1001,{log_id},{index},{w / 4:.2f},{r},0,0,"
                    f'0,0,0,"{kind}",0,""\n'
                )
    lines.append("######\n\n### EXERCISE SET LOGS ####\n\n")
    lines.append(
        "_id,userid,exercise_log_id,set_index,weight_lbs,reps,calories,distance_mi,speed_mph,"
        "laps,duration,set_type,log_time,TIMESTAMP\n"
    )
    lines.extend(set_rows)
    lines.append("######\n")
    return "".join(lines).encode()


def _comparable(text: str) -> dict[str, Any]:
    document = json.loads(text)
    for session in document["sessions"]:
        session.pop("id")
        session.pop("import_key")
    return document


def _round_trip(make_uow: Any, file: bytes) -> None:
    """Import a file, export native JSON, import that elsewhere: the same history."""
    number = next(_accounts)
    owner = ensure_user(make_uow, f"foreign-{number}")
    copy_owner = ensure_user(make_uow, f"native-{number}")
    first = import_file(make_uow, owner, file)
    exported = export_account(make_uow, owner, "json")
    back = import_file(make_uow, copy_owner, exported.encode())
    assert back.summary.sessions == first.summary.sessions
    assert _comparable(export_account(make_uow, copy_owner, "json")) == _comparable(exported)
    original, copied = load_history(make_uow, owner), load_history(make_uow, copy_owner)
    assert [replace(s, id=None, import_key=None) for s in copied] == [
        replace(s, id=None, import_key=None) for s in original
    ]
    assert import_file(make_uow, owner, file).summary.sessions == 0


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_gymbook_rows)
def test_gymbook_to_native_json_and_back_is_identical(
    make_uow: Any, rows: list[tuple[int, str, str, str, str, str, str]]
) -> None:
    _round_trip(make_uow, _gymbook(rows))


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_jefit_logs)
def test_jefit_to_native_json_and_back_is_identical(
    make_uow: Any, logs: list[tuple[int, str, list[tuple[int, int]], bool]]
) -> None:
    _round_trip(make_uow, _jefit(logs))
