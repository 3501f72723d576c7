"""The account overview page: the mutual purpose, the key figures, the gaps, and the account's own fields.

Every key figure and every gap is a click (or Enter/Space) away from the page it is about, when that page
exists in this version; the others are shown without a link. The page reads everything through one store call
(`store.overview.account_overview`) and edits only the account row, through the edit session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from immersion.domain.gap_finder import GapKind
from immersion.store import edits
from immersion.store.overview import AccountOverview, account_overview
from immersion.ui import formatting, theme
from immersion.ui.account_form import AccountForm
from immersion.ui.pages import Page, PageContext, Target, page
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption, Card, FigureGrid, Heading

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Overview", text)


def _fill(text: str, *values: object) -> str:
    """`text` with %1, %2 … replaced by `values` (the translator may reorder them)."""
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def registered(name: str) -> bool:
    """Whether a page called `name` exists in this version (later issues add pages)."""
    try:
        page(name)
    except KeyError:
        return False
    return True


def breakdown(counts: Mapping[E, int]) -> str:
    """Counts in running text, in the enumeration's order, leaving out zeros: "2 strategic · 1 political"."""
    # No-break spaces keep "2 strategic" together, so that a line breaks only after a dot.
    return "\u00a0· ".join(f"{formatting.count_text(n)}\u00a0{_tr(k.value)}" for k, n in counts.items() if n)


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
            tooltip += "\n\n" + _tr("Click or press Enter to open it.")
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
        where = _tr("Click or press Enter to show it.") if target else _tr("Its page is not available yet.")
        self.setToolTip(f"{_tr(_GAP_KINDS[gap.kind][2])}\n{where}")
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
                header = Caption(_tr(_GAP_KINDS[gap.kind][1]), self.card)
                header.setToolTip(_tr(_GAP_KINDS[gap.kind][2]))
                header.setContentsMargins(8, 8 if self.rows else 0, 0, 2)
                self.items.addWidget(header)
            row = GapRow(gap, target, self.card)
            row.activated.connect(self.activated)
            self.items.addWidget(row)
            self.rows.append(row)
            if (gap.kind, gap.ref_id) == focused and target is not None:
                row.setFocus()


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
                         _tr(c.category.value).capitalize(), formatting.count_text(goals.get(c.category, 0)),
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
