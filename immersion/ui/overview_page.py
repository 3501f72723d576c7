"""The account overview page: the mutual purpose, the key figures, the gaps, and the account's own fields.

Every key figure and every gap is a click (or Enter/Space) away from the page it is about, when that page
exists in this version; the others are shown without a link (the cards and the gap list are in
overview_widgets.py). The page reads everything through one store call (`store.overview.account_overview`)
and edits only the account row, through the edit session.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from immersion.store import edits
from immersion.store.overview import AccountOverview, account_overview
from immersion.ui import formatting
from immersion.ui.account_form import AccountForm
from immersion.ui.overview_widgets import (
    FigureCard,
    GapList,
    GapRow,
    Overview,
)
from immersion.ui.pages import Page, PageContext, Target, registered
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption, Card, FigureGrid, Heading

E = TypeVar("E", bound=Enum)
_GAP_PAGES = {"goals": "agenda", "stakeholders": "relationships", "investments": "investments"}
_NAMES = (  # category and stage values as they read in text ("2 strategic"), marked for translation
    QT_TRANSLATE_NOOP("Overview", "strategic"), QT_TRANSLATE_NOOP("Overview", "competitive"),
    QT_TRANSLATE_NOOP("Overview", "interpersonal"), QT_TRANSLATE_NOOP("Overview", "political"),
    QT_TRANSLATE_NOOP("Overview", "financial"), QT_TRANSLATE_NOOP("Overview", "captured"),
    QT_TRANSLATE_NOOP("Overview", "shaping"), QT_TRANSLATE_NOOP("Overview", "co-creating"),
    QT_TRANSLATE_NOOP("Overview", "proposed"), QT_TRANSLATE_NOOP("Overview", "piloting"),
    QT_TRANSLATE_NOOP("Overview", "adopted"),
)


def _fill(text: str, *values: object) -> str:
    """`text` with %1, %2 … replaced by `values` (the translator may reorder them)."""
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def breakdown(counts: Mapping[E, int]) -> str:
    """Counts in running text, in the enumeration's order, leaving out zeros: "2 strategic · 1 political"."""
    # No-break spaces keep "2 strategic" together, so that a line breaks only after a dot.
    return "\u00a0· ".join(f"{formatting.count_text(n)}\u00a0{Overview.tr(k.value)}" for k, n in counts.items() if n)


