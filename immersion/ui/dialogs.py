"""Every modal question the main window asks, as small functions that tests replace with `monkeypatch`.

The window calls these through the module (`dialogs.show_error(...)`), never through imported names, so a test
can patch `immersion.ui.dialogs.show_error` and the window picks the patch up. The dialog classes are imported
when first needed: none of them is on the way to the first window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from immersion import APP_ID, APP_NAME, __version__
from immersion.texts import TextContext

EXTENSION = ".immersion"


Dialogs = TextContext("Dialogs")  # texts written Dialogs.tr("…"), as pyside6-lupdate reads them


def _filter() -> str:
    return Dialogs.tr("Immersion workbooks (*.immersion);;All files (*)")


def with_extension(path: Path) -> Path:
    """`path` with the `.immersion` extension added when it has none."""
    return path if path.suffix.lower() == EXTENSION else path.with_name(path.name + EXTENSION)


def ask_open_path(parent: QWidget | None, directory: Path | None = None) -> Path | None:
    """Ask which workbook to open; None when the user cancels."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, Dialogs.tr("Open Workbook"), str(directory or ""), _filter())
    return Path(name) if name else None


def ask_new_path(parent: QWidget | None, directory: Path | None = None) -> Path | None:
    """Ask where to create a new, empty workbook; the `.immersion` extension is added when missing."""
    from PySide6.QtWidgets import QFileDialog

    suggested = str((directory or Path.home()) / Dialogs.tr("New workbook.immersion"))
    name, _ = QFileDialog.getSaveFileName(parent, Dialogs.tr("New Workbook"), suggested, _filter())
    return with_extension(Path(name)) if name else None


def ask_copy_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save a copy of the open workbook."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, Dialogs.tr("Save a Copy"), str(suggested), _filter())
    return with_extension(Path(name)) if name else None


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something did not work; `text` is a full sentence from the store."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def ask_open_read_only(parent: QWidget | None, title: str, text: str) -> bool:
    """Offer to open a workbook read-only (it is locked by another Immersion, or from a newer version)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Cancel, parent)
    read_only = box.addButton(Dialogs.tr("Open Read-Only"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only


def show_about(parent: QWidget | None, workbook: Path | None) -> None:
    """The About box: version, application id and the open workbook's path."""
    import html
    import platform

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QMessageBox

    tagline = Dialogs.tr("An offline workbook for key-account managers and sales leaders: mutual purpose, not "
                         "products.")
    where = html.escape(str(workbook)) if workbook else Dialogs.tr("No workbook is open.")
    workbook_label, app_id_label = Dialogs.tr("Workbook"), Dialogs.tr("Application id")
    text = (
        f"<h3>{html.escape(APP_NAME)} {html.escape(__version__)}</h3>"
        f"<p>{html.escape(tagline)}</p>"
        f"<p><b>{html.escape(workbook_label)}</b><br>{where}</p>"
        f"<p><small>{html.escape(app_id_label)}: {html.escape(APP_ID)}<br>"
        f"Qt {html.escape(qVersion())} · PySide6 {html.escape(pyside_version)} · "
        f"Python {html.escape(platform.python_version())}</small></p>"
    )
    QMessageBox.about(parent, Dialogs.tr("About Immersion"), text)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A one-line text from the user, trimmed; None when cancelled or left empty."""
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getText(parent, title, label, text=text)
    value = value.strip()
    return value if ok and value else None


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before something big; `action` names the confirming button ("Delete Account")."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def ask_repair_index(parent: QWidget | None, title: str, text: str) -> str:
    """Offer to rebuild a missing search index: "rebuild", "read-only" or "" (cancel)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    rebuild = box.addButton(Dialogs.tr("Rebuild and Open"), QMessageBox.ButtonRole.AcceptRole)
    read_only = box.addButton(Dialogs.tr("Open Read-Only"), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(rebuild)
    box.exec()
    clicked = box.clickedButton()
    return "rebuild" if clicked is rebuild else "read-only" if clicked is read_only else ""


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """Something the user should know, once (e.g. a workbook in a synced folder)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent).exec()
