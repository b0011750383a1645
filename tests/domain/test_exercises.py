"""Exercises: one slug for a name, whoever makes it."""

from __future__ import annotations

from fitrec.domain.exercises import slugify


def test_slugs_of_odd_names() -> None:
    assert slugify("Jefferson Curl (DB) 💪") == "jefferson-curl-db"
    assert slugify("Café Curl") == "cafe-curl"
    assert slugify("深蹲") == "exercise"
