"""The File and Help menus' commands: new, open, save a copy, backups, about.

Functions over the window rather than methods of it, so that the window class is about showing workbooks and
pages; each asks through `dialogs` (which tests patch) and reports through the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from immersion.store.errors import WorkbookError
from immersion.store.workbook import EXTENSION, Workbook
from immersion.texts import TextContext
from immersion.ui import dialogs, menus

if TYPE_CHECKING:
    from immersion.ui.main_window import MainWindow


FileCommands = TextContext("FileCommands")  # texts written FileCommands.tr("…"), as pyside6-lupdate reads them


def _folder(window: MainWindow) -> Path | None:
    return window.workbook.path.parent if window.workbook is not None else None


def ask_open(window: MainWindow) -> None:
    path = dialogs.ask_open_path(window, _folder(window))
    if path is not None:
        window.open_workbook(path)


def ask_new(window: MainWindow) -> None:
    path = dialogs.ask_new_path(window, _folder(window))
    if path is not None:
        new_workbook(window, path)


def new_workbook(window: MainWindow, path: Path) -> bool:
    """Create an empty workbook at `path` (replacing a file there that no one has open) and open it."""
    path = dialogs.with_extension(Path(path)).absolute()
    if window.workbook is not None and window.workbook.path.resolve() == path.resolve():
        window.report(FileCommands.tr("The workbook could not be created"),
                      FileCommands.tr("“%1” is the open workbook; choose another name.").replace("%1", path.name))
        return False
    try:
        with menus.busy():
            if path.exists():
                menus.ensure_not_in_use(path)
            workbook = Workbook.create(path, overwrite=True)
    except WorkbookError as error:
        window.report(FileCommands.tr("The workbook could not be created"), str(error))
        return False
    workbook.close()
    return window.open_workbook(path)


def ask_save_copy(window: MainWindow) -> None:
    if window.workbook is None:
        return
    source = window.workbook.path
    suggested = source.with_name(FileCommands.tr("%1 copy").replace("%1", source.stem) + EXTENSION)
    target = dialogs.ask_copy_path(window, suggested)
    if target is not None:
        save_copy(window, target)


def save_copy(window: MainWindow, target: Path) -> bool:
    """Write a complete copy of the open workbook to `target`; the open workbook stays as it is."""
    if window.workbook is None:
        return False
    try:
        with menus.busy():
            written = window.workbook.save_copy(target)
    except WorkbookError as error:
        window.report(FileCommands.tr("The copy could not be saved"), str(error))
        return False
    window.statusBar().showMessage(FileCommands.tr("Saved a copy as %1").replace("%1", str(written)))
    return True


def show_backups(window: MainWindow) -> None:
    if window.workbook is None:
        return
    from immersion.ui.backups_dialog import BackupsDialog

    BackupsDialog(window).exec()


def about(window: MainWindow) -> None:
    dialogs.show_about(window, window.workbook.path if window.workbook is not None else None)


def ask_import(window: MainWindow) -> None:
    """File → Import…: the import wizard; a finished import is one undoable step."""
    if window.session is None:
        return
    from immersion.ui.import_wizard import ImportWizard

    report = ImportWizard.ask(window, window.session, account_id=window.sidebar.current_account_id())
    if report is not None:
        window.statusBar().showMessage(FileCommands.tr("Imported: %1").replace("%1", report.summary()), 8000)


def ask_export(window: MainWindow) -> None:
    """File → Export…: a table or the whole workbook to CSV, Excel or JSON (read-only workbooks too)."""
    if window.workbook is None:
        return
    from immersion.ui.export_dialog import ExportDialog

    result = ExportDialog.ask(window, window.workbook, account_id=window.sidebar.current_account_id())
    if result is not None:
        window.statusBar().showMessage(result.summary(), 8000)


def ask_briefing(window: MainWindow) -> None:
    """File → Export Briefing…: a briefing PDF for an account's next meeting (read-only workbooks too)."""
    if window.workbook is None:
        return
    from immersion.ui.briefing_dialog import BriefingDialog

    result = BriefingDialog.ask(window, window.workbook, account_id=window.sidebar.current_account_id())
    if result is not None:
        window.statusBar().showMessage(FileCommands.tr("Briefing saved: %1 (%2 pages)").replace("%1", result.path.name)
                                       .replace("%2", str(result.pages)), 8000)
