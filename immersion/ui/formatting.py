"""How numbers, dates and enumerations read on screen, in one place so that every page says them alike."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt

# The POSIX "C" locale (headless sessions, LANG=C) writes 1545500 with no digit grouping; numbers are for
# people, so such a session reads them in English instead.
if QLocale().language() == QLocale.Language.C:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

UNDEFINED = "—"  # an index that cannot be computed is shown as a dash, never as 0

_TIERS = {
    "strategic": QT_TRANSLATE_NOOP("Tier", "Strategic"),
    "key": QT_TRANSLATE_NOOP("Tier", "Key"),
    "growth": QT_TRANSLATE_NOOP("Tier", "Growth"),
    "maintain": QT_TRANSLATE_NOOP("Tier", "Maintain"),
}
TIER_ORDER = tuple(_TIERS)


def tier_label(tier: str) -> str:
    """The translated name of a tier value as the workbook stores it ("key" → "Key")."""
    source = _TIERS.get(tier)
    return QCoreApplication.translate("Tier", source) if source else tier.capitalize()


def tier_rank(tier: str) -> int:
    """Sort position of a tier: strategic first, unknown values last."""
    return TIER_ORDER.index(tier) if tier in TIER_ORDER else len(TIER_ORDER)


def alignment_text(value: float | None) -> str:
    """The alignment index as a whole number 0–100, or a dash when it is undefined."""
    if value is None:
        return UNDEFINED
    return QLocale().toString(round(value))


def count_text(value: int) -> str:
    return QLocale().toString(int(value))


def parse_date(iso: str | None) -> QDate | None:
    """The date part of an ISO-8601 date or timestamp; None when missing or unreadable."""
    if not iso:
        return None
    date = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    return date if date.isValid() else None


def date_text(iso: str | None) -> str:
    """A date like "14 Mar 2025" in the user's language, or a dash."""
    date = parse_date(iso)
    return QLocale().toString(date, "d MMM yyyy") if date is not None else UNDEFINED


def days_text(iso: str | None, today: QDate | None = None) -> str:
    """How far a date lies from today: "today", "in 3 days", "12 days ago"; empty when there is no date."""
    date = parse_date(iso)
    if date is None:
        return ""
    days = (today or QDate.currentDate()).daysTo(date)
    if days == 0:
        return QCoreApplication.translate("Dates", "today")
    if days == 1:
        return QCoreApplication.translate("Dates", "tomorrow")
    if days == -1:
        return QCoreApplication.translate("Dates", "yesterday")
    if days > 0:
        return QCoreApplication.translate("Dates", "in %n days", "", days)
    return QCoreApplication.translate("Dates", "%n days ago", "", -days)


def number_text(value: float | None, decimals: int = 0) -> str:
    """A number with the user's digit grouping ("1,250,000"), or a dash."""
    if value is None:
        return UNDEFINED
    return QLocale().toString(float(value), "f", decimals)


def money_text(value: float | None, currency: str = "", decimals: int = 0) -> str:
    """An amount in the account's currency, e.g. "€ 40,000" / "GBP 40,000" — the code when there is no symbol."""
    if value is None:
        return UNDEFINED
    symbol = {"EUR": "€", "GBP": "£", "USD": "$", "JPY": "¥", "CHF": "CHF "}.get(currency, f"{currency} " if currency else "")
    sign = "−" if value < 0 else ""
    return f"{sign}{symbol}{QLocale().toString(abs(float(value)), 'f', decimals)}"
