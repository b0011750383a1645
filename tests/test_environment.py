"""The suite runs on its own folders, whatever database the caller's environment names."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import settings

from fitrec.config import Settings, get_settings


def test_the_environment_names_only_the_tests_own_folder(tmp_path: Path) -> None:
    assert Path(os.environ["FITREC_DATA_DIR"]).is_relative_to(tmp_path)
    assert os.environ["FITREC_DATABASE_URL"] == f"sqlite:///{tmp_path}/fitrec-data/fitrec.db"
    for built in (Settings(), get_settings()):
        assert built.data_dir.is_relative_to(tmp_path)
        assert built.database_url.startswith(f"sqlite:///{tmp_path}/")


def test_property_tests_have_no_deadline() -> None:
    # A deadline times the shared machine, not the code: timings are bench/'s job.
    assert settings.default.deadline is None
