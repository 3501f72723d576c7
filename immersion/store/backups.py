"""Backups of a workbook, made with the SQLite backup API (never by copying a live file), rotated and restorable.

Backups live in the user's data folder, one folder per workbook (named after the workbook and a short hash of
its full path, so two `Plan.immersion` files in different folders keep separate histories).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from immersion import paths
from immersion.store.errors import WorkbookError, WorkbookWriteError

KEEP = 10
_NAME = re.compile(r"^(\d{8}T\d{6}\d{6})-([a-z-]+)\.immersion$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: _dt.datetime  # local time
    reason: str
    size: int

    def label(self) -> str:
        return f"{self.taken_at:%Y-%m-%d %H:%M:%S} ({self.reason.replace('-', ' ')})"


def folder_for(workbook: Path) -> Path:
    resolved = str(Path(workbook).resolve())
    digest = hashlib.sha1(resolved.encode()).hexdigest()[:10]
    folder = paths.backups_dir() / f"{Path(workbook).stem}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def copy_database(conn: sqlite3.Connection, target: Path, what: str = "copy",
                  before_replace: Callable[[], None] | None = None) -> None:
    """Write the database behind `conn` to `target` with the SQLite backup API, all or nothing.

    The copy is built beside `target`, synced to disk, then moved over it in one step, so `target` is never
    half-written: a full disk or a crash leaves whatever was there before.

    Raises:
        WorkbookWriteError: the copy could not be written; nothing was left behind.
    """
    partial = target.with_name(f".{target.name}.partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise WorkbookWriteError(target, f"The {what} could not be written: {error}.") from None


def make_backup(conn: sqlite3.Connection, workbook: Path, reason: str = "manual", keep: int = KEEP) -> Backup:
    """Copy the open database `conn` to a new backup file of `workbook`, then drop all but the newest `keep`.

    Raises:
        WorkbookWriteError: the backup could not be written (e.g. disk full); nothing half-written is left.
    """
    reason = re.sub(r"[^a-z-]+", "-", reason.lower()).strip("-") or "manual"
    folder = folder_for(workbook)
    stamp = _dt.datetime.now()
    target = folder / f"{stamp:%Y%m%dT%H%M%S%f}-{reason}.immersion"
    copy_database(conn, target, "backup")
    rotate(workbook, keep)
    return Backup(target, stamp, reason, target.stat().st_size)


def list_backups(workbook: Path) -> list[Backup]:
    """Newest first."""
    found = []
    for entry in folder_for(workbook).iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        taken = _dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f")
        found.append(Backup(entry, taken, match.group(2), entry.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def rotate(workbook: Path, keep: int = KEEP) -> None:
    for old in list_backups(workbook)[keep:]:
        old.path.unlink(missing_ok=True)


def restore_backup(backup: Path, workbook: Path) -> None:
    """Replace `workbook` (which must be closed) with the backup.

    The backup is checked first; the current file, if it still opens, is itself backed up; the replacement is
    written beside the workbook and moved over it in one step, so a failure leaves the workbook as it was.
    """
    from immersion.store.file_header import read_header
    from immersion.store.lock import WorkbookLock
    from immersion.store.workbook import Workbook

    read_header(backup)
    lock = WorkbookLock(workbook)
    lock.acquire()  # refuses while another Immersion has the workbook open
    try:
        _restore(backup, workbook, Workbook)
    finally:
        lock.release()


def _restore(backup: Path, workbook: Path, Workbook) -> None:  # noqa: ANN001, N803 - class passed to avoid a cycle
    check = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise WorkbookError(backup, "That backup is damaged and cannot be restored.")
    finally:
        check.close()
    if workbook.exists():
        try:
            current = Workbook.open(workbook, read_only=True)  # read-only: takes no lock
        except WorkbookError:
            current = None  # damaged: nothing worth keeping beyond the file itself
        if current is not None:
            try:
                make_backup(current.conn, workbook, reason="before-restore")
            finally:
                current.close()
    source = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        # The old file's leftover journal would be "rolled back" into the restored file: it goes first.
        copy_database(source, workbook, "restored workbook",
                      before_replace=lambda: Path(str(workbook) + "-journal").unlink(missing_ok=True))
    finally:
        source.close()
