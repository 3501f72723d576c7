"""Cell values: how the text of an imported cell becomes a workbook value, and how exported text is made safe.

Every parser here works on a whole column at once (a list of cell texts, one per row) and returns the values
together with a reason for every cell it could not read, so that an import can report each rejected cell.
Parsers never raise on bad data. They loop in plain Python on purpose: without pyarrow, pandas' string methods
run the same per-cell loop with more overhead (measured: `str.startswith` over 100,000 cells took 55 ms, the
list comprehension 6 ms), and values that repeat (choices, dates, periods) are parsed once each.

Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula.
`neutralise()` prefixes such text with a single quote when it is exported to CSV or XLSX, and `unneutralise()`
takes exactly one quote off again when a file is imported. Text that already starts with quotes in front of
such a character gets one more, so the round trip is exact. Numbers are never neutralised: a negative number
stays a number.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any

from immersion.domain.finance import parse_period

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTE = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED = re.compile(r"^'+[=+\-@\t\r]")


# -- formula neutralising ----------------------------------------------------------------------------------------


def neutralise(value: Any) -> Any:
    """`value` as it is written to a CSV or XLSX cell: text a spreadsheet would run gets a leading quote."""
    if isinstance(value, str) and _NEEDS_QUOTE.match(value):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """The inverse of `neutralise()` for one cell's text."""
    return value[1:] if _QUOTED.match(value) else value


def unneutralise_cells(cells: list[str]) -> list[str]:
    """`unneutralise()` over a column of text."""
    return [unneutralise(c) if c[:1] == "'" else c for c in cells]


# -- XLSX text -------------------------------------------------------------------------------------------------------

_OOXML_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_OOXML_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")


def ooxml_escape(text: str) -> str:
    """Text for an XLSX cell: control characters (a lone carriage return too, which XML would turn into a line
    feed) as Excel writes them, `_x000D_`; a literal `_xHHHH_` keeps its underscore as `_x005F_`."""
    return _OOXML_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def ooxml_unescape(text: str) -> str:
    """The inverse of `ooxml_escape()`, for text read from an XLSX cell (Excel escapes the same way)."""
    return _OOXML_ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


# -- results ---------------------------------------------------------------------------------------------------


class Parsed:
    """A parsed column: `values` (Python objects, None for empty cells) and `errors` (reason or None per row)."""

    __slots__ = ("errors", "values")

    def __init__(self, values: list[Any], errors: list[str | None]) -> None:
        self.values = values
        self.errors = errors

    def bad_rows(self) -> Iterable[tuple[int, str]]:
        return ((n, reason) for n, reason in enumerate(self.errors) if reason is not None)


def _by_unique(cells: list[str], parse: Callable[[str], tuple[Any, str | None]]) -> Parsed:
    """Apply `parse` once per distinct cell text (choices, periods and dates repeat a lot)."""
    cache: dict[str, tuple[Any, str | None]] = {}
    values: list[Any] = []
    errors: list[str | None] = []
    for cell in cells:
        result = cache.get(cell)
        if result is None:
            result = cache[cell] = parse(cell)
        values.append(result[0])
        errors.append(result[1])
    return Parsed(values, errors)


def quoted(value: str, limit: int = 40) -> str:
    """A cell's text for a message: shortened, in typographic quotes."""
    flat = " ".join(value.split())
    return f"“{flat[:limit]}…”" if len(flat) > limit else f"“{flat}”"


# -- text ------------------------------------------------------------------------------------------------------


def parse_text(cells: list[str], strip: bool = True) -> Parsed:
    """Free text; empty (after stripping blanks) is None."""
    values = [c.strip() or None for c in cells] if strip else [c or None for c in cells]
    return Parsed(values, [None] * len(values))


# -- numbers -------------------------------------------------------------------------------------------------------

_GROUPED = {
    ",": re.compile(r"[-+]?\d{1,3}(?:[.'’]\d{3})+(?:,\d*)?"),
    ".": re.compile(r"[-+]?\d{1,3}(?:[,'’]\d{3})+(?:\.\d*)?"),
}
_COMMA_DECIMAL = re.compile(r"[-+]?(?:\d{1,3}(?:\.\d{3})+|\d*),(?:\d{1,2}|\d{4,})")
_DOT_DECIMAL = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d*)\.(?:\d{1,2}|\d{4,})")


def detect_decimal(cells: Iterable[str], hint: str = ".") -> str:
    """"," when more number-like cells use a decimal comma than a decimal point, else "."; ties give `hint`.

    "1,234" and "1.234" say nothing (three digits after the mark could be a thousands group), so they are not
    counted.
    """
    comma = dot = 0
    for cell in cells:
        cell = cell.strip()
        if not cell or len(cell) > 40:
            continue
        if _COMMA_DECIMAL.fullmatch(cell):
            comma += 1
        elif _DOT_DECIMAL.fullmatch(cell):
            dot += 1
    if comma == dot:
        return hint
    return "," if comma > dot else "."


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_CURRENCY_MARK = re.compile(r"^(?:[€$£¥]|[A-Z]{3})|(?:[€$£¥]|[A-Z]{3})$")
_ACCOUNTING = re.compile(r"^\((.+)\)$")


