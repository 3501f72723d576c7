"""File → Import…: a wizard that reads a CSV, XLSX or JSON file, lets the user map its columns, shows what the
import would do, then imports it as one undoable step.

    Source  — the file, the table it goes to, the account (for account-level tables) and two options;
    Columns — every column of the file with sample values and the field it goes to (auto-matched, changeable),
              and a preview of the first rows;
    Check   — the dry run: rows to add and to update, duplicates, every rejected row with its column and reason;
    Import  — a progress bar and Cancel; the result.

Reading the file, the dry run and the import run on a worker thread (`BackgroundTask`), so the window keeps
painting. The import uses the open workbook's connection, in one transaction; the wizard is modal and nothing
else touches the connection until the task ends. Cancel makes the import's progress callback raise
`ImportCancelled`, which rolls the transaction back: the workbook is left exactly as it was. A finished
import is put on the undo stack through `EditSession.edit()`, so Edit → Undo takes all of it back.

Open it with `ImportWizard.ask()`; tests construct the wizard and drive it, with `ask_import_path` patched.

The pages live in their own modules: `import_wizard_source`, `import_wizard_columns`, `import_wizard_check` and
`import_wizard_run`; what they share is in `import_wizard_common`. This module is the wizard that wires them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from immersion.store import column_mapping, importing
from immersion.store.column_mapping import Mapping
from immersion.store.import_report import ImportReport
from immersion.store.import_source import SourceTable
from immersion.ui.edit_session import EditSession
from immersion.ui.import_wizard_check import CheckPage
from immersion.ui.import_wizard_columns import ColumnsPage
from immersion.ui.import_wizard_common import ALL, CHECK, COLUMNS, IMPORT, SOURCE, TABLE_TITLES, wizard_tr
from immersion.ui.import_wizard_run import ImportPage
from immersion.ui.import_wizard_source import SourcePage

__all__ = ["CHECK", "COLUMNS", "IMPORT", "SOURCE", "ImportWizard", "ask_import_path"]


def ask_import_path(parent: QWidget | None) -> Path | None:
    """Ask for the file to import; None when the user cancels."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ImportWizard", "Import From File"), "",
        QCoreApplication.translate("ImportWizard", "Tables (*.csv *.txt *.tsv *.xlsx *.json);;CSV files (*.csv *.txt "
                                   "*.tsv);;Excel workbooks (*.xlsx);;JSON files (*.json);;All files (*)"))
    return Path(name) if name else None


class ImportWizard(QWizard):
    """The import wizard over the open workbook's edit session.

    Signals:
        source_read(): the file was read and its columns matched.
        checked(object): the dry run's ImportReport.
        finished_import(object): the import is in the workbook (its ImportReport).
        cancelled(): the import was cancelled; nothing changed.
        failed(str): reading, checking or importing failed; the argument is the user sentence.
    """

    source_read = Signal()
    checked = Signal(object)
    finished_import = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, session: EditSession, account_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source: SourceTable | None = None
        self.mapping: Mapping | None = None
        self.report: ImportReport | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.resize(820, 620)
        self.source_page = SourcePage(self)
        self.columns_page = ColumnsPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        self.setPage(SOURCE, self.source_page)
        self.setPage(COLUMNS, self.columns_page)
        self.setPage(CHECK, self.check_page)
        self.setPage(IMPORT, self.import_page)
        if account_id is not None:
            self.source_page.choose(account_id=account_id)

    @classmethod
    def ask(cls, parent: QWidget | None, session: EditSession, account_id: str | None = None,
            path: Path | None = None, table: str | None = None) -> ImportReport | None:
        """Run the wizard modally; the report of what was imported, or None."""
        wizard = cls(session, account_id, parent)
        wizard.source_page.choose(path=path, table=table)
        wizard.exec()
        return wizard.report

    def ask_path(self, parent: QWidget) -> Path | None:
        """The file dialog of the Browse button (`ask_import_path`, looked up when called so tests can patch it)."""
        return ask_import_path(parent)

    # what the pages run -------------------------------------------------------------------------------------------

    def table(self) -> str:
        return self.source_page.table

    def options(self) -> importing.ImportOptions:
        account_level = self.table() in column_mapping.ACCOUNT_TABLES
        return importing.ImportOptions(
            account_id=self.source_page.account_combo.currentData() if account_level else None,
            on_existing="update" if self.source_page.update_existing.isChecked() else "skip",
            skip_rejected=self.check_page.skips(),
            create_accounts=account_level and self.source_page.create_accounts.isChecked())

    def _path(self) -> Path:
        return Path(self.source_page.path_edit.text().strip())

    def dry_run_work(self) -> Callable[[Callable[[str, int, int], None]], Any]:
        workbook, path, options = self.session.workbook, self._path(), self.options()
        if self.table() == ALL:
            from immersion.store.import_restore import restore_file

            return lambda progress: restore_file(workbook, path, dry=True)[0]
        source, mapping = self.source, self.mapping
        assert source is not None and mapping is not None
        return lambda progress: importing.dry_run(workbook, source, mapping, options, progress)

    def import_work(self) -> Callable[[Callable[[str, int, int], None]], Any]:
        workbook, path, options = self.session.workbook, self._path(), self.options()
        if self.table() == ALL:
            from immersion.store.import_restore import restore_file

            return lambda progress: restore_file(workbook, path, progress=progress)
        source, mapping = self.source, self.mapping
        assert source is not None and mapping is not None

        def work(progress: Callable[[str, int, int], None]) -> tuple[ImportReport, Any]:
            result = importing.run_import(workbook, source, mapping, options, progress)
            return result.report, result.changes

        return work

    def imported(self, report: ImportReport, changes: Any) -> None:
        """Put the finished import on the undo stack (it is in the file already) and tell the window."""
        self.report = report
        what = wizard_tr(TABLE_TITLES[self.table()]).lower() if self.table() != ALL else self.tr("workbook")
        self.session.edit(self.tr("Import %1 from %2").replace("%1", what).replace("%2", self._path().name),
                          lambda _workbook: changes)
        self.finished_import.emit(report)

    # no closing while the import runs -----------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)

    def reject(self) -> None:
        if self.busy:
            self.import_page.cancel()
            return
        self.check_page.stop_checking()
        self.source_page.wait_for_reading()
        super().reject()

    def done(self, result: int) -> None:
        if self.busy:
            return
        super().done(result)
