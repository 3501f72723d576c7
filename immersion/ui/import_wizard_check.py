"""The import wizard's check page: the dry run on a worker thread, then what the import will do — rows to add
and to update, duplicates, every rejected row with its column and reason — and the choice to skip the
rejected rows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QCheckBox, QProgressBar, QTableView, QVBoxLayout, QWidget, QWizardPage

from immersion.store.import_report import ImportRefused, ImportReport
from immersion.ui.background import BackgroundTask, dispose_task, follow_progress, plain_label
from immersion.ui.import_wizard_common import ALL, wizard_tr

if TYPE_CHECKING:
    from immersion.ui.import_wizard import ImportWizard

Index = QModelIndex | QPersistentModelIndex


class ReportModel(QAbstractTableModel):
    """The dry run's findings: kind, row, column, what."""

    REJECTED = QT_TRANSLATE_NOOP("ImportWizard", "rejected")
    DUPLICATE = QT_TRANSLATE_NOOP("ImportWizard", "duplicate")
    WARNING = QT_TRANSLATE_NOOP("ImportWizard", "warning")
    NEW_ACCOUNT = QT_TRANSLATE_NOOP("ImportWizard", "new account")
    UPDATE = QT_TRANSLATE_NOOP("ImportWizard", "update")
    HEADINGS = (QT_TRANSLATE_NOOP("ImportWizard", "Kind"), QT_TRANSLATE_NOOP("ImportWizard", "Row"),
                QT_TRANSLATE_NOOP("ImportWizard", "Column"), QT_TRANSLATE_NOOP("ImportWizard", "What"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[tuple[str, str, str, str]] = []

    def show(self, report: ImportReport) -> None:
        self.beginResetModel()
        repeats = QCoreApplication.translate("ImportWizard", "repeats row %1 (same %2); skipped")
        updates = QCoreApplication.translate("ImportWizard", "updates “%1” (matched by %2)")
        lines = [(wizard_tr(self.REJECTED), str(r.row), r.column, r.reason) for r in report.rejections]
        lines += [(wizard_tr(self.DUPLICATE), str(d.row), "", repeats.replace("%1", str(d.first_row)).replace("%2", d.key))
                  for d in report.duplicates]
        lines += [(wizard_tr(self.WARNING), str(w.row), w.column, w.reason) for w in report.warnings]
        lines += [(wizard_tr(self.NEW_ACCOUNT), "", "", name) for name in report.new_accounts]
        lines += [(wizard_tr(self.UPDATE), str(u.row), ", ".join(u.fields), updates.replace("%1", u.label).replace("%2", u.by))
                  for u in report.updates]
        self._lines = lines
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._lines[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            return wizard_tr(self.HEADINGS[section])
        return None

    def line(self, row: int) -> tuple[str, str, str, str]:
        return self._lines[row]


class CheckPage(QWizardPage):
    """The dry run: what the import will do, row by row where something is wrong."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Check"))
        self.setSubTitle(self.tr("What the import will do. Nothing has been written yet."))
        self.setCommitPage(True)
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.report_model = ReportModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.report_model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.skip_rejected = QCheckBox(self.tr("Skip the rejected rows and import the others"), self)
        self.skip_rejected.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_rejected)
        layout.addStretch()  # keeps the summary at the top while there is no table to show
        self.report: ImportReport | None = None
        self.skippable = False
        self._task: BackgroundTask | None = None

    def initializePage(self) -> None:
        self.report = None
        self.skippable = False
        self.skip_rejected.setChecked(False)
        self.skip_rejected.hide()
        self.report_model.show(ImportReport(self.wizard_.table()))
        self.table.hide()
        self.summary.setText(self.tr("Checking every row…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        task = BackgroundTask(self.wizard_.dry_run_work(), self)
        follow_progress(task, self.progress)
        task.done.connect(self._finished)
        self._task = task
        task.start()

    def _finished(self, report: ImportReport | None, error: BaseException | None) -> None:
        dispose_task(self._task)
        self._task = None
        self.progress.hide()
        if report is not None:
            self._checked(report)
        else:
            self._failed(error)
        self.completeChanged.emit()

    def _checked(self, report: ImportReport) -> None:
        self.report = report
        self._list(report)
        text = report.summary()
        if report.rejections:
            text += "\n" + self.tr("Rows with problems are listed below. Correct the file and import it again, or "
                                   "skip them.")
        elif not self.report_model.rowCount():
            text += "\n" + self.tr("No problems found: every row can be imported as it is.")
        self.summary.setText(text)
        self.skippable = bool(report.rejections) and self.wizard_.table() != ALL
        self.skip_rejected.setVisible(self.skippable)
        self.wizard_.checked.emit(report)

    def _list(self, report: ImportReport) -> None:
        """The report's lines in the table; no table when there is nothing to list."""
        self.report_model.show(report)
        self.table.resizeColumnsToContents()
        self.table.setVisible(self.report_model.rowCount() > 0)

    def _failed(self, error: BaseException | None) -> None:
        self.summary.setText(str(error.report.summary() if isinstance(error, ImportRefused) else error))
        if isinstance(error, ImportRefused):
            self.report = error.report
            self._list(error.report)
        self.wizard_.failed.emit(str(error))

    def isComplete(self) -> bool:
        report = self.report
        if self._task is not None or report is None:
            return False
        if not (report.added or report.updated or report.new_accounts):
            return False
        return not report.rejections or self.skips()

    def skips(self) -> bool:
        """The user chose to import the good rows and skip the rejected ones."""
        return self.skippable and self.skip_rejected.isChecked()

    def cleanupPage(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def stop_checking(self) -> None:
        """Cancel a dry run that is running and wait for its thread to end."""
        if self._task is not None:
            self._task.cancel()
            self._task.wait()
