"""The import wizard and the export dialog, driven as a user drives them (file dialogs patched), waiting for
their signals: the worker threads read, check and import, and the workbook is unchanged until the import ends."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from immersion.store import edits, importing
from immersion.store.exporting import EXPORT_TABLES, export_all
from immersion.store.workbook import Workbook
from immersion.ui import export_dialog, import_wizard
from immersion.ui.edit_session import EditSession
from immersion.ui.export_dialog import ExportDialog, ViewRows
from immersion.ui.import_wizard import CHECK, COLUMNS, IMPORT, SOURCE, ImportWizard

DATA = Path(__file__).resolve().parent.parent / "data"
TIMEOUT = 20_000


@pytest.fixture
def session(demo_copy: Callable[..., Path]) -> EditSession:
    workbook = Workbook.open(demo_copy(dt.date(2026, 11, 28), "demo.immersion"))
    yield EditSession(workbook)
    workbook.close()


def snapshot(workbook: Workbook) -> dict[str, list[tuple]]:
    tables = {t: sorted(map(tuple, workbook.conn.execute(f"SELECT * FROM {t}"))) for t in EXPORT_TABLES}
    tables["triggers"] = sorted(r[0] for r in workbook.conn.execute("SELECT name FROM sqlite_master "
                                                                     "WHERE type = 'trigger'"))
    return tables


def digest(workbook: Workbook) -> str:
    return hashlib.sha256(workbook.path.read_bytes()).hexdigest()


def wizard_for(qtbot: QtBot, session: EditSession, path: Path, table: str, account: str | None = None) -> ImportWizard:
    wizard = ImportWizard(session, account)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.source_page.choose(path=path, table=table)
    return wizard


def to_columns(qtbot: QtBot, wizard: ImportWizard) -> None:
    with qtbot.waitSignal(wizard.source_read, timeout=TIMEOUT):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == COLUMNS, timeout=TIMEOUT)


def test_crm_contacts_through_the_wizard_then_undo(qtbot: QtBot, session: EditSession, qtmodeltester) -> None:
    before = snapshot(session.workbook)
    wizard = wizard_for(qtbot, session, DATA / "crm_contacts_salesforce.csv", "stakeholders")
    assert wizard.currentId() == SOURCE and wizard.source_page.account_combo.isEnabled()
    to_columns(qtbot, wizard)
    page = wizard.columns_page
    assert page.combos["Email"].currentData() == "email" and page.combos["Contact ID"].currentData() is None
    assert page.combos["First Name"].currentData() == "first_name"
    model = page.preview_model
    qtmodeltester.check(model)
    assert model.rowCount() == 8 and model.headerData(5, Qt.Orientation.Horizontal) == "Email\n→ Email"
    page.set_field("Mobile", "phone")  # the user prefers the mobile numbers
    assert page.combos["Phone"].currentData() is None and wizard.mapping.field_of("Mobile") == "phone"
    assert page.isComplete()

    with qtbot.waitSignal(wizard.checked, timeout=TIMEOUT) as checked:
        wizard.next()
    report = checked.args[0]
    assert wizard.currentId() == CHECK and report.rejected_rows() == {7, 9} and not report.written
    check = wizard.check_page
    qtmodeltester.check(check.report_model)
    assert check.report_model.line(0)[1:3] == ("7", "Account Name") and check.table.isVisible()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # rejected rows: not without consent
    assert snapshot(session.workbook) == before
    check.skip_rejected.setChecked(True)
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()

    with qtbot.waitSignal(wizard.finished_import, timeout=TIMEOUT) as finished:
        wizard.next()
    assert finished.args[0].written and finished.args[0].added == 4
    qtbot.waitUntil(lambda: wizard.import_page.isComplete(), timeout=TIMEOUT)
    assert wizard.currentId() == IMPORT and "Imported: 4 added, 1 updated" in wizard.import_page.status.text()
    priya = next(r for r in edits.rows(session.workbook, "stakeholders") if r["name"] == "Priya Natarajan")
    assert priya["phone"] == "+44 7700 900432"
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Import stakeholders from crm_contacts_salesforce.csv"
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible() and wizard.report is finished.args[0]

    with qtbot.waitSignal(session.changed):
        session.undo_stack.undo()
    assert snapshot(session.workbook) == before


def test_a_clean_file_checks_with_nothing_to_list(qtbot: QtBot, session: EditSession, tmp_path: Path) -> None:
    source = tmp_path / "clean.csv"
    source.write_text("First Name,Last Name,Title,Account Name,Email\n"
                      "Anna,Berg,CFO,Banca Adriatica,anna.berg@example.com\n"
                      "Ben,Okafor,Head of IT,Banca Adriatica,ben.okafor@example.com\n", encoding="utf-8")
    wizard = wizard_for(qtbot, session, source, "stakeholders")
    to_columns(qtbot, wizard)
    grid = wizard.columns_page.grid
    assert grid.cellRect(0, 0).height() < 2 * grid.cellRect(1, 0).height()  # rows sit at the top, not spread
    with qtbot.waitSignal(wizard.checked, timeout=TIMEOUT):
        wizard.next()
    check = wizard.check_page
    assert not check.table.isVisible() and check.report_model.rowCount() == 0
    assert "2 to add" in check.summary.text() and "No problems found" in check.summary.text()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_cancel_rolls_the_import_back(qtbot: QtBot, session: EditSession, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many.csv"
    path.write_text("\n".join(["Name,Email,Notes"] + [f"P{n},p{n}@x.example,n{n}" for n in range(400)]), "utf-8")
    account = importing.find_account(session.workbook, "Nordwave Telecom")
    started, release = threading.Event(), threading.Event()
    real_ticker = importing._ticker

    def slow_ticker(progress, phase, total):
        tick = real_ticker(progress, phase, total)

        def held(done: int) -> None:
            if phase == "write" and done:
                started.set()
                release.wait(10)
            tick(done)

        return held

    monkeypatch.setattr(importing, "_ticker", slow_ticker)
    monkeypatch.setattr(importing, "_CHUNK", 100)
    before, file_before = snapshot(session.workbook), digest(session.workbook)
    wizard = wizard_for(qtbot, session, path, "stakeholders", account)
    to_columns(qtbot, wizard)
    with qtbot.waitSignal(wizard.checked, timeout=TIMEOUT):
        wizard.next()
    assert wizard.check_page.report.added == 400
    wizard.next()
    assert started.wait(10)  # the first 100 rows are in the (uncommitted) transaction
    assert wizard.busy and not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    with qtbot.waitSignal(wizard.cancelled, timeout=TIMEOUT):
        wizard.import_page.cancel_button.click()
        release.set()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=TIMEOUT)
    assert wizard.import_page.status.text() == "The import was cancelled. Nothing was changed."
    assert snapshot(session.workbook) == before and digest(session.workbook) == file_before
    assert session.undo_stack.count() == 0
    wizard.reject()


def test_a_file_that_is_not_a_table_is_reported_on_the_first_page(qtbot: QtBot, session: EditSession) -> None:
    wizard = wizard_for(qtbot, session, DATA / "binary_renamed.csv", "stakeholders")
    with qtbot.waitSignal(wizard.failed, timeout=TIMEOUT) as failed:
        wizard.next()
    assert "it looks like a PNG image" in failed.args[0]
    qtbot.waitUntil(lambda: wizard.source_page.isComplete(), timeout=TIMEOUT)
    assert wizard.currentId() == SOURCE and "PNG image" in wizard.source_page.status.text()


def test_an_account_table_needs_an_account(qtbot: QtBot, session: EditSession) -> None:
    wizard = wizard_for(qtbot, session, DATA / "stakeholders_report.xlsx", "stakeholders")
    to_columns(qtbot, wizard)
    assert not wizard.columns_page.isComplete()
    assert "Choose the account to import into" in wizard.columns_page.problems.text()
    wizard.back()
    wizard.source_page.choose(account_id=importing.find_account(session.workbook, "Rhein-Main Kliniken"))
    wizard.next()  # the file is read already
    assert wizard.currentId() == COLUMNS and wizard.columns_page.isComplete()


def test_whole_workbook_restore_through_the_wizard(qtbot: QtBot, session: EditSession, tmp_path: Path) -> None:
    export_all(session.workbook, tmp_path / "everything.json")
    expected = snapshot(session.workbook)
    with Workbook.create(tmp_path / "new.immersion") as empty:
        fresh = EditSession(empty)
        blank = snapshot(empty)
        wizard = wizard_for(qtbot, fresh, tmp_path / "everything.json", "all")
        assert not wizard.source_page.account_combo.isEnabled()
        with qtbot.waitSignal(wizard.checked, timeout=TIMEOUT) as checked:
            wizard.next()  # no columns to match: straight to the check
        assert wizard.currentId() == CHECK and checked.args[0].per_table["stakeholders"][0] > 50
        with qtbot.waitSignal(wizard.finished_import, timeout=TIMEOUT):
            wizard.next()
        restored = snapshot(empty)
        assert {t: restored[t] for t in EXPORT_TABLES} == {t: expected[t] for t in EXPORT_TABLES}
        qtbot.waitUntil(lambda: not wizard.busy, timeout=TIMEOUT)
        fresh.undo_stack.undo()
        assert snapshot(empty) == blank
        wizard.reject()


def test_browse_and_ask(qtbot: QtBot, session: EditSession, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_wizard, "ask_import_path", lambda parent: DATA / "headers_only.csv")
    wizard = ImportWizard(session)
    qtbot.addWidget(wizard)
    wizard.source_page.browse()
    assert wizard.source_page.path_edit.text() == str(DATA / "headers_only.csv")
    monkeypatch.setattr(ImportWizard, "exec", lambda self: 0)
    assert ImportWizard.ask(None, session, path=DATA / "empty.csv", table="goals") is None


# -- the export dialog ---------------------------------------------------------------------------------------------


def test_export_the_whole_workbook_to_xlsx(qtbot: QtBot, session: EditSession, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "everything.xlsx"
    monkeypatch.setattr(export_dialog, "ask_export_path", lambda parent, suggested, fmt, folder: target)
    dialog = ExportDialog(session.workbook)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.what.setCurrentIndex(dialog.what.findData("all"))
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert "One sheet per table" in dialog.note.text() and not dialog.export_button.isEnabled()
    dialog.browse()
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT) as exported:
        dialog.export_button.click()
    assert exported.args[0].path == target and set(exported.args[0].rows) == set(EXPORT_TABLES)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    from openpyxl import load_workbook

    assert load_workbook(target, read_only=True).sheetnames == list(EXPORT_TABLES)


def test_export_the_rows_of_a_view_and_one_accounts_goals(qtbot: QtBot, session: EditSession,
                                                           tmp_path: Path) -> None:
    view = ViewRows("ideas", ["Title", "Stage"], [("=rm -rf", "adopted"), ("Plain", "parked")], "Ideas on the board")
    account = importing.find_account(session.workbook, "Nordwave Telecom")
    dialog = ExportDialog(session.workbook, account_id=account, view=view)
    qtbot.addWidget(dialog)
    assert dialog.what.currentData() == "view" and "Ideas on the board" in dialog.what.currentText()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path_edit.setText(str(tmp_path / "board"))
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.start()
    assert (tmp_path / "board.csv").read_text("utf-8-sig").splitlines() == [
        "Title,Stage", "'=rm -rf,adopted", "Plain,parked"]

    dialog = ExportDialog(session.workbook, table="goals", account_id=account)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.only_account.isVisible()
    dialog.only_account.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.path_edit.setText(str(tmp_path / "goals.json"))
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.start()
    goals = json.loads((tmp_path / "goals.json").read_text("utf-8"))["goals"]
    assert goals and {g["account_id"] for g in goals} == {account}


def test_an_export_that_fails_says_why_and_stays_open(qtbot: QtBot, session: EditSession, tmp_path: Path) -> None:
    dialog = ExportDialog(session.workbook, table="stakeholders")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(tmp_path / "missing" / "people.xlsx"))
    with qtbot.waitSignal(dialog.failed, timeout=TIMEOUT) as failed:
        dialog.start()
    assert "does not exist" in failed.args[0]
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=TIMEOUT)
    assert dialog.isVisible() and "does not exist" in dialog.note.text()
