"""Where Immersion keeps the user's own data: settings, backups and the demo workbook.

Plain Python (no Qt) so that the store and the command line can use it. `IMMERSION_DATA_DIR` overrides the
location, which tests use to stay out of the real home folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The folder for backups, the demo workbook and recent files; created on first use."""
    override = os.environ.get("IMMERSION_DATA_DIR")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "Immersion"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "Immersion"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "immersion"
    base.mkdir(parents=True, exist_ok=True)
    return base


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_workbook_path() -> Path:
    return data_dir() / "Demo portfolio.immersion"
