"""Is this file a workbook? What its first 100 bytes say, before SQLite is asked to open it.

A file that is missing, a folder, empty, of another kind (a PDF, an image, an office document), another
program's SQLite database, or cut short gets its own sentence for the user here, and SQLite never sees it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from immersion.store import schema
from immersion.store.errors import NotAWorkbook, WorkbookDamaged, WorkbookMissing

SQLITE_MAGIC = b"SQLite format 3\x00"

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "a gzip archive"),
)


@dataclass(frozen=True)
class FileHeader:
    """What the first 100 bytes of a SQLite file say."""

    page_size: int
    page_count: int
    user_version: int
    application_id: int


def _describe_foreign(head: bytes) -> str:
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    try:
        head.decode("utf-8")
        return "a text file"
    except UnicodeDecodeError:
        return "a file of another kind"


def read_header(path: Path) -> FileHeader:
    """Check that `path` is a complete SQLite file of ours, from its header alone.

    Raises:
        WorkbookMissing, NotAWorkbook, WorkbookDamaged: with a message for the user.
    """
    name = path.name
    if not path.exists():
        raise WorkbookMissing(path, f"“{name}” does not exist. It may have been moved or deleted.")
    if path.is_dir():
        raise NotAWorkbook(path, f"“{name}” is a folder, not an Immersion workbook.")
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
        size = path.stat().st_size
    except PermissionError:
        raise WorkbookMissing(path, f"“{name}” cannot be read: permission denied.") from None
    except OSError as error:
        raise WorkbookMissing(path, f"“{name}” cannot be read: {error.strerror or error}.") from None
    if size == 0:
        raise NotAWorkbook(path, f"“{name}” is empty (0 bytes): it holds no workbook.")
    if not head.startswith(SQLITE_MAGIC):
        raise NotAWorkbook(path, f"“{name}” is not an Immersion workbook: it looks like {_describe_foreign(head)}.")
    if len(head) < 100:
        raise WorkbookDamaged(path, f"“{name}” is damaged: the file is cut short ({size} bytes).")
    raw_page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    page_count, = struct.unpack(">I", head[28:32])
    user_version, = struct.unpack(">I", head[60:64])
    application_id, = struct.unpack(">I", head[68:72])
    if application_id != schema.APPLICATION_ID:
        raise NotAWorkbook(
            path,
            f"“{name}” is a database of another program, not an Immersion workbook.",
        )
    if page_size < 512 or page_size & (page_size - 1) or size % page_size or size < page_count * page_size:
        raise WorkbookDamaged(
            path, f"“{name}” is damaged: the file is cut short or padded ({size} bytes). Restore a backup."
        )
    return FileHeader(page_size, page_count, user_version, application_id)
