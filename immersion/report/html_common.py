"""Small pieces of briefing HTML shared by the cover and the sections: sub-lines, stances, action tails, charts.

Each takes workbook text and escapes it (`format.esc`); none reads anything but its arguments.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP

from immersion.report.format import STANCE_COLOURS, Report, day, esc, word
from immersion.report.model import ActionLine

_KINDS = {
    "discovery": QT_TRANSLATE_NOOP("Report", "Discovery meeting"),
    "co-creation": QT_TRANSLATE_NOOP("Report", "Co-creation session"),
    "business review": QT_TRANSLATE_NOOP("Report", "Business review"),
    "executive": QT_TRANSLATE_NOOP("Report", "Executive meeting"),
    "social": QT_TRANSLATE_NOOP("Report", "Social meeting"),
}


class ChartRef(Protocol):
    """A rendered chart as the HTML places it: its internal URL and its size on the page, in px."""

    @property
    def url(self) -> str: ...

    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...


def meeting_kind(kind: str) -> str:
    """A meeting kind as words, translated (not escaped)."""
    return Report.tr(_KINDS[kind]) if kind in _KINDS else kind


def sub(value: str | None, br: bool = False) -> str:
    """A muted sub-line (escaped), after a line break when `br`; empty for no value."""
    if not value:
        return ""
    return f'{"<br/>" if br else ""}<span class="sub">{esc(value)}</span>'


def stance(value: str | None) -> str:
    """A stance as a coloured word."""
    if not value:
        return ""
    colour = STANCE_COLOURS.get(value, "#5d6673")
    return f'<span class="stance" style="color: {colour}">{word(value)}</span>'


def action_tail(item: ActionLine) -> str:
    """"— owner, due 8 Nov 2026" and an overdue flag, after an action item's text."""
    who_and_when = esc(item.owner or Report.tr("unassigned"))
    if item.due_date:
        who_and_when += ", " + esc(Report.tr("due")) + " " + day(item.due_date)
    return f'<span class="sub">— {who_and_when}</span>{overdue_flag(item)}'


def overdue_flag(item: ActionLine) -> str:
    """The flag after an overdue action item (with a space before it); empty for one that is not overdue."""
    if not item.overdue:
        return ""
    overdue = esc(Report.tr("overdue"))
    return f' <span class="overdue">{overdue}</span>'


def chart(ref: ChartRef | None, alt: str) -> str:
    """A rendered chart, by its internal URL, at its size on the page."""
    if ref is None:
        return ""
    return (f'<p class="chart"><img src="{esc(ref.url)}" width="{ref.width}" height="{ref.height}" '
            f'alt="{esc(alt)}"/></p>')


def keep(html: str) -> str:
    """`html` in a borderless one-cell table: the pages keep it together (`paginate.py`), e.g. a chart with the
    sentence that introduces it."""
    return f'<table class="keep" width="100%" cellspacing="0" cellpadding="0"><tr><td>{html}</td></tr></table>'


def heading(title: str, level: int = 3) -> str:
    """A heading inside a section (h3) or of a portfolio page (h2); the title is translated already."""
    return f"<h{level}>{esc(title)}</h{level}>"


def empty(message: str) -> str:
    """A muted line saying there is nothing to show (the message is translated already)."""
    return f'<p class="empty">{esc(message)}</p>'


def table(head: list[tuple[str, str, bool]], rows: list[str]) -> str:
    """A listing whose header repeats on every page: `head` is (width, translated title, right-aligned)."""
    cells = "".join(f'<th width="{width}"{NUM if right else ""}>{esc(title)}</th>' for width, title, right in head)
    return f'<table class="list" width="100%" cellspacing="0"><thead><tr>{cells}</tr></thead>{"".join(rows)}</table>'


NUM = ' class="num"'
"""The attribute of a right-aligned (numeric) cell."""
