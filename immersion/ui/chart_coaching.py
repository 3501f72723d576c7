"""The coaching panel of the Alignment page: the rules that fire for the account, each with its reason and a
link to the item it is about (`immersion.domain.coaching`).

Rows are rebuilt only when the tips change, so a refresh after an unrelated edit keeps the keyboard focus where
it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from immersion.domain.charts_data import ItemRef
from immersion.domain.coaching import Tip, TipKind
from immersion.texts import TextContext
from immersion.ui import theme
from immersion.ui.chart_card import target_for
from immersion.ui.overview_widgets import LinkArea
from immersion.ui.pages import Target
from immersion.ui.widgets import Caption, Card, Heading

TITLES = {  # colour, then the rule's name (context "Coaching")
    TipKind.UNCOVERED_TOP_GOAL: ("#c77c12", QT_TRANSLATE_NOOP("Coaching", "Top goal with nothing behind it")),
    TipKind.ORPHAN_SPEND: ("#7a4fd4", QT_TRANSLATE_NOOP("Coaching", "Orphan spend above 10%")),
    TipKind.KEY_STAKEHOLDER: ("#c4403f", QT_TRANSLATE_NOOP("Coaching", "Key stakeholder at risk")),
    TipKind.UNCONFIRMED_GOAL: ("#5f8580", QT_TRANSLATE_NOOP("Coaching", "Goal still unconfirmed")),
    TipKind.STALLED_PILOT: ("#2f78c4", QT_TRANSLATE_NOOP("Coaching", "Pilot running too long")),
}


Coaching = TextContext("Coaching")  # texts written Coaching.tr("…"), as pyside6-lupdate reads them


def tip_colour(kind: TipKind) -> QColor:
    colour = QColor(TITLES[kind][0])
    return colour.lighter(150) if theme.is_dark() else colour


class TipRow(LinkArea):
    """One rule that fires: a coloured mark, the rule's name, the reason, and a chevron when it links."""

    framed = False

    def __init__(self, tip: Tip, target: Target | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tip = tip
        self.mark = QLabel("●", self)
        self.mark.setStyleSheet(f"color: {tip_colour(tip.kind).name()}")
        self.name = QLabel(Coaching.tr(TITLES[tip.kind][1]), self)
        self.name.setFont(theme.scaled_font(self.name, 1.0, bold=True))
        self.reason = QLabel(tip.reason, self)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.name)
        text.addWidget(self.reason)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 10, 6)
        layout.setSpacing(10)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        layout.addWidget(Caption("›" if target else "", self))
        where = (Coaching.tr("Click or press Enter to show it.") if target
                 else Coaching.tr("Its page is not available yet."))
        self.setToolTip(f"{tip.reason}\n{where}")
        self.setAccessibleName(f"{self.name.text()}: {tip.reason}")
        self.set_target(target)


class CoachingList(QWidget):
    """The coaching rules that fire, under a heading that counts them.

    Signals:
        activated(Target): the user asked to see the item of a rule.
    """

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TipRow] = []
        self._shown: list[object] | None = None
        self._last: tuple[Sequence[Tip], str | None] = ((), None)
        self.title = Heading(self.tr("Coaching"), 1.1, self)
        self.hint = Caption("", self)
        self.card = Card(self)
        self.items = QVBoxLayout(self.card)
        self.items.setContentsMargins(8, 8, 8, 8)
        self.items.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addSpacing(4)
        layout.addWidget(self.card)
        layout.addStretch(1)

    def show_tips(self, tips: Sequence[Tip], account_id: str | None) -> None:
        """Show `tips`, each linking to its item's page when that page exists."""
        self._last = (tips, account_id)
        targets = [target_for(ItemRef(t.ref_table, t.ref_id, account_id)) for t in tips]
        shown: list[object] = [(t, target) for t, target in zip(tips, targets, strict=True)]
        if shown == self._shown:
            return
        focused = next((r.tip for r in self.rows if r.hasFocus()), None)
        while (item := self.items.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self._shown, self.rows = shown, []
        count = f" ({len(tips)})" if tips else ""
        self.title.setText(self.tr("Coaching") + count)
        self.hint.setText(self.tr("What a good sales leader would point out — computed on this computer, seen only "
                                  "by you.") if tips else
                          self.tr("Nothing to point out: the top goals have effort behind them, the money serves "
                                  "goals, the key people are with us, goals get confirmed and pilots move on."))
        self.card.setVisible(bool(tips))
        for tip, target in zip(tips, targets, strict=True):
            row = TipRow(tip, target, self.card)
            row.activated.connect(self.activated)
            self.items.addWidget(row)
            self.rows.append(row)
            if tip == focused and target is not None:
                row.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self._shown = None  # the marks' colours depend on the palette: draw the rows again
            self.show_tips(*self._last)
