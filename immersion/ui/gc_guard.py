"""Keep Python's cyclic garbage collector off worker threads while they run, and the GUI thread responsive.

The collector runs on whichever thread happens to allocate when a threshold is crossed. If it frees Qt objects
there — widgets left in a reference cycle by the GUI thread — Qt deletes them on the wrong thread and the
process crashes (seen with the portfolio table's pandas work on a pool thread). So while any worker runs
Python code, automatic collection is off; when the last one is done, the GUI thread turns it back on and
collects. Reference counting still frees everything that is not in a cycle meanwhile.

A worker running Python also holds the interpreter lock for up to Python's switch interval (5 ms) each time the
GUI thread wants it back, which it does after every call into Qt: painting a large sidebar beside the
portfolio's figures took 20 to 90 ms. While workers run, the interval is `GUI_SWITCH_INTERVAL`, so that the
GUI thread waits half a millisecond at most.

Call `begin()` on the GUI thread just before starting a worker and `end()` when it is done (or use
`with worker_gc_paused():` around a worker's body). The first use must happen after the QApplication exists
(the keeper lives in the GUI thread).
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QObject, Signal

GUI_SWITCH_INTERVAL = 0.0005  # seconds a worker may keep the interpreter while the GUI thread waits for it


class _Keeper(QObject):
    """Lives in the GUI thread; a signal from a worker reaches it queued, so the collection runs there."""

    worker_done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.running = 0
        self.lock = threading.Lock()
        self.was_enabled = gc.isenabled()
        self.switch_interval = sys.getswitchinterval()  # Python's own, put back when no worker runs
        self.worker_done.connect(self._restore)

    def _restore(self) -> None:
        with self.lock:
            if self.running:
                return
            sys.setswitchinterval(self.switch_interval)
            if not self.was_enabled:
                return
            gc.enable()
        gc.collect()


_KEEPER: _Keeper | None = None
_MADE = threading.Lock()


def _keeper() -> _Keeper:
    global _KEEPER
    with _MADE:
        if _KEEPER is None:
            keeper = _Keeper()
            app = QCoreApplication.instance()
            if app is not None:
                keeper.moveToThread(app.thread())
            _KEEPER = keeper
        return _KEEPER


def prepare() -> None:
    """Create the keeper in the GUI thread (call once there before starting workers)."""
    _keeper()


def begin() -> None:
    """A worker is about to start: automatic collection goes off. Call it on the GUI thread, before the
    worker's thread runs any Python, so that no collection can happen there first."""
    keeper = _keeper()
    with keeper.lock:
        if keeper.running == 0:
            keeper.was_enabled = gc.isenabled() or keeper.was_enabled
            sys.setswitchinterval(GUI_SWITCH_INTERVAL)
        keeper.running += 1
        gc.disable()


def end() -> None:
    """A worker is done (from any thread); the GUI thread collects when none is left."""
    keeper = _keeper()
    with keeper.lock:
        keeper.running -= 1
    try:
        keeper.worker_done.emit()
    except RuntimeError:  # the application is gone (a job outlived it at exit): nothing left to collect for
        pass


@contextlib.contextmanager
def worker_gc_paused() -> Iterator[None]:
    """`begin()` … `end()` around a block (when the worker cannot be announced before it starts)."""
    begin()
    try:
        yield
    finally:
        end()
