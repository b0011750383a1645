"""The live workout's walk (static/live-plan.js), run in Node on real session plans."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from typing import Any

from fitrec.web import static_dir
from tests.web.plans import chest_post_exhaust

RUNNER = """
import { buildSteps, resumeIndex, slotKey } from "%s";
const input = JSON.parse(process.argv[1]);
const steps = buildSteps(input.session);
const logged = new Set(input.logged.map((k) => slotKey(...k)));
const index = resumeIndex(steps, logged, new Set(input.feedback), input.restEndedFor);
const name = (s) => s.kind === "set" ? `${s.block.label}${s.entry.position}#${s.setIndex}`
  : s.kind === "rest" ? `rest:${s.rest}:${s.seconds}${s.feedbackFor ? ":fb" : ""}` : s.kind;
console.log(JSON.stringify({ steps: steps.map(name), index }));
"""


def walk(
    session: dict[str, Any],
    logged: Sequence[tuple[str, int, int]] = (),
    feedback: Sequence[str] = (),
    rest_ended_for: str | None = None,
) -> dict[str, Any]:
    """Run buildSteps/resumeIndex in Node and return the step names and the resume index."""
    script = RUNNER % (static_dir() / "live-plan.js").as_uri()
    payload = {
        "session": session,
        "logged": [list(k) for k in logged],
        "feedback": list(feedback),
        "restEndedFor": rest_ended_for,
    }
    out = subprocess.run(
        ["node", "--input-type=module", "-e", script, json.dumps(payload)],
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
    )
    return json.loads(out.stdout)


def test_a_pair_alternates_with_its_two_rests_and_asks_for_feedback_after_the_last_round() -> None:
    result = walk(chest_post_exhaust(transition_s=60, rest_after_s=120))
    assert result["steps"] == [
        "A1#1", "rest:transition:60", "A2#1", "rest:block:120",
        "A1#2", "rest:transition:60", "A2#2", "rest:block:120:fb",
        "B1#1", "finish",
    ]  # fmt: skip
    assert result["index"] == 0


def test_a_finisher_isolation_follows_only_the_last_compound_set() -> None:
    session = chest_post_exhaust()
    session["blocks"] = session["blocks"][:1]
    session["blocks"][0]["entries"][0]["sets"] = 3
    session["blocks"][0]["entries"][1].update(sets=1, placement="finisher")
    steps = walk(session)["steps"]
    assert steps == [
        "A1#1", "rest:block:3", "A1#2", "rest:block:3", "A1#3", "rest:transition:2", "A2#1",
        "feedback", "finish",
    ]  # fmt: skip


def test_a_reload_resumes_in_the_rest_after_the_last_logged_set() -> None:
    logged = [("A", 1, 1), ("A", 2, 1), ("A", 1, 2)]
    assert walk(chest_post_exhaust(), logged)["index"] == 5  # the transition rest before A2#2
    assert walk(chest_post_exhaust(), logged, rest_ended_for="A|2|2")["index"] == 6


def test_when_every_set_is_logged_the_walk_ends_at_finish() -> None:
    logged = [("A", 1, 1), ("A", 2, 1), ("A", 1, 2), ("A", 2, 2), ("B", 1, 1)]
    result = walk(chest_post_exhaust(), logged, feedback=["A"])
    assert result["steps"][result["index"]] == "finish"
