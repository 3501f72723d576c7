"""The main window's actions and menus (File, View, Help), with their standard shortcuts.

Kept apart from the window so that the window class is about workbooks and pages, and so later issues add
their commands (Edit → Undo/Redo, Account → …) in one place.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar

from immersion import paths
from immersion.store.errors import WorkbookError, WorkbookLocked
from immersion.store.lock import WorkbookLock
from immersion.ui.pages import pages

if TYPE_CHECKING:
    from immersion.ui.main_window import MainWindow


def _files():  # noqa: ANN202 - the module; imported when a command first runs, not on the way to the window
    from immersion.ui import file_commands

    return file_commands


def _accounts():  # noqa: ANN202
    from immersion.ui import account_commands

    return account_commands


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """Show the wait cursor while a short piece of work runs on the GUI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def ensure_not_in_use(path: Path) -> None:
    """Raise WorkbookError when another Immersion has `path` open, so that it is not replaced under it."""
    lock = WorkbookLock(path)
    try:
        lock.acquire()
    except WorkbookLocked as error:
        raise WorkbookError(
            path,
            QApplication.translate("Menus", "“%1” is open in another Immersion (%2); choose another name.")
            .replace("%1", path.name)
            .replace("%2", error.holder.describe()),
        ) from None
    lock.release()


