"""The Meetings page as a user drives it: record a meeting, take notes, make insights, promise actions, undo."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import account_summary, refresh_then_show

from immersion.store import edits, meetings
from immersion.store.overview import account_overview
from immersion.store.workbook import Workbook
from immersion.ui import markdown_view
from immersion.ui.edit_session import EditSession
from immersion.ui.meeting_editor import NOTES_PAUSE_MS
from immersion.ui.meeting_list_model import FIRST_ROLE
from immersion.ui.meetings_page import MeetingsPage
from immersion.ui.pages import PageContext

NOW = dt.datetime.now().replace(second=0, microsecond=0)
NOTES = """## What we heard
- Alarms "cry wolf", so colleagues silence them.
- "I need fewer bins at the back door." — Olivia Grant
"""


@dataclass
class Shown:
    """A Meetings page on one account, refreshed after every edit as the window would refresh it."""

    page: MeetingsPage
    workbook: Workbook
    ids: dict[str, str]
    session: EditSession | None

    def context(self) -> PageContext:
        return PageContext(self.workbook, account=account_summary(self.workbook, self.ids["account"]),
                           session=self.session)

    def refresh(self) -> None:
        self.page.show_context(self.context())

    def steps(self) -> list[str]:
        stack = self.session.undo_stack
        return [stack.text(n) for n in range(stack.count())]


def people(wb: Workbook) -> dict[str, str]:
    def add(table: str, **values: object) -> str:
        return edits.add(wb, table, **values).items[0].row_id

    account = add("accounts", name="Marlowe & Finch")
    return {
        "account": account,
        "goal": add("goals", account_id=account, title="Cut fresh waste 30% by 2028", category="strategic"),
        "olivia": add("stakeholders", account_id=account, name="Olivia Grant", title="COO"),
        "martin": add("stakeholders", account_id=account, name="Martin Achterberg", title="CFO"),
        "claire": add("team_members", name="Claire Fontaine", function="sales"),
        "agency": add("team_members", name="Studio Brightline", function="agency", third_party=1),
    }


def show(qtbot: QtBot, wb: Workbook, ids: dict[str, str], editable: bool = True) -> Shown:
    page = MeetingsPage()
    shown = Shown(page, wb, ids, EditSession(wb) if editable else None)
    refresh_then_show(qtbot, page, shown.session, shown.refresh, (1280, 800))
    return shown


@pytest.fixture
def shown(qtbot: QtBot, wb: Workbook) -> Shown:
    return show(qtbot, wb, people(wb))


def give_back_keyboard(qtbot: QtBot, page: MeetingsPage) -> None:
    """After a popup closed: the offscreen platform activates the closed popup a moment later (a real screen
    gives the keyboard back to the window); let that happen, then activate the page as the screen would."""
    QApplication.processEvents()
    with qtbot.waitActive(page):
        page.activateWindow()


def select(editor_notes: object, words: str) -> None:
    """Select `words` in the notes, as a user dragging over them."""
    text = editor_notes.toPlainText()  # type: ignore[attr-defined]
    start = text.index(words)
    cursor = editor_notes.textCursor()  # type: ignore[attr-defined]
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    editor_notes.setTextCursor(cursor)  # type: ignore[attr-defined]


# The offscreen platform cannot raise or grab for the attendee picker's popup; a real screen can.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_record_a_meeting_with_notes_insights_and_an_overdue_action_then_undo_it_all(
        qtbot: QtBot, shown: Shown) -> None:
    page, wb, ids, editor = shown.page, shown.workbook, shown.ids, shown.page.editor
    assert page.views.currentWidget() is page.empty
    qtbot.mouseClick(page.empty_button, Qt.MouseButton.LeftButton)
    (meeting,) = edits.rows(wb, "meetings")
    assert editor.meeting_id() == meeting["id"] and editor.title.hasFocus()
    qtbot.keyClicks(editor.title, "Discovery: food waste")
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)
    editor.kind.setCurrentIndex(editor.kind.findData("co-creation"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    assert edits.get(wb, "meetings", meeting["id"])["title"] == "Discovery: food waste"

    editor.attendees.open_picker()  # attendees from both sides, saved as one step when the picker closes
    editor.attendees.popup.search.setText("gr")
    assert editor.attendees.popup.lists[0].model().rowCount() == 1  # the search keeps Olivia Grant only
    editor.attendees.popup.customer.set_checked(ids["olivia"], True)
    editor.attendees.popup.ours.set_checked(ids["claire"], True)
    editor.attendees.popup.ours.set_checked(ids["agency"], True)
    editor.attendees.popup.hide()
    customer, ours = meetings.attendees(wb, meeting["id"])
    assert customer == [ids["olivia"]] and sorted(ours) == sorted([ids["claire"], ids["agency"]])
    assert editor.attendees.chips.names() == ["Olivia Grant", "Claire Fontaine", "Studio Brightline"]
    assert page.model.row(0)["customer"] == ["Olivia Grant"]

    give_back_keyboard(qtbot, page)
    editor.notes.setFocus()
    before = len(shown.steps())
    started = time.perf_counter()
    with qtbot.waitSignal(shown.session.changed, timeout=5000):  # saved after a pause in typing
        qtbot.keyClicks(editor.notes, "## What")
        editor.notes.insertPlainText(NOTES.removeprefix("## What"))
    # Saved by the pause (coarse timers may fire 5% early), not by the focus leaving.
    assert time.perf_counter() - started >= 0.9 * NOTES_PAUSE_MS / 1000 and editor.notes.hasFocus()
    assert edits.get(wb, "meetings", meeting["id"])["notes"] == NOTES
    assert shown.steps()[before:] == ["Edit meeting notes"]  # the burst of typing is one step
    qtbot.waitUntil(lambda: "What we heard" in editor.preview.toPlainText())
    assert editor.preview.document().begin().blockFormat().headingLevel() == 2

    select(editor.notes, '"I need fewer bins at the back door." — Olivia Grant')
    qtbot.keyClick(editor.notes, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    form = editor.insights.form
    assert form.isVisible() and form.kind.currentData() == "quote"
    assert form.stakeholder.currentData() == ids["olivia"]  # named in the words, and an attendee
    form.goal.setCurrentIndex(form.goal.findData(ids["goal"]))
    assert form.confirm.isVisible() and not form.confirm.isChecked()
    form.confirm.setChecked(True)
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    goal = edits.get(wb, "goals", ids["goal"])
    assert goal["status"] == "confirmed"
    assert goal["source_meeting_id"] == meeting["id"] and goal["source_stakeholder_id"] == ids["olivia"]

    select(editor.notes, "colleagues silence them")
    page.insight_action.trigger()
    form.kind.setCurrentIndex(form.kind.findData("observation"))
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    insights = meetings.insights_for_meeting(wb, meeting["id"])
    assert [(i["kind"], i["text"]) for i in insights] == [
        ("quote", '"I need fewer bins at the back door." — Olivia Grant'), ("observation", "colleagues silence them")]
    assert editor.insights.model.rowCount() == 2 and not form.isVisible()

    actions = editor.actions
    actions.new_owner.setCurrentIndex(actions.new_owner.findData(f"s:{ids['olivia']}"))
    actions.new_due.setDate(QDate.currentDate().addDays(-3))
    qtbot.keyClicks(actions.new_text, "Share 12 months of alarm data")
    qtbot.keyClick(actions.new_text, Qt.Key.Key_Return)
    overdue = account_overview(wb, ids["account"]).overdue_actions
    assert [a.text for a in overdue] == ["Share 12 months of alarm data"]
    assert actions.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # tinted as overdue
    assert "1 overdue" in actions.status.text()

    assert shown.steps() == ["New meeting", "Rename meeting", "Change meeting kind", "Change attendees",
                             "Edit meeting notes", "Make insight and confirm goal", "Make insight", "Add action item"]
    stack = shown.session.undo_stack
    stack.undo()
    assert account_overview(wb, ids["account"]).overdue_actions == []
    stack.undo()
    stack.undo()
    assert edits.rows(wb, "insights") == []
    assert edits.get(wb, "goals", ids["goal"])["status"] == "unconfirmed"
    assert edits.get(wb, "goals", ids["goal"])["source_meeting_id"] is None
    stack.undo()
    assert editor.notes.toPlainText() == ""
    stack.undo()
    assert meetings.attendees(wb, meeting["id"]) == ([], [])
    while stack.canUndo():
        stack.undo()
    assert edits.rows(wb, "meetings") == [] and page.views.currentWidget() is page.empty


def test_rendered_notes_load_nothing(qtbot: QtBot, shown: Shown, monkeypatch: pytest.MonkeyPatch,
                                     tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    assert QImage(4, 4, QImage.Format.Format_RGB32).save(str(secret))  # a real image: loading it would work
    shown.page.new_meeting("Hostile notes", NOW.isoformat())
    editor = shown.page.editor
    evil = (f"![chart]({secret.as_uri()}) ![bare]({secret})\n\n<img src=\"{secret.as_uri()}\">\n\n"
            f"![pixel](https://example.com/track.png) [open]({secret.as_uri()})\n")
    editor.notes.setPlainText(evil)
    editor.render_notes()
    editor.preview.grab()  # lay out and paint, which is when a document asks for its images
    document = editor.preview.document()
    assert editor.preview.toPlainText().startswith("[chart] [bare]")  # images show as their alt text
    assert set(editor.preview.refused()) == {secret.as_uri(), str(secret), "https://example.com/track.png"}
    for url in (secret.as_uri(), str(secret)):
        image = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
        assert image is None or image.isNull()
    fragments = [fragment for block in blocks(document) for fragment in block]
    assert not any(f.charFormat().isImageFormat() for f in fragments)
    assert f'<img src="{secret.as_uri()}">' in editor.preview.toPlainText()  # raw HTML is shown, not run
    opened: list[str] = []
    monkeypatch.setattr(markdown_view, "open_external", lambda url: opened.append(url.toString()))
    editor.preview.anchorClicked.emit(QUrl(secret.as_uri()))
    editor.preview.anchorClicked.emit(QUrl("https://example.com/study"))
    assert opened == ["https://example.com/study"]  # only web and mail links leave the app


def blocks(document: QTextDocument) -> list[list]:
    """The text fragments of each block of `document`."""
    result = []
    block = document.begin()
    while block.isValid():
        fragments, iterator = [], block.begin()
        while not iterator.atEnd():
            fragments.append(iterator.fragment())
            iterator += 1
        result.append(fragments)
        block = block.next()
    return result


def test_list_puts_upcoming_first_then_the_most_recent(qtbot: QtBot, shown: Shown,
                                                       qtmodeltester: ModelTester) -> None:
    page = shown.page
    for title, days in (("Old review", -60), ("Next week", 7), ("Yesterday", -1), ("Tomorrow", 1)):
        page.new_meeting(title, (NOW + dt.timedelta(days=days)).isoformat())
    assert [r["title"] for r in page.model.rows()] == ["Tomorrow", "Next week", "Yesterday", "Old review"]
    assert [page.model.index(n).data(FIRST_ROLE) for n in range(4)] == [True, False, True, False]
    assert page.editor.title.text() == "Tomorrow"  # the last one added stays selected
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.editor.attendees.popup.customer)


def test_panel_models_pass_the_model_tester(qtbot: QtBot, shown: Shown, qtmodeltester: ModelTester) -> None:
    wb, ids, page = shown.workbook, shown.ids, shown.page
    meeting_id = page.new_meeting("Review", (NOW - dt.timedelta(days=2)).isoformat())
    insight = meetings.make_insight(wb, meeting_id, "Price is a losing battle", "pressure",
                                    goal_id=ids["goal"]).items[0].row_id
    meetings.add_action(wb, meeting_id, "Send the study", owner_team_member_id=ids["claire"], due_date="2020-01-01")
    edits.add(wb, "touchpoints", account_id=ids["account"], stakeholder_id=ids["martin"], date="2026-01-02",
              content="Energy-as-a-service one-pager")
    shown.refresh()
    page.show_view(1)
    for model in (page.editor.insights.model, page.editor.actions.model, page.touchpoints.model):
        assert model.rowCount() == 1
        qtmodeltester.check(model)
    assert page.editor.actions.model.index(0, 2).data() == "Claire Fontaine"
    page.show_view(0)
    page.editor.insights.table.select_id(insight)
    with qtbot.assertNotEmitted(page.editor.insights.model.modelReset), \
            qtbot.assertNotEmitted(page.model.modelReset):  # a refresh updates cells, keeping the selection
        shown.refresh()
    assert page.editor.insights.table.selected_id() == insight


def test_focus_item_selects_the_meeting_and_the_row(qtbot: QtBot, shown: Shown) -> None:
    wb, ids, page = shown.workbook, shown.ids, shown.page
    first = page.new_meeting("First", (NOW - dt.timedelta(days=9)).isoformat())
    second = page.new_meeting("Second", (NOW - dt.timedelta(days=2)).isoformat())
    insight = meetings.make_insight(wb, first, "Freshness wins", "need").items[0].row_id
    action = meetings.add_action(wb, first, "Book the lab").items[0].row_id
    touch = edits.add(wb, "touchpoints", account_id=ids["account"], stakeholder_id=ids["olivia"],
                      date="2026-01-02", content="Kantar study").items[0].row_id
    shown.refresh()
    assert page.editor.meeting_id() == second
    assert page.focus_item("insights", insight)
    assert page.editor.meeting_id() == first and page.editor.insights.table.selected_id() == insight
    assert page.focus_item("meetings", second) and page.editor.meeting_id() == second
    assert page.focus_item("action_items", action)
    assert page.editor.meeting_id() == first and page.editor.actions.table.selected_id() == action
    page.touchpoints.set_stakeholder(ids["martin"])
    assert page.focus_item("touchpoints", touch)  # the filter gives way
    assert page.views.currentWidget() is page.touchpoints and page.touchpoints.table.selected_id() == touch
    assert not page.focus_item("goals", ids["goal"])
    other = edits.add(wb, "accounts", name="Other").items[0].row_id
    foreign = meetings.add_meeting(wb, other, "Theirs", NOW).items[0].row_id
    assert not page.focus_item("meetings", foreign)


def test_refresh_keeps_what_the_user_is_typing(qtbot: QtBot, shown: Shown) -> None:
    page, wb = shown.page, shown.workbook
    meeting_id = page.new_meeting("Review", NOW.isoformat())
    editor = page.editor
    editor.notes.setFocus()
    qtbot.keyClicks(editor.notes, "Half a thought")
    edits.change(wb, "meetings", meeting_id, purpose="Agree the pilot")  # an edit elsewhere, then a refresh
    shown.refresh()
    assert editor.notes.toPlainText() == "Half a thought" and editor.purpose.text() == "Agree the pilot"
    editor.purpose.setFocus()  # leaving the notes saves them
    assert edits.get(wb, "meetings", meeting_id)["notes"] == "Half a thought"


def test_each_field_is_one_step_and_a_new_time_moves_the_meeting(qtbot: QtBot, shown: Shown) -> None:
    page, wb = shown.page, shown.workbook
    page.new_meeting("Upcoming", (NOW + dt.timedelta(days=3)).isoformat())
    meeting_id = page.new_meeting("Review", (NOW - dt.timedelta(days=3)).isoformat())
    editor = page.editor
    assert [r["title"] for r in page.model.rows()] == ["Upcoming", "Review"]
    editor.purpose.setFocus()
    qtbot.keyClicks(editor.purpose, "Agree the pilot scope")
    qtbot.keyClick(editor.purpose, Qt.Key.Key_Return)
    editor.duration.setFocus()
    editor.duration.setValue(45)
    editor.when.setFocus()  # leaving the duration saves it
    editor.when.setDateTime(editor.when.dateTime().addDays(4))  # three days ago → tomorrow
    qtbot.keyClick(editor.when, Qt.Key.Key_Return)
    row = edits.get(wb, "meetings", meeting_id)
    assert (row["purpose"], row["duration_minutes"]) == ("Agree the pilot scope", 45)
    assert row["starts_at"] > NOW.isoformat()
    assert shown.steps()[-3:] == ["Edit meeting purpose", "Change meeting duration", "Change meeting time"]
    assert [r["title"] for r in page.model.rows()] == ["Review", "Upcoming"]  # now the next one
    assert page.editor.meeting_id() == meeting_id and page.list.currentIndex().data() == "Review"
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClick(editor.title, Qt.Key.Key_Delete)
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)  # a meeting keeps its title
    assert editor.title.text() == "Review" and edits.get(wb, "meetings", meeting_id)["title"] == "Review"


def test_switching_accounts_saves_the_typing_where_it_belongs(qtbot: QtBot, shown: Shown) -> None:
    page, wb = shown.page, shown.workbook
    meeting_id = page.new_meeting("Review", NOW.isoformat())
    page.editor.notes.setFocus()
    qtbot.keyClicks(page.editor.notes, "Typed just before switching")
    shown.ids["account"] = edits.add(wb, "accounts", name="Other").items[0].row_id
    shown.refresh()  # the user picked another account in the sidebar
    assert edits.get(wb, "meetings", meeting_id)["notes"] == "Typed just before switching"
    assert page.views.currentWidget() is page.empty
    page.show_context(PageContext(None))  # the workbook was closed: nothing is written any more
    assert page.editor.meeting_id() is None


def test_quick_capture_and_delete(qtbot: QtBot, shown: Shown) -> None:
    page, wb = shown.page, shown.workbook
    page.new_meeting("Earlier", (NOW - dt.timedelta(days=3)).isoformat())
    meeting_id = page.quick_capture()
    row = edits.get(wb, "meetings", meeting_id)
    assert row["kind"] == "discovery" and row["title"].startswith("Notes ")
    assert page.editor.meeting_id() == meeting_id and page.editor.notes.hasFocus()
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert edits.get(wb, "meetings", meeting_id) is None
    assert shown.steps()[-1] == f"Delete meeting “{row['title']}”"
    assert page.editor.title.text() == "Earlier"
    shown.session.undo_stack.undo()
    assert edits.get(wb, "meetings", meeting_id) is not None


def test_new_meeting_shortcut_and_touchpoints(qtbot: QtBot, shown: Shown) -> None:
    page, wb, ids = shown.page, shown.workbook, shown.ids
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(edits.rows(wb, "meetings")) == 1
    qtbot.mouseClick(page.touchpoints_tab, Qt.MouseButton.LeftButton)
    panel = page.touchpoints
    assert page.views.currentWidget() is panel and panel.empty.isVisible()
    panel.new_person.setCurrentIndex(panel.new_person.findData(ids["martin"]))
    panel.new_channel.setCurrentIndex(panel.new_channel.findData("linkedin"))
    qtbot.keyClicks(panel.new_content, "Energy-as-a-service one-pager")
    qtbot.keyClick(panel.new_content, Qt.Key.Key_Return)
    (touch,) = meetings.touchpoints_for(wb, stakeholder_id=ids["martin"])
    assert touch["channel"] == "linkedin" and panel.model.rowCount() == 1
    response = panel.model.index(0, panel.model.column_of("response"))
    assert panel.model.setData(response, "positive")
    assert edits.get(wb, "touchpoints", touch["id"])["response"] == "positive"
    panel.set_stakeholder(ids["olivia"])
    assert panel.model.rowCount() == 0
    panel.set_stakeholder(None)
    panel.table.select_id(touch["id"])
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert meetings.touchpoints_for(wb, account_id=ids["account"]) == []
    shown.session.undo_stack.undo()
    assert panel.model.rowCount() == 1


def test_read_only_shows_but_edits_nothing(qtbot: QtBot, workbook_path: Path) -> None:
    wb = Workbook.create(workbook_path)
    ids = people(wb)
    meeting_id = meetings.add_meeting(wb, ids["account"], "Review", NOW - dt.timedelta(days=1),
                                      stakeholder_ids=[ids["olivia"]], notes="## Notes").items[0].row_id
    meetings.make_insight(wb, meeting_id, "A need", "need")
    meetings.add_action(wb, meeting_id, "Follow up", due_date="2020-01-01")
    wb.close()
    reader = Workbook.open(workbook_path, read_only=True)
    try:
        shown = show(qtbot, reader, ids, editable=False)
        page, editor = shown.page, shown.page.editor
        assert editor.meeting_id() == meeting_id and editor.notes.isReadOnly() and editor.title.isReadOnly()
        assert not page.new_button.isVisible() and not page.insight_action.isEnabled()
        assert not editor.delete_button.isVisible() and not editor.attendees.edit_button.isVisible()
        assert not editor.actions.adder.isVisible() and not editor.insights.make_button.isEnabled()
        for model in (editor.insights.model, editor.actions.model):
            index = model.index(0, 1)
            assert not model.flags(index) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        assert page.quick_capture() is None and page.new_meeting() is None
        page.show_view(1)
        assert not page.touchpoints.adder.isVisible()
        assert editor.preview.toPlainText().strip() == "Notes"
    finally:
        reader.close()
