"""What the ideas page does to ideas: every user action as one undoable step through the page's `EditSession`.

New ideas, moves (by drop, by key, by menu, by the table's stage cell — parking and declining ask for a
reason), hand reordering, merges, deletes, field edits and link sets. Each runs one store function in one
transaction, so one Undo takes it back; afterwards the page reloads and selects what was acted on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint
from PySide6.QtWidgets import QMenu

from immersion.domain.enums import BOARD_STAGES
from immersion.store import idea_queries, ideas
from immersion.store.edits import Changes
from immersion.ui import idea_dialogs
from immersion.ui import idea_labels as labels

if TYPE_CHECKING:
    from immersion.store.workbook import Workbook
    from immersion.ui.edit_session import EditSession
    from immersion.ui.ideas_page import IdeasPage

BOARD = [stage.value for stage in BOARD_STAGES]
LINK_TEXTS = {"goals": QT_TRANSLATE_NOOP("IdeaCommands", "Link goals"),
              "tags": QT_TRANSLATE_NOOP("IdeaCommands", "Edit tags"),
              "assets": QT_TRANSLATE_NOOP("IdeaCommands", "Edit assets needed"),
              "people": QT_TRANSLATE_NOOP("IdeaCommands", "Edit people involved")}


class IdeaCommands(QObject):
    """The edits of one ideas page (its parent), which gives the session, the account and the rows."""

    def __init__(self, page: IdeasPage) -> None:
        super().__init__(page)
        self.page = page

    def _session(self) -> tuple[EditSession, str] | None:
        session, account = self.page.writable_session(), self.page.account_id()
        return (session, account) if session is not None and account is not None else None

    def _done(self, ids: Sequence[str], message: str) -> None:
        self.page.catch_up()
        self.page.select_ids(ids)
        self.page.say(message)

    def _titled(self, idea_id: str) -> str:
        row = self.page.row(idea_id)
        return row["title"] if row else ""

    def _what(self, ids: Sequence[str]) -> str:
        """“Title” for one idea, "3 ideas" for more, in messages."""
        if len(ids) == 1:
            return f"“{self._titled(ids[0])}”"
        return self.tr("%1 ideas").replace("%1", str(len(ids)))

    # -- creating ------------------------------------------------------------------------------------------

    def new_idea(self, title: str = "", **fields: Any) -> str | None:
        """A new idea in "captured"; its title is selected in the editor, ready to be typed over."""
        found = self._session()
        if found is None:
            return None
        session, account = found
        title = title or self.tr("New idea")
        changes = session.edit(self.tr("New idea"), lambda wb: ideas.add_idea(wb, account, title, **fields))
        if not changes:
            return None
        idea_id = changes.items[0].row_id
        self.page.reveal(idea_id)
        self.page.say(self.tr("Added an idea in Captured — type its title and press Enter"))
        self.page.show_details(True, chosen=True)  # the title is typed in the editor
        self.page.editor.focus_title()
        return idea_id

    def new_idea_from_meeting(self, meeting_id: str, text: str) -> str | None:
        """A captured idea whose origin is the meeting: the text's first line is the title, the whole text
        (when longer) the description."""
        found = self._session()
        lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
        if found is None or not lines:
            return None
        title = lines[0] if len(lines[0]) <= 120 else lines[0][:119].rstrip() + "…"
        description = text.strip() if len(lines) > 1 or title != lines[0] else None
        changes = found[0].edit(self.tr("New idea from meeting"),
                                lambda wb: ideas.new_idea_from_meeting(wb, meeting_id, title, description))
        if not changes:
            return None
        idea_id = changes.items[0].row_id
        self.page.reveal(idea_id)
        self.page.say(self.tr("Captured “%1” from the meeting").replace("%1", title))
        return idea_id

    # -- moving --------------------------------------------------------------------------------------------

    def move(self, ids: Sequence[str], stage: str, position: int | None = None) -> bool:
        """Move ideas to `stage` (at `position` of its column, counted without them); asks why for an exit."""
        found = self._session()
        rows = [r for r in (self.page.row(i) for i in ids) if r]
        if found is None or not rows:
            return False
        reason = None
        leaving = [r for r in rows if r["stage"] != stage]
        if stage in idea_queries.EXITS and leaving:
            reason = idea_dialogs.ask_reason(self.page, stage, [r["title"] for r in leaving])
            if reason is None:
                return False
        ids = [r["id"] for r in rows]
        if not leaving:
            rest = self.page.column_ids(stage, without=ids)
            if position is None or rest[:position] + ids + rest[position:] == self.page.column_ids(stage):
                return False  # dropped where it was
            text = self.tr("Reorder idea") if len(ids) == 1 else self.tr("Reorder ideas")
        elif len(ids) == 1:
            text = self.tr("Move idea to %1").replace("%1", labels.stage_label(stage))
        else:
            text = self.tr("Move %1 ideas to %2").replace("%1", str(len(ids))).replace(
                "%2", labels.stage_label(stage))
        if not found[0].edit(text, lambda wb: ideas.move_ideas(wb, ids, stage, reason, position)):
            return False
        what = self._what([r["id"] for r in rows])
        message = self.tr("Moved %1 to %2").replace("%1", what).replace("%2", labels.stage_label(stage)) \
            if leaving else self.tr("Reordered %1").replace("%1", what)
        self.page.reveal(ids[0], ids)
        self.page.say(self.tr("%1 — undo with %2").replace("%1", message).replace("%2", self.page.undo_key))
        return True

    def step(self, direction: int) -> bool:
        """Move the selected ideas one stage on (+1) or back (-1); back from parked or declined returns an
        idea to the stage it left the board from."""
        current = self.page.current_id()
        row = self.page.row(current) if current else None
        if row is None:
            return False
        stage = row["stage"]
        if stage in BOARD:
            target = BOARD.index(stage) + direction
            if not 0 <= target < len(BOARD):
                return False
            goal = BOARD[target]
        elif direction < 0 and self.page.workbook() is not None:
            goal = idea_queries.stage_before_exit(self.page.workbook(), row["id"])  # type: ignore[arg-type]
        else:
            return False
        same = [i for i in self.page.selected_ids() if (self.page.row(i) or {}).get("stage") == stage]
        return self.move(same or [row["id"]], goal)

    # -- merging and deleting ------------------------------------------------------------------------------

    def merge(self, ids: Sequence[str] | None = None) -> str | None:
        """Ask which of the selected ideas stays, and merge the others into it; returns the survivor."""
        found = self._session()
        rows = [r for r in (self.page.row(i) for i in (ids or self.page.selected_ids())) if r]
        if found is None or len(rows) < 2:
            self.page.say(self.tr("Select two or more ideas (Ctrl+click) to merge them."))
            return None
        survivor = idea_dialogs.ask_survivor(self.page, rows)
        if survivor is None:
            return None
        merged = [r["id"] for r in rows if r["id"] != survivor]
        if not found[0].edit(self.tr("Merge ideas"), lambda wb: ideas.merge_ideas(wb, survivor, merged)):
            return None
        title = self._titled(survivor)
        message = self.tr("Merged %1 ideas into “%2” — undo with %3").replace("%1", str(len(merged)))
        self._done([survivor], message.replace("%2", title).replace("%3", self.page.undo_key))
        return survivor

    def delete(self, ids: Sequence[str] | None = None) -> bool:
        """Delete the selected ideas without asking: one undo brings them back, and the page says so."""
        found = self._session()
        ids = [i for i in (ids or self.page.selected_ids()) if self.page.row(i)]
        if found is None or not ids:
            return False
        text = self.tr("Delete idea") if len(ids) == 1 else self.tr("Delete ideas")
        what = self._what(ids)  # before the reload that forgets them
        if not found[0].delete(text, "ideas", *ids):
            return False
        message = self.tr("Deleted %1 — undo with %2").replace("%1", what)
        self._done([], message.replace("%2", self.page.undo_key))
        return True

    # -- fields and links ----------------------------------------------------------------------------------

    def edit_fields(self, idea_id: str, values: dict[str, Any]) -> bool:
        found = self._session()
        if found is None:
            return False
        done = found[0].change(self.tr("Edit idea"), "ideas", idea_id, **values)
        self.page.catch_up()
        return bool(done)

    def edit_cell(self, idea_id: str, key: str, value: Any) -> bool:
        """A table cell: a new stage is a move (which may ask for a reason), anything else a field edit."""
        if key == "stage":
            return self.move([idea_id], str(value))
        return self.edit_fields(idea_id, {key: value})

    def edit_links(self, idea_id: str, kind: str, value: Any) -> bool:
        found = self._session()
        if found is None or kind not in LINK_TEXTS:
            return False

        def action(wb: Workbook) -> Changes:
            if kind == "goals":
                return ideas.set_goal_links(wb, idea_id, value)
            if kind == "tags":
                return ideas.set_tags(wb, idea_id, value)
            if kind == "assets":
                return ideas.set_assets(wb, idea_id, value)
            return ideas.set_people(wb, idea_id, *value)

        done = found[0].edit(self.tr(LINK_TEXTS[kind]), action)
        self.page.catch_up()
        return bool(done)

    # -- the context menu ----------------------------------------------------------------------------------

    def menu(self, position: QPoint) -> None:
        """The context menu of the selected cards or rows, at a global position."""
        page, tools = self.page, self.page.tools
        editable, selected = page.writable_session() is not None, page.selected_ids()
        menu = QMenu(page)
        for text, key, slot, enabled in (
            (self.tr("New idea"), "Ins", self.new_idea, editable),
            (self.tr("Move on"), "Ctrl+Right", lambda: self.step(1), tools.on_button.isEnabled()),
            (self.tr("Move back"), "Ctrl+Left", lambda: self.step(-1), tools.back_button.isEnabled()),
        ):
            action = menu.addAction(f"{text}\t{key}")  # the key is only shown: the views handle it
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            action.setEnabled(enabled)
        moves = menu.addMenu(self.tr("Move to"))
        moves.addActions(tools.move_menu.actions())
        moves.setEnabled(editable and bool(selected))
        merge = menu.addAction(self.tr("Merge…"))
        merge.triggered.connect(lambda: self.merge())
        merge.setEnabled(editable and len(selected) >= 2)
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete") + "\tDel")
        delete.triggered.connect(lambda: self.delete())
        delete.setEnabled(editable and bool(selected))
        menu.exec(position)
