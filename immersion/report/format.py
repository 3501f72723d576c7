"""How the briefing writes things: translation, HTML escaping, dates, money, shares and scores.

Every piece of workbook text that goes into the briefing's HTML passes through `esc()` or `text()` here, so that
notes holding HTML, `<img src="file:…">` or anything else print as the characters they are and are never
read as markup. Dates are written from fixed, translatable month and day names, not from the system locale, so
the same options give the same document on every machine with the same translation.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QT_TRANSLATE_NOOP

from immersion.texts import TextContext

Report = TextContext("Report")  # texts written Report.tr("…"), as pyside6-lupdate reads them
_MONTHS = (
    QT_TRANSLATE_NOOP("Report", "Jan"), QT_TRANSLATE_NOOP("Report", "Feb"), QT_TRANSLATE_NOOP("Report", "Mar"),
    QT_TRANSLATE_NOOP("Report", "Apr"), QT_TRANSLATE_NOOP("Report", "May"), QT_TRANSLATE_NOOP("Report", "Jun"),
    QT_TRANSLATE_NOOP("Report", "Jul"), QT_TRANSLATE_NOOP("Report", "Aug"), QT_TRANSLATE_NOOP("Report", "Sep"),
    QT_TRANSLATE_NOOP("Report", "Oct"), QT_TRANSLATE_NOOP("Report", "Nov"), QT_TRANSLATE_NOOP("Report", "Dec"),
)
_DAYS = (
    QT_TRANSLATE_NOOP("Report", "Mon"), QT_TRANSLATE_NOOP("Report", "Tue"), QT_TRANSLATE_NOOP("Report", "Wed"),
    QT_TRANSLATE_NOOP("Report", "Thu"), QT_TRANSLATE_NOOP("Report", "Fri"), QT_TRANSLATE_NOOP("Report", "Sat"),
    QT_TRANSLATE_NOOP("Report", "Sun"),
)
WORDS = {  # stored values shown as words (the workbook stores them in English)
    "unconfirmed": QT_TRANSLATE_NOOP("Report", "unconfirmed"),
    "confirmed": QT_TRANSLATE_NOOP("Report", "confirmed"),
    "achieved": QT_TRANSLATE_NOOP("Report", "achieved"),
    "dropped": QT_TRANSLATE_NOOP("Report", "dropped"),
    "strategic": QT_TRANSLATE_NOOP("Report", "Strategic"),
    "competitive": QT_TRANSLATE_NOOP("Report", "Competitive"),
    "interpersonal": QT_TRANSLATE_NOOP("Report", "Interpersonal"),
    "political": QT_TRANSLATE_NOOP("Report", "Political"),
    "financial": QT_TRANSLATE_NOOP("Report", "Financial"),
    "captured": QT_TRANSLATE_NOOP("Report", "captured"),
    "shaping": QT_TRANSLATE_NOOP("Report", "shaping"),
    "co-creating": QT_TRANSLATE_NOOP("Report", "co-creating"),
    "proposed": QT_TRANSLATE_NOOP("Report", "proposed"),
    "piloting": QT_TRANSLATE_NOOP("Report", "piloting"),
    "adopted": QT_TRANSLATE_NOOP("Report", "adopted"),
    "parked": QT_TRANSLATE_NOOP("Report", "parked"),
    "declined": QT_TRANSLATE_NOOP("Report", "declined"),
    "champion": QT_TRANSLATE_NOOP("Report", "champion"),
    "supporter": QT_TRANSLATE_NOOP("Report", "supporter"),
    "neutral": QT_TRANSLATE_NOOP("Report", "neutral"),
    "sceptic": QT_TRANSLATE_NOOP("Report", "sceptic"),
    "detractor": QT_TRANSLATE_NOOP("Report", "detractor"),
    "board": QT_TRANSLATE_NOOP("Report", "board"),
    "executive": QT_TRANSLATE_NOOP("Report", "executive"),
    "senior": QT_TRANSLATE_NOOP("Report", "senior"),
    "manager": QT_TRANSLATE_NOOP("Report", "manager"),
    "staff": QT_TRANSLATE_NOOP("Report", "staff"),
    "planned": QT_TRANSLATE_NOOP("Report", "planned"),
    "committed": QT_TRANSLATE_NOOP("Report", "committed"),
    "spent": QT_TRANSLATE_NOOP("Report", "spent"),
    "stopped": QT_TRANSLATE_NOOP("Report", "stopped"),
    "quote": QT_TRANSLATE_NOOP("Report", "quote"),
    "observation": QT_TRANSLATE_NOOP("Report", "observation"),
    "need": QT_TRANSLATE_NOOP("Report", "need"),
    "pressure": QT_TRANSLATE_NOOP("Report", "pressure"),
}
STANCE_COLOURS = {"champion": "#1e7a46", "supporter": "#3f7f5f", "neutral": "#5d6673", "sceptic": "#a3600b",
                  "detractor": "#b3261e"}


def esc(value: object) -> str:
    """Workbook text made safe for the briefing's HTML: every `<`, `>`, `&` and quote is an entity."""
    return html.escape(str(value), quote=True)


