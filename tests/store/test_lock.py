"""One writer at a time: a second writer is told who holds the workbook; a dead holder never blocks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from immersion.store.errors import WorkbookLocked
from immersion.store.lock import lock_path
from immersion.store.workbook import Workbook

HOLD = textwrap.dedent(
    """
    import sys, time
    from immersion.store.workbook import Workbook
    wb = Workbook.open(sys.argv[1])
    print("held", flush=True)
    sys.stdin.readline()
    if sys.argv[2] == "crash":
        import os; os._exit(9)
    wb.close()
    """
)


def _holder(path: Path, how: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), how], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_second_writer_is_told_who_holds_it(workbook_path: Path) -> None:
    Workbook.create(workbook_path).close()
    proc = _holder(workbook_path, "close")
    try:
        with pytest.raises(WorkbookLocked) as caught:
            Workbook.open(workbook_path)
        holder = caught.value.holder
        assert holder.pid == proc.pid and holder.host == socket.gethostname() and holder.since
        assert str(proc.pid) in str(caught.value) and "read-only" in str(caught.value)
        with Workbook.open(workbook_path, read_only=True) as reader:  # reading is still allowed
            assert reader.read_only
    finally:
        proc.communicate("\n", timeout=30)
    Workbook.open(workbook_path).close()  # released on close
    assert not lock_path(workbook_path).exists()


def test_lock_left_by_a_killed_process_does_not_block(workbook_path: Path) -> None:
    Workbook.create(workbook_path).close()
    proc = _holder(workbook_path, "crash")
    proc.communicate("\n", timeout=30)
    assert proc.returncode == 9
    assert lock_path(workbook_path).exists()  # the crash left its lock file behind
    with Workbook.open(workbook_path) as wb:
        data = json.loads(lock_path(workbook_path).read_text())
        assert data["pid"] == os.getpid()
        assert not wb.read_only


def test_same_process_cannot_open_twice_for_writing(workbook_path: Path) -> None:
    with Workbook.create(workbook_path):
        with pytest.raises(WorkbookLocked):
            Workbook.open(workbook_path)
