"""Read-only files and folders, a full disk, a second instance and synced folders: the user is told, and
nothing already saved is lost."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from immersion.paths import cloud_service
from immersion.store import edits
from immersion.store.errors import WorkbookReadOnly
from immersion.store.workbook import Workbook
from immersion.ui import dialogs
from immersion.ui.main_window import MainWindow
from immersion.ui.settings import Settings


def workbook(path: Path) -> Path:
    with Workbook.create(path) as wb:
        edits.add(wb, "accounts", name="Saved Ltd")
    return path


@pytest.fixture
def window(qtbot) -> MainWindow:  # noqa: ANN001
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def offers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Accept every offer to open read-only, and keep what was said."""
    said: list[str] = []
    monkeypatch.setattr(dialogs, "ask_open_read_only", lambda _p, _t, text: said.append(text) or True)
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(dialogs, "show_warning", lambda _p, _t, text: said.append(text))
    return said


def test_read_only_file_is_offered_read_only(window: MainWindow, offers: list[str], tmp_path: Path) -> None:
    path = workbook(tmp_path / "shared.immersion")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = path.read_bytes()
    with pytest.raises(WorkbookReadOnly, match="read-only file"):
        Workbook.open(path)
    assert window.open_workbook(path)
    assert "read-only file" in offers[0]
    assert window.workbook.read_only and [s.name for s in window.summaries()] == ["Saved Ltd"]
    window.close_workbook()
    assert path.read_bytes() == before


def test_read_only_folder_is_offered_read_only(window: MainWindow, offers: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    path = workbook(folder / "old.immersion")
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(WorkbookReadOnly, match="folder"):
            Workbook.open(path)
        assert window.open_workbook(path)
        assert "folder" in offers[0] and window.workbook.read_only
        assert not list(folder.glob("*.lock"))  # nothing was written into the folder
        window.close_workbook()
    finally:
        folder.chmod(stat.S_IRWXU)


def test_full_disk_tells_the_user_and_keeps_the_workbook_open_read_only(qtbot, window: MainWindow,  # noqa: ANN001
                                                                      offers: list[str], tmp_path: Path) -> None:
    path = workbook(tmp_path / "plan.immersion")
    assert window.open_workbook(path)
    account = window.summaries()[0].id
    window.session.add("Add goal", "goals", account_id=account, title="Saved before", category="financial")
    pages = window.workbook.conn.execute("PRAGMA page_count").fetchone()[0]
    window.workbook.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
    with qtbot.waitSignal(window.workbook_changed, timeout=5000):
        window.session.add("Add goal", "goals", account_id=account, title="x" * 100_000, category="political")
    assert any("disk is full" in text for text in offers)
    assert window.workbook.read_only and window.session is None and "(read-only)" in window.windowTitle()
    titles = [r["title"] for r in edits.rows(window.workbook, "goals")]
    assert titles == ["Saved before"]
    window.close_workbook()
    with Workbook.open(path) as wb:  # space is back: editing works again, nothing was lost
        assert [r["title"] for r in edits.rows(wb, "goals")] == ["Saved before"]


def test_second_instance_is_told_who_holds_the_workbook(qtbot, window: MainWindow, offers: list[str],  # noqa: ANN001
                                                        tmp_path: Path) -> None:
    path = workbook(tmp_path / "team.immersion")
    assert window.open_workbook(path)
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    assert second.open_workbook(path)
    assert f"process {os.getpid()}" in offers[0] and "read-only" in offers[0]
    assert second.workbook.read_only and not window.workbook.read_only
    second.close_workbook()
    window.close_workbook()


@pytest.mark.parametrize("folder", ["Dropbox", "OneDrive - Acme", "Google Drive/My Drive",
                                    "Library/Mobile Documents/com~apple~CloudDocs"])
def test_synced_folder_warns_once(qtbot, window: MainWindow, offers: list[str], tmp_path: Path,  # noqa: ANN001
                                  folder: str) -> None:
    place = tmp_path / folder
    place.mkdir(parents=True)
    path = workbook(place / "plan.immersion")
    assert cloud_service(path) is not None
    assert window.open_workbook(path)
    qtbot.waitUntil(lambda: any("synced by" in text for text in offers), timeout=3000)
    window.close_workbook()
    assert window.open_workbook(path)
    qtbot.wait(100)
    warnings = [text for text in offers if "synced by" in text]
    assert len(warnings) == 1 and "plan.immersion" in warnings[0]


def test_ordinary_folders_are_not_called_synced(tmp_path: Path) -> None:
    assert cloud_service(tmp_path / "Documents" / "plan.immersion") is None
    assert cloud_service(tmp_path / "dropboxes" / "plan.immersion") is None


def test_damage_in_a_large_workbook_is_found_after_it_opens(qtbot, window: MainWindow, offers: list[str],  # noqa: ANN001
                                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from immersion.store import workbook as workbook_module

    path = tmp_path / "big.immersion"
    with Workbook.create(path) as wb:
        account = edits.add(wb, "accounts", name="Big Ltd").items[0].row_id
        person = edits.add(wb, "stakeholders", account_id=account, name="Ada").items[0].row_id
        with wb.transaction() as conn:  # touchpoints are not read to open a workbook: damage there waits
            conn.executemany("INSERT INTO touchpoints (id, account_id, stakeholder_id, date, content) "
                             "VALUES (?, ?, ?, '2026-01-01', ?)",
                             [(f"t{n}", account, person, "y" * 400) for n in range(300)])
    conn = sqlite3.connect(path)
    pages = [row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = 'touchpoints' AND "
                                            "pagetype = 'leaf' ORDER BY pageno")]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    offset = (pages[len(pages) // 2] - 1) * size
    for n in range(offset, offset + 64):
        data[n] ^= 0xFF
    path.write_bytes(bytes(data))
    monkeypatch.setattr(workbook_module, "QUICK_CHECK_BYTES", 1000)  # a "large" file: checked after opening
    assert window.open_workbook(path)  # opens at once …
    qtbot.waitUntil(lambda: any("damaged" in text for text in offers), timeout=10_000)  # … then is found out
    assert window.workbook.read_only
