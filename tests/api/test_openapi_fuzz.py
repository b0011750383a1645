"""Schemathesis over the whole OpenAPI document, authenticated: no 5xx, responses match it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from tempfile import gettempdir
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from fitrec.app import create_app
from fitrec.config import Settings
from tests.api.conftest import User, sign_up, start_chest_session

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
    status_code_conformance,
]


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, User]]:
    """The app on its own SQLite file, with a user who has a program and a session."""
    from fitrec import bootstrap

    directory: Path = tmp_path_factory.mktemp("fuzz")
    app = create_app(Settings(data_dir=directory, secret_key="fuzz"))
    with TestClient(app) as client:
        user = sign_up(client)
        start_chest_session(client, user)
    yield app, user
    bootstrap.dispose_engines()


def _operations() -> list[str]:
    """Every operation of the document, as `METHOD path` (to parametrize over)."""
    offline = Settings(database_url="sqlite://", secret_key="x", data_dir=Path(gettempdir()))
    document = create_app(offline, migrate=False).openapi()
    return [f"{m.upper()} {p}" for p, ops in document["paths"].items() for m in ops]


@pytest.fixture(scope="module")
def api_schema(fuzzed_app: tuple[Any, User]) -> Any:
    """The app's OpenAPI document, loaded in-process."""
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", fuzzed_app[0])


@pytest.mark.parametrize("label", _operations())
def test_every_operation_answers_within_its_schema(
    label: str, api_schema: Any, fuzzed_app: tuple[Any, User]
) -> None:
    method, path = label.split(" ", 1)
    operation = api_schema[path][method]
    headers = fuzzed_app[1].headers

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()
