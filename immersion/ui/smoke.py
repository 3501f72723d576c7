"""`immersion --smoke-test`: visit every registered page, save a picture of each, fail on any error.

Any Python exception (through `sys.excepthook`, which PySide6 calls for exceptions in slots) and any Qt warning
or critical message counts as a failure, except the offscreen platform's note about size hints, which is about
the platform plugin and not about us.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from immersion.ui.pages import Scope, pages

if TYPE_CHECKING:
    from immersion.ui.main_window import MainWindow

IGNORED_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_FAILING = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}


class SmokeTest:
    """Collects problems while the app runs and walks through the pages once the portfolio is ready.

    Args:
        screenshots: folder for one PNG per page (`overview.png`); no pictures when None.
        out: where progress is printed.
    """

    def __init__(self, screenshots: Path | None = None, out: TextIO | None = None) -> None:
        self.screenshots = screenshots
        self.out = out or sys.stdout
        self.problems: list[str] = []
        self.visited: list[str] = []
        self._previous_handler: object = None
        self._previous_hook = sys.excepthook

    def install(self) -> None:
        """Start listening to Qt messages and uncaught exceptions (call before the QApplication exists)."""
        self._previous_handler = qInstallMessageHandler(self._on_message)
        self._previous_hook = sys.excepthook
        sys.excepthook = self._on_exception

    def uninstall(self) -> None:
        """Give Qt messages and exceptions back to whoever had them before."""
        qInstallMessageHandler(self._previous_handler)  # type: ignore[arg-type]
        sys.excepthook = self._previous_hook

    def _on_message(self, kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind not in _FAILING:
            return
        if any(ignored in message for ignored in IGNORED_MESSAGES):
            return
        self.problems.append(f"Qt {kind.name.removeprefix('Qt').removesuffix('Msg').lower()}: {message}")
        print(f"smoke test: {self.problems[-1]}", file=sys.stderr)

    def _on_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        self.problems.append(f"{kind.__name__}: {value}")
        traceback.print_exception(kind, value, tb, file=sys.stderr)

    def _extra_views(self, window: MainWindow, name: str) -> None:
        """Visit the page's other views (the ideas table, the touchpoints …) and picture each."""
        page = window.workspace.page_widget(name)
        views = page.extra_views() if page is not None else []
        for suffix, show in views:
            show()
            _settle()
            if suffix == views[-1][0]:
                break  # the last entry puts the default view back; it was pictured already
            line = f"visited {name}-{suffix}"
            if self.screenshots is not None:
                target = self.screenshots / f"{name}-{suffix}.png"
                if not _shoot(window, target):
                    self.problems.append(f"page {name}-{suffix}: could not save {target}")
                line += f" → {target}"
            print(line, file=self.out)

    def run(self, window: MainWindow) -> int:
        """Show every page in turn, saving a picture of the window for each.

        Returns:
            0 when nothing went wrong, 1 otherwise.
        """
        for spec in pages():
            try:
                if spec.scope == Scope.PORTFOLIO:
                    window.show_portfolio()
                    window.workspace.show_page(spec.name)
                else:
                    if not window.summaries():
                        print(f"skipped {spec.name}: the workbook has no accounts", file=self.out)
                        continue
                    window.show_account_page(spec.name)
                _settle()
                _wait_while_busy(window.workspace.page_widget(spec.name))
                shown = window.workspace.current_page_name()
                if shown != spec.name:
                    self.problems.append(f"page {spec.name}: the workspace shows {shown or 'nothing'} instead")
                    continue
                line = f"visited {spec.name} ({spec.display_title()})"
                if self.screenshots is not None:
                    target = self.screenshots / f"{spec.name}.png"
                    if not window.grab().save(str(target)):
                        self.problems.append(f"page {spec.name}: could not save {target}")
                    line += f" → {target}"
                self.visited.append(spec.name)
                print(line, file=self.out)
                self._extra_views(window, spec.name)
            except Exception as error:  # noqa: BLE001 - a smoke test reports every failure and goes on
                self.problems.append(f"page {spec.name}: {type(error).__name__}: {error}")
                traceback.print_exc(file=sys.stderr)
        if self.problems:
            print(f"smoke test failed: {len(self.problems)} problem(s)", file=self.out)
            for problem in self.problems:
                print(f"  - {problem}", file=self.out)
            return 1
        print(f"smoke test passed: {len(self.visited)} page(s)", file=self.out)
        return 0


def _shoot(window: object, target: Path) -> bool:
    return window.grab().save(str(target))  # type: ignore[attr-defined]


def _wait_while_busy(page: object, seconds: float = 20.0) -> None:
    """Let a page that computes in the background finish, so its picture shows the result."""
    import time

    deadline = time.monotonic() + seconds
    while page is not None and page.is_busy() and time.monotonic() < deadline:  # type: ignore[attr-defined]
        QApplication.processEvents()
        time.sleep(0.01)
    _settle()


def _settle() -> None:
    """Let layouts, deferred deletes and paints run, as they would between two user actions."""
    for _ in range(3):
        QApplication.processEvents()
