"""Every rule code the linter (and analytics) can report, with its default severity."""

from __future__ import annotations

from dataclasses import dataclass

from fitrec.rules.finding import Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a rule code means: its default severity, a title and a one-line summary."""

    code: str
    severity: Severity
    title: str
    summary: str


def _rule(code: str, severity: Severity, title: str, summary: str) -> tuple[str, RuleInfo]:
    return code, RuleInfo(code, severity, title, summary)


RULES: dict[str, RuleInfo] = dict(
    [
        _rule(
            "pairing",
            Severity.ERROR,
            "Poor exercise pairing",
            "The isolation of a post-exhaust pair must hit a prime mover of the compound.",
        ),
        _rule(
            "not-isolation",
            Severity.WARNING,
            "Second exercise is a compound",
            "The second entry of a post-exhaust pair should be an isolation exercise.",
        ),
        _rule(
            "order",
            Severity.INFO,
            "Isolation before compound (pre-exhaust)",
            "An isolation before a compound for the same muscle lowers compound loads 10-20 %.",
        ),
        _rule(
            "rest-long",
            Severity.WARNING,
            "Resting too long",
            "Rest between the compound and the isolation over 90 s diminishes the effect.",
        ),
        _rule(
            "compound-light",
            Severity.WARNING,
            "Going too light on the compound",
            "The compound of a pair is prescribed below 75 % 1RM.",
        ),
        _rule(
            "compound-range",
            Severity.INFO,
            "Compound outside the article's ranges",
            "Compound: 6-10 reps (8-12 for legs), 3-4 sets, 75-85 % 1RM.",
        ),
        _rule(
            "isolation-range",
            Severity.INFO,
            "Isolation outside the article's ranges",
            "Isolation: 12-20 reps, 3-4 sets, 50-65 % 1RM.",
        ),
        _rule(
            "not-to-failure",
            Severity.WARNING,
            "Not going to failure on the isolation",
            "The isolation's effort target leaves more than 1 rep in reserve.",
        ),
        _rule(
            "sets-match",
            Severity.INFO,
            "Isolation sets do not match the compound",
            "Isolation sets should match the compound sets unless it is a finisher.",
        ),
        _rule(
            "too-many-pairs",
            Severity.WARNING,
            "Too many post-exhaust pairs",
            "More pairs in a workout than the level allows, or every exercise paired.",
        ),
        _rule(
            "beginner",
            Severity.WARNING,
            "Post-exhaust too early",
            "Post-exhaust pairs with under 6 months of training.",
        ),
        _rule(
            "frequency",
            Severity.WARNING,
            "Post-exhaust too often",
            "More workouts a week with post-exhaust pairs than the level allows.",
        ),
        _rule(
            "phase",
            Severity.WARNING,
            "Post-exhaust in a strength or peaking phase",
            "Post-exhaust belongs in hypertrophy blocks, not strength peaking.",
        ),
        _rule(
            "decline",
            Severity.WARNING,
            "Compound strength declining",
            "Compound e1RM is falling while post-exhaust pairs are in the program.",
        ),
        _rule(
            "unknown-exercise",
            Severity.ERROR,
            "Unknown exercise",
            "An exercise name the catalogue cannot match (or only guesses).",
        ),
    ]
)
