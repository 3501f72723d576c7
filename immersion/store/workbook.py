"""Opening, creating and closing a workbook file safely.

Opening never changes a file that is not ours, damaged or too new: everything is checked on the raw header and
through a read-only connection before a writable one is made. Writable workbooks use the rollback journal with
`synchronous=FULL`, so between edits the file on disk is one complete file that users can copy, mail or sync.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from immersion import __version__
from immersion.store import schema
from immersion.store.errors import (
    SearchIndexMissing,
    WorkbookDamaged,
    WorkbookError,
    WorkbookInterrupted,
    WorkbookReadOnly,
    WorkbookTooNew,
    WorkbookWriteError,
)
from immersion.store.file_header import read_header
from immersion.store.lock import WorkbookLock

QUICK_CHECK_BYTES = 48 * 1024 * 1024  # above this, opening checks the header and tables; the pages follow later
EXTENSION = ".immersion"

def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "?mode=rw")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=5.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check(20)")]
    except sqlite3.DatabaseError as error:
        if "readonly" in str(error) and Path(str(path) + "-journal").exists():
            # A hot journal: an edit was cut off by a crash. Rolling it back writes, which a read-only
            # connection may not do; opening for editing finishes the recovery.
            raise WorkbookInterrupted(
                path,
                f"“{path.name}” was being edited when Immersion or the computer stopped. Open it for editing to "
                "finish the recovery: the unfinished edit is rolled back and everything saved before it is kept.",
            ) from None
        raise WorkbookDamaged(path, f"“{path.name}” is damaged ({error}). Restore a backup.") from None
    if rows != ["ok"]:
        detail = "; ".join(rows[:3])
        raise WorkbookDamaged(path, f"“{path.name}” is damaged ({detail}). Restore a backup.")


class Workbook:
    """An open workbook: one SQLite connection plus, when writable, the lock file.

    Use `Workbook.open()` or `Workbook.create()`; close with `close()` or a `with` block. The connection runs in
    autocommit mode; every edit goes through `transaction()`.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool, lock: WorkbookLock | None) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._lock = lock
        self.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
        self.read_only_reason = ""
        # A large file's quick_check takes seconds; it is then left to `check_integrity()` in the background.
        self.integrity_unchecked = False

    # -- lifecycle -----------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, repair_index: bool = False) -> Workbook:
        """Open an existing workbook after checking it is ours, intact and not too new.

        Args:
            path: the `*.immersion` file.
            read_only: open without the write lock and without migrating; a workbook from a newer version
                can only be opened this way.
            repair_index: rebuild a missing or incomplete search index (derived data) while opening; without
                it such a workbook raises SearchIndexMissing and is left as it was, so the user can choose.

        Raises:
            WorkbookError: a subclass naming exactly what is wrong; the file is left untouched.
        """
        path = Path(path)
        header = read_header(path)
        if header.user_version > schema.SCHEMA_VERSION and not read_only:
            raise WorkbookTooNew(
                path,
                f"“{path.name}” was written by a newer version of Immersion (format {header.user_version}; "
                f"this version knows format {schema.SCHEMA_VERSION}). It can be opened read-only.",
                header.user_version,
            )
        if not read_only and Path(str(path) + "-journal").exists():
            _ensure_writable(path)
            _recover_journal(path)
        probe = _probe(path)
        deferred = path.stat().st_size > QUICK_CHECK_BYTES
        try:
            if not deferred:
                _quick_check(probe, path)
            _check_tables(probe, path, header.user_version)
        finally:
            probe.close()
        if read_only:
            conn = _connect(path, read_only=True)
            workbook = cls(path, conn, True, None)
            workbook.integrity_unchecked = deferred
            if header.user_version > schema.SCHEMA_VERSION:
                workbook.read_only_reason = "written by a newer version"
            return workbook
        _ensure_writable(path)
        lock = WorkbookLock(path)
        try:
            lock.acquire()
        except OSError as error:  # the folder refused the lock file after all (a read-only share, a full disk)
            raise WorkbookReadOnly(
                path, f"“{path.name}” cannot be opened for editing here ({error.strerror or error}); "
                "open it read-only or copy it elsewhere."
            ) from None
        try:
            conn = _connect(path, read_only=False)
            _configure_writer(conn)
            from immersion.store import migrations

            if migrations.needs_migration(conn):
                try:
                    migrations.migrate(conn, path)
                except WorkbookError:
                    raise
                except Exception as error:  # noqa: BLE001 - any failure of an upgrade step is reported whole
                    conn.close()
                    raise WorkbookError(
                        path,
                        f"“{path.name}” could not be upgraded to this version ({error}). "
                        "A backup was taken before the upgrade; nothing was lost.",
                    ) from error
            from immersion.store import search

            if not search.is_intact(conn):
                if not repair_index:
                    conn.close()
                    raise SearchIndexMissing(
                        path,
                        f"The search index of “{path.name}” is missing or incomplete (the file was changed by "
                        "another program or damaged). Your data is intact; Immersion can rebuild the index.",
                    )
                search.repair(conn)
            _stamp_meta(conn)
        except sqlite3.DatabaseError as error:  # a damaged page met while opening (large files: not pre-checked)
            lock.release()
            raise WorkbookDamaged(path, f"“{path.name}” is damaged ({error}). Restore a backup.") from None
        except BaseException:
            lock.release()
            raise
        workbook = cls(path, conn, False, lock)
        workbook.integrity_unchecked = deferred
        return workbook

    @classmethod
    def create(cls, path: Path | str, overwrite: bool = False) -> Workbook:
        """Create a new, empty workbook with the current schema.

        The file is built under a temporary name and moved into place complete, so a failure leaves nothing.
        """
        path = Path(path)
        if path.exists() and not overwrite:
            raise WorkbookError(path, f"“{path.name}” already exists.")
        tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
        tmp.unlink(missing_ok=True)
        try:
            conn = sqlite3.connect(tmp, isolation_level=None)
            try:
                _configure_writer(conn)
                from immersion.store import migrations

                migrations.migrate(conn, tmp, backup=False)
                _stamp_meta(conn)
            finally:
                conn.close()
            os.replace(tmp, path)
        except OSError as error:
            raise WorkbookWriteError(path, f"“{path.name}” could not be created: {error.strerror or error}.") from None
        finally:
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + "-journal").unlink(missing_ok=True)
        return cls.open(path)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self.conn is None

    # -- transactions ----------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic edit: all of it is in the file when the block ends, or none of it.

        Raises:
            WorkbookReadOnly: the workbook was opened read-only.
            WorkbookWriteError: the disk is full or the file became unwritable; nothing was written.
        """
        if self.read_only:
            raise WorkbookReadOnly(self.path, f"“{self.path.name}” is open read-only; the change was not saved.")
        conn = self.conn
        if conn.in_transaction:  # nested: a savepoint inside the outer edit
            conn.execute("SAVEPOINT nested")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK TO nested")
                conn.execute("RELEASE nested")
                raise
            conn.execute("RELEASE nested")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise _write_error(self.path, error) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _write_error(self.path, error) from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def save_copy(self, target: Path | str) -> Path:
        """Write a complete copy of the workbook to `target` through the SQLite backup API.

        The copy is written under a temporary name and moved into place, so `target` is never half-written.
        """
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise WorkbookError(target, "A copy cannot replace the workbook itself; choose another name.")
        from immersion.store.backups import copy_database

        copy_database(self.conn, target)
        return target

    def backup(self, reason: str = "manual"):  # noqa: ANN201 - backups.Backup
        """Take a rotated backup now (see store/backups.py)."""
        from immersion.store import backups

        return backups.make_backup(self.conn, self.path, reason)

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]


def _write_error(path: Path, error: sqlite3.OperationalError) -> WorkbookError:
    text = str(error).lower()
    if "full" in text:
        return WorkbookWriteError(path, "The disk is full: the change was not saved. Free some space and try again.")
    if "readonly" in text or "read-only" in text:
        return WorkbookWriteError(path, f"“{path.name}” can no longer be written: the change was not saved.")
    if "locked" in text or "busy" in text:
        return WorkbookWriteError(path, f"“{path.name}” is busy in another program: the change was not saved.")
    return WorkbookWriteError(path, f"The change was not saved: {error}.")


def check_integrity(path: Path) -> str | None:
    """Run the page-level check that opening leaves out for large files; returns the problem, or None.

    Uses a connection of its own (read-only), so it can run on a worker thread while the app reads the file.
    """
    try:
        probe = _connect(path, read_only=True)
    except sqlite3.DatabaseError as error:
        return f"“{path.name}” is damaged ({error}). Restore a backup."
    try:
        _quick_check(probe, path)
    except WorkbookError as error:
        return str(error)
    finally:
        probe.close()
    return None


def _ensure_writable(path: Path) -> None:
    """Refuse to open for editing a file or folder that is read-only.

    The permission bits are read as well as `os.access`, so that a file a user marked read-only stays so even
    for an administrator (whom `os.access` always allows). Edits need the folder too: the lock file and the
    rollback journal are written beside the workbook.
    """
    def writable(target: Path) -> bool:
        return os.access(target, os.W_OK) and bool(target.stat().st_mode & 0o222)

    if not writable(path):
        raise WorkbookReadOnly(path, f"“{path.name}” is a read-only file: it can be opened read-only.")
    if not writable(path.parent):
        raise WorkbookReadOnly(
            path, f"The folder of “{path.name}” is read-only, so changes could not be saved: it can be opened "
            "read-only, or copied to a folder you can write to."
        )


def _recover_journal(path: Path) -> None:
    """Let SQLite roll back an edit interrupted by a crash (a hot journal beside the file).

    This is SQLite's own recovery: it restores the file to its last committed state. Only done for a file
    that already passed the header check and is about to be opened for writing.
    """
    lock = WorkbookLock(path)
    lock.acquire()
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise WorkbookDamaged(path, f"“{path.name}” is damaged ({error}). Restore a backup.") from None
        finally:
            conn.close()
    finally:
        lock.release()


def _probe(path: Path) -> sqlite3.Connection:
    """A read-only connection for checks; it cannot change the file."""
    try:
        return _connect(path, read_only=True)
    except sqlite3.DatabaseError as error:
        raise WorkbookDamaged(path, f"“{path.name}” cannot be opened ({error}).") from None


def _check_tables(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """A file with our id but without our tables is damaged (or was emptied by another tool)."""
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    except sqlite3.DatabaseError as error:
        raise WorkbookDamaged(path, f"“{path.name}” is damaged ({error}). Restore a backup.") from None
    if version == 0:  # our id but never given a schema: Immersion writes both in one step when it creates a file
        raise WorkbookDamaged(path, f"“{path.name}” is damaged: it holds no workbook tables. Restore a backup.")
    if version != schema.SCHEMA_VERSION:  # older files gain their missing tables by migrating; newer ones we skip
        return
    missing = sorted(set(schema.TABLES) - names)
    if missing:
        raise WorkbookDamaged(
            path, f"“{path.name}” is damaged: tables are missing ({', '.join(missing[:4])}). Restore a backup."
        )


def _configure_writer(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")


def _stamp_meta(conn: sqlite3.Connection) -> None:
    """Record which app version last wrote the file (only when that changes, to keep opens write-free)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'last_written_by'").fetchone()
    if row is not None and row[0] == __version__:
        return
    from immersion.domain.keys import new_id, utc_now

    with contextlib.closing(conn.cursor()) as cur:
        cur.execute("BEGIN IMMEDIATE")
        cur.execute(
            "INSERT INTO meta (id, key, value) VALUES (?, 'last_written_by', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = ?",
            (new_id(), __version__, utc_now()),
        )
        cur.execute("COMMIT")
