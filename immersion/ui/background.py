"""Work off the GUI thread with progress and Cancel, and small helpers the dialogs that run such work share.

`BackgroundTask` runs a function on its own QThread; the function reports progress through a callback that
raises `ImportCancelled` once the user cancelled, so a transaction in it rolls back. Python's cyclic collector
is paused through `gc_guard` while the task runs (Qt objects must never be collected on the worker thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QWidget

from immersion.store.import_report import ImportCancelled
from immersion.ui import gc_guard


class BackgroundTask(QThread):
    """Runs `work(progress)` on its own thread; `progress(phase, done, total)` raises once `cancel()` was called.

    Signals (delivered on the GUI thread):
        progressed(str, int, int): phase, done, total.
        done(object, object): what `work` returned and the exception it raised (one of them None;
            ImportCancelled after a cancel); emitted once the thread has ended.
    """

    progressed = Signal(str, int, int)
    done = Signal(object, object)

    def __init__(self, work: Callable[[Callable[[str, int, int], None]], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._result: Any = None
        self._error: BaseException | None = None
        self.finished.connect(self._deliver)  # queued: this object lives on the GUI thread

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, phase: str, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise ImportCancelled()
        self.progressed.emit(phase, done, total)

    def start(self, *args: Any) -> None:
        """Start the work, with the cyclic garbage collector paused until every task has ended.

        A collection that happens to run on the worker thread could free Qt objects of the GUI (widgets caught
        in reference cycles), and Qt objects must be destroyed on their own thread: PySide then crashes. With
        the collector paused, cycles are collected later, on the GUI thread; reference counting still frees
        everything else as usual.
        """
        gc_guard.begin()
        super().start(*args)

    def run(self) -> None:
        try:
            self._result = self._work(self._progress)
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread, which reports it
            self._error = error

    def _deliver(self) -> None:
        self.wait()  # `finished` comes just before the thread really ends
        gc_guard.end()
        self.done.emit(self._result, self._error)


def plain_label(text: str, parent: QWidget) -> QLabel:
    """A label for text from a file or a message: never read as HTML (a column may be called "<b>")."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def path_row(parent: QWidget, browse: Callable[[], object]) -> tuple[QLineEdit, QHBoxLayout]:
    """Where a file goes: a path field and its Browse… button (which calls `browse`), in one row."""
    edit = QLineEdit(parent)
    button = QPushButton(QCoreApplication.translate("Dialogs", "Browse…"), parent)
    button.clicked.connect(browse)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return edit, row


def dispose_task(task: BackgroundTask | None) -> None:
    """Let go of a task whose thread has ended (its parent, the page or dialog, deletes it with itself)."""
    if task is not None:
        task.wait()


def follow_progress(task: BackgroundTask, bar: QProgressBar, step: Callable[[str], object] | None = None) -> None:
    """Show the task's progress on the bar (busy while the total is unknown, then done of total), and each
    step's name through `step` when given."""

    def show(name: str, done: int, total: int) -> None:
        if total <= 0:
            bar.setRange(0, 0)
        else:
            bar.setRange(0, total)
            bar.setValue(done)
        if step is not None:
            step(name)

    task.progressed.connect(show)