class OverviewPage(Page):
    """The selected account at a glance, with its own fields editable in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self.form = AccountForm(self)
        self.form.edited.connect(self._save)
        self.name, self.tier = self.form.name, self.form.tier  # the fields other code and tests ask for most
        self.alignment = FigureCard(self.tr("Alignment index"))
        self.open_goals = FigureCard(self.tr("Open goals"))
        self.ideas = FigureCard(self.tr("Ideas in curation"))
        self.invested = FigureCard(self.tr("Invested this year"))
        self.contribution = FigureCard(self.tr("Contribution"))
        self.overdue = FigureCard(self.tr("Overdue actions"))
        self.last_meeting = FigureCard(self.tr("Last meeting"))
        self.next_meeting = FigureCard(self.tr("Next meeting"))
        self.figures = [self.alignment, self.open_goals, self.ideas, self.invested, self.contribution,
                        self.overdue, self.last_meeting, self.next_meeting]
        for figure in self.figures:
            figure.activated.connect(self._go)
        self.gaps = GapList(self)
        self.gaps.activated.connect(self._go)

        self.explain_toggle = QToolButton(self)
        self.explain_toggle.setText(self.tr("How the alignment index is computed"))
        self.explain_toggle.setCheckable(True)
        self.explain_toggle.setAutoRaise(True)
        self.explain_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.explain_toggle.toggled.connect(self._toggle_explanation)
        self.explain_card = Card(self)
        self.explanation = QLabel(self.explain_card)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explain_layout = QVBoxLayout(self.explain_card)
        explain_layout.setContentsMargins(16, 12, 16, 12)
        explain_layout.addWidget(self.explanation)
        self._toggle_explanation(False)

        profile = QVBoxLayout()
        profile.setSpacing(4)
        profile.addWidget(Heading(self.tr("Account"), 1.1, self))
        profile.addWidget(Caption(self.tr("Saved as you go; Edit ▸ Undo takes a change back."), self))
        profile.addSpacing(4)
        profile.addWidget(self.form.profile_card(self))
        profile.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(MARGIN)
        columns.addWidget(self.gaps, 3)
        columns.addLayout(profile, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN)
        layout.setSpacing(16)
        layout.addWidget(self.form.purpose_card(self))
        layout.addWidget(FigureGrid(self.figures, self, min_width=190))  # type: ignore[arg-type]
        layout.addLayout(columns)
        layout.addWidget(self.explain_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.explain_card)
        layout.addStretch(1)

    @property
    def gap_rows(self) -> list[GapRow]:
        return self.gaps.rows

    def show_context(self, context: PageContext) -> None:
        """Show the selected account of `context` (nothing when none is selected)."""
        shown, account = self._context.account, context.account
        if shown is None or account is None or account.id != shown.id:
            self.form.commit_pending()  # typed for the account shown so far: saved to it, not to the next one
        self._context = context
        if account is None or context.workbook is None:
            return
        overview = account_overview(context.workbook, account.id)
        if overview is None:  # deleted a moment ago; the window is about to show something else
            return
        team = [(row["id"], row["name"])
                for row in edits.rows(context.workbook, "team_members", order_by="name COLLATE NOCASE")]
        self.form.load(overview.account, team, context.session is not None and not context.session.read_only)
        self._show_figures(overview)
        self._show_money(overview)
        self._show_meetings(overview)
        self.gaps.show_gaps(overview.gaps, [
            self._target(_GAP_PAGES.get(gap.ref_table, ""), table=gap.ref_table, row_id=gap.ref_id)
            for gap in overview.gaps], no_goals=not any(overview.open_goals_by_category.values()))
        reason, explanation = overview.alignment.reason or "", overview.alignment.explain()
        self.explanation.setText(explanation if reason in explanation else f"{reason}\n\n{explanation}")

    def _target(self, *names: str, table: str = "", row_id: str = "") -> Target | None:
        """A target on the first of `names` that is a page of this version, or None."""
        account = self._context.account
        name = next((name for name in names if registered(name)), None)
        return Target(name, account.id if account else None, table, row_id) if name else None

    def _show_figures(self, overview: AccountOverview) -> None:
        alignment, agenda = overview.alignment, self._target("agenda")
        if alignment.index is None:
            self.alignment.show_figure(formatting.UNDEFINED, alignment.reason or "",
                                       f"{alignment.reason}\n\n{alignment.explain()}",
                                       self._target("alignment", "agenda"))
        else:
            self.alignment.show_figure(formatting.alignment_text(alignment.index), self.tr("of 100"),
                                       alignment.explain(), self._target("alignment", "agenda"))
        goals = overview.open_goals_by_category
        profile = [_fill(self.tr("%1: %2 open · customer emphasis %3 · our effort %4"),
                         Overview.tr(c.category.value).capitalize(), formatting.count_text(goals.get(c.category, 0)),
                         f"{c.emphasis:.0%}", f"{c.effort:.0%}") for c in alignment.categories]
        heading = self.tr("Unconfirmed or confirmed goals by category:")
        self.open_goals.show_figure(formatting.count_text(sum(goals.values())),
                                    breakdown(goals) or self.tr("none yet"),
                                    "\n".join([heading, *profile]), agenda)
        stages = overview.ideas_by_stage
        closed = sum(n for stage, n in stages.items() if not stage.is_active)
        active = {stage: n for stage, n in stages.items() if stage.is_active}
        self.ideas.show_figure(
            formatting.count_text(sum(active.values())), breakdown(active) or self.tr("none yet"),
            _fill(self.tr("Active ideas on the curation board, by stage; %1 more are parked or declined."),
                  formatting.count_text(closed)), self._target("ideas"))

    def _show_money(self, overview: AccountOverview) -> None:
        currency, year, last = overview.account.currency, overview.invested_year, overview.last_contribution
        self.invested.show_figure(
            formatting.money_text(overview.invested_this_year, currency),
            _fill(self.tr("committed or spent in %1"), year),
            _fill(self.tr("Investments committed or spent in periods of %1, in the account's currency."),
                  year),
            self._target("investments"))
        target = self._target("financials", "investments")
        if last is None:
            self.contribution.show_figure(formatting.UNDEFINED, self.tr("no P&L entered yet"), self.tr(
                "Enter the account P&L by period to see its contribution."), target)
            return
        money = [formatting.money_text(value, currency) for value in (
            last.contribution, last.revenue, last.cost_of_goods, last.cost_to_serve, last.other_costs,
            last.investments_spent)]
        tip = _fill(self.tr("Contribution %1 = revenue %2 \u2212 cost of goods %3 \u2212 cost to serve %4 "
                            "\u2212 other costs %5 \u2212 investments spent %6"), *money)
        when = _fill(self.tr("in %1, the last period"), last.period.label)
        self.contribution.show_figure(money[0], when, tip, target)

    def _show_meetings(self, overview: AccountOverview) -> None:
        overdue = overview.overdue_actions
        listing = [f"\u2022 {a.text} ({formatting.date_text(a.due_date)})" for a in overdue[:12]]
        self.overdue.show_figure(
            formatting.count_text(len(overdue)),
            self.tr("promises past their due date") if overdue else self.tr("all on time"),
            "\n".join([self.tr("Open action items past their due date:"), *listing]) if overdue
            else self.tr("No open action item is past its due date."),
            self._target("meetings", table="action_items", row_id=overdue[0].id) if overdue else None)
        for figure, meeting, none in ((self.last_meeting, overview.last_meeting, self.tr("none held yet")),
                                      (self.next_meeting, overview.next_meeting, self.tr("none planned"))):
            if meeting is None:
                figure.show_figure(formatting.UNDEFINED, none, none, None)
                continue
            when = formatting.date_text(meeting.starts_at)
            figure.show_figure(when, formatting.days_text(meeting.starts_at),
                               f"{meeting.title}\n{when} {meeting.starts_at[11:16]}".strip(),
                               self._target("meetings", table="meetings", row_id=meeting.id),
                               note=meeting.title)

    def _go(self, target: Target) -> None:
        self._context.go(target)

    def _save(self, undo_text: str, field: str, value: object) -> None:
        session, account = self._context.session, self._context.account
        if session is None or account is None:
            return
        if session.change(undo_text, "accounts", account.id, **{field: value}) is None:
            self.show_context(self._context)  # refused (the session said why): show what is stored

    def _toggle_explanation(self, shown: bool) -> None:
        self.explain_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.explain_card.setVisible(shown)
