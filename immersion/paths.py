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


_CLOUD_FOLDERS = (
    ("Dropbox", ("dropbox",)),
    ("OneDrive", ("onedrive",)),
    ("iCloud Drive", ("icloud drive", "icloud", "com~apple~clouddocs", "mobile documents")),
    ("Google Drive", ("google drive", "googledrive", "my drive")),
)


def cloud_service(path: Path) -> str | None:
    """The sync service whose folder holds `path` (by the folder names they create), or None.

    A folder counts when its name is the service's ("Dropbox") or starts with it and a separator, as the
    clients name team and account folders ("Dropbox (Acme)", "OneDrive - Acme", "GoogleDrive-me@example.com").
    Sync clients copy a file while it is written and may keep two versions after edits on two machines, so a
    workbook there deserves a word of warning.
    """
    for part in Path(path).absolute().parts[:-1]:
        folded = part.casefold()
        for service, markers in _CLOUD_FOLDERS:
            for marker in markers:
                if folded == marker or any(folded.startswith(marker + sep) for sep in (" ", "-", "_")):
                    return service
    return None
