"""The composed app: migrations on start, the versioned OpenAPI document, web pages mounted."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from fitrec.app import create_app
from fitrec.config import Settings
from fitrec.store.migrate import current_revision


def test_starting_the_app_applies_migrations(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert current_revision(url) is None
    app = create_app(Settings(database_url=url, data_dir=tmp_path, secret_key="k"))
    assert current_revision(url) is not None
    with TestClient(app) as client:
        answer = client.post(
            "/api/v1/users", json={"email": "new@example.com", "password": "long enough"}
        )
        assert answer.status_code == 201


def test_openapi_document_is_versioned_and_documents_problems(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path, secret_key="k"))
    with TestClient(app) as client:
        document = client.get("/api/v1/openapi.json").json()
        assert client.get("/openapi.json").status_code == 404
    assert all(path.startswith("/api/v1/") for path in document["paths"])
    assert "Problem" in document["components"]["schemas"]
    put_set = document["paths"]["/api/v1/sessions/{session_id}/sets/{set_id}"]["put"]
    assert {"200", "201", "404", "422"} <= set(put_set["responses"])


def test_web_pages_are_served_by_the_same_app(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path, secret_key="k"))
    with TestClient(app) as client:
        home = client.get("/")
    assert home.status_code == 200
    assert "text/html" in home.headers["content-type"]


def test_serve_refuses_a_database_it_cannot_reach(tmp_path: Path) -> None:
    from fitrec.cli.main import app

    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    env = {"FITREC_DATABASE_URL": f"sqlite:///{blocked}/x.db", "FITREC_DATA_DIR": str(tmp_path)}
    from fitrec.config import get_settings

    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["serve", "--port", "1"], env=env)
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "cannot migrate" in result.output
