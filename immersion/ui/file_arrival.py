"""Workbooks that arrive from outside the window: dropped on it, or handed over by the desktop.

- Dropping a workbook file on the window opens it (other files are refused while dragging, so the cursor says
  so before the drop).
- On macOS, a workbook double-clicked in the Finder (or dropped on the Dock icon) while the app runs arrives as
  a `QFileOpenEvent` to the application, not on the command line; the application (`ui/app.py`) passes it on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

from immersion.store.workbook import EXTENSION

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData


def workbook_files(paths: list[Path]) -> list[Path]:
    """The workbook files among `paths`."""
    return [path for path in paths if path.suffix.lower() == EXTENSION and path.is_file()]


def dropped_workbooks(mime: QMimeData) -> list[Path]:
    """The workbook files among the local files being dragged or dropped."""
    if not mime.hasUrls():
        return []
    return workbook_files([Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()])


def requested_workbook(event: QEvent) -> Path | None:
    """The workbook a `QFileOpenEvent` asks to open; None for other events and other kinds of file."""
    if event.type() != QEvent.Type.FileOpen:
        return None
    path = Path(event.file())  # type: ignore[attr-defined] - a QFileOpenEvent
    return path if path.suffix.lower() == EXTENSION else None
