"""Backups from the app: take one, restore it, and the workbook is back as it was (and reopened)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import open_in_window

from immersion.store import edits
from immersion.store.workbook import Workbook
from immersion.ui import dialogs
from immersion.ui.backups_dialog import BackupsDialog


def test_back_up_then_restore_from_the_app(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    path = tmp_path / "plan.immersion"
    with Workbook.create(path) as wb:
        edits.add(wb, "accounts", name="Before")
    window = open_in_window(qtbot, path)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert not dialog.restore.isEnabled()  # nothing to restore yet
    dialog.back_up.click()
    assert dialog.list.count() == 1 and dialog.restore.isEnabled()
    window.session.add("Add account", "accounts", name="After")
    assert len(window.summaries()) == 2

    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    assert dialog.restore_selected()
    assert [s.name for s in window.summaries()] == ["Before"]
    assert window.workbook is not None and window.session is not None  # open again, editable
    dialog.refresh()
    assert dialog.list.count() == 2 and "before restore" in dialog.list.item(0).text()
