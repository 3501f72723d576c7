"""The page-level check of a large workbook, run on a pool thread after the window shows it.

Opening a workbook checks its header and tables at once; `PRAGMA quick_check` reads every page, which takes
seconds on a file of hundreds of megabytes, so for those it runs here, on a connection of its own, while the
user already works. If it finds damage the window is told (`damaged`), says so and keeps the workbook open
read-only, so nothing more is written into a damaged file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from immersion.ui import gc_guard


class IntegrityCheck(QObject):
    """Starts checks and reports their findings in the GUI thread.

    Signals:
        damaged(str, str): the workbook's path and the problem, for the user.
        checked(str): the workbook's path; no problem was found.
    """

    damaged = Signal(str, str)
    checked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc_guard.prepare()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def start(self, path: Path) -> None:
        gc_guard.begin()  # before the thread runs any Python
        self.pool.start(_Job(path, self))

    def wait(self) -> None:
        self.pool.waitForDone()


class _Job(QRunnable):
    def __init__(self, path: Path, owner: IntegrityCheck) -> None:
        super().__init__()
        self._path = path
        self._owner = owner

    def run(self) -> None:
        from immersion.store.workbook import check_integrity

        try:
            problem = check_integrity(self._path)
            if problem:
                self._owner.damaged.emit(str(self._path), problem)
            else:
                self._owner.checked.emit(str(self._path))
        finally:
            gc_guard.end()
