"""File → Export Briefing…: the dialog offers the account's meetings, keeps internal-only sections out of the
customer edition, writes the PDF off the GUI thread with progress, and offers the folder afterwards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from pytestqt.qtbot import QtBot

from immersion.report.content import find_account
from immersion.report.options import NEXT_MEETING, Edition, Section
from immersion.store.workbook import Workbook
from immersion.ui import briefing_dialog
from immersion.ui.briefing_dialog import BriefingDialog

ACCOUNT = "Nordwave Telecom"


@pytest.fixture(scope="module")
def demo(demo_master: Callable[..., Path]) -> Path:
    return demo_master()  # dated from today: the dialog prepares briefings as of now


@pytest.fixture
def dialog(demo: Path, qtbot: QtBot) -> BriefingDialog:
    wb = Workbook.open(demo, read_only=True)
    shown = BriefingDialog(wb, find_account(wb, ACCOUNT))
    qtbot.addWidget(shown)
    yield shown
    wb.close()


def test_it_offers_the_next_meeting_and_a_file_beside_the_workbook(dialog: BriefingDialog, demo: Path) -> None:
    assert dialog.account.currentText() == ACCOUNT
    assert dialog.meeting.currentData() == NEXT_MEETING and dialog.meeting.currentText().startswith("Next meeting")
    assert dialog.meeting.itemData(dialog.meeting.count() - 1) == ""  # no meeting: an account briefing
    path = Path(dialog.path_edit.text())
    assert path.parent == demo.parent and path.name.startswith(ACCOUNT) and path.suffix == ".pdf"


def test_the_customer_edition_cannot_hold_internal_sections(dialog: BriefingDialog) -> None:
    dialog.edition.setCurrentIndex(dialog.edition.findData(Edition.CUSTOMER.value))
    assert not dialog.sections[Section.FINANCE].isEnabled() and dialog.sections[Section.IDEAS].isEnabled()
    options = dialog.options()
    assert options.edition is Edition.CUSTOMER and Section.FINANCE not in options.sections
    assert "for the customer" in dialog.path_edit.text()


def test_it_writes_the_pdf_with_progress_and_offers_the_folder(dialog: BriefingDialog, qtbot: QtBot,
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(briefing_dialog, "open_folder", lambda path: opened.append(path) or True)
    dialog.path_edit.setText(str(tmp_path / "brief"))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as written:
        dialog.start()
        assert dialog.progress.isVisible() or dialog.task is not None
    result = written.args[0]
    assert result.path == tmp_path / "brief.pdf" and result.pages == len(pypdf.PdfReader(result.path).pages)
    assert dialog.folder_button.isVisibleTo(dialog) and str(result.pages) in dialog.note.text()
    dialog.folder_button.click()
    assert opened == [result.path]


def test_a_missing_folder_is_said_plainly(dialog: BriefingDialog, qtbot: QtBot, tmp_path: Path) -> None:
    dialog.path_edit.setText(str(tmp_path / "missing" / "brief.pdf"))
    with qtbot.waitSignal(dialog.failed, timeout=5_000) as failed:
        dialog.start()
    assert "does not exist" in failed.args[0] and dialog.task is None


def test_closing_during_an_export_cancels_it_and_restores_the_collector(dialog: BriefingDialog, qtbot: QtBot,
                                                                        tmp_path: Path) -> None:
    import gc

    dialog.path_edit.setText(str(tmp_path / "brief.pdf"))
    dialog.start()
    assert dialog.task is not None
    dialog.reject()
    qtbot.waitUntil(gc.isenabled, timeout=5_000)
    assert dialog.task is None and dialog.result_ is None


def test_the_preview_shows_the_pages_as_the_options_print_them(demo: Path, qtbot: QtBot) -> None:
    wb = Workbook.open(demo, read_only=True)
    shown = BriefingDialog(wb, find_account(wb, "Marlowe & Finch Supermarkets"))
    qtbot.addWidget(shown)
    try:
        shown.resize(1100, 760)
        shown.show()
        qtbot.waitUntil(lambda: shown.preview_pages == 7, timeout=30_000)  # the internal edition
        assert shown.preview.count() == 7 and not shown.preview.item(0).icon().isNull()
        assert "7 pages" in shown.preview_label.text()
        shown.edition.setCurrentIndex(shown.edition.findData(Edition.CUSTOMER.value))
        qtbot.waitUntil(lambda: shown.preview_pages == 3, timeout=30_000)
        assert shown.preview.count() == 3 and shown.preview_task is None
        shown.grab().save("/tmp/briefing-dialog.png")
    finally:
        shown.reject()
        wb.close()
    assert shown.preview_task is None


def test_the_preview_waits_for_the_typing_to_stop(dialog: BriefingDialog, qtbot: QtBot) -> None:
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_pages > 0, timeout=30_000)
    for letter in "Ana":
        dialog.prepared_by.setText(dialog.prepared_by.text() + letter)
        assert dialog.preview_timer.isActive() or dialog.preview_task is not None  # no build per keystroke
    assert dialog.preview_task is None
    with qtbot.waitSignal(dialog.previewed, timeout=30_000):
        pass
    dialog.reject()


def test_a_hidden_dialog_draws_no_preview(dialog: BriefingDialog) -> None:
    dialog.edition.setCurrentIndex(1)
    assert not dialog.preview_timer.isActive() and dialog.preview_task is None