class WindowActions(QObject):
    """Every action of the main window, created once and placed in the menus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.new = self._action(self.tr("&New Workbook…"), lambda: _files().ask_new(window), QKeySequence.StandardKey.New,
                                self.tr("Create an empty workbook"))
        self.open = self._action(self.tr("&Open Workbook…"), lambda: _files().ask_open(window), QKeySequence.StandardKey.Open,
                                 self.tr("Open a workbook file"))
        self.demo = self._action(self.tr("Open &Demo Workbook"), self._open_demo, None,
                                 self.tr("Open the demo portfolio (created in your data folder if missing)"))
        self.save_copy = self._action(self.tr("Save a &Copy…"), lambda: _files().ask_save_copy(window),
                                      QKeySequence.StandardKey.SaveAs,
                                      self.tr("Write a complete copy of the workbook to another file"))
        self.quick_capture = self._action(self.tr("&Quick Capture"), window.quick_capture,
                                          QKeySequence("Ctrl+Shift+K"),
                                          self.tr("Start a meeting note for the current account"))
        self.import_ = self._action(self.tr("&Import…"), lambda: _files().ask_import(window), None,
                                    self.tr("Import accounts, stakeholders, goals, ideas, investments or financials "
                                            "from CSV, Excel or JSON"))
        self.export = self._action(self.tr("&Export…"), lambda: _files().ask_export(window),
                                   QKeySequence("Ctrl+Shift+E"),
                                   self.tr("Export a table or the whole workbook to CSV, Excel or JSON"))
        self.briefing = self._action(self.tr("Export &Briefing…"), lambda: _files().ask_briefing(window),
                                     QKeySequence.StandardKey.Print,
                                     self.tr("Write a briefing PDF for an account's next meeting"))
        self.backups = self._action(self.tr("&Backups…"), lambda: _files().show_backups(window), None,
                                    self.tr("Take a backup now, or restore the workbook from one"))
        self.close = self._action(self.tr("&Close Workbook"), window.close_workbook, QKeySequence.StandardKey.Close,
                                  self.tr("Close the open workbook"))
        self.quit = self._action(self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit,
                                 self.tr("Quit Immersion"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.portfolio = self._action(self.tr("&Portfolio"), window.show_portfolio, QKeySequence("Alt+Home"),
                                      self.tr("Show the whole portfolio"))
        self.find = self._action(self.tr("&Find Account"), window.sidebar.focus_filter, QKeySequence("Ctrl+Shift+F"),
                                 self.tr("Filter the accounts in the sidebar"))
        self.search = self._action(self.tr("&Search Workbook…"), window.focus_search, None,
                                   self.tr("Search accounts, goals, people, meetings, insights and ideas"))
        self.search.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence(QKeySequence.StandardKey.Find)])
        self.undo = window.undo_group.createUndoAction(window, self.tr("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = window.undo_group.createRedoAction(window, self.tr("&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.new_account = self._action(self.tr("&New Account…"), lambda: _accounts().new_account(window),
                                        QKeySequence("Ctrl+Shift+N"), self.tr("Add a customer account"))
        self.rename_account = self._action(self.tr("&Rename Account…"), lambda: _accounts().rename_account(window), None,
                                           self.tr("Rename the selected account"))
        self.delete_account = self._action(self.tr("&Delete Account…"), lambda: _accounts().delete_account(window), None,
                                           self.tr("Delete the selected account and everything in it"))
        window.sidebar.set_account_actions([self.new_account, self.rename_account, self.delete_account])
        self.pages: dict[str, QAction] = {}
        for spec in pages():
            if spec.name == "portfolio":
                continue
            action = self._action(spec.display_title().replace("&", "&&"),  # a literal &, not a mnemonic
                                  lambda _=False, n=spec.name: window.show_account_page(n),
                                  QKeySequence(spec.shortcut) if spec.shortcut else None)
            self.pages[spec.name] = action
        self.about = self._action(self.tr("&About Immersion"), lambda: _files().about(window), None,
                                  self.tr("Version, application id and the open workbook"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts = self._action(self.tr("&Keyboard Shortcuts"), self.show_shortcuts, QKeySequence("Ctrl+/"),
                                      self.tr("Every key Immersion answers to"))
        self.clear_recent = self._action(self.tr("Clear Menu"), window.clear_recent)

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def welcome(self) -> list[QAction]:
        """The actions offered when no workbook is open."""
        return [self.new, self.open, self.demo]

    def build_menus(self, bar: QMenuBar) -> QMenu:
        """Fill the menu bar; returns the Open Recent submenu."""
        file = bar.addMenu(self.tr("&File"))
        file.addAction(self.new)
        file.addAction(self.open)
        recent = file.addMenu(self.tr("Open &Recent"))
        recent.setObjectName("RecentMenu")
        file.addAction(self.demo)
        file.addSeparator()
        file.addAction(self.save_copy)
        file.addAction(self.backups)
        file.addSeparator()
        file.addAction(self.import_)
        file.addAction(self.export)
        file.addAction(self.briefing)
        file.addAction(self.close)
        file.addSeparator()
        file.addAction(self.quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(self.undo)
        edit.addAction(self.redo)
        account = bar.addMenu(self.tr("&Account"))
        account.addAction(self.quick_capture)
        account.addSeparator()
        account.addAction(self.new_account)
        account.addAction(self.rename_account)
        account.addAction(self.delete_account)
        view = bar.addMenu(self.tr("&View"))
        view.addAction(self.portfolio)
        for action in self.pages.values():
            view.addAction(action)
        view.addSeparator()
        view.addAction(self.search)
        view.addAction(self.find)
        help_ = bar.addMenu(self.tr("&Help"))
        help_.addAction(self.shortcuts)
        help_.addAction(self.about)
        return recent

    def show_shortcuts(self) -> None:
        """Help → Keyboard Shortcuts (modeless: it can stay open beside the window)."""
        from immersion.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.window.menuBar(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def fill_recent(self, menu: QMenu, files: list[Path]) -> None:
        """List recent workbooks, newest first, numbered for the keyboard."""
        for action in menu.actions():
            if action is not self.clear_recent:
                menu.removeAction(action)
                action.deleteLater()
        menu.removeAction(self.clear_recent)
        for number, path in enumerate(files, start=1):
            name = path.name.replace("&", "&&")
            action = QAction(f"&{number} {name}" if number < 10 else name, menu)
            action.setData(str(path))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.window.open_workbook(p))
            menu.addAction(action)
        if files:
            menu.addSeparator()
            menu.addAction(self.clear_recent)
        menu.setEnabled(bool(files))

    def update_workbook(self, is_open: bool) -> None:
        self.save_copy.setEnabled(is_open)
        self.backups.setEnabled(is_open)
        self.export.setEnabled(is_open)
        self.briefing.setEnabled(is_open)
        self.close.setEnabled(is_open)
        self.portfolio.setEnabled(is_open)
        self.find.setEnabled(is_open)
        self.search.setEnabled(is_open)

    def update_pages(self, is_open: bool, has_account: bool) -> None:
        for action in self.pages.values():
            action.setEnabled(is_open)
        writable = is_open and self.window.session is not None
        self.new_account.setEnabled(writable)
        self.import_.setEnabled(writable)
        self.quick_capture.setEnabled(writable)  # without an account it says to pick one
        self.rename_account.setEnabled(writable and has_account)
        self.delete_account.setEnabled(writable and has_account)

    def _open_demo(self) -> None:
        self.window.open_startup(paths.demo_workbook_path(), create_demo=True)