def _clean_number(cell: str, decimal: str) -> float | None:
    """A number as people write it: blanks, currency marks, thousands groups and a decimal comma allowed."""
    text = _ACCOUNTING.sub(r"-\1", _CURRENCY_MARK.sub("", _SPACES.sub("", cell)))  # accounting negatives: (1,200)
    if _GROUPED[decimal].fullmatch(text):
        text = re.sub(r"[.'’]" if decimal == "," else r"[,'’]", "", text)
    if "," in text:
        if "." in text:
            return None  # both marks, but not a valid grouping
        text = text.replace(",", ".")  # one kind of mark is the decimal mark, whichever the file's is
    try:
        return float(text)
    except ValueError:
        return None


def parse_numbers(cells: list[str], decimal: str = ".", native: list[Any] | None = None,
                  whole: bool = False, low: float | None = None, high: float | None = None) -> Parsed:
    """Numbers (floats, or ints when `whole`), checked against `low`/`high`.

    Args:
        cells: the cells' text.
        decimal: the file's decimal mark, "." or ",".
        native: numbers typed as numbers in a spreadsheet (None where the cell held text); used as they are.
        whole: the field takes whole numbers only.
        low, high: the allowed range, inclusive.
    """
    values: list[Any] = []
    errors: list[str | None] = []
    for n, cell in enumerate(cells):
        typed = native[n] if native is not None else None
        if typed is not None and not isinstance(typed, (dt.date, dt.datetime)):
            number: float | None = float(typed)
        else:
            text = cell.strip()
            if not text:
                values.append(None)
                errors.append(None)
                continue
            try:  # the common case first: a plain number ("3", "-12.5") in a file with a decimal point
                number = float(text) if decimal == "." or not ("." in text or "," in text) else None
            except ValueError:
                number = None
            if number is None:
                number = _clean_number(text, decimal)
            if number is None or math.isnan(number) or math.isinf(number):
                values.append(None)
                errors.append(f"{quoted(text)} is not a number")
                continue
        if whole and number != int(number):
            values.append(None)
            errors.append(f"{_fmt(number)} is not a whole number")
            continue
        if (low is not None and number < low) or (high is not None and number > high):
            values.append(None)
            errors.append(_range_text(number, low, high))
            continue
        values.append(int(number) if whole else number)
        errors.append(None)
    return Parsed(values, errors)


def _fmt(number: float) -> str:
    return f"{number:g}"


def _range_text(number: float, low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{_fmt(number)} is out of range: must be between {_fmt(low)} and {_fmt(high)}"
    if low == 0:
        return f"{_fmt(number)} must not be negative"
    if low is not None:
        return f"{_fmt(number)} must be at least {_fmt(low)}"
    return f"{_fmt(number)} must be at most {_fmt(high)}"  # type: ignore[arg-type]


# -- choices (enums) ------------------------------------------------------------------------------------------------

_SYNONYMS: dict[str, str] = {
    "skeptic": "sceptic",
    "skeptical": "sceptic",
    "sceptical": "sceptic",
    "decisionmaker": "decision maker",
    "economicbuyer": "economic buyer",
    "technicalbuyer": "technical buyer",
    "cocreation": "co-creation",
    "cocreating": "co-creating",
    "businessreview": "business review",
    "tradespend": "trade spend",
    "comarketing": "co-marketing",
}


def _squash(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text.casefold())


def parse_choice(cells: list[str], enum: type[StrEnum], what: str) -> Parsed:
    """One of an enum's values, matched ignoring case, blanks, hyphens and underscores ("Co_Creating")."""
    by_key = {_squash(member.value): member.value for member in enum}
    allowed = ", ".join(member.value for member in enum)

    def parse(cell: str) -> tuple[Any, str | None]:
        cell = cell.strip()
        if not cell:
            return None, None
        key = _squash(cell)
        value = by_key.get(key) or by_key.get(_squash(_SYNONYMS.get(key, "")))
        if value is None:
            return None, f"unknown {what} {quoted(cell)} (one of: {allowed})"
        return value, None

    return _by_unique(cells, parse)


_TRUE = {"1", "true", "yes", "y", "x", "ja", "oui", "wahr", "vrai"}
_FALSE = {"0", "false", "no", "n", "nein", "non", "falsch", "faux"}


def parse_flags(cells: list[str]) -> Parsed:
    """Yes/no as 1/0."""

    def parse(cell: str) -> tuple[Any, str | None]:
        key = cell.strip().casefold()
        if not key:
            return None, None
        if key in _TRUE:
            return 1, None
        if key in _FALSE:
            return 0, None
        return None, f"{quoted(cell)} is not yes or no"

    return _by_unique(cells, parse)


# -- dates and periods --------------------------------------------------------------------------------------------

DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y", "%Y/%m/%d", "%d-%m-%Y", "%d.%m.%y",
                "%d/%m/%y", "%m/%d/%y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y")
