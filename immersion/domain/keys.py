"""Keys and times as every table stores them: text UUIDs, and UTC ISO-8601 timestamps to the millisecond.

The store writes new rows with these, the entities default to them, and readers turn a stored date or timestamp
back into a day with `stored_date`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def new_id() -> str:
    """A new text primary key (a random UUID), as every table uses."""
    import uuid  # here: opening a workbook creates no rows, and uuid costs milliseconds to import

    return str(uuid.uuid4())


def utc_now() -> str:
    """The current UTC time in the schema's timestamp format (`2026-07-01T09:30:00.123Z`)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def stored_date(text: str | None) -> date | None:
    """The day of a stored ISO-8601 date or timestamp; None for no value or an unreadable one."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
