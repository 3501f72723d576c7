"""The card of an idea on the curation board, painted by a delegate: no widget per card, so 2,000 are cheap.

A card shows the title on up to two lines, the mutual value in its quadrant's colour with the effort and the
days in the stage, the goals the idea serves as chips (filled by link strength), and where it came from. Every
card of a board has the same height, so the list views can lay out thousands of them without measuring each.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from immersion.store.idea_queries import EXITS
from immersion.ui import idea_labels as labels
from immersion.ui.idea_labels import Ideas
from immersion.ui.row_model import ROW_ROLE

Index = QModelIndex | QPersistentModelIndex
PAD_X, PAD_Y, GAP = 10, 7, 4  # inside a card
OUTER_X, OUTER_Y = 4, 3  # between cards


def wrap(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """`text` broken into at most `lines` lines of `width` pixels at word boundaries, the last one elided."""
    words, result, current = text.split(), [], ""
    while words and len(result) < lines - 1:
        candidate = f"{current} {words[0]}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            words.pop(0)
            if metrics.horizontalAdvance(current) > width:  # one word longer than the line: cut it
                result.append(metrics.elidedText(current, Qt.TextElideMode.ElideRight, width))
                current = ""
        else:
            result.append(current)
            current = ""
    rest = " ".join([current, *words]).strip()
    if rest:
        result.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return result[:lines]


class CardDelegate(QStyledItemDelegate):
    """Paints idea cards from the model's row dicts (`ROW_ROLE`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        base = parent.font() if parent is not None else QFont()
        self.title_font = QFont(base)
        self.title_font.setBold(True)
        self.small_font = QFont(base)
        size = base.pointSizeF()
        if size > 0:
            self.small_font.setPointSizeF(size * 0.88)
        self.bold_small = QFont(self.small_font)
        self.bold_small.setBold(True)

    # -- geometry ------------------------------------------------------------------------------------------

    def card_height(self) -> int:
        title, small = QFontMetrics(self.title_font), QFontMetrics(self.small_font)
        chip = small.height() + 4
        # Two title lines, the figures, the chips and the origin.
        lines = title.lineSpacing() * 2 + small.height() + 2 + chip + small.height()
        return PAD_Y * 2 + lines + GAP * 3 + OUTER_Y * 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(140, self.card_height())

    # -- painting ------------------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ROW_ROLE)
        if not row:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        self.paint_card(painter, QRect(option.rect), row, option.palette, selected, focused)

    def paint_card(self, painter: QPainter, rect: QRect, row: dict[str, Any], palette: QPalette,
                   selected: bool, focused: bool = False) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(rect).adjusted(OUTER_X + 0.5, OUTER_Y + 0.5, -OUTER_X - 0.5, -OUTER_Y - 0.5)
        base, highlight = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight)
        fill = _blend(base, highlight, 0.14) if selected else base
        border = highlight if selected else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 6, 6)
        accent = labels.quadrant_colour(row["quadrant"])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(QRectF(card.left() + 1.5, card.top() + 6, 3.5, card.height() - 12), 1.5, 1.5)

        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        left, width = int(card.left()) + PAD_X + 2, int(card.width()) - PAD_X * 2 - 2
        y = int(card.top()) + PAD_Y
        title = QFontMetrics(self.title_font)
        painter.setFont(self.title_font)
        painter.setPen(text)
        for line in wrap(row["title"], title, width, 2):
            painter.drawText(QRect(left, y, width, title.lineSpacing()), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, line)
            y += title.lineSpacing()
        y = int(card.top()) + PAD_Y + title.lineSpacing() * 2 + GAP
        y = self._figures(painter, row, left, y, width, accent, text, muted)
        y = self._chips(painter, row, left, y + GAP, width, palette, muted)
        self._origin(painter, row, left, y + GAP, width, muted)
        if focused and not selected:
            painter.setPen(QPen(highlight, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(2, 2, -2, -2), 5, 5)
        painter.restore()

    def _figures(self, painter: QPainter, row: dict[str, Any], left: int, y: int, width: int, accent: QColor,
                 text: QColor, muted: QColor) -> int:
        """The mutual value as a pill in the quadrant's colour, the effort, and the days in the stage."""
        small, bold = QFontMetrics(self.small_font), QFontMetrics(self.bold_small)
        height = small.height() + 2
        value = str(row["mutual_value"])
        pill = QRectF(left, y, bold.horizontalAdvance(value) + 12, height)
        fill = QColor(accent)
        fill.setAlpha(60 if _dark(text) else 34)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(self.bold_small)
        painter.setPen(accent if _dark(text) else accent.darker(125))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, value)
        painter.setFont(self.small_font)
        painter.setPen(muted)
        age = Ideas.tr("%1 d").replace("%1", str(row.get("stage_days", 0)))
        effort = Ideas.tr("effort %1").replace("%1", str(row["effort"]))
        x = int(pill.right()) + 6
        room = left + width - x
        age_width = small.horizontalAdvance(age)
        if small.horizontalAdvance(effort) + age_width + 8 <= room:  # the days in the stage give way first
            painter.drawText(QRect(left + width - age_width, y, age_width, height),
                             Qt.AlignmentFlag.AlignVCenter, age)
        painter.drawText(QRect(x, y, room, height), Qt.AlignmentFlag.AlignVCenter,
                         small.elidedText(effort, Qt.TextElideMode.ElideRight, room))
        return y + height

    def _chips(self, painter: QPainter, row: dict[str, Any], left: int, y: int, width: int, palette: QPalette,
               muted: QColor) -> int:
        """Goal chips on one line: as many as fit, then "+n"; a strong link is filled, a weak one outlined."""
        small = QFontMetrics(self.small_font)
        height = small.height() + 4
        painter.setFont(self.small_font)
        goals = row.get("goals") or []
        if not goals:
            painter.setPen(muted)
            none = small.elidedText(Ideas.tr("No goal linked"), Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, y, width, height), Qt.AlignmentFlag.AlignVCenter, none)
            return y + height
        ink = palette.color(QPalette.ColorRole.Link)
        x, right = left, left + width
        for number, goal in enumerate(goals):
            left_over = len(goals) - number - 1
            reserve = small.horizontalAdvance(f"+{left_over}") + 6 if left_over else 0
            room = right - x - reserve - 12  # 12: the chip's padding
            whole = small.horizontalAdvance(goal["title"])
            if number and room < min(whole, 56):  # a later chip only when enough of it shows
                painter.setPen(muted)
                painter.drawText(QRect(x, y, right - x, height), Qt.AlignmentFlag.AlignVCenter,
                                 f"+{left_over + 1}")
                break
            label = small.elidedText(goal["title"], Qt.TextElideMode.ElideRight, max(0, room))
            chip = QRectF(x + 0.5, y + 0.5, small.horizontalAdvance(label) + 12, height - 1)
            fill = QColor(ink)
            fill.setAlpha({3: 70, 2: 34}.get(goal["strength"], 0))
            painter.setBrush(fill)
            painter.setPen(QPen(ink, 1))
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            x = int(chip.right()) + 5
        return y + height

    def _origin(self, painter: QPainter, row: dict[str, Any], left: int, y: int, width: int,
                muted: QColor) -> None:
        """Where the idea came from (a meeting with a calendar mark); for a parked or declined idea, why."""
        small = QFontMetrics(self.small_font)
        painter.setFont(self.small_font)
        painter.setPen(QPen(muted, 1))
        x = left
        if row["stage"] in EXITS and row.get("stage_reason"):
            italic = QFont(self.small_font)
            italic.setItalic(True)
            painter.setFont(italic)
            reason = QFontMetrics(italic).elidedText(row["stage_reason"], Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, y, width, small.height()), Qt.AlignmentFlag.AlignVCenter, reason)
            return
        if row.get("meeting_title"):
            mark = QRectF(left + 0.5, y + small.height() / 2 - 4.5, 9, 9)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(mark)
            painter.drawLine(int(mark.left()), int(mark.top()) + 3, int(mark.right()), int(mark.top()) + 3)
            x += 14
        text = small.elidedText(labels.origin_text(row), Qt.TextElideMode.ElideRight, left + width - x)
        painter.drawText(QRect(x, y, left + width - x, small.height()), Qt.AlignmentFlag.AlignVCenter, text)

    def pixmap(self, row: dict[str, Any], width: int, palette: QPalette, ratio: float = 1.0) -> QPixmap:
        """A picture of the card, shown under the mouse while it is dragged."""
        size = QSize(width, self.card_height())
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setOpacity(0.9)
        self.paint_card(painter, QRect(0, 0, size.width(), size.height()), row, palette, True)
        painter.end()
        return pixmap


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
    def mix(x: int, y: int) -> int:
        return round(x + (y - x) * amount)

    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()))


def _dark(text: QColor) -> bool:
    """Whether the palette is dark: its text is light."""
    return text.lightness() > 128
