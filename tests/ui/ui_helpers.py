"""What the UI tests share: a page shown the way the workspace shows it, and a window with a workbook open.

The test files here import it as `from ui_helpers import ...`: this folder has no `__init__.py`, so pytest puts
it on `sys.path` for them (as tests/faults does for `corpus`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from immersion.store import queries
from immersion.store.queries import AccountSummary
from immersion.store.workbook import Workbook
from immersion.ui.edit_session import EditSession
from immersion.ui.main_window import MainWindow
from immersion.ui.pages import PageContext
from immersion.ui.settings import Settings


def account_summary(wb: Workbook, account: str) -> AccountSummary:
    """The portfolio's summary of `account`, as the window hands it to a page."""
    return next(a for a in queries.portfolio_summary(wb) if a.id == account)


def show_active(qtbot: QtBot, widget: QWidget, size: tuple[int, int]) -> None:
    """Show `widget` at `size` as the active window: keys go where the focus is, as for a user."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def show_on(qtbot: QtBot, page: QWidget, session: EditSession, context: PageContext,
            size: tuple[int, int] = (1280, 800)) -> None:
    """Show `page` (active), then on `context`, and on it again after every edit of `session`, as the workspace
    does."""
    show_active(qtbot, page, size)
    session.changed.connect(lambda _changes: page.show_context(context))  # what the workspace does
    page.show_context(context)


def refresh_then_show(qtbot: QtBot, page: QWidget, session: EditSession | None, refresh: Callable[[], None],
                      size: tuple[int, int]) -> None:
    """`refresh` the page now and after every edit of `session` (None: read-only), as the window does, then
    show it (active)."""
    if session is not None:
        session.changed.connect(lambda _changes: refresh())
    refresh()
    show_active(qtbot, page, size)


def open_on_account(qtbot: QtBot, wb: Workbook, page: QWidget, account: str, read_only: bool = False,
                    size: tuple[int, int] = (1280, 800)) -> tuple[EditSession, PageContext]:
    """Show `page` on `account` of `wb` with a new edit session, which the context leaves out when
    `read_only`; the page is shown on the context again after every edit of the session."""
    session = EditSession(wb)
    context = PageContext(wb, account=account_summary(wb, account), session=None if read_only else session)
    show_on(qtbot, page, session, context, size)
    return session, context


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path, read_only: bool = False) -> None:
    """Open the workbook at `path` in `window` and wait until the window is ready with it."""
    with qtbot.waitSignal(window.ready, timeout=10_000):
        assert window.open_workbook(path, read_only=read_only)


def open_in_window(qtbot: QtBot, path: Path, read_only: bool = False) -> MainWindow:
    """A new main window, shown, that has opened the workbook at `path` and is ready."""
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    open_and_wait(qtbot, window, path, read_only)
    return window
