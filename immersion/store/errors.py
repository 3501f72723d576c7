"""Typed errors for everything that can go wrong with a workbook file, each with a message for the user."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class WorkbookError(Exception):
    """Base class: `str(error)` is a sentence a user understands."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message


class WorkbookMissing(WorkbookError):
    """The file does not exist (or is not a regular file we can read)."""


class NotAWorkbook(WorkbookError):
    """The file is something else: empty, text, an image, a PDF, another program's database."""


class WorkbookDamaged(WorkbookError):
    """The file is ours but fails its integrity check (truncated, overwritten, flipped bytes)."""


class WorkbookInterrupted(WorkbookError):
    """A crash left an unfinished edit (a hot journal); only a writer can roll it back."""


class SearchIndexMissing(WorkbookError):
    """The full-text index (derived data) is missing or incomplete; open with `repair_index=True` to rebuild."""


class WorkbookTooNew(WorkbookError):
    """Written by a newer Immersion with a schema this version does not know; may be opened read-only."""

    def __init__(self, path: Path | str, message: str, file_version: int) -> None:
        super().__init__(path, message)
        self.file_version = file_version


@dataclass(frozen=True)
class LockHolder:
    host: str
    pid: int
    since: str
    user: str = ""

    def describe(self) -> str:
        who = f"{self.user} on " if self.user else ""
        return f"{who}{self.host} (process {self.pid}) since {self.since}"


class WorkbookLocked(WorkbookError):
    """Another Immersion process is writing this workbook."""

    def __init__(self, path: Path | str, holder: LockHolder) -> None:
        super().__init__(
            path,
            f"“{Path(path).name}” is open for editing in another Immersion: {holder.describe()}. "
            "You can open it read-only.",
        )
        self.holder = holder


class WorkbookReadOnly(WorkbookError):
    """An edit was attempted on a workbook opened read-only."""


class WorkbookWriteError(WorkbookError):
    """An edit could not be saved (disk full, file became read-only); nothing of the edit was written."""


class EditError(WorkbookError):
    """An edit broke a rule of the workbook (unknown field, value out of range, shares over 100%)."""
