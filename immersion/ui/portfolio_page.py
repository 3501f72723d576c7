"""The portfolio page, shown when no account is selected: totals across accounts and where to look first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from immersion.ui import formatting, theme
from immersion.ui.pages import Page, PageContext
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption, Card, FigureGrid, Heading, KeyFigure

if TYPE_CHECKING:
    from immersion.store.queries import AccountSummary

ATTENTION_ROWS = 8
WEAK_ALIGNMENT = 50.0  # below this an account is listed under "needs attention"


def needs_attention(accounts: Sequence[AccountSummary]) -> list[AccountSummary]:
    """Accounts with overdue actions, an undefined index or a weak one; the weakest alignment first."""
    listed = [
        account
        for account in accounts
        if account.overdue_actions or account.alignment is None or account.alignment < WEAK_ALIGNMENT
    ]
    return sorted(
        listed,
        key=lambda a: (a.alignment is not None, a.alignment or 0.0, -a.overdue_actions, a.name.casefold()),
    )


class PortfolioPage(Page):
    """Totals of the whole portfolio and the accounts that need attention."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = Heading(self.tr("Portfolio"), 1.7, self)
        self.subtitle = Caption("", self)
        self.accounts = KeyFigure(self.tr("Accounts"))
        self.average = KeyFigure(self.tr("Average alignment"))
        self.open_goals = KeyFigure(self.tr("Open goals"))
        self.overdue = KeyFigure(self.tr("Overdue actions"))
        figures = FigureGrid([self.accounts, self.average, self.open_goals, self.overdue], self)

        self.attention_card = Card(self)
        self.attention = QGridLayout(self.attention_card)
        self.attention.setContentsMargins(16, 14, 16, 14)
        self.attention.setHorizontalSpacing(24)
        self.attention.setVerticalSpacing(8)
        self.attention_hint = Caption("", self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 6, MARGIN, MARGIN)
        layout.setSpacing(16)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        layout.addLayout(heading)
        layout.addWidget(figures)
        section = QVBoxLayout()
        section.setSpacing(4)
        section.addWidget(Heading(self.tr("Needs attention"), 1.1, self))
        section.addWidget(self.attention_hint)
        section.addSpacing(6)
        section.addWidget(self.attention_card)
        layout.addLayout(section)
        layout.addStretch(1)

    def show_context(self, context: PageContext) -> None:
        """Show the totals of `context.portfolio`."""
        accounts = context.portfolio
        workbook = context.workbook
        name = workbook.path.stem if workbook is not None else ""
        tiers = Counter(account.tier for account in accounts)
        tier_text = " · ".join(
            f"{formatting.count_text(tiers[tier])} {formatting.tier_label(tier).lower()}"
            for tier in sorted(tiers, key=formatting.tier_rank)
        )
        read_only = workbook is not None and workbook.read_only
        self.subtitle.setText(name + (" — " + self.tr("read-only") if read_only else ""))
        self.accounts.set_value(formatting.count_text(len(accounts)), tier_text)
        defined = [account.alignment for account in accounts if account.alignment is not None]
        if defined:
            self.average.set_value(
                formatting.alignment_text(sum(defined) / len(defined)),
                self.tr("over %1 of %2 accounts").replace("%1", formatting.count_text(len(defined)))
                .replace("%2", formatting.count_text(len(accounts))),
                self.tr("The mean of the accounts' alignment indexes; accounts whose index is undefined are left "
                        "out."),
            )
        else:
            self.average.set_value(formatting.UNDEFINED, self.tr("no account has an index yet"))
        self.open_goals.set_value(formatting.count_text(sum(a.open_goals for a in accounts)),
                                  self.tr("across all accounts"))
        late = [a for a in accounts if a.overdue_actions]
        self.overdue.set_value(
            formatting.count_text(sum(a.overdue_actions for a in accounts)),
            self.tr("in %1 accounts").replace("%1", formatting.count_text(len(late))) if late else self.tr("none"),
        )
        self._fill_attention(accounts)

    def _fill_attention(self, accounts: Sequence[AccountSummary]) -> None:
        while self.attention.count():
            item = self.attention.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        listed = needs_attention(accounts)
        if not accounts:
            self.attention_hint.setText(self.tr("This workbook has no accounts yet."))
        elif not listed:
            self.attention_hint.setText(self.tr("Every account is well aligned and on time."))
        else:
            self.attention_hint.setText(
                self.tr("Weakest alignment first. Select an account in the sidebar to see its pages.")
            )
        self.attention_card.setVisible(bool(listed))
        headers = (self.tr("Account"), self.tr("Tier"), self.tr("Alignment"), self.tr("Overdue actions"))
        for column, text in enumerate(headers):
            caption = Caption(text, self.attention_card)
            if column >= 2:
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.attention.addWidget(caption, 0, column)
        bold = theme.scaled_font(self, 1.0, bold=True)
        for row, account in enumerate(listed[:ATTENTION_ROWS], start=1):
            cells = (
                account.name,
                formatting.tier_label(account.tier),
                formatting.alignment_text(account.alignment),
                formatting.count_text(account.overdue_actions),
            )
            for column, text in enumerate(cells):
                label = QLabel(text, self.attention_card)
                label.setTextFormat(Qt.TextFormat.PlainText)
                if column == 0:
                    label.setFont(bold)
                if column >= 2:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 2:
                    label.setToolTip((account.alignment_reason if account.alignment is None
                                      else account.alignment_explain) or "")
                self.attention.addWidget(label, row, column)
        if len(listed) > ATTENTION_ROWS:
            more = Caption(self.tr("and %1 more").replace("%1", formatting.count_text(len(listed) - ATTENTION_ROWS)),
                           self.attention_card)
            self.attention.addWidget(more, ATTENTION_ROWS + 1, 0, 1, len(headers))
        self.attention.setColumnStretch(0, 1)
