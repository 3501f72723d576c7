"""File → Backups…: the open workbook's backups, newest first; take one now or restore one.

Restoring closes the workbook (so that its lock and connection are released), replaces the file through
`store.backups.restore_backup` — which first backs up the current state, so a restore can itself be undone —
and opens it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from immersion.store import backups
from immersion.store.errors import WorkbookError
from immersion.ui import dialogs, formatting

if TYPE_CHECKING:
    from immersion.ui.main_window import MainWindow


class BackupsDialog(QDialog):
    """Lists backups of the window's workbook and restores the one chosen."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(self.tr("Backups"))
        self.resize(560, 380)
        assert window.workbook is not None
        self.path = window.workbook.path
        intro = QLabel(self.tr("Backups of “%1”, newest first. Immersion keeps the last ten; one is taken before "
                               "every upgrade and every restore.").replace("%1", self.path.name), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Backups"))
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.back_up = QPushButton(self.tr("Back Up Now"), self)
        self.back_up.clicked.connect(self.back_up_now)
        self.restore = QPushButton(self.tr("Restore…"), self)
        self.restore.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.back_up, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for backup in backups.list_backups(self.path):
            item = QListWidgetItem(f"{backup.label()}   ·   {formatting.number_text(backup.size / 1e6, 1)} MB")
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(self.tr("No backups yet."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.restore.setEnabled(self.list.currentItem() is not None
                                and self.list.currentItem().data(Qt.ItemDataRole.UserRole) is not None)

    def back_up_now(self) -> None:
        workbook = self.window_.workbook
        if workbook is None:
            return
        try:
            taken = backups.make_backup(workbook.conn, workbook.path, reason="manual")
        except WorkbookError as error:
            dialogs.show_error(self, self.tr("The backup could not be written"), str(error))
            return
        self.window_.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", taken.path.name))
        self.refresh()

    def restore_selected(self) -> bool:
        item = self.list.currentItem()
        source = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if source is None:
            return False
        text = self.tr("Replace “%1” with the backup of %2? The current state is backed up first, so you can "
                       "go back to it from this list.").replace("%1", self.path.name).replace("%2", item.text())
        if not dialogs.confirm(self, self.tr("Restore Backup"), text, self.tr("Restore")):
            return False
        from pathlib import Path

        read_only = self.window_.workbook.read_only if self.window_.workbook else False
        self.window_.close_workbook()
        try:
            backups.restore_backup(Path(source), self.path)
        except WorkbookError as error:
            dialogs.show_error(self, self.tr("The backup could not be restored"), str(error))
            self.window_.open_workbook(self.path, read_only)
            return False
        self.window_.open_workbook(self.path, read_only)
        self.window_.statusBar().showMessage(self.tr("Restored %1 from the backup of %2")
                                             .replace("%1", self.path.name).replace("%2", item.text()))
        self.accept()
        return True
