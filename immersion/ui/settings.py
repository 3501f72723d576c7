"""The app's own settings: recent workbooks and window layout, in an INI file in the user's data folder.

Keeping the file in `paths.data_dir()` (rather than QSettings' native location) means one folder holds all
user data, and tests, which point `IMMERSION_DATA_DIR` at a temporary folder, never touch the real home.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from immersion import paths

MAX_RECENT = 10


def settings_path() -> Path:
    return paths.data_dir() / "settings.ini"


class Settings:
    """Typed access to the settings file.

    Args:
        path: the INI file; `settings.ini` in the data folder when None.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- recent workbooks ----------------------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """Recently opened workbooks, newest first (files that have since gone are kept: they may come back)."""
        value = self._qsettings.value("recent/files", [])
        if isinstance(value, str):  # QSettings returns a lone entry as a plain string
            value = [value]
        return [Path(item) for item in value or [] if item]

    def add_recent(self, path: Path) -> None:
        entry = _normal(path)
        files = [entry] + [item for item in self.recent_files() if _normal(item) != entry]
        self._set_recent(files[:MAX_RECENT])

    def remove_recent(self, path: Path) -> None:
        entry = _normal(path)
        self._set_recent([item for item in self.recent_files() if _normal(item) != entry])

    def clear_recent(self) -> None:
        self._set_recent([])

    def last_workbook(self) -> Path | None:
        """The most recently opened workbook that still exists."""
        return next((path for path in self.recent_files() if path.is_file()), None)

    def _set_recent(self, files: list[Path]) -> None:
        self._qsettings.setValue("recent/files", [str(path) for path in files])
        self._qsettings.sync()

    # -- warnings given once ---------------------------------------------------------------------------------------

    def warned(self, topic: str, path: Path) -> bool:
        """Whether the warning `topic` was already given for this workbook."""
        return str(_normal(path)) in self._list(f"warned/{topic}")

    def set_warned(self, topic: str, path: Path) -> None:
        self._qsettings.setValue(f"warned/{topic}", [*self._list(f"warned/{topic}"), str(_normal(path))][-200:])
        self._qsettings.sync()

    def _list(self, key: str) -> list[str]:
        value = self._qsettings.value(key, [])
        return [value] if isinstance(value, str) else list(value or [])

    # -- window layout -------------------------------------------------------------------------------------------

    def layout(self, key: str) -> QByteArray | None:
        """Saved state `key` of the window ("geometry", "splitter", "sidebar-header"), if any."""
        value = self._qsettings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, key: str, state: QByteArray) -> None:
        self._qsettings.setValue(f"window/{key}", state)

    def sync(self) -> None:
        self._qsettings.sync()


def _normal(path: Path) -> Path:
    """One spelling per file, so the same workbook is never listed twice."""
    return Path(os.path.abspath(os.path.expanduser(path)))