_ISO_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def _try_format(cell: str, fmt: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(cell, fmt).date()
    except ValueError:
        return None


def _read_date(cell: str, formats: Sequence[str]) -> tuple[Any, str | None]:
    """A cell as a stored date ("YYYY-MM-DD") read with the first of `formats` that fits, or the error."""
    for fmt in formats:
        day = _try_format(cell, fmt)
        if day is not None:
            return day.isoformat(), None
    return None, f"bad date {quoted(cell)} (use a date such as 2026-07-31)"


def _date_formats(cells: list[str]) -> list[str]:
    """The date formats in the order that reads the most of these cells (day before month on a tie)."""
    sample = [c for c in cells if c][:500]
    scores = {fmt: sum(_try_format(c, fmt) is not None for c in sample) for fmt in DATE_FORMATS}
    return sorted(DATE_FORMATS, key=lambda fmt: -scores[fmt])


def parse_dates(cells: list[str], native: list[Any] | None = None) -> Parsed:
    """Calendar dates, stored as "YYYY-MM-DD"; a time of day after an ISO date is dropped.

    A column is read with the formats that fit most of its cells, so 03/04/2026 is the 3rd of April in a file
    of days first and the 4th of March in a file of months first (days first when nothing tells).
    """
    formats = _date_formats(list(dict.fromkeys(c.strip() for c in cells[:5000])))

    def parse(cell: str) -> tuple[Any, str | None]:
        cell = cell.strip()
        if not cell:
            return None, None
        stamp = _ISO_TIME.fullmatch(cell)
        return _read_date(stamp.group(1) if stamp else cell, formats)

    parsed = _by_unique(cells, parse)
    _take_native(parsed.values, parsed.errors, native,
                 lambda v: v.date().isoformat() if isinstance(v, dt.datetime) else v.isoformat())
    return parsed


def parse_timestamps(cells: list[str], native: list[Any] | None = None) -> Parsed:
    """ISO-8601 times ("2026-07-31T09:00:00.000Z") kept as written, or dates, as the workbook stores them."""

    def parse(cell: str) -> tuple[Any, str | None]:
        cell = cell.strip()
        if not cell:
            return None, None
        if _ISO_STAMP.fullmatch(cell):
            return cell, None
        return _read_date(cell, DATE_FORMATS)

    parsed = _by_unique(cells, parse)
    _take_native(parsed.values, parsed.errors, native,
                 lambda v: v.strftime("%Y-%m-%dT%H:%M:%S.000Z") if isinstance(v, dt.datetime) else v.isoformat())
    return parsed


def _take_native(values: list[Any], errors: list[str | None], native: list[Any] | None,
                 convert: Callable[[Any], str]) -> None:
    """Dates a spreadsheet typed as dates replace whatever their text said."""
    if native is None:
        return
    for n, value in enumerate(native):
        if isinstance(value, (dt.date, dt.datetime)):
            values[n] = convert(value)
            errors[n] = None


_MONTHS = {name: n for n, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_PERIOD_FORMS = (
    (re.compile(r"[Qq]([1-4])[\s/\-]*(\d{4})"), lambda m: f"{m[2]}-Q{m[1]}"),
    (re.compile(r"(\d{4})[\s/\-]*[Qq]([1-4])"), lambda m: f"{m[1]}-Q{m[2]}"),
    (re.compile(r"(\d{1,2})[/.](\d{4})"), lambda m: f"{m[2]}-{int(m[1]):02d}"),
    (re.compile(r"(\d{4})/(\d{1,2})"), lambda m: f"{m[1]}-{int(m[2]):02d}"),
    (re.compile(r"([A-Za-z]{3})[a-z]*\.?[\s\-]*(\d{4})"),
     lambda m: f"{m[2]}-{_MONTHS[m[1].lower()]:02d}" if m[1].lower() in _MONTHS else m[0]),
    (re.compile(r"(\d{4})-(\d{2})-01(?:T.*)?"), lambda m: f"{m[1]}-{m[2]}"),
)


def parse_periods(cells: list[str], native: list[Any] | None = None) -> Parsed:
    """Quarters ("2026-Q3", "Q3 2026") and months ("2026-07", "07/2026", "Jul 2026"), stored canonically."""

    def parse(cell: str) -> tuple[Any, str | None]:
        cell = cell.strip()
        if not cell:
            return None, None
        candidate = cell
        for pattern, form in _PERIOD_FORMS:
            match = pattern.fullmatch(cell)
            if match:
                candidate = form(match)
                break
        try:
            return parse_period(candidate).text, None
        except ValueError:
            return None, f"bad period {quoted(cell)} (use a quarter such as 2026-Q3 or a month such as 2026-07)"

    parsed = _by_unique(cells, parse)
    if native is not None:
        for n, value in enumerate(native):
            if isinstance(value, (dt.date, dt.datetime)):
                parsed.values[n] = f"{value.year:04d}-{value.month:02d}"
                parsed.errors[n] = None
    return parsed
