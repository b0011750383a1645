"""The dashboard's read model: today's workout and targets, findings, last sessions."""

from __future__ import annotations

from typing import Any

from fitrec.rules.finding import Severity
from fitrec.services import overview, programs, sessions
from fitrec.services.unit_of_work import UowFactory

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def dashboard(factory: UowFactory, owner_id: int) -> dict[str, Any]:
    """What the signed-in start page shows, as template context."""
    owned = programs.list_programs(factory, owner_id)
    today = None
    findings: list[Any] = []
    if owned:
        # Targets and findings read the recent history: cached per history version.
        summary = overview.today(factory, owner_id)
        today = summary.next_workout
        ranked = sorted(summary.findings, key=lambda item: SEVERITY_ORDER.get(item[1].severity, 3))
        findings = ranked[:6]
    open_session = sessions.current_session(factory, owner_id)
    return {
        "programs": owned,
        "today": today,
        "today_program_id": next(
            (p.id for p in owned if today is not None and p.name == today.program), None
        ),
        "findings": findings,
        "recent": sessions.list_sessions(factory, owner_id, limit=5),
        "open_session": open_session,
    }
