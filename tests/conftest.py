"""Shared fixtures: every test runs offscreen, with its own data folder and a fresh workbook when it asks."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def qapp_cls():
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
def wb(workbook_path: Path):
    from immersion.store.workbook import Workbook

    workbook = Workbook.create(workbook_path)
    yield workbook
    workbook.close()


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """`demo_master(today=None)`: the demo workbook dated from `today` (default: the real today), written once
    per test run. Never change it: open it read-only, or work on a copy (`demo_copy`)."""
    from immersion.store.demo import write_demo

    made: dict[dt.date | None, Path] = {}

    def master(today: dt.date | None = None) -> Path:
        if today not in made:
            path = tmp_path_factory.mktemp("demo") / "Demo portfolio.immersion"
            write_demo(path, today=today)
            made[today] = path
        return made[today]

    return master


@pytest.fixture
def demo_copy(demo_master: Callable[..., Path], tmp_path: Path) -> Callable[..., Path]:
    """`demo_copy(today=None, name=...)`: a fresh copy of the demo workbook in this test's folder."""

    def copy(today: dt.date | None = None, name: str = "Demo portfolio.immersion") -> Path:
        path = tmp_path / name
        shutil.copyfile(demo_master(today), path)
        return path

    return copy
