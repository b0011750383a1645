"""`fitrec exercises`: listing, lookup with its confidence, filters, JSON and errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from fitrec.cli.main import app

runner = CliRunner()


def test_lists_the_whole_catalogue_as_json() -> None:
    result = runner.invoke(app, ["exercises", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["match"] is None
    assert len(payload["exercises"]) >= 220


def test_a_query_shows_how_it_matched_and_how_sure() -> None:
    result = runner.invoke(app, ["exercises", "Bench Press (Barbell)"])
    assert result.exit_code == 0, result.output
    assert "Barbell Bench Press" in result.stdout
    assert "alias match, 100% sure" in result.stdout


def test_a_typo_is_a_fuzzy_match_in_json() -> None:
    result = runner.invoke(app, ["exercises", "Barbel Bench Pres", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["match"]["slug"] == "barbell-bench-press"
    assert payload["match"]["kind"] == "fuzzy"
    assert payload["match"]["confidence"] < 1
    assert payload["exercises"][0]["slug"] == "barbell-bench-press"


def test_filters_by_muscle_group_and_mechanic() -> None:
    result = runner.invoke(
        app, ["exercises", "--muscle", "shoulders", "--mechanic", "isolation", "--json"]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["exercises"]
    slugs = {e["slug"] for e in found}
    assert {"lateral-raise", "front-raise", "rear-delt-fly"} <= slugs
    assert all(e["mechanic"] == "isolation" for e in found)
    fine = runner.invoke(app, ["exercises", "--muscle", "side-delts", "--json"])
    assert all("side_delts" in e["prime_movers"] for e in json.loads(fine.stdout)["exercises"])


def test_an_unknown_name_fails_with_suggestions_on_stderr() -> None:
    result = runner.invoke(app, ["exercises", "Zercher Good Mornin"])
    assert result.exit_code == 1
    assert "no exercise matches" in result.stderr
    assert "Good Morning" in result.stderr


def test_bad_options_fail_clearly() -> None:
    muscle = runner.invoke(app, ["exercises", "--muscle", "wings"])
    assert muscle.exit_code == 2 and "unknown muscle 'wings'" in muscle.stderr
    mechanic = runner.invoke(app, ["exercises", "--mechanic", "hybrid"])
    assert mechanic.exit_code == 2 and "compound or isolation" in mechanic.stderr


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["exercises", "--help"])
    assert result.exit_code == 0
    assert "Example: fitrec exercises" in result.stdout
