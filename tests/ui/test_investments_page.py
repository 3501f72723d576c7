"""The Investments page, driven as a user drives it: the ledger, the side form, goal shares, undo."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import open_on_account

from immersion.store import edits, finance
from immersion.store.workbook import Workbook
from immersion.ui.edit_session import EditSession
from immersion.ui.investments_page import InvestmentsPage


@dataclass
class Ledger:
    page: InvestmentsPage
    session: EditSession
    account: str
    goals: tuple[str, str]

    def row(self, name: str) -> dict | None:
        return next((r for r in self.page.model.rows() if r["name"] == name), None)

    def shown(self, name: str, key: str) -> str:
        model = self.page.model
        return model.index(model.row_of(self.row(name)["id"]), model.column_of(key)).data()

    def shares(self) -> list[float]:
        return sorted(r["share"] for r in edits.rows(self.session.workbook, "investment_goals"))


def open_page(qtbot: QtBot, wb: Workbook, account: str, goals: tuple[str, str] = ("", ""),
              read_only: bool = False) -> Ledger:
    page = InvestmentsPage(None)
    session, _context = open_on_account(qtbot, wb, page, account, read_only)
    return Ledger(page, session, account, goals)


@pytest.fixture
def ledger(qtbot: QtBot, wb: Workbook) -> Ledger:
    account = edits.add(wb, "accounts", name="Harbour Bank", currency="EUR").items[0].row_id
    first = edits.add(wb, "goals", account_id=account, title="Grow lending", category="strategic", rank=0)
    second = edits.add(wb, "goals", account_id=account, title="Cut costs", category="financial", rank=1)
    return open_page(qtbot, wb, account, (first.items[0].row_id, second.items[0].row_id))


def commit(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace the text of a field the way a user does, and press Enter."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_enter_an_investment_linked_to_two_goals_and_undo_it(qtbot: QtBot, ledger: Ledger) -> None:
    page, stack = ledger.page, ledger.session.undo_stack
    assert page.empty_hint.isVisible()
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Branch energy pilot")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ledger.row("Branch energy pilot") is not None)
    form = page.form
    assert form.investment_id() == ledger.row("Branch energy pilot")["id"]
    commit(qtbot, form.amount, "40,000")
    form.status.setCurrentIndex(form.status.findData("committed"))
    form.status.activated.emit(form.status.currentIndex())
    assert ledger.row("Branch energy pilot")["amount"] == 40_000
    assert page.summary.orphan.value.text() == "€40,000"  # linked to no goal yet: all of it is orphan

    grow, cut = (form.shares.boxes[goal] for goal in ledger.goals)
    commit(qtbot, grow, "60")
    commit(qtbot, cut, "30")
    assert ledger.shares() == [0.3, 0.6]
    assert "Orphan spend: 10.0% (€4,000)" in form.shares.orphan.text()
    assert ledger.shown("Branch energy pilot", "orphan_share") == "10.0%"
    assert ledger.shown("Branch energy pilot", "goals") == "Grow lending 60.0% · Cut costs 30.0%"
    assert page.summary.orphan.value.text() == "€4,000"

    depth = stack.count()
    commit(qtbot, cut, "80")  # 60% + 80% = 140%: refused where it was typed
    message = form.shares.message
    assert message.isVisible() and "140.0%" in message.text() and "up to 40.0% is free" in message.text()
    assert cut.value() == 30.0 and grow.value() == 60.0 and ledger.shares() == [0.3, 0.6]
    assert stack.count() == depth and page.summary.orphan.value.text() == "€4,000"

    for text in ("Set goal share", "Set goal share", "Edit investment", "Edit investment", "Edit investment",
                 "Add investment"):
        assert stack.undoText() == text
        stack.undo()
    assert edits.rows(ledger.session.workbook, "investments") == [] and ledger.shares() == []
    assert page.model.rowCount() == 0 and page.empty_hint.isVisible()
    while stack.canRedo():
        stack.redo()
    assert ledger.shares() == [0.3, 0.6] and page.summary.orphan.value.text() == "€4,000"


def test_roi_changes_with_the_returns_and_bad_numbers_are_refused(qtbot: QtBot, ledger: Ledger) -> None:
    wb = ledger.session.workbook
    finance.add_investment(wb, ledger.account, name="Audits", amount=40_000.0, status="spent",
                           expected_return=60_000.0, period="2026-Q1")
    ledger.page.show_context(ledger.page._context)  # noqa: SLF001 - a refresh, as the window does
    page, model = ledger.page, ledger.page.model
    page.resize(1900, 800)  # room for every column: an editor is never opened in a hidden one
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(model.column_of("actual_return")))
    # (60,000 − 40,000) ÷ 40,000 = +50%, expected: marked and in italics.
    assert ledger.shown("Audits", "roi") == "+50.0% (expected)"
    roi = model.index(0, model.column_of("roi"))
    assert roi.data(Qt.ItemDataRole.FontRole).italic()
    assert "(return − amount) ÷ amount" in roi.data(Qt.ItemDataRole.ToolTipRole)
    assert page.summary.roi.value.text() == "+50.0%"

    page.table.setCurrentIndex(page.filtered.index(0, model.column_of("actual_return")))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "12x")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # refused: the editor stays open with the text
    assert QApplication.focusWidget() is editor and "“12x” is not a number" in page.status.text()
    assert edits.rows(wb, "investments")[0]["actual_return"] is None
    editor.setText("30,000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ledger.row("Audits")["actual_return"] == 30_000)
    # (30,000 − 40,000) ÷ 40,000 = −25%, actual now; payback −€10,000.
    assert ledger.shown("Audits", "roi") == "−25.0%" and ledger.shown("Audits", "payback") == "−€10,000"
    assert not model.index(0, model.column_of("roi")).data(Qt.ItemDataRole.FontRole)
    assert page.summary.roi.value.text() == "−25.0%"
    ledger.session.undo_stack.undo()
    assert ledger.shown("Audits", "roi") == "+50.0% (expected)"


def test_bad_input_in_the_form_is_refused_at_the_field(qtbot: QtBot, ledger: Ledger) -> None:
    wb = ledger.session.workbook
    finance.add_investment(wb, ledger.account, name="Promo", amount=5_000.0, period="2026-Q1", notes="Keep me")
    ledger.page.show_context(ledger.page._context)  # noqa: SLF001
    ledger.page.select(ledger.row("Promo")["id"])
    form, depth = ledger.page.form, ledger.session.undo_stack.count()
    for field, text, reason in ((form.amount, "-5", "negative"), (form.amount, "five", "not a number"),
                                (form.period, "2026-13", "months run from 01 to 12"),
                                (form.currency, "E1", "three-letter")):
        commit(qtbot, field, text)
        assert reason in field.message.text() and field.message.isVisible()
        assert field.text() == text  # still there, to be corrected
        qtbot.keyClick(field, Qt.Key.Key_Escape)
        assert not field.message.isVisible()
    stored = edits.rows(wb, "investments")[0]
    assert (stored["amount"], stored["period"], stored["notes"]) == (5_000, "2026-Q1", "Keep me")
    assert ledger.session.undo_stack.count() == depth
    commit(qtbot, form.period, "2026-q3")
    assert edits.rows(wb, "investments")[0]["period"] == "2026-Q3" and form.period.text() == "2026-Q3"


def test_the_form_scrolls_only_when_its_fields_do_not_fit(qtbot: QtBot, ledger: Ledger) -> None:
    finance.add_investment(ledger.session.workbook, ledger.account, name="Promo", amount=5_000.0)
    page = ledger.page
    page.show_context(page._context)  # noqa: SLF001 - a refresh, as the window does
    page.resize(1280, 560)  # too low for every field of an investment, high enough for the hint
    scroller = page.form.parentWidget().parentWidget()  # the scroll area's viewport, then the scroll area
    assert isinstance(scroller, QScrollArea)
    bar = scroller.verticalScrollBar()
    # The hint alone fits: the hidden fields take no room.
    qtbot.waitUntil(lambda: page.form.empty.isVisible() and not bar.isVisible())
    assert page.form.height() == scroller.viewport().height()  # the outline still runs down the whole side

    page.select(ledger.row("Promo")["id"])
    qtbot.waitUntil(lambda: page.form.name.isVisible() and bar.isVisible())  # the fields keep their height
    assert page.form.height() > scroller.viewport().height()

    page.table.setCurrentIndex(QModelIndex())
    qtbot.waitUntil(lambda: page.form.empty.isVisible() and not bar.isVisible())


def test_models_filters_focus_and_delete(qtbot: QtBot, qtmodeltester: ModelTester, ledger: Ledger) -> None:
    wb = ledger.session.workbook
    for name, kind, status in (("Pilot", "pilot", "spent"), ("Rebate", "discount", "planned"),
                               ("Ads", "co-marketing", "committed")):
        finance.add_investment(wb, ledger.account, name=name, kind=kind, status=status, amount=1_000.0)
    page = ledger.page
    page.show_context(page._context)  # noqa: SLF001
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.filtered)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("discount"))
    assert page.filtered.rowCount() == 1 and page.count.text() == "1 of 3 investments"
    assert page.focus_item("investments", ledger.row("Ads")["id"])  # clears the filter that hides it
    assert page.filtered.rowCount() == 3 and page.selected_id() == ledger.row("Ads")["id"]
    assert not page.focus_item("investments", "nope") and not page.focus_item("goals", ledger.goals[0])
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [r["name"] for r in page.model.rows()] == ["Pilot", "Rebate"]
    assert "Deleted investment “Ads”" in page.status.text()
    ledger.session.undo_stack.undo()
    assert page.model.rowCount() == 3


def test_read_only(qtbot: QtBot, wb: Workbook) -> None:
    account = edits.add(wb, "accounts", name="Harbour Bank").items[0].row_id
    finance.add_investment(wb, account, name="Pilot", amount=1_000.0)
    ledger = open_page(qtbot, wb, account, read_only=True)
    page = ledger.page
    page.select(ledger.row("Pilot")["id"])
    assert not page.add_button.isEnabled() and not page.delete_button.isEnabled()
    assert not page.model.flags(page.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert page.form.amount.isReadOnly() and not page.form.status.isEnabled()
    assert page.add_investment() is None
