"""The main window: the portfolio sidebar beside the workspace, the menus, and opening and closing workbooks.

The window owns the open `Workbook` and hands it to pages through a `PageContext`; widgets never hold a
connection. Startup is two-step: the window is shown empty, and the workbook is opened right after the first
paint (`open_startup`), so the window appears before any workbook work is done. `ready` is emitted once the
portfolio is in the sidebar and painted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter

from immersion import APP_NAME
from immersion.store.errors import (
    SearchIndexMissing,
    WorkbookError,
    WorkbookLocked,
    WorkbookMissing,
    WorkbookReadOnly,
    WorkbookTooNew,
)
from immersion.store.workbook import Workbook
from immersion.ui import dialogs, formatting, menus
from immersion.ui import pages as registry
from immersion.ui.file_arrival import dropped_workbooks
from immersion.ui.pages import PageContext, Scope, Target
from immersion.ui.settings import Settings
from immersion.ui.sidebar import PortfolioSidebar
from immersion.ui.workbook_guard import WorkbookGuard
from immersion.ui.workspace import Workspace

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent

    from immersion.store.edits import Changes
    from immersion.store.queries import AccountSummary
    from immersion.ui.edit_session import EditSession

READY_FALLBACK_MS = 1000
BACKGROUND_FALLBACK_MS = 200  # a window that is not painted (minimised) starts its background work after this


class MainWindow(QMainWindow):
    """The Immersion main window.

    Args:
        settings: where recent files and the window layout are kept.
        interactive: when False (smoke tests, `--quit-when-ready`), problems are reported through
            `open_failed` instead of message boxes.

    Signals:
        first_painted(): the window has been painted for the first time.
        ready(): the portfolio of a newly opened workbook is loaded and painted.
        open_failed(str): a workbook could not be opened; the argument is the user sentence.
        workbook_changed(): a workbook was opened or closed.
    """

    first_painted = Signal()
    ready = Signal()
    open_failed = Signal(str)
    workbook_changed = Signal()

    def __init__(self, settings: Settings | None = None, interactive: bool = True) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.interactive = interactive
        self.workbook: Workbook | None = None
        self.session: EditSession | None = None  # None while no workbook, or a read-only one, is open
        self.guard = WorkbookGuard(self)
        self._portfolio_loader = None
        self._loading = 0  # the number of the figures request still out, or 0
        self._background_pending: tuple[Path, bool] | None = None  # (workbook, figures to compute) after the paint
        self._touched_since_outline: set[str] = set()
        self.undo_group = QUndoGroup(self)
        self._summaries: tuple[AccountSummary, ...] = ()
        self._painted = False
        self._ready_pending = False
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)

        self.sidebar = PortfolioSidebar(self)
        self.actions_ = menus.WindowActions(self)
        self.workspace = Workspace(self.actions_.welcome(), self)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.setCentralWidget(self.splitter)
        self.read_only_label = QLabel(self.tr("Read-only"), self)
        self.read_only_label.setToolTip(self.tr("Changes to this workbook cannot be saved."))
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.read_only_label.hide()

        self._build_toolbar()
        self.recent_menu = self.actions_.build_menus(self.menuBar())
        self.sidebar.account_changed.connect(self._account_changed)
        self._restore_layout()
        self._refresh_recent()
        self._update_state()

    def _build_toolbar(self) -> None:
        """A slim bar above the workspace holding the search field, right-aligned."""
        from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

        from immersion.ui.search_box import SearchBox

        bar = QToolBar(self.tr("Search"), self)
        bar.setObjectName("SearchBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search_box = SearchBox(self.navigate, self)
        bar.addWidget(self.search_box)
        self.addToolBar(bar)
        self.search_box.setEnabled(False)

    def focus_search(self) -> None:
        self.search_box.focus_search()

    # -- opening and closing -------------------------------------------------------------------------------------

    def open_startup(self, path: Path, read_only: bool = False, create_demo: bool = False) -> bool:
        """Open the workbook the app was started with, creating the demo workbook first when asked."""
        if create_demo and not path.exists():
            self.statusBar().showMessage(self.tr("Creating the demo workbook…"))
            self.repaint()
            try:
                with menus.busy():
                    from immersion.store.demo import write_demo

                    write_demo(path)
            except (WorkbookError, OSError) as error:
                self.report(self.tr("The demo workbook could not be created"), str(error))
                return False
        return self.open_workbook(path, read_only)

    def open_workbook(self, path: Path | str, read_only: bool = False, repair_index: bool = False) -> bool:
        """Open `path` in place of the current workbook; on failure the current one stays open.

        Returns:
            Whether the workbook is now open.
        """
        path = Path(path).absolute()
        current = self.workbook
        if current is not None and current.path.resolve() == path.resolve():
            if current.read_only == read_only or (read_only is False and current.read_only_reason):
                self.statusBar().showMessage(self.tr("“%1” is already open.").replace("%1", path.name))
                return True
            self._close_workbook()  # switching between read-only and read-write: our own lock is in the way
        try:
            with menus.busy():
                workbook = Workbook.open(path, read_only=read_only, repair_index=repair_index)
        except SearchIndexMissing as error:
            choice = dialogs.ask_repair_index(self, self.tr("Rebuild the Search Index?"), str(error)) \
                if self.interactive else ""
            if choice == "rebuild":
                return self.open_workbook(path, repair_index=True)
            if choice == "read-only":
                return self.open_workbook(path, read_only=True)
            self.report(self.tr("The workbook could not be opened"), str(error))
            return False
        except (WorkbookLocked, WorkbookTooNew, WorkbookReadOnly) as error:
            if not read_only and self.interactive and dialogs.ask_open_read_only(
                self, self.tr("Open Read-Only?"), str(error)
            ):
                return self.open_workbook(path, read_only=True)
            self.report(self.tr("The workbook could not be opened"), str(error))
            return False
        except WorkbookError as error:
            if isinstance(error, WorkbookMissing):
                self.settings.remove_recent(path)
                self._refresh_recent()
            self.report(self.tr("The workbook could not be opened"), str(error))
            return False
        outline = False
        try:
            with menus.busy():
                from immersion.store.queries import account_count, portfolio_outline
                from immersion.ui.portfolio_loader import OUTLINE_FIRST

                outline = account_count(workbook) > OUTLINE_FIRST
                summaries = (portfolio_outline(workbook, self.tr("Computing…")) if outline
                             else self._load_summaries(workbook))
        except WorkbookError as error:
            workbook.close()
            self.report(self.tr("The workbook could not be read"), str(error))
            return False
        self._close_workbook()
        self.workbook = workbook
        if not workbook.read_only:
            from immersion.ui.edit_session import EditSession

            self.session = EditSession(workbook, self)
            self.session.changed.connect(self._edited)
            self.session.write_failed.connect(self.guard.write_failed)
            self.session.failed.connect(self._edit_failed)
            self.undo_group.addStack(self.session.undo_stack)
            self.undo_group.setActiveStack(self.session.undo_stack)
        self._summaries = tuple(summaries)
        self.search_box.set_workbook(workbook)
        self.settings.add_recent(path)
        self._refresh_recent()
        self.sidebar.set_summaries(self._summaries)
        self._show_selection()
        self._update_state()
        count = len(self._summaries)
        self.statusBar().showMessage(
            self.tr("Opened %1 — %2").replace("%1", path.name).replace(
                "%2", self.tr("1 account") if count == 1 else self.tr("%1 accounts").replace("%1", formatting.count_text(count))
            )
        )
        self.workbook_changed.emit()
        if outline:  # the figures follow from a pool thread; "ready" waits for them
            self._touched_since_outline = set()
            self.statusBar().showMessage(self.statusBar().currentMessage() + self.tr(" — computing the figures…"))
        else:
            QTimer.singleShot(0, self._emit_ready)
        self._background_pending = (workbook.path, outline)
        QTimer.singleShot(BACKGROUND_FALLBACK_MS, self._start_background)
        return True

    def _start_background(self) -> None:
        """Start what the opened workbook needs in the background (the figures of a large portfolio, the page
        check of a large file, the synced-folder warning) once its accounts are on screen: worker threads take
        turns with this one, and would slow drawing them."""
        pending, self._background_pending = self._background_pending, None
        if pending is None or self.workbook is None or self.workbook.path != pending[0]:
            return
        if pending[1]:
            self._loading = self._loader().start(pending[0])
        self.guard.opened(self.workbook)

    def _loader(self):  # noqa: ANN202 - PortfolioLoader
        if self._portfolio_loader is None:
            from immersion.ui.portfolio_loader import PortfolioLoader

            self._portfolio_loader = PortfolioLoader(self)
            self._portfolio_loader.loaded.connect(self._figures_loaded)
            self._portfolio_loader.failed.connect(self._figures_failed)
        return self._portfolio_loader

    def _figures_loaded(self, generation: int, summaries: list) -> None:  # noqa: ANN001
        if generation != self._loading or self.workbook is None:
            return  # an answer for a workbook that is no longer open
        self._loading = 0
        current = {s.id: s for s in self._summaries}
        fresh = [current[s.id] if s.id in self._touched_since_outline and s.id in current else s
                 for s in summaries if s.id in current]  # edits made meanwhile were summarised already
        self._summaries = tuple(fresh)
        self.sidebar.set_summaries(self._summaries)
        self._show_selection()
        self.statusBar().showMessage(self.tr("Figures of %1 accounts computed").replace("%1", str(len(fresh))), 4000)
        QTimer.singleShot(0, self._emit_ready)

    def _figures_failed(self, generation: int, message: str) -> None:
        if generation == self._loading:
            self._loading = 0
            self.report(self.tr("The workbook could not be read"), message)

    def refresh_portfolio(self) -> None:
        """Reload the portfolio summary after the workbook changed (for pages that edit it)."""
        if self.workbook is None:
            return
        self._summaries = tuple(self._load_summaries(self.workbook))
        self.sidebar.set_summaries(self._summaries)
        self._show_selection()

    def close_workbook(self) -> None:
        """Close the open workbook; the window shows the welcome panel."""
        if self.workbook is None:
            return
        name = self.workbook.path.name
        self._close_workbook()
        self.search_box.set_workbook(None)
        self.sidebar.set_summaries(())
        self._show_selection()
        self._update_state()
        self.statusBar().showMessage(self.tr("Closed %1").replace("%1", name))
        self.workbook_changed.emit()

    def _close_workbook(self) -> None:
        self.workspace.flush()  # the last seconds of typing go into the file before it closes
        self._loading = 0  # an answer still on its way belongs to this workbook: it will be ignored
        if self.session is not None:
            self.undo_group.removeStack(self.session.undo_stack)
            self.session.deleteLater()
            self.session = None
        if self.workbook is not None:
            self.workbook.close()
            self.workbook = None
            self._summaries = ()

    @staticmethod
    def _load_summaries(workbook: Workbook) -> list[AccountSummary]:
        # Imported here: the queries pull in the domain, which the empty first window does not need.
        from immersion.store.queries import portfolio_summary

        return portfolio_summary(workbook)

    def report(self, title: str, message: str) -> None:
        """Tell the user something did not work: the status bar, a message box when interactive, and
        `open_failed` for headless runs."""
        self.statusBar().showMessage(message)
        if self.interactive:
            dialogs.show_error(self, title, message)
        self.open_failed.emit(message)

    def _emit_ready(self) -> None:
        # "ready" promises a painted portfolio, not just a filled model: emitted after the next paint.
        if self.isVisible() and not self.isMinimized():
            self._ready_pending = True
            self.update()
            QTimer.singleShot(READY_FALLBACK_MS, self._ready_without_paint)
        else:
            self.ready.emit()

    def _ready_without_paint(self) -> None:
        """A window that is shown but never exposed (another desktop) gets no paint; be ready anyway."""
        if self._ready_pending:
            self._ready_pending = False
            self.ready.emit()

    # -- selection and pages -------------------------------------------------------------------------------------

    def summaries(self) -> tuple[AccountSummary, ...]:
        return self._summaries

    def _account_changed(self, _account_id: str | None) -> None:
        self._show_selection()

    def _show_selection(self) -> None:
        account_id = self.sidebar.current_account_id()
        account = next((item for item in self._summaries if item.id == account_id), None)
        self.workspace.set_context(
            PageContext(self.workbook, self._summaries, account, self.session, self.navigate)
        )
        self.actions_.update_pages(self.workbook is not None, account is not None)

    def show_portfolio(self) -> None:
        self.sidebar.clear_selection()

    def navigate(self, target: Target) -> None:
        """Show `target`: select its account (or none, for a portfolio page), its page, then its item."""
        try:
            spec = registry.page(target.page)
        except KeyError:
            self.statusBar().showMessage(self.tr("That page is not available in this version."))
            return
        if spec.scope == Scope.PORTFOLIO:
            self.sidebar.clear_selection()
        elif target.account_id is not None and target.account_id != self.sidebar.current_account_id():
            if not self.sidebar.select_account(target.account_id):
                self.statusBar().showMessage(self.tr("That account no longer exists."))
                return
        if spec.scope == Scope.ACCOUNT and self.sidebar.current_account_id() is None:
            return
        page = self.workspace.show_page(target.page)
        if target.row_id and not page.focus_item(target.table, target.row_id):
            self.statusBar().showMessage(self.tr("That item no longer exists."))

    def _edit_failed(self, message: str) -> None:
        if not self.guard.reopening:  # a write failure says it all when it reopens the workbook
            self.report(self.tr("The change was not saved"), message)

    def _edited(self, changes: Changes) -> None:
        """An edit, undo or redo wrote rows: refresh the accounts it touched, then the pages."""
        if self.workbook is None:
            return
        if "accounts" in changes.tables() and any(c.op != "update" for c in changes.items if c.table == "accounts"):
            self._summaries = tuple(self._load_summaries(self.workbook))  # accounts came or went
        else:
            from immersion.store.edits import touched_accounts

            touched = touched_accounts(self.workbook, changes) & {s.id for s in self._summaries}
            self._touched_since_outline |= touched  # a figures request still out must not undo these
            if touched:
                from immersion.store.queries import portfolio_summary

                fresh = {s.id: s for s in portfolio_summary(self.workbook, account_ids=touched)}
                self._summaries = tuple(fresh.get(s.id, s) for s in self._summaries)
        self.sidebar.set_summaries(self._summaries)
        self._show_selection()

    def show_account_page(self, name: str) -> None:
        """Show page `name`: an account page for the selected account (the first one when none is
        selected), or a portfolio page (clearing the selection)."""
        if registry.page(name).scope == Scope.PORTFOLIO:
            self.sidebar.clear_selection()
            self.workspace.show_page(name)
            return
        if self.sidebar.current_account_id() is None and self._summaries:
            self.sidebar.select_account(self.sidebar.model.summary(0).id)
        if self.sidebar.current_account_id() is not None:
            self.workspace.show_page(name)

    # -- state shown in the window -------------------------------------------------------------------------------

    def _update_state(self) -> None:
        workbook = self.workbook
        if workbook is None:
            self.setWindowTitle(APP_NAME)
        else:
            suffix = " " + self.tr("(read-only)") if workbook.read_only else ""
            self.setWindowTitle(f"{workbook.path.stem}{suffix}")
        self.read_only_label.setVisible(workbook is not None and workbook.read_only)
        self.sidebar.setEnabled(workbook is not None)
        self.actions_.update_workbook(workbook is not None)

    def _refresh_recent(self) -> None:
        self.actions_.fill_recent(self.recent_menu, self.settings.recent_files())

    def clear_recent(self) -> None:
        self.settings.clear_recent()
        self._refresh_recent()

    # -- layout --------------------------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.layout("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            available = self.screen().availableGeometry()
            self.resize(min(1200, int(available.width() * 0.9)), min(760, int(available.height() * 0.9)))
        splitter = self.settings.layout("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = self.settings.layout("sidebar-header")
        if header is not None:
            self.sidebar.restore_header_state(header)

    def save_layout(self) -> None:
        self.settings.set_layout("geometry", self.saveGeometry())
        self.settings.set_layout("splitter", self.splitter.saveState())
        self.settings.set_layout("sidebar-header", self.sidebar.header_state())
        self.settings.sync()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
        if self._ready_pending:
            self._ready_pending = False
            QTimer.singleShot(0, self.ready.emit)  # after the children of this paint are painted too
        if self._background_pending is not None:
            QTimer.singleShot(0, self._start_background)  # after the children of this paint are painted too

    def closeEvent(self, event: QCloseEvent) -> None:
        self.guard.wait()
        if self._portfolio_loader is not None:
            self._portfolio_loader.wait()
        if self.interactive:  # a headless run (smoke test) must not overwrite the user's window layout
            self.save_layout()
        self._close_workbook()
        super().closeEvent(event)

    # -- drag and drop -------------------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_workbooks(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDropEvent) -> None:
        if dropped_workbooks(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_workbooks(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        # Opened after the drop returns, so that a message box does not block the drag source.
        QTimer.singleShot(0, lambda: self.open_workbook(files[0]))

    def quick_capture(self) -> None:
        """Start a meeting note for the current account, cursor in the notes (from anywhere)."""
        if self.session is None or self.sidebar.current_account_id() is None:
            self.statusBar().showMessage(self.tr("Select an account first: quick capture notes a meeting with it."))
            return
        page = self.workspace.show_page("meetings")
        page.quick_capture()  # type: ignore[attr-defined]
