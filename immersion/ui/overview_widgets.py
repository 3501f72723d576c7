"""The overview page's widgets: key-figure cards and the gap list, each a click away from what it is about.

`LinkArea` is the clickable base: with a target it is focusable, activated by a click, Enter or Space, and
outlined on hover and focus; without one it is plain content. A `FigureCard` shows one key figure; the
`GapList` shows the account's gaps grouped by kind, each a `GapRow` with a `GapIcon` in its kind's colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from immersion.domain.gap_finder import GapKind
from immersion.texts import TextContext
from immersion.ui import formatting, theme
from immersion.ui.pages import Target
from immersion.ui.widgets import Caption, Card, Heading

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QPaintEvent, QResizeEvent

    from immersion.domain.gap_finder import Gap

_GAP_KINDS: dict[GapKind, tuple[str, str, str]] = {  # colour, then title and meaning (context "Overview")
    GapKind.UNCOVERED_TOP_GOAL: ("#c77c12", QT_TRANSLATE_NOOP("Overview", "Uncovered top goals"),
                                 QT_TRANSLATE_NOOP("Overview", "A goal in the top three of the agenda with "
                                                               "no active idea and no money behind it.")),
    GapKind.ORPHAN_SPEND: ("#7a4fd4", QT_TRANSLATE_NOOP("Overview", "Orphan spend"), QT_TRANSLATE_NOOP(
        "Overview", "Committed or spent money linked to no customer goal; it lowers the alignment index.")),
    GapKind.HOSTILE_INFLUENCER: ("#c4403f", QT_TRANSLATE_NOOP("Overview", "Hostile influencers"),
                                 QT_TRANSLATE_NOOP("Overview", "A stakeholder with influence 4 or 5 who is a "
                                                               "sceptic or a detractor.")),
    GapKind.FORGOTTEN_INFLUENCER: ("#2f78c4", QT_TRANSLATE_NOOP("Overview", "Forgotten influencers"),
                                   QT_TRANSLATE_NOOP("Overview", "A stakeholder with influence 4 or 5 not "
                                                                 "contacted for more than 60 days.")),
    GapKind.UNCONFIRMED_GOAL: ("#5f8580", QT_TRANSLATE_NOOP("Overview", "Unconfirmed goals"),
                               QT_TRANSLATE_NOOP("Overview", "A goal we believe the customer has, not yet "
                                                             "confirmed by the customer.")),
}


Overview = TextContext("Overview")  # texts written Overview.tr("…"), as pyside6-lupdate reads them


class LinkArea(Card):
    """A card (or, unframed, a plain area) that leads somewhere: with a target it is focusable, activated by a
    click, Enter or Space, and outlined on hover and focus; without one it is plain content.

    Signals:
        activated(Target): the user asked to go to the target.
    """

    activated = Signal(object)
    framed = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: Target | None = None

    def set_target(self, target: Target | None) -> None:
        self.target = target
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, target is not None)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if target else Qt.FocusPolicy.NoFocus)
        if target:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.target and event.button() == Qt.MouseButton.LeftButton:
            event.accept()  # so that the release comes here too, whichever label it lands on
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if self.target and event.button() == Qt.MouseButton.LeftButton and inside:
            self.activated.emit(self.target)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.target and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.target)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.framed:
            super().paintEvent(event)
        if not self.target or not (self.hasFocus() or self.underMouse()):
            return
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        if not self.hasFocus():
            colour.setAlpha(150)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 2 if self.hasFocus() else 1))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        painter.end()


class ElidedCaption(Caption):
    """A one-line caption showing as much of its text as fits, ending in "…"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.full_text = ""
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(0, self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_full_text(self.full_text)


class FigureCard(LinkArea):
    """A key figure: a caption, a large value, a detail line and an optional note cut to one line."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = Caption(caption, self)
        self.value = QLabel(self)
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setFont(theme.scaled_font(self, 1.9, bold=True))
        self.detail = Caption("", self)
        self.note = ElidedCaption(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        for label in (self.caption, self.value, self.detail, self.note):
            layout.addWidget(label)
        layout.addStretch(1)
        self.setMinimumWidth(150)

    def show_figure(self, value: str, detail: str, tooltip: str, target: Target | None,
                    note: str = "") -> None:
        """Show a value; with a target, the card says in its tooltip that it opens the target's page."""
        self.value.setText(value)
        self.detail.setText(detail or " ")  # keeps the cards of a row level
        self.note.set_full_text(note)
        self.note.setVisible(bool(note))
        if target is not None:
            tooltip += "\n\n" + Overview.tr("Click or press Enter to open it.")
        self.setToolTip(tooltip)
        self.setAccessibleName(f"{self.caption.text()}: {value} {detail} {note}".strip())
        self.set_target(target)


class GapIcon(QWidget):
    """A small drawn symbol in the colour of the gap's kind: a target for goals, a banknote, a person."""

    def __init__(self, kind: GapKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setFixedSize(22, 22)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = gap_colour(self.kind)
        fill = QColor(ink)
        fill.setAlpha(60 if theme.is_dark() else 36)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(QRectF(0, 0, 22, 22))
        painter.setPen(QPen(ink, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.kind in (GapKind.UNCOVERED_TOP_GOAL, GapKind.UNCONFIRMED_GOAL):
            painter.drawEllipse(QRectF(6, 6, 10, 10))
            painter.setBrush(ink)
            painter.drawEllipse(QRectF(9.5, 9.5, 3, 3))
        elif self.kind == GapKind.ORPHAN_SPEND:
            painter.drawRoundedRect(QRectF(5, 7, 12, 8), 1.5, 1.5)
            painter.drawEllipse(QRectF(9, 9, 4, 4))
        else:
            painter.drawEllipse(QRectF(8, 4.5, 6, 6))
            painter.drawArc(QRectF(5, 12, 12, 10), 0, 180 * 16)
        painter.end()


def gap_colour(kind: GapKind) -> QColor:
    """The colour of a kind of gap, readable on the current palette."""
    colour = QColor(_GAP_KINDS[kind][0])
    return colour.lighter(150) if theme.is_dark() else colour


class GapRow(LinkArea):
    """One gap: its icon, its sentence, and a chevron when it links to the item it is about."""

    framed = False

    def __init__(self, gap: Gap, target: Target | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gap = gap
        self.text = QLabel(gap.text, self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 10, 4)
        layout.setSpacing(10)
        layout.addWidget(GapIcon(gap.kind, self), 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(Caption("›" if target else "", self))
        where = (Overview.tr("Click or press Enter to show it.") if target
                 else Overview.tr("Its page is not available yet."))
        self.setToolTip(f"{Overview.tr(_GAP_KINDS[gap.kind][2])}\n{where}")
        self.setAccessibleName(gap.text)
        self.set_target(target)


class GapList(QWidget):
    """The account's gaps grouped by kind, under a heading that counts them.

    Signals:
        activated(Target): the user asked to see the item of a gap.
    """

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[GapRow] = []
        self._shown: list[object] | None = None
        self.title = Heading(self.tr("Gaps"), 1.1, self)
        self.hint = Caption("", self)
        self.card = Card(self)
        self.items = QVBoxLayout(self.card)
        self.items.setContentsMargins(8, 10, 8, 10)
        self.items.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.title, self.hint):
            layout.addWidget(widget)
        layout.addSpacing(4)
        layout.addWidget(self.card)
        layout.addStretch(1)

    def show_gaps(self, gaps: Sequence[Gap], targets: Sequence[Target | None],
                  no_goals: bool = False) -> None:
        """Show `gaps`, each leading to its target (or nowhere); unchanged gaps keep their rows and focus.

        Args:
            no_goals: the account has no open goals yet, so there is nothing to measure gaps against.
        """
        shown: list[object] = [(g.kind, g.ref_table, g.ref_id, g.text, t) for g, t in zip(gaps, targets,
                                                                                         strict=True)]
        shown.append(no_goals)
        if shown == self._shown:
            return
        focused = next(((r.gap.kind, r.gap.ref_id) for r in self.rows if r.hasFocus()), None)
        while (item := self.items.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self._shown, self.rows = shown, []
        self.title.setText(self.tr("Gaps") + (f" ({formatting.count_text(len(gaps))})" if gaps else ""))
        if gaps:
            self.hint.setText(self.tr("What deserves attention before the next meeting."))
        elif no_goals:
            self.hint.setText(self.tr("Gaps are measured against the customer's goals: put them on the "
                                      "boardroom agenda first."))
        else:
            self.hint.setText(self.tr("No gaps: the top goals have effort behind them, all money serves a "
                                      "goal, the key people are with us and every goal is confirmed."))
        self.card.setVisible(bool(gaps))
        for gap, target in zip(gaps, targets, strict=True):
            if not self.rows or self.rows[-1].gap.kind != gap.kind:
                header = Caption(Overview.tr(_GAP_KINDS[gap.kind][1]), self.card)
                header.setToolTip(Overview.tr(_GAP_KINDS[gap.kind][2]))
                header.setContentsMargins(8, 8 if self.rows else 0, 0, 2)
                self.items.addWidget(header)
            row = GapRow(gap, target, self.card)
            row.activated.connect(self.activated)
            self.items.addWidget(row)
            self.rows.append(row)
            if (gap.kind, gap.ref_id) == focused and target is not None:
                row.setFocus()
