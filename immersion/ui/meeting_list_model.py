"""The account's meetings as a list: a model over `store.meetings.meetings_for_account` and a delegate that
draws each meeting as a small card (when, kind, title, who) under an "Upcoming" or "Past" divider."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QLocale,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from immersion.ui import theme
from immersion.ui.row_model import ID_ROLE, ROW_ROLE, Index, Row, RowListModel

SECTION_ROLE = Qt.ItemDataRole.UserRole + 4  # "upcoming" or "past"
FIRST_ROLE = Qt.ItemDataRole.UserRole + 5  # whether the row opens its section (the divider is drawn above it)

KINDS = {  # stored value: (untranslated label, colour)
    "discovery": (QT_TRANSLATE_NOOP("Meetings", "Discovery"), "#2f8f8a"),
    "co-creation": (QT_TRANSLATE_NOOP("Meetings", "Co-creation"), "#7a4fd4"),
    "business review": (QT_TRANSLATE_NOOP("Meetings", "Business review"), "#2a6fd6"),
    "executive": (QT_TRANSLATE_NOOP("Meetings", "Executive"), "#b86e12"),
    "social": (QT_TRANSLATE_NOOP("Meetings", "Social"), "#3f8f3f"),
}
SECTIONS = {"upcoming": QT_TRANSLATE_NOOP("Meetings", "Upcoming"), "past": QT_TRANSLATE_NOOP("Meetings", "Past")}


def kind_label(kind: str) -> str:
    source = KINDS.get(kind, (kind.capitalize(), ""))[0]
    return QCoreApplication.translate("Meetings", source)


def kind_colour(kind: str) -> QColor:
    """The accent of a meeting kind, readable on the current palette."""
    colour = QColor(KINDS.get(kind, ("", "#7a808a"))[1] or "#7a808a")
    return colour.lighter(150) if theme.is_dark() else colour


def moment_text(iso: str) -> str:
    """ "Thu 4 Dec 2026 · 11:00" in the user's language."""
    moment = QDateTime.fromString(iso[:19], "yyyy-MM-ddTHH:mm:ss")
    if not moment.isValid():
        return iso
    locale = QLocale()
    return f"{locale.toString(moment.date(), 'ddd d MMM yyyy')} · {locale.toString(moment.time(), 'HH:mm')}"


def attendees_text(row: Row) -> str:
    """ "Olivia Grant, Martin A. — with Claire, Studio Brightline" or a hint when nobody is recorded."""
    customer, ours = ", ".join(row.get("customer", ())), ", ".join(row.get("ours", ()))
    if customer and ours:
        return QCoreApplication.translate("Meetings", "%1 · with %2").replace("%1", customer).replace("%2", ours)
    return customer or ours or QCoreApplication.translate("Meetings", "No attendees recorded")


class MeetingListModel(RowListModel):
    """Meetings in the store's order (upcoming soonest first, then past most recent first)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row["title"]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join((row["title"], f"{kind_label(row['kind'])} · {moment_text(row['starts_at'])}",
                              attendees_text(row)))
        if role == ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return row
        if role == SECTION_ROLE:
            return "upcoming" if row["upcoming"] else "past"
        if role == FIRST_ROLE:
            return index.row() == 0 or self._rows[index.row() - 1]["upcoming"] != row["upcoming"]
        return None


class MeetingDelegate(QStyledItemDelegate):
    """Draws a meeting as three lines — when and kind, title, attendees — under its section's divider."""

    PAD = 10

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        size = base.pointSizeF()
        if size > 0:
            small.setPointSizeF(size * 0.88)
        return base, bold, small

    def _divider_height(self, option: QStyleOptionViewItem) -> int:
        return round(option.fontMetrics.height() * 2.0)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        height = 3 * metrics.lineSpacing() + 2 * self.PAD + 4
        if index.data(FIRST_ROLE):
            height += self._divider_height(option)
        return QSize(220, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: Row = index.data(ROW_ROLE)
        painter.save()
        palette = option.palette
        rect = QRect(option.rect)
        if index.data(FIRST_ROLE):
            divider = QRect(rect.left(), rect.top(), rect.width(), self._divider_height(option))
            self._paint_divider(painter, option, divider, index.data(SECTION_ROLE))
            rect.setTop(divider.bottom() + 1)
        card = rect.adjusted(6, 2, -6, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlpha(48 if theme.is_dark() else 34)
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(fill)
            painter.drawRoundedRect(card.adjusted(0, 0, -1, -1), 6, 6)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(card, 6, 6)
        stripe = kind_colour(row["kind"])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stripe)
        painter.drawRoundedRect(QRect(card.left() + 4, card.top() + 8, 3, card.height() - 16), 1.5, 1.5)
        self._paint_text(painter, option, card.adjusted(self.PAD + 6, self.PAD - 2, -self.PAD, -self.PAD + 2), row,
                         stripe)
        painter.restore()

    def _paint_divider(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, section: str) -> None:
        _base, _bold, small = self._fonts(option)
        small.setBold(True)
        small.setCapitalization(QFont.Capitalization.AllUppercase)
        small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        painter.setFont(small)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        text_rect = rect.adjusted(self.PAD + 2, 0, -self.PAD, -4)
        label = QCoreApplication.translate("Meetings", SECTIONS.get(section, section))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), label)
        width = painter.fontMetrics().horizontalAdvance(label)
        line_y = text_rect.bottom() - painter.fontMetrics().height() // 2 + 1
        rule = QColor(option.palette.color(QPalette.ColorRole.Mid))
        painter.setPen(rule)
        painter.drawLine(text_rect.left() + width + 8, line_y, text_rect.right(), line_y)

    def _paint_text(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, row: Row,
                    accent: QColor) -> None:
        _base, bold, small = self._fonts(option)
        palette = option.palette
        text, muted = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.PlaceholderText)
        line = option.fontMetrics.lineSpacing()
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.setFont(small)
        kind = kind_label(row["kind"])
        kind_width = painter.fontMetrics().horizontalAdvance(kind)
        painter.setPen(accent)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), kind)
        painter.setPen(text if row["upcoming"] else muted)
        _draw_line(painter, top.adjusted(0, 0, -kind_width - 12, 0), moment_text(row["starts_at"]))
        painter.setFont(bold)
        painter.setPen(text)
        _draw_line(painter, top.translated(0, line + 1), row["title"])
        painter.setFont(small)
        painter.setPen(muted)
        _draw_line(painter, top.translated(0, 2 * (line + 1)), attendees_text(row))


def _draw_line(painter: QPainter, rect: QRect, text: str) -> None:
    """One line of text, cut short with "…" when it does not fit."""
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width()))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
