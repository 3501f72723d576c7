"""The account overview page: the selected account's key figures and how its alignment index comes about.

For now it shows what the portfolio summary knows (alignment, open goals, overdue actions, last activity, next
meeting); later issues add the boardroom agenda, people and ideas around it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from immersion.ui import formatting
from immersion.ui.pages import Page, PageContext
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption, Card, FigureGrid, Heading, KeyFigure


class OverviewPage(Page):
    """Key figures of one account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alignment = KeyFigure(self.tr("Alignment index"))
        self.open_goals = KeyFigure(self.tr("Open goals"))
        self.overdue = KeyFigure(self.tr("Overdue actions"))
        self.next_meeting = KeyFigure(self.tr("Next meeting"))
        figures = FigureGrid([self.alignment, self.open_goals, self.overdue, self.next_meeting], self)

        details = Card(self)
        form = QFormLayout(details)
        form.setContentsMargins(16, 14, 16, 14)
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.name = self._value(details)
        self.tier = self._value(details)
        self.industry = self._value(details)
        self.last_activity = self._value(details)
        form.addRow(Caption(self.tr("Account"), details), self.name)
        form.addRow(Caption(self.tr("Tier"), details), self.tier)
        form.addRow(Caption(self.tr("Industry"), details), self.industry)
        form.addRow(Caption(self.tr("Last activity"), details), self.last_activity)

        explain = Card(self)
        explain_layout = QVBoxLayout(explain)
        explain_layout.setContentsMargins(16, 14, 16, 14)
        explain_layout.setSpacing(6)
        explain_layout.addWidget(Heading(self.tr("How the alignment index is computed"), 1.1, explain))
        self.explanation = QLabel(explain)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        explain_layout.addWidget(self.explanation)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN)
        layout.setSpacing(16)
        layout.addWidget(figures)
        layout.addWidget(Heading(self.tr("Details"), 1.1, self))
        layout.addWidget(details)
        layout.addWidget(explain)
        layout.addStretch(1)

    @staticmethod
    def _value(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_context(self, context: PageContext) -> None:
        """Show the selected account of `context` (nothing when none is selected)."""
        account = context.account
        if account is None:
            return
        if account.alignment is None:
            self.alignment.set_value(
                formatting.UNDEFINED,
                self.tr("undefined"),
                account.alignment_reason or account.alignment_explain,
            )
        else:
            self.alignment.set_value(formatting.alignment_text(account.alignment), self.tr("of 100"),
                                     account.alignment_explain)
        self.open_goals.set_value(formatting.count_text(account.open_goals), self.tr("unconfirmed or confirmed"))
        self.overdue.set_value(
            formatting.count_text(account.overdue_actions),
            self.tr("promises past their due date") if account.overdue_actions else self.tr("all on time"),
        )
        if account.next_meeting:
            self.next_meeting.set_value(formatting.date_text(account.next_meeting),
                                        formatting.days_text(account.next_meeting))
        else:
            self.next_meeting.set_value(formatting.UNDEFINED, self.tr("none planned"))
        self.name.setText(account.name)
        self.tier.setText(formatting.tier_label(account.tier))
        self.industry.setText(account.industry or formatting.UNDEFINED)
        if account.last_activity:
            self.last_activity.setText(
                f"{formatting.date_text(account.last_activity)} ({formatting.days_text(account.last_activity)})"
            )
        else:
            self.last_activity.setText(self.tr("No activity recorded"))
        reason = account.alignment_reason if account.alignment is None else None
        explanation = account.alignment_explain or ""
        if reason and reason not in explanation:
            explanation = f"{reason}\n\n{explanation}".strip()
        self.explanation.setText(explanation or self.tr("No explanation available."))
