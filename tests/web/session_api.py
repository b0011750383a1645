"""An in-memory stand-in for the session endpoints of /api/v1 that live.js talks to.

It implements the contract documented in docs/web.md (idempotent PUT of a set by its
client id: 201 when new, 200 when already stored) so the browser tests can prove the
client's queue, reload and timer behaviour until the real API is mounted by
`fitrec.app:create_app`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Body, HTTPException, Response


@dataclass
class StoredSession:
    """A started session: its plan, the sets and feedback received, every PUT seen."""

    plan: dict[str, Any]
    sets: dict[str, dict[str, Any]] = field(default_factory=dict)
    feedback: dict[str, dict[str, Any]] = field(default_factory=dict)
    finished_note: str | None = None
    finished: bool = False
    set_puts: int = 0


def chest_post_exhaust(transition_s: int = 2, rest_after_s: int = 3) -> dict[str, Any]:
    """Day A of `Chest post-exhaust`: bench press -> cable flies, 2 rounds, then a dip."""
    return {
        "workout": "Chest post-exhaust — Day A",
        "unit": "kg",
        "blocks": [
            {
                "label": "A",
                "title": "Post-Exhaust Pair 1 - Chest",
                "transition_rest_s": transition_s,
                "rest_after_s": rest_after_s,
                "entries": [
                    {
                        "position": 1,
                        "exercise_slug": "barbell-bench-press",
                        "name": "Barbell Bench Press",
                        "sets": 2,
                        "reps_min": 8,
                        "reps_max": 8,
                        "target_weight": 80,
                        "target_rir": None,
                        "placement": "every_set",
                    },
                    {
                        "position": 2,
                        "exercise_slug": "cable-fly",
                        "name": "Cable Flies",
                        "sets": 2,
                        "reps_min": 12,
                        "reps_max": 15,
                        "target_weight": 20,
                        "target_rir": 0,
                        "placement": "every_set",
                    },
                ],
            },
            {
                "label": "B",
                "title": None,
                "transition_rest_s": None,
                "rest_after_s": rest_after_s,
                "entries": [
                    {
                        "position": 1,
                        "exercise_slug": "triceps-pushdown",
                        "name": "Triceps Pushdown",
                        "sets": 1,
                        "reps_min": 12,
                        "reps_max": 15,
                        "target_weight": 25,
                        "target_rir": 1,
                        "placement": "every_set",
                    }
                ],
            },
        ],
    }


class SessionStore:
    """Sessions by id, shared between the test and the server thread."""

    def __init__(self) -> None:
        self.sessions: dict[str, StoredSession] = {}

    def start(self, session_id: str, plan: dict[str, Any]) -> StoredSession:
        """Start a session from a plan (the JSON a session read returns)."""
        self.sessions[session_id] = StoredSession(plan=plan)
        return self.sessions[session_id]

    def get(self, session_id: str) -> StoredSession:
        """The session, or 404."""
        if session_id not in self.sessions:
            raise HTTPException(404, detail={"message": f"no session {session_id}"})
        return self.sessions[session_id]


def session_router(store: SessionStore) -> APIRouter:
    """The /api/v1/sessions endpoints live.js uses, over `store`."""
    router = APIRouter(prefix="/api/v1/sessions")

    @router.get("/{session_id}")
    def read(session_id: str) -> dict[str, Any]:
        s = store.get(session_id)
        targets = [
            {
                "exercise_slug": "barbell-bench-press",
                "name": "Barbell Bench Press",
                "weight": 82.5,
                "unit": "kg",
                "reps_min": 8,
                "reps_max": 8,
                "note": None,
            }
        ]
        return {
            "id": session_id,
            **s.plan,
            "sets": [{"id": k, **v} for k, v in s.sets.items()],
            "feedback": list(s.feedback.values()),
            "finished_at": "2024-05-01T10:00:00Z" if s.finished else None,
            "next_targets": targets if s.finished else [],
        }

    @router.put("/{session_id}/sets/{set_id}")
    def put_set(
        session_id: str, set_id: str, response: Response, body: dict[str, Any] = Body(...)
    ) -> dict[str, Any]:
        s = store.get(session_id)
        s.set_puts += 1
        if set_id in s.sets:
            response.status_code = 200
        else:
            s.sets[set_id] = body
            response.status_code = 201
        return {"id": set_id, **s.sets[set_id]}

    @router.put("/{session_id}/feedback/{label}")
    def put_feedback(session_id: str, label: str, body: dict[str, Any] = Body(...)) -> Any:
        store.get(session_id).feedback[label] = {**body, "block_label": label}
        return store.get(session_id).feedback[label]

    @router.post("/{session_id}/finish")
    def finish(session_id: str, body: dict[str, Any] = Body(...)) -> dict[str, Any]:
        s = store.get(session_id)
        s.finished, s.finished_note = True, body.get("note")
        return {"id": session_id, "finished": True}

    return router
