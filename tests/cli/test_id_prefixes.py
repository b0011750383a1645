"""Commands that take a session or program id accept a unique prefix of 4+ characters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.local import run
from tests.services.test_identifiers import add_sessions

MINE = ["abcd1111" + "0" * 24, "abcd2222" + "0" * 24, "ef012345" + "0" * 24]
THEIRS = "cafe0001" + "0" * 24


def _store() -> tuple[object, int, int]:
    """The CLI's database, its local owner and a second user."""
    from fitrec import bootstrap
    from fitrec.config import get_settings
    from fitrec.services.users import ensure_user

    url = get_settings().database_url
    bootstrap.upgrade_database(url)
    make_uow = bootstrap.uow_factory(url=url)
    return make_uow, bootstrap.local_owner_id(make_uow), ensure_user(make_uow, "someone-else")


@pytest.fixture
def sessions(data_dir: Path) -> None:
    make_uow, mine, theirs = _store()
    add_sessions(make_uow, mine, MINE)
    add_sessions(make_uow, theirs, [THEIRS])


def test_history_show_takes_a_unique_prefix(sessions: None) -> None:
    code, out, err = run("history", "show", "ef01")
    assert code == 0, err
    assert "Push / Day 2" in out and "102 kg" in out
    code, out, err = run("history", "show", MINE[0])
    assert code == 0, err
    assert "Push / Day 0" in out


def test_an_ambiguous_prefix_lists_the_candidates_and_fails(sessions: None) -> None:
    code, out, err = run("history", "show", "abcd")
    assert code == 1 and out == ""
    assert "error: SESSION_ID: 'abcd' matches 2 sessions" in err
    assert MINE[0] in err and MINE[1] in err and MINE[2] not in err
    assert "Push / Day 0" in err and "Push / Day 1" in err


def test_a_too_short_prefix_is_refused(sessions: None) -> None:
    code, _, err = run("history", "show", "ef0")
    assert code == 1
    assert "error: SESSION_ID: 'ef0' is too short" in err and "at least 4 characters" in err


def test_another_users_session_is_not_found(sessions: None) -> None:
    for text in ("cafe", THEIRS):
        code, _, err = run("history", "show", text)
        assert code == 1 and f"error: session {text!r} not found" in err
    code, _, err = run("history", "confirm", "cafe")
    assert code == 1 and "error: session 'cafe' not found" in err


def test_history_confirm_takes_a_unique_prefix(sessions: None) -> None:
    code, out, err = run("history", "confirm", "abcd2")
    assert code == 0, err
    assert f"session {MINE[1]}:" in out and "not flagged" in out


def _copy(*templates: str) -> dict[str, str]:
    for name in templates:
        assert run("templates", "copy", name)[0] == 0
    return {p["name"]: p["id"] for p in json.loads(run("programs", "list", "--json")[1])}


def _set_program_id(old: str, new: str) -> None:
    """Give a program a chosen id (no command changes one) so that prefixes can collide."""
    from sqlalchemy import text

    from fitrec import bootstrap
    from fitrec.config import get_settings

    with bootstrap.engine_for(get_settings().database_url).begin() as db:
        db.execute(
            text("UPDATE programs SET public_id = :new WHERE public_id = :old"),
            {"new": new, "old": old},
        )


def test_program_commands_take_a_unique_id_prefix(data_dir: Path) -> None:
    ids = _copy("Chest post-exhaust", "Sample post-exhaust full body")
    _set_program_id(ids["Chest post-exhaust"], "beef0001" + "0" * 24)
    _set_program_id(ids["Sample post-exhaust full body"], "beef0002" + "0" * 24)
    code, out, err = run("programs", "export", "beef0001")
    assert code == 0, err
    assert out.startswith("program: Chest post-exhaust")
    code, out, err = run("deload", "beef0002")
    assert code == 0, err
    assert "Sample post-exhaust full body" in out
    code, out, err = run("next", "--program", "beef0002", "--json")
    assert code == 0, err
    assert json.loads(out)["program"] == "Sample post-exhaust full body"
    code, out, err = run("log", "start", "beef0002", "Full body")
    assert code == 0, err
    assert "started Sample post-exhaust full body / Full body" in out
    code, out, err = run("programs", "delete", "beef0001")
    assert code == 0, err
    assert [p["name"] for p in json.loads(run("programs", "list", "--json")[1])] == [
        "Sample post-exhaust full body"
    ]


def test_an_ambiguous_program_prefix_lists_the_programs(data_dir: Path) -> None:
    ids = _copy("Chest post-exhaust", "Back post-exhaust")
    _set_program_id(ids["Chest post-exhaust"], "beef0001" + "0" * 24)
    _set_program_id(ids["Back post-exhaust"], "beef0002" + "0" * 24)
    for command in (("programs", "delete", "beef"), ("deload", "beef"), ("log", "start", "beef")):
        code, _, err = run(*command)
        assert code == 1, command
        assert "'beef' matches 2 programs" in err, command
        assert "Chest post-exhaust" in err and "Back post-exhaust" in err, command
    code, _, err = run("check", "--program", "beef")
    assert code == 1 and "error: --program: 'beef' matches 2 programs" in err
    assert len(json.loads(run("programs", "list", "--json")[1])) == 2


def test_a_short_or_unknown_program_is_refused(data_dir: Path) -> None:
    _copy("Chest post-exhaust")
    code, _, err = run("programs", "export", "bee")
    assert code == 1 and "error: NAME: no program is named 'bee'" in err
    assert "at least 4 characters" in err
    code, _, err = run("programs", "export", "0000ffff")
    assert code == 1 and "error: program '0000ffff' not found" in err
