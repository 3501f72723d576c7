"""The Overview page: key figures as the store computes them, editable account fields with undo, and links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from ui_helpers import refresh_then_show

from immersion.domain.gap_finder import GapKind
from immersion.store import edits
from immersion.store.overview import account_overview
from immersion.store.queries import portfolio_summary
from immersion.store.workbook import Workbook
from immersion.ui import formatting, overview_page
from immersion.ui.edit_session import EditSession
from immersion.ui.overview_page import OverviewPage
from immersion.ui.pages import PageContext, Target

TODAY = dt.date.today()


@dataclass
class Shown:
    """An overview page on one account, refreshed after every edit as the window would refresh it."""

    page: OverviewPage
    workbook: Workbook
    account_id: str
    session: EditSession | None
    targets: list[Target] = field(default_factory=list)

    def context(self) -> PageContext:
        portfolio = tuple(portfolio_summary(self.workbook))
        summary = next(s for s in portfolio if s.id == self.account_id)
        return PageContext(self.workbook, portfolio=portfolio, account=summary, session=self.session,
                           navigate=self.targets.append)

    def refresh(self) -> None:
        self.page.show_context(self.context())


def show(qtbot: QtBot, workbook: Workbook, account_id: str, editable: bool = True) -> Shown:
    page = OverviewPage()
    shown = Shown(page, workbook, account_id, EditSession(workbook) if editable else None)
    refresh_then_show(qtbot, page, shown.session, shown.refresh, (1100, 900))
    return shown


@pytest.fixture
def account(wb: Workbook) -> str:
    """A small account: three goals, a hostile key stakeholder, orphan spend and an overdue promise."""
    def add(table: str, **values: object) -> str:
        return edits.add(wb, table, **values).items[0].row_id

    owner = add("team_members", name="Claire Fontaine")
    add("team_members", name="Tomás Reyes")
    account = add("accounts", name="Harbour Bank", tier="key", industry="Banking", currency="EUR",
                  mutual_purpose="Greener lending for the region.", owner_id=owner)
    for rank, (title, category, status) in enumerate([("Grow green lending", "strategic", "confirmed"),
                                                     ("Cut branch energy", "financial", "unconfirmed"),
                                                     ("Win SME share", "competitive", "confirmed")]):
        add("goals", account_id=account, title=title, category=category, status=status, rank=rank,
            priority=5 - rank)
    add("stakeholders", account_id=account, name="Martin Achterberg", influence=5, stance="sceptic",
        last_contact=(TODAY - dt.timedelta(days=3)).isoformat())
    add("investments", account_id=account, name="Summit sponsorship", kind="co-marketing", status="spent",
        amount=38_000, period=f"{TODAY.year}-Q1")
    add("action_items", account_id=account, text="Send the energy benchmark",
        due_date=(TODAY - dt.timedelta(days=10)).isoformat())
    return account


@pytest.fixture
def pages_built(monkeypatch: pytest.MonkeyPatch) -> Callable[[set[str]], None]:
    """Pretend that exactly the given pages exist, whatever this version has registered so far."""
    def build(names: set[str]) -> None:
        monkeypatch.setattr(overview_page, "registered", lambda name: name in names)

    return build


def check_figures(page: OverviewPage, workbook: Workbook, account_id: str) -> None:
    overview = account_overview(workbook, account_id)
    assert overview is not None
    alignment = overview.alignment
    assert page.alignment.value.text() == formatting.alignment_text(alignment.index)
    assert alignment.explain() in page.alignment.toolTip()
    assert page.open_goals.value.text() == str(sum(overview.open_goals_by_category.values()))
    active = sum(n for stage, n in overview.ideas_by_stage.items() if stage.is_active)
    assert page.ideas.value.text() == str(active)
    currency = overview.account.currency
    assert page.invested.value.text() == formatting.money_text(overview.invested_this_year, currency)
    assert page.overdue.value.text() == str(len(overview.overdue_actions))
    for action in overview.overdue_actions[:12]:
        assert action.text in page.overdue.toolTip()
    if overview.last_contribution is not None:
        contribution = overview.last_contribution.contribution
        assert page.contribution.value.text() == formatting.money_text(contribution, currency)
        assert overview.last_contribution.period.label in page.contribution.detail.text()
    if overview.next_meeting is not None:
        assert page.next_meeting.value.text() == formatting.date_text(overview.next_meeting.starts_at)
        assert page.next_meeting.note.full_text == overview.next_meeting.title
    assert [row.gap.text for row in page.gap_rows] == [gap.text for gap in overview.gaps]
    assert page.form.purpose.toPlainText() == (overview.account.mutual_purpose or "")
    assert page.tier.value() == overview.account.tier
    assert page.form.owner.value() == overview.account.owner_id


def test_figures_and_gaps_match_the_store(qtbot: QtBot, wb: Workbook, account: str) -> None:
    shown = show(qtbot, wb, account)
    check_figures(shown.page, wb, account)
    kinds = {row.gap.kind for row in shown.page.gap_rows}
    assert {GapKind.ORPHAN_SPEND, GapKind.HOSTILE_INFLUENCER, GapKind.UNCONFIRMED_GOAL} <= kinds
    assert shown.page.overdue.value.text() == "1"
    assert "Send the energy benchmark" in shown.page.overdue.toolTip()
    assert shown.page.name.text() == "Harbour Bank"
    assert shown.page.tier.text() == formatting.tier_label("key")
    assert shown.page.form.owner.text() == "Claire Fontaine"


def test_figures_match_the_store_on_the_demo(qtbot: QtBot, tmp_path: Path) -> None:
    from immersion.store.demo import write_demo

    write_demo(tmp_path / "d.immersion")
    workbook = Workbook.open(tmp_path / "d.immersion")
    try:
        accounts = [row["id"] for row in edits.rows(workbook, "accounts")]
        shown = show(qtbot, workbook, accounts[0])
        for account_id in accounts:
            shown.account_id = account_id
            shown.refresh()
            check_figures(shown.page, workbook, account_id)
    finally:
        workbook.close()


def test_mutual_purpose_edit_is_one_undoable_step(qtbot: QtBot, wb: Workbook, account: str) -> None:
    shown = show(qtbot, wb, account)
    purpose = shown.page.form.purpose
    purpose.setFocus()
    purpose.selectAll()
    qtbot.keyClicks(purpose, "Make the region's economy greener, together.")

    def stored() -> str:
        return edits.get(wb, "accounts", account)["mutual_purpose"]

    assert stored() == "Greener lending for the region."  # not saved while typing
    qtbot.keyClick(purpose, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored() == "Make the region's economy greener, together."
    assert shown.session is not None
    assert shown.session.undo_stack.undoText() == "Edit mutual purpose"

    shown.session.undo_stack.undo()
    assert stored() == "Greener lending for the region."
    assert purpose.toPlainText() == "Greener lending for the region."
    shown.session.undo_stack.redo()
    assert purpose.toPlainText() == "Make the region's economy greener, together."


def test_choices_and_lines_save_on_their_own(qtbot: QtBot, wb: Workbook, account: str) -> None:
    shown = show(qtbot, wb, account)
    form = shown.page.form
    form.tier.activated.emit(form.tier.findData("strategic"))
    form.owner.activated.emit(form.owner.findData(None))
    form.industry.setFocus()
    form.industry.selectAll()
    qtbot.keyClicks(form.industry, "Regional banking")
    qtbot.keyClick(form.industry, Qt.Key.Key_Return)
    row = edits.get(wb, "accounts", account)
    assert (row["tier"], row["owner_id"], row["industry"]) == ("strategic", None, "Regional banking")
    assert shown.session is not None
    texts = [shown.session.undo_stack.text(n) for n in range(shown.session.undo_stack.count())]
    assert texts == ["Change tier", "Change owner", "Edit industry"]
    shown.session.undo_stack.undo()
    shown.session.undo_stack.undo()
    assert form.owner.text() == "Claire Fontaine" and form.industry.text() == "Banking"


def test_a_refused_value_puts_back_what_is_stored(qtbot: QtBot, wb: Workbook, account: str) -> None:
    shown = show(qtbot, wb, account)
    form = shown.page.form
    assert shown.session is not None
    with qtbot.waitSignal(shown.session.failed):
        form.name.setText("   ")
        form.name.commit()
    assert form.name.text() == "Harbour Bank"


def test_refresh_keeps_what_the_user_is_typing(qtbot: QtBot, wb: Workbook, account: str) -> None:
    shown = show(qtbot, wb, account)
    purpose = shown.page.form.purpose
    purpose.setFocus()
    assert purpose.hasFocus()
    purpose.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(purpose, " Draft")
    edits.change(wb, "accounts", account, industry="Retail banking")  # an edit elsewhere
    shown.refresh()
    assert purpose.toPlainText() == "Greener lending for the region. Draft"
    assert purpose.textCursor().position() == len(purpose.toPlainText())
    assert shown.page.form.industry.text() == "Retail banking"


def test_switching_accounts_saves_typing_to_the_account_it_was_typed_for(qtbot: QtBot, wb: Workbook,
                                                                        account: str) -> None:
    shown = show(qtbot, wb, account)
    other = edits.add(wb, "accounts", name="Other", mutual_purpose="Theirs.").items[0].row_id
    purpose = shown.page.form.purpose
    purpose.setFocus()
    purpose.selectAll()
    qtbot.keyClicks(purpose, "Ours, typed and not yet saved.")
    shown.account_id = other
    shown.refresh()  # e.g. the next account chosen with a shortcut, while the focus stays in the field
    assert edits.get(wb, "accounts", account)["mutual_purpose"] == "Ours, typed and not yet saved."
    assert edits.get(wb, "accounts", other)["mutual_purpose"] == "Theirs."
    assert purpose.toPlainText() == "Theirs."


def test_gaps_link_to_their_items(qtbot: QtBot, wb: Workbook, account: str,
                                  pages_built: Callable[[set[str]], None]) -> None:
    pages_built({"agenda", "relationships"})
    shown = show(qtbot, wb, account)
    rows = {row.gap.kind: row for row in shown.page.gap_rows}
    goal = rows[GapKind.UNCONFIRMED_GOAL]
    qtbot.mouseClick(goal, Qt.MouseButton.LeftButton)
    assert shown.targets[-1] == Target("agenda", account, "goals", goal.gap.ref_id)
    person = rows[GapKind.HOSTILE_INFLUENCER]
    person.setFocus()
    qtbot.keyClick(person, Qt.Key.Key_Return)
    assert shown.targets[-1] == Target("relationships", account, "stakeholders", person.gap.ref_id)
    spend = rows[GapKind.ORPHAN_SPEND]  # the investments page is not built yet: shown without a link
    assert spend.target is None and spend.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.mouseClick(spend, Qt.MouseButton.LeftButton)
    assert len(shown.targets) == 2


def test_key_figures_open_their_pages(qtbot: QtBot, wb: Workbook, account: str,
                                      pages_built: Callable[[set[str]], None]) -> None:
    pages_built({"agenda", "meetings"})
    shown = show(qtbot, wb, account)
    page = shown.page
    qtbot.mouseClick(page.alignment, Qt.MouseButton.LeftButton)
    assert shown.targets == [Target("agenda", account)]
    page.overdue.setFocus()
    qtbot.keyClick(page.overdue, Qt.Key.Key_Space)
    assert shown.targets[-1].page == "meetings" and shown.targets[-1].table == "action_items"
    qtbot.mouseClick(page.ideas, Qt.MouseButton.LeftButton)  # no ideas page yet: nothing happens
    qtbot.mouseClick(page.invested, Qt.MouseButton.LeftButton)
    assert len(shown.targets) == 2
    assert "Click" not in page.ideas.toolTip() and "Click" in page.alignment.toolTip()


def test_alignment_tooltip_explains_the_index(qtbot: QtBot, wb: Workbook, account: str) -> None:
    shown = show(qtbot, wb, account)
    overview = account_overview(wb, account)
    assert overview is not None
    assert overview.alignment.explain() in shown.page.alignment.toolTip()
    empty = edits.add(wb, "accounts", name="Empty").items[0].row_id
    shown.account_id = empty
    shown.refresh()
    assert shown.page.alignment.value.text() == formatting.UNDEFINED
    reason = account_overview(wb, empty).alignment.reason  # type: ignore[union-attr]
    assert reason and reason in shown.page.alignment.toolTip()
    assert not shown.page.gap_rows and "boardroom agenda first" in shown.page.gaps.hint.text()


def test_an_account_without_gaps_says_so(qtbot: QtBot, wb: Workbook) -> None:
    account = edits.add(wb, "accounts", name="Calm Co").items[0].row_id
    goal = edits.add(wb, "goals", account_id=account, title="Grow", category="strategic",
                     status="confirmed").items[0].row_id
    idea = edits.add(wb, "ideas", account_id=account, title="Pilot", stage="piloting").items[0].row_id
    edits.add(wb, "idea_goals", idea_id=idea, goal_id=goal, strength=3)
    shown = show(qtbot, wb, account)
    assert not shown.page.gap_rows and shown.page.gaps.hint.text().startswith("No gaps")
    assert not shown.page.gaps.card.isVisible()
    assert shown.page.alignment.value.text() == "100"


def test_read_only_shows_but_does_not_edit(qtbot: QtBot, wb: Workbook, account: str) -> None:
    shown = show(qtbot, wb, account, editable=False)
    form = shown.page.form
    assert form.purpose.isReadOnly() and form.objectives.isReadOnly() and form.name.isReadOnly()
    assert not form.tier.isEnabled() and not form.owner.isEnabled()
    assert form.purpose.toPlainText() == "Greener lending for the region."
    form.purpose.setFocus()
    qtbot.keyClicks(form.purpose, "x")
    form.purpose.commit()
    assert edits.get(wb, "accounts", account)["mutual_purpose"] == "Greener lending for the region."
