"""Every damaged or foreign file gives its own clear message — in the store, in `immersion check` and in the
window — and is left exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import CASES, snapshot
from immersion.store.errors import WorkbookError
from immersion.store.workbook import Workbook

NAMES = sorted(CASES)
RECOVERED = "leftover journal from a crash"  # not refused: opening it for editing finishes SQLite's recovery


REFUSED = [name for name in NAMES if name != RECOVERED]


def make(name: str, folder: Path) -> tuple[str, Path]:
    path = folder / "colleague.immersion"
    CASES[name].make(path)
    return name, path


def test_corpus_has_at_least_fifteen_kinds() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("kind", REFUSED)
def test_opening_for_editing_names_the_problem_and_changes_nothing(kind: str, tmp_path: Path) -> None:
    _name, path = make(kind, tmp_path)
    before = snapshot(path)
    with pytest.raises(WorkbookError) as caught:
        Workbook.open(path)
    text = str(caught.value)
    assert "colleague.immersion" in text and len(text) < 400, text
    assert "Traceback" not in text
    assert snapshot(path) == before


@pytest.mark.parametrize("kind", NAMES)
def test_immersion_check_reports_it_and_changes_nothing(kind: str, tmp_path: Path) -> None:
    name, path = make(kind, tmp_path)
    before = snapshot(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "immersion", "check", str(path)], capture_output=True,
                            text=True, env=env, timeout=120, check=False)
    expected = CASES[name]
    assert result.returncode == expected.check_exit, result.stdout + result.stderr
    assert expected.words in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(path) == before


@pytest.mark.parametrize("kind", REFUSED)
def test_the_window_says_why_and_keeps_the_file(qtbot, kind: str, tmp_path: Path) -> None:  # noqa: ANN001
    from immersion.ui.main_window import MainWindow
    from immersion.ui.settings import Settings

    name, path = make(kind, tmp_path)
    before = snapshot(path)
    window = MainWindow(Settings(), interactive=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.open_failed, timeout=10_000) as failed:
        assert not window.open_workbook(path)
    assert "colleague.immersion" in failed.args[0]
    assert window.workbook is None
    assert snapshot(path) == before, name


def test_leftover_journal_is_recovered_when_opened_for_editing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from immersion.store import edits
    from immersion.ui.main_window import MainWindow
    from immersion.ui.settings import Settings

    path = tmp_path / "crashed.immersion"
    CASES[RECOVERED].make(path)
    window = MainWindow(Settings(), interactive=False)
    qtbot.addWidget(window)
    assert window.open_workbook(path)
    titles = {row["title"] for row in edits.rows(window.workbook, "goals")}
    assert "half-done" not in titles and len(titles) == 200  # the unfinished edit is gone, the rest is kept
    assert not Path(str(path) + "-journal").exists()
    window.close_workbook()


@pytest.mark.parametrize(("kind", "answer"), [("newer version", "ask_open_read_only"),
                                              ("search index missing", "ask_repair_index")])
def test_the_window_offers_a_safe_way_in(qtbot, kind: str, answer: str, tmp_path: Path,  # noqa: ANN001
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from immersion.ui import dialogs
    from immersion.ui.main_window import MainWindow
    from immersion.ui.settings import Settings

    _name, path = make(kind, tmp_path)
    before = snapshot(path)
    asked: list[str] = []
    reply = True if answer == "ask_open_read_only" else "read-only"
    monkeypatch.setattr(dialogs, answer, lambda _parent, _title, text: asked.append(text) or reply)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.open_workbook(path)
    assert asked and "colleague.immersion" in asked[0]
    assert window.workbook.read_only and "(read-only)" in window.windowTitle()
    window.close_workbook()
    assert snapshot(path) == before


def test_a_missing_search_index_is_rebuilt_when_the_user_agrees(qtbot, tmp_path: Path,  # noqa: ANN001
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from immersion.store.search import search
    from immersion.ui import dialogs
    from immersion.ui.main_window import MainWindow
    from immersion.ui.settings import Settings

    _name, path = make("search index missing", tmp_path)
    monkeypatch.setattr(dialogs, "ask_repair_index", lambda *_args: "rebuild")
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    assert window.open_workbook(path)
    assert not window.workbook.read_only
    assert [h.title for h in search(window.workbook.conn, "Northwind")] == ["Northwind"]
    window.close_workbook()
