"""The import wizard's last page: the import itself on a worker thread, with a progress bar, Cancel (which
rolls the whole import back) and the outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from immersion.store.import_report import ImportCancelled, ImportReport
from immersion.ui.background import BackgroundTask, dispose_task, follow_progress, plain_label

if TYPE_CHECKING:
    from immersion.ui.import_wizard import ImportWizard


class ImportPage(QWizardPage):
    """The import itself, with its progress and the outcome."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Import"))
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel Import"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)
        self.task: BackgroundTask | None = None
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.status.setText(self.tr("Importing… The workbook is changed only when every row is in."))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        task = BackgroundTask(self.wizard_.import_work(), self)
        follow_progress(task, self.progress)
        task.done.connect(self._finished)
        self.task = task
        self.wizard_.set_busy(True)
        task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
            self.task.cancel()

    def _finished(self, result: tuple[ImportReport, Any] | None, error: BaseException | None) -> None:
        dispose_task(self.task)
        self.task = None
        self.done = True
        self.cancel_button.setEnabled(False)
        self.wizard_.set_busy(False)
        if result is not None:
            self._imported(result)
        else:
            self._failed(error)
        self.completeChanged.emit()

    def _imported(self, result: tuple[ImportReport, Any]) -> None:
        report, changes = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("Imported: %1.").replace("%1", report.summary()))
        self.wizard_.imported(report, changes)

    def _failed(self, error: BaseException | None) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, ImportCancelled):
            self.status.setText(self.tr("The import was cancelled. Nothing was changed."))
            self.wizard_.cancelled.emit()
        else:
            self.status.setText(self.tr("Nothing was imported: %1").replace("%1", str(error)))
            self.wizard_.failed.emit(str(error))

    def isComplete(self) -> bool:
        return self.done
