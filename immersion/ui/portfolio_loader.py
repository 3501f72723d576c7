"""The figures of a large portfolio, computed on a pool thread after the window shows its accounts.

A portfolio of a thousand accounts takes a third of a second to summarise (alignment, overdue actions, last and
next meetings). The window shows the accounts' names and tiers at once and asks for the figures here; the job
opens the workbook again read-only (its own connection, as DESIGN.md asks of work off the GUI thread) and hands
the summaries back in the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from immersion.ui import gc_guard

OUTLINE_FIRST = 300  # portfolios with more accounts show their names first and their figures a moment later


class PortfolioLoader(QObject):
    """Signals:
        loaded(int, object): the request's number and the list of AccountSummary.
        failed(int, str): the request's number and the reason.
    """

    loaded = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc_guard.prepare()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0

    def start(self, path: Path) -> int:
        self.generation += 1
        gc_guard.begin()  # before the thread runs any Python
        self.pool.start(_Job(path, self.generation, self))
        return self.generation

    def wait(self) -> None:
        self.pool.waitForDone()


class _Job(QRunnable):
    def __init__(self, path: Path, generation: int, owner: PortfolioLoader) -> None:
        super().__init__()
        self._path, self._generation, self._owner = path, generation, owner

    def run(self) -> None:
        from immersion.store.errors import WorkbookError
        from immersion.store.queries import portfolio_summary
        from immersion.store.workbook import Workbook

        try:
            with Workbook.open(self._path, read_only=True) as workbook:
                summaries = portfolio_summary(workbook)
        except WorkbookError as error:
            self._owner.failed.emit(self._generation, str(error))
            return
        finally:
            gc_guard.end()
        self._owner.loaded.emit(self._generation, summaries)
