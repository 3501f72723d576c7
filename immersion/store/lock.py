"""One writer per workbook: a lock file beside it that names its holder.

The lock file `NAME.immersion.lock` holds JSON with host, process id, user and start time, so a second writer
can be told who has the workbook. On POSIX the holder also keeps an `flock` on it: when the holder dies the
kernel drops that lock, so a lock left by a crashed process never blocks. Elsewhere a lock whose process is
gone on this host is treated as stale.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from immersion.store.errors import LockHolder, WorkbookLocked

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(workbook: Path) -> Path:
    return workbook.with_name(workbook.name + ".lock")


def _hostname() -> str:
    if hasattr(os, "uname"):  # POSIX: the kernel's node name, what gethostname() returns, without the socket module
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _read_holder(path: Path) -> LockHolder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(str(data["host"]), int(data["pid"]), str(data["since"]), str(data.get("user", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class WorkbookLock:
    """Held while a workbook is open for writing; `release()` (or close) gives it up."""

    def __init__(self, workbook: Path) -> None:
        self.path = lock_path(workbook)
        self.workbook = workbook
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise WorkbookLocked naming the live holder."""
        for _attempt in range(3):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    os.close(fd)
                    holder = _read_holder(self.path) or LockHolder("another computer", 0, "unknown")
                    raise WorkbookLocked(self.workbook, holder) from None
                # The file may have been unlinked by its previous holder between open and flock.
                try:
                    same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
                except FileNotFoundError:
                    same = False
                if not same:
                    os.close(fd)
                    continue
            else:
                holder = _read_holder(self.path)
                if holder and holder.pid != os.getpid() and (
                    holder.host != _hostname() or _pid_alive(holder.pid)
                ):
                    os.close(fd)
                    raise WorkbookLocked(self.workbook, holder)
            self._fd = fd
            self._write_holder()
            return
        raise WorkbookLocked(self.workbook, _read_holder(self.path) or LockHolder("unknown", 0, "unknown"))

    def _write_holder(self) -> None:
        assert self._fd is not None
        import datetime as _dt
        import getpass

        try:
            user = getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name is not worth failing an open for
            user = ""
        payload = json.dumps(
            {
                "host": _hostname(),
                "pid": os.getpid(),
                "user": user,
                "since": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                "app": "Immersion",
            }
        ).encode()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, payload, 0) if hasattr(os, "pwrite") else os.write(self._fd, payload)

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        finally:
            os.close(self._fd)  # closing drops the flock
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
