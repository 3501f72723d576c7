"""The base of pages that show and edit the selected account through the page context's edit session.

`AccountPage` follows the session: an announced change marks the page stale, a refused edit is said on the
page. It notices when another account is selected, and after an edit of its own it reloads unless the window
did already (the window calls `show_context` after every edit, undo and redo).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QWidget

from immersion.ui.pages import Page, PageContext

if TYPE_CHECKING:
    from immersion.store.edits import Changes
    from immersion.ui.edit_session import EditSession


class AccountPage(Page):
    """A page about the selected account, edited through `context.session`.

    Subclasses set `model` (an item model with an `editable` flag) and `status`, and implement `_reload()`;
    they may say what changes when another account is selected (`_account_changed()`) and how a refused edit
    is said (`_failed()`, by default in `status`).
    """

    model: Any  # the subclass's item model
    status: QLabel  # where the page says what happened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._session: EditSession | None = None
        self._account_id: str | None = None
        self._stale = False  # an edit was announced that this page has not reloaded yet

    def show_context(self, context: PageContext) -> None:
        """Show `context.account`, following the context's edit session."""
        if context.session is not self._session:
            if self._session is not None:
                self._session.changed.disconnect(self._announced)
                self._session.failed.disconnect(self._failed)
            self._session = context.session
            if self._session is not None:
                self._session.changed.connect(self._announced)
                self._session.failed.connect(self._failed)
        self._context = context
        account_id = context.account.id if context.account is not None else None
        if account_id != self._account_id:
            self._account_id = account_id
            self._account_changed()
        self._reload()

    def _account_changed(self) -> None:
        """Forget what belonged to the previous account (its messages, filters, scroll position)."""

    def _reload(self) -> None:
        """Read the account's data again and show it."""
        raise NotImplementedError

    def _failed(self, text: str) -> None:
        self.status.setText(text)

    def _announced(self, _changes: Changes) -> None:
        self._stale = True

    def _catch_up(self) -> None:
        """Reload after the page's own edit unless the window did already."""
        if self._stale:
            self._reload()

    def _can_edit(self) -> bool:
        """Whether the page shows an account that may be edited."""
        return bool(self.model.editable) and self._account_id is not None

    def _writable(self) -> EditSession | None:
        """The session to edit through, or None when the page shows nothing editable."""
        return self._session if self._can_edit() else None