def text(value: object) -> str:
    """Like `esc()`, with the text's line breaks kept."""
    return "<br/>".join(esc(line) for line in str(value).strip().splitlines())


def fill(template: str, **values: object) -> str:
    """`template` translated, with each `{name}` replaced by its value, escaped.

    The values are inserted after translation and are never parsed again, so braces in workbook text are safe.
    """
    return Report.tr(template).format(**{key: esc(value) for key, value in values.items()})


def label_of(value: str) -> str:
    """A stored value (a status, a stage, a stance…) as a translated word (not escaped)."""
    return Report.tr(WORDS[value]) if value in WORDS else value


def word(value: str | None) -> str:
    """`label_of(value)`, escaped; "" for no value."""
    return esc(label_of(value)) if value else ""


def _date(value: str | dt.date) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def day(value: str | dt.date | None) -> str:
    """"26 Nov 2026", from an ISO date or timestamp; unreadable dates as they are (escaped)."""
    if not value:
        return ""
    date = _date(value)
    if date is None:
        return esc(value)
    return f"{date.day} {Report.tr(_MONTHS[date.month - 1])} {date.year}"


def weekday(value: str) -> str:
    """"Thu 26 Nov 2026"."""
    date = _date(value)
    return f"{Report.tr(_DAYS[date.weekday()])} {day(date)}" if date else esc(value)


def clock(value: str) -> str:
    """The "11:00" of a local timestamp."""
    return esc(value[11:16]) if len(value) >= 16 else ""


def money(amount: float | None, currency: str) -> str:
    """"6,150,000 GBP"; negative amounts with a true minus sign."""
    if amount is None:
        return "—"
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,.0f}\u00a0{esc(currency)}"


def share(value: float | None, signed: bool = False) -> str:
    """A share as a whole percentage: "18%", or "+18%" / "−4%" when `signed`."""
    if value is None:
        return "—"
    points = round(100 * value)
    if not signed:
        return f"{points}%"
    return f"+{points}%" if points > 0 else (f"−{-points}%" if points < 0 else "0%")


def dots(value: int, of: int = 5) -> str:
    """A score as filled and empty dots, "●●●○○"."""
    value = max(0, min(of, value))
    return "●" * value + "○" * (of - value)


def days_ago(days: int) -> str:
    """"today", "1 day ago", "48 days ago"."""
    if days == 0:
        return Report.tr("today")
    return Report.tr("1 day ago") if days == 1 else Report.tr("%1 days ago").replace("%1", str(days))


def count(n: int, one: str, many: str) -> str:
    """`one` (translated) when n is 1, else `many` (translated) with "%1" replaced by n."""
    return Report.tr(one) if n == 1 else Report.tr(many).replace("%1", str(n))
