"""File → Export…: write a table, the rows a view shows, or the whole workbook to CSV, XLSX or JSON.

The dialog only chooses; `store.exporting` writes (formula-like text neutralised, the file put in place only
when complete). The export runs on a worker thread (`BackgroundTask`) while the dialog shows its progress;
reading needs no write access, so a read-only workbook exports too.

A page that shows a filtered view passes its rows as a `ViewRows` (headings, rows, a name), and the dialog
offers "The rows shown" first. Open it with `ExportDialog.ask()`; tests patch `ask_export_path`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from immersion.store import exporting
from immersion.store.workbook import Workbook
from immersion.texts import TextContext
from immersion.ui.background import BackgroundTask, dispose_task, follow_progress, path_row, plain_label

ALL = "all"
VIEW = "view"
FORMAT_TITLES = {
    "xlsx": QT_TRANSLATE_NOOP("ExportFile", "Excel workbook (.xlsx)"),
    "csv": QT_TRANSLATE_NOOP("ExportFile", "CSV, comma-separated (.csv)"),
    "json": QT_TRANSLATE_NOOP("ExportFile", "JSON (.json)"),
}
TABLE_TITLES = {  # the tables people export by themselves; link tables are shown by their names
    "accounts": QT_TRANSLATE_NOOP("ExportFile", "Accounts"),
    "stakeholders": QT_TRANSLATE_NOOP("ExportFile", "Stakeholders"),
    "goals": QT_TRANSLATE_NOOP("ExportFile", "Goals"),
    "ideas": QT_TRANSLATE_NOOP("ExportFile", "Ideas"),
    "investments": QT_TRANSLATE_NOOP("ExportFile", "Investments"),
    "financials": QT_TRANSLATE_NOOP("ExportFile", "Financials"),
    "meetings": QT_TRANSLATE_NOOP("ExportFile", "Meetings"),
    "insights": QT_TRANSLATE_NOOP("ExportFile", "Insights"),
    "action_items": QT_TRANSLATE_NOOP("ExportFile", "Action items"),
    "touchpoints": QT_TRANSLATE_NOOP("ExportFile", "Touchpoints"),
    "team_members": QT_TRANSLATE_NOOP("ExportFile", "Team members"),
    "assets": QT_TRANSLATE_NOOP("ExportFile", "Assets"),
}


ExportFile = TextContext("ExportFile")  # texts written ExportFile.tr("…"), as pyside6-lupdate reads them


def ask_export_path(parent: QWidget | None, suggested: Path, fmt: str, folder: bool) -> Path | None:
    """Ask where to write the export (a folder for a whole workbook as CSV); None when cancelled."""
    if folder:
        name = QFileDialog.getExistingDirectory(parent, ExportFile.tr("Export Into Folder"), str(suggested.parent))
        return Path(name) / suggested.name if name else None
    name, _ = QFileDialog.getSaveFileName(parent, ExportFile.tr("Export"), str(suggested),
                                          ExportFile.tr(FORMAT_TITLES[fmt]))
    return Path(name) if name else None


@dataclass(frozen=True)
class ViewRows:
    """The rows a view shows, as it shows them: exported as they are."""

    name: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]
    title: str = ""


class ExportDialog(QDialog):
    """Choose what to export, the format and the file; then export with a progress bar.

    Signals:
        exported(object): the ExportResult.
        failed(str): the user sentence of what went wrong.
    """

    exported = Signal(object)
    failed = Signal(str)

    def __init__(self, workbook: Workbook, table: str | None = None, account_id: str | None = None,
                 view: ViewRows | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.view = view
        self.account_id = account_id
        self.result_: exporting.ExportResult | None = None
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(520)
        self.what = QComboBox(self)
        if view is not None:
            self.what.addItem(self.tr("The rows shown: %1").replace("%1", view.title or view.name), VIEW)
        self.what.addItem(self.tr("The whole workbook"), ALL)
        for name in exporting.EXPORT_TABLES:
            title = ExportFile.tr(TABLE_TITLES[name]) if name in TABLE_TITLES else name.replace("_", " ").capitalize()
            self.what.addItem(title, name)
        if table is not None:
            self.what.setCurrentIndex(max(0, self.what.findData(table)))
        self.only_account = QCheckBox(self.tr("Only the selected account"), self)
        self.format = QComboBox(self)
        for fmt in ("xlsx", "csv", "json"):
            self.format.addItem(ExportFile.tr(FORMAT_TITLES[fmt]), fmt)
        self.path_edit, row = path_row(self, self.browse)
        self.note = plain_label("", self)
        self.note.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Export:"), self.what)
        form.addRow("", self.only_account)
        form.addRow(self.tr("&Format:"), self.format)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.what.currentIndexChanged.connect(self._update)
        self.format.currentIndexChanged.connect(self._update)
        self.path_edit.textChanged.connect(self._update)
        self._update()

    @classmethod
    def ask(cls, parent: QWidget | None, workbook: Workbook, table: str | None = None, account_id: str | None = None,
            view: ViewRows | None = None) -> exporting.ExportResult | None:
        """Run the dialog modally; what was written, or None."""
        dialog = cls(workbook, table, account_id, view, parent)
        dialog.exec()
        return dialog.result_

    @property
    def choice(self) -> str:
        return str(self.what.currentData())

    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    def _suggested(self) -> Path:
        stem = self.workbook.path.stem
        name = self.view.name if self.choice == VIEW and self.view else self.choice
        base = stem if self.choice == ALL else f"{stem} – {name}"
        folder = self.choice == ALL and self.fmt == "csv"
        return self.workbook.path.with_name(base if folder else f"{base}.{self.fmt}")

    def browse(self) -> None:
        folder = self.choice == ALL and self.fmt == "csv"
        path = ask_export_path(self, self._suggested(), self.fmt, folder)
        if path is not None:
            self.path_edit.setText(str(path))

    def _update(self) -> None:
        table = self.choice
        per_account = table == "accounts" or table in _ACCOUNT_TABLES
        self.only_account.setVisible(self.account_id is not None and per_account)
        if table == ALL and self.fmt == "csv":
            self.note.setText(self.tr("A whole workbook as CSV is a folder with one file per table."))
        elif table == ALL and self.fmt == "xlsx":
            self.note.setText(self.tr("One sheet per table. File → Import… “Whole workbook” brings it back."))
        else:
            self.note.setText("")
        path = self.path_edit.text().strip()
        self.export_button.setEnabled(bool(path) and self.task is None)

    def target(self) -> Path:
        """The chosen file, with the format's suffix added when it has none (not for a CSV folder)."""
        path = Path(self.path_edit.text().strip())
        if self.choice == ALL and self.fmt == "csv":
            return path
        return path if path.suffix.lower() == f".{self.fmt}" else path.with_name(f"{path.name}.{self.fmt}")

    def start(self) -> None:
        """Export on a worker thread; the dialog closes when it is done."""
        if self.task is not None or not self.path_edit.text().strip():
            return
        workbook, choice, fmt, target, view = self.workbook, self.choice, self.fmt, self.target(), self.view
        account = self.account_id if self.only_account.isVisible() and self.only_account.isChecked() else None

        def work(progress: Any) -> exporting.ExportResult:
            if choice == VIEW and view is not None:
                return exporting.export_rows(target, view.columns, view.rows, fmt, view.name)
            if choice == ALL:
                return exporting.export_all(workbook, target, fmt, progress)
            return exporting.export_table(workbook, choice, target, fmt, account)

        self.progress.setRange(0, 0)
        self.progress.show()
        self.export_button.setEnabled(False)
        task = BackgroundTask(work, self)
        follow_progress(task, self.progress)
        task.done.connect(self._finished)
        self.task = task
        task.start()

    def _finished(self, result: exporting.ExportResult | None, error: BaseException | None) -> None:
        dispose_task(self.task)
        self.task = None
        self.progress.hide()
        self._update()
        if result is None:
            self.note.setText(str(error))
            self.failed.emit(str(error))
            return
        self.result_ = result
        self.exported.emit(result)
        self.accept()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
        super().reject()


_ACCOUNT_TABLES = frozenset({"stakeholders", "goals", "ideas", "investments", "financials", "meetings", "insights",
                             "action_items", "touchpoints"})
