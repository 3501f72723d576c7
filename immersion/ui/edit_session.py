"""Edits from the UI: each one a store call wrapped in an undo command, announced by one signal.

Data flows one way (DESIGN.md): a user's edit → `EditSession.edit()` → a store function in one transaction →
the `Changes` it returns → `changed` → models and charts refresh. Undo and redo replay the recorded rows
exactly (`store.edits.undo`/`redo`), so no page needs its own undo code.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from immersion.store import edits
from immersion.store.edits import Changes
from immersion.store.errors import WorkbookError, WorkbookReadOnly, WorkbookWriteError
from immersion.store.workbook import Workbook


class _StoreCommand(QUndoCommand):
    """One edit on the undo stack; it was already carried out when pushed."""

    def __init__(self, session: EditSession, text: str, changes: Changes) -> None:
        super().__init__(text)
        self._session = session
        self._changes = changes
        self._fresh = True  # QUndoStack.push() calls redo(): the edit is already in the file then

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self._session._replay(self, self._changes, forward=True)  # noqa: SLF001

    def undo(self) -> None:
        self._session._replay(self, self._changes, forward=False)  # noqa: SLF001


class EditSession(QObject):
    """The open workbook's edits and their undo history.

    Signals:
        changed(Changes): rows were written (by an edit, an undo or a redo).
        failed(str): an edit, undo or redo could not be saved; the argument is the user sentence.
        write_failed(str): the same, when the file itself refused the write (not a rule of the workbook).
    """

    changed = Signal(object)
    failed = Signal(str)
    write_failed = Signal(str)  # the file could not be written (full disk, gone read-only); emitted before failed

    def __init__(self, workbook: Workbook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)

    @property
    def read_only(self) -> bool:
        return self.workbook.read_only

    def edit(self, text: str, action: Callable[[Workbook], Changes]) -> Changes | None:
        """Carry out `action` now and put it on the undo stack as `text` ("Re-rank goal").

        Returns:
            What changed, or None when the edit was refused (then `failed` has said why) or changed nothing.
        """
        try:
            changes = action(self.workbook)
        except WorkbookError as error:
            self._report(error)
            return None
        if not changes:
            return None
        self.undo_stack.push(_StoreCommand(self, text, changes))
        self.changed.emit(changes)
        return changes

    # Shorthands for the common edits ------------------------------------------------------------------------

    def add(self, text: str, table: str, **values: object) -> str | None:
        """Add a row; returns its id."""
        changes = self.edit(text, lambda wb: edits.add(wb, table, **values))
        return changes.items[0].row_id if changes else None

    def change(self, text: str, table: str, row_id: str, **values: object) -> Changes | None:
        return self.edit(text, lambda wb: edits.change(wb, table, row_id, **values))

    def delete(self, text: str, table: str, *row_ids: str) -> Changes | None:
        return self.edit(text, lambda wb: edits.delete(wb, table, *row_ids))

    def _report(self, error: WorkbookError) -> None:
        if isinstance(error, (WorkbookWriteError, WorkbookReadOnly)):
            self.write_failed.emit(str(error))
        self.failed.emit(str(error))

    def _replay(self, command: _StoreCommand, changes: Changes, forward: bool) -> None:
        try:
            done = edits.redo(self.workbook, changes) if forward else edits.undo(self.workbook, changes)
        except WorkbookError as error:
            command.setObsolete(True)
            self._report(error)
            return
        self.changed.emit(done if done else changes)
