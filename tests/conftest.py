"""Shared fixtures: every test runs offscreen, with its own data folder and a fresh workbook when it asks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def qapp_cls():  # noqa: ANN201 - the app's own QApplication class, so that tests run under what users run
    from immersion.ui.app import Application

    return Application


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups, settings, recent files and the demo workbook go to a temporary folder, never the real one."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("IMMERSION_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    return folder


@pytest.fixture
def workbook_path(tmp_path: Path) -> Path:
    return tmp_path / "plan.immersion"


@pytest.fixture
def wb(workbook_path: Path):  # noqa: ANN201 - Workbook, imported lazily to keep collection light
    from immersion.store.workbook import Workbook

    workbook = Workbook.create(workbook_path)
    yield workbook
    workbook.close()
