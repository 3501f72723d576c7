"""Keys and timestamps: text UUIDs and UTC ISO-8601 times, as every table uses."""

from __future__ import annotations

import datetime as _dt


def new_id() -> str:
    import uuid  # here: importing uuid costs milliseconds that opening a workbook does not need

    return str(uuid.uuid4())


def now() -> str:
    """The current UTC time in the format the schema's defaults write (millisecond precision, `Z`)."""
    moment = _dt.datetime.now(_dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
