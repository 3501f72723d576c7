"""How the briefing writes things: translation, HTML escaping, dates, money, shares and scores.

Every piece of workbook text that goes into the briefing's HTML passes through `esc()` or `text()` here, so that
notes holding HTML, `<img src="file:…">` or anything else print as the characters they are and are never
read as markup. Dates are written from fixed, translatable month and day names, not from the system locale, so
the same options give the same document on every machine with the same translation.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Briefing"
_MONTHS = (
    QT_TRANSLATE_NOOP("Briefing", "Jan"), QT_TRANSLATE_NOOP("Briefing", "Feb"), QT_TRANSLATE_NOOP("Briefing", "Mar"),
    QT_TRANSLATE_NOOP("Briefing", "Apr"), QT_TRANSLATE_NOOP("Briefing", "May"), QT_TRANSLATE_NOOP("Briefing", "Jun"),
    QT_TRANSLATE_NOOP("Briefing", "Jul"), QT_TRANSLATE_NOOP("Briefing", "Aug"), QT_TRANSLATE_NOOP("Briefing", "Sep"),
    QT_TRANSLATE_NOOP("Briefing", "Oct"), QT_TRANSLATE_NOOP("Briefing", "Nov"), QT_TRANSLATE_NOOP("Briefing", "Dec"),
)
_DAYS = (
    QT_TRANSLATE_NOOP("Briefing", "Mon"), QT_TRANSLATE_NOOP("Briefing", "Tue"), QT_TRANSLATE_NOOP("Briefing", "Wed"),
    QT_TRANSLATE_NOOP("Briefing", "Thu"), QT_TRANSLATE_NOOP("Briefing", "Fri"), QT_TRANSLATE_NOOP("Briefing", "Sat"),
    QT_TRANSLATE_NOOP("Briefing", "Sun"),
)
WORDS = {  # stored values shown as words (the workbook stores them in English)
    "unconfirmed": QT_TRANSLATE_NOOP("Briefing", "unconfirmed"),
    "confirmed": QT_TRANSLATE_NOOP("Briefing", "confirmed"),
    "achieved": QT_TRANSLATE_NOOP("Briefing", "achieved"),
    "dropped": QT_TRANSLATE_NOOP("Briefing", "dropped"),
    "strategic": QT_TRANSLATE_NOOP("Briefing", "Strategic"),
    "competitive": QT_TRANSLATE_NOOP("Briefing", "Competitive"),
    "interpersonal": QT_TRANSLATE_NOOP("Briefing", "Interpersonal"),
    "political": QT_TRANSLATE_NOOP("Briefing", "Political"),
    "financial": QT_TRANSLATE_NOOP("Briefing", "Financial"),
    "captured": QT_TRANSLATE_NOOP("Briefing", "captured"),
    "shaping": QT_TRANSLATE_NOOP("Briefing", "shaping"),
    "co-creating": QT_TRANSLATE_NOOP("Briefing", "co-creating"),
    "proposed": QT_TRANSLATE_NOOP("Briefing", "proposed"),
    "piloting": QT_TRANSLATE_NOOP("Briefing", "piloting"),
    "adopted": QT_TRANSLATE_NOOP("Briefing", "adopted"),
    "parked": QT_TRANSLATE_NOOP("Briefing", "parked"),
    "declined": QT_TRANSLATE_NOOP("Briefing", "declined"),
    "champion": QT_TRANSLATE_NOOP("Briefing", "champion"),
    "supporter": QT_TRANSLATE_NOOP("Briefing", "supporter"),
    "neutral": QT_TRANSLATE_NOOP("Briefing", "neutral"),
    "sceptic": QT_TRANSLATE_NOOP("Briefing", "sceptic"),
    "detractor": QT_TRANSLATE_NOOP("Briefing", "detractor"),
    "board": QT_TRANSLATE_NOOP("Briefing", "board"),
    "executive": QT_TRANSLATE_NOOP("Briefing", "executive"),
    "senior": QT_TRANSLATE_NOOP("Briefing", "senior"),
    "manager": QT_TRANSLATE_NOOP("Briefing", "manager"),
    "staff": QT_TRANSLATE_NOOP("Briefing", "staff"),
    "planned": QT_TRANSLATE_NOOP("Briefing", "planned"),
    "committed": QT_TRANSLATE_NOOP("Briefing", "committed"),
    "spent": QT_TRANSLATE_NOOP("Briefing", "spent"),
    "stopped": QT_TRANSLATE_NOOP("Briefing", "stopped"),
    "quote": QT_TRANSLATE_NOOP("Briefing", "quote"),
    "observation": QT_TRANSLATE_NOOP("Briefing", "observation"),
    "need": QT_TRANSLATE_NOOP("Briefing", "need"),
    "pressure": QT_TRANSLATE_NOOP("Briefing", "pressure"),
}
STANCE_COLOURS = {"champion": "#1e7a46", "supporter": "#3f7f5f", "neutral": "#5d6673", "sceptic": "#a3600b",
                  "detractor": "#b3261e"}


def tr(text: str, n: int = -1) -> str:
    """Translate a briefing string (context "Briefing"); with `n`, "%n" becomes the count."""
    return QCoreApplication.translate(CONTEXT, text, None, n)


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
    return tr(template).format(**{key: esc(value) for key, value in values.items()})


def label_of(value: str) -> str:
    """A stored value (a status, a stage, a stance…) as a translated word (not escaped)."""
    return tr(WORDS[value]) if value in WORDS else value


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
    return f"{date.day} {tr(_MONTHS[date.month - 1])} {date.year}"


def weekday(value: str) -> str:
    """"Thu 26 Nov 2026"."""
    date = _date(value)
    return f"{tr(_DAYS[date.weekday()])} {day(date)}" if date else esc(value)


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
        return tr("today")
    return tr("1 day ago") if days == 1 else tr("%1 days ago").replace("%1", str(days))


def count(n: int, one: str, many: str) -> str:
    """`one` (translated) when n is 1, else `many` (translated) with "%1" replaced by n."""
    return tr(one) if n == 1 else tr(many).replace("%1", str(n))
