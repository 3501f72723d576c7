"""What the main window does when the file under an open workbook is in trouble, or is shared.

- A large workbook's page check runs in the background after it is shown (`ui/integrity.py`); damage found
  there reopens it read-only and says so.
- A write the file refuses (a full disk, a folder made read-only meanwhile) reopens it read-only, so that
  everything saved stays in view and no further edit is lost on the way.
- A workbook in a folder synced by Dropbox, OneDrive, iCloud or Google Drive gets one warning.

The window owns one guard and tells it when a workbook was opened (`opened`) and when a write failed
(`write_failed`); the guard answers through the window's own `open_workbook` and `report`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from immersion.ui import dialogs

if TYPE_CHECKING:
    from immersion.store.workbook import Workbook
    from immersion.ui.integrity import IntegrityCheck
    from immersion.ui.main_window import MainWindow


class WorkbookGuard(QObject):
    """Watches the open workbook's file for the window (see the module's text)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.reopening = False  # a refused write is reopening the workbook read-only
        self._integrity_check: IntegrityCheck | None = None

    def opened(self, workbook: Workbook) -> None:
        """A workbook was just opened: warn once if it is in a synced folder, check a large one's pages."""
        self._warn_if_synced(workbook.path)
        if workbook.integrity_unchecked:
            self._integrity().start(workbook.path)

    def wait(self) -> None:
        """Let a running check finish (before the window closes)."""
        if self._integrity_check is not None:
            self._integrity_check.wait()

    # -- damage found in the background ----------------------------------------------------------------------------

    def _integrity(self) -> IntegrityCheck:
        if self._integrity_check is None:
            from immersion.ui.integrity import IntegrityCheck  # only a large workbook needs it

            self._integrity_check = IntegrityCheck(self)
            self._integrity_check.damaged.connect(self._found_damage)
        return self._integrity_check

    def _found_damage(self, path: str, problem: str) -> None:
        """The background check found damage in the open workbook: stop writing to it, and say so."""
        workbook = self.window.workbook
        if workbook is None or str(workbook.path) != path:
            return
        if not workbook.read_only:
            self.window.open_workbook(workbook.path, read_only=True)
        self.window.report(self.tr("The workbook is damaged"),
                           problem + "\n\n" + self.tr("It stays open read-only so that you can save a copy of what "
                                                       "can still be read; File → Backups… restores an earlier state."))

    # -- a write refused -------------------------------------------------------------------------------------------

    def write_failed(self, message: str) -> None:
        """The file refused a write (full disk, read-only now): nothing of the edit was written. Reopen the
        workbook read-only so that everything saved stays in view and no further edit is lost on the way."""
        if self.window.workbook is None or self.reopening:
            return
        self.reopening = True
        QTimer.singleShot(0, lambda: self._reopen_read_only(message))

    def _reopen_read_only(self, message: str) -> None:
        workbook = self.window.workbook
        path = workbook.path if workbook is not None else None
        try:
            if path is not None and self.window.open_workbook(path, read_only=True):
                self.window.report(
                    self.tr("The workbook is now read-only"),
                    message + "\n\n" + self.tr("Everything saved before is kept, and “%1” stays open read-only. "
                                                "Free some space or fix the folder, then open it again to edit.")
                    .replace("%1", path.name),
                )
        finally:
            self.reopening = False

    # -- a synced folder -------------------------------------------------------------------------------------------

    def _warn_if_synced(self, path: Path) -> None:
        """A workbook in a Dropbox/OneDrive/iCloud/Google Drive folder gets one warning (per workbook)."""
        from immersion.paths import cloud_service

        service = cloud_service(path)
        settings = self.window.settings
        if service is None or settings.warned("cloud", path):
            return
        settings.set_warned("cloud", path)
        message = self.tr(
            "“%1” is in a folder synced by %2. Immersion saves every edit at once, so the file is always complete; "
            "but if it is edited on two computers before %2 has synced, %2 keeps two copies and edits in one of "
            "them will not be in the other. Edit it on one computer at a time, or keep it in a folder that is not "
            "synced and use File → Save a Copy to share it."
        ).replace("%1", path.name).replace("%2", service)
        self.window.statusBar().showMessage(
            self.tr("“%1” is in a %2 folder").replace("%1", path.name).replace("%2", service))
        if self.window.interactive:
            QTimer.singleShot(0, lambda: dialogs.show_warning(self.window, self.tr("A Synced Folder"), message))
