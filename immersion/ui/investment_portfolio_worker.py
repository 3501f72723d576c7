"""Computing the portfolio table off the GUI thread, with its own read-only connection to the workbook.

A first computation imports pandas and, on a large portfolio, adds up thousands of rows: longer than a blink,
so it runs on a `QThreadPool` thread (DESIGN.md: work that can take longer than ~50 ms leaves the GUI thread).
The job opens the workbook file again read-only (`Workbook.open(path, read_only=True)`), never touching the
GUI's connection, and reports progress, its result or its failure through `TableJobSignals`, tagged with the
request's generation so that a page ignores answers to questions it no longer asks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from immersion.store.errors import WorkbookError
from immersion.store.portfolio_table import Window


class TableJobSignals(QObject):
    """What a job reports; lives in the GUI thread, so its signals arrive there queued.

    Signals:
        progress(int, int, str): generation, percent done, the step being done.
        finished(int, object): generation, the `PortfolioTable`.
        failed(int, str): generation, the reason for the user.
    """

    progress = Signal(int, int, str)
    finished = Signal(int, object)
    failed = Signal(int, str)


class TableJob(QRunnable):
    """Compute `portfolio_table()` for the workbook at `path` on a pool thread.

    Args:
        path: the workbook file.
        window: the periods to cover.
        alignment: the accounts' alignment indexes, as the GUI already knows them.
        generation: the request's number, sent back with every report.
        signals: where to report.
        current: returns the newest generation; a job that is no longer wanted does not start.
    """

    def __init__(self, path: Path, window: Window, alignment: Mapping[str, float | None], generation: int,
                 signals: TableJobSignals, current: Callable[[], int]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._path = path
        self._window = window
        self._alignment = dict(alignment)
        self._generation = generation
        self._signals = signals
        self._current = current

    def run(self) -> None:
        from immersion.ui import gc_guard

        try:
            self._run()
        finally:
            gc_guard.end()  # the page called gc_guard.begin() when it started this job

    def _run(self) -> None:
        generation, signals = self._generation, self._signals
        if self._current() != generation:
            return  # a newer request is queued behind this one
        try:
            from immersion.store.portfolio_table import portfolio_table
            from immersion.store.workbook import Workbook

            workbook = Workbook.open(self._path, read_only=True)
            try:
                table = portfolio_table(workbook, self._window, self._alignment,
                                        progress=lambda percent, step: signals.progress.emit(generation, percent,
                                                                                             step))
            finally:
                workbook.close()
        except WorkbookError as error:
            signals.failed.emit(generation, str(error))
            return
        except Exception as error:  # noqa: BLE001 - a failed computation is reported, never lost in a thread
            signals.failed.emit(generation, f"{type(error).__name__}: {error}")
            return
        signals.finished.emit(generation, table)
