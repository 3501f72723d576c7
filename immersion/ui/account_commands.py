"""Creating, renaming and deleting accounts: the Account menu and the sidebar's context menu.

Each command is one undoable edit through the window's `EditSession`. Deleting asks first and says how much
goes with the account; Undo brings all of it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from immersion.store import edits
from immersion.texts import TextContext
from immersion.ui import dialogs

if TYPE_CHECKING:
    from immersion.ui.main_window import MainWindow


Accounts = TextContext("Accounts")  # texts written Accounts.tr("…"), as pyside6-lupdate reads them


def new_account(window: MainWindow, name: str | None = None) -> str | None:
    """Add an account (asking for its name unless given), select it and show its overview."""
    session = window.session
    if session is None:
        return None
    if name is None:
        name = dialogs.ask_text(window, Accounts.tr("New Account"), Accounts.tr("Name of the customer account:"))
        if name is None:
            return None
    account_id = session.add(Accounts.tr("Add account “%1”").replace("%1", name), "accounts", name=name)
    if account_id is not None:
        window.sidebar.select_account(account_id)
        window.workspace.show_page("overview")
        window.statusBar().showMessage(Accounts.tr("Added account “%1”").replace("%1", name))
    return account_id


def rename_account(window: MainWindow, name: str | None = None) -> bool:
    session, account_id = window.session, window.sidebar.current_account_id()
    if session is None or account_id is None or window.workbook is None:
        return False
    current = edits.get(window.workbook, "accounts", account_id)
    if current is None:
        return False
    if name is None:
        name = dialogs.ask_text(window, Accounts.tr("Rename Account"), Accounts.tr("New name:"), current["name"])
        if name is None:
            return False
    return session.change(Accounts.tr("Rename account"), "accounts", account_id, name=name) is not None


def delete_account(window: MainWindow) -> bool:
    """Delete the selected account and everything in it, after asking; undoable."""
    session, account_id, workbook = window.session, window.sidebar.current_account_id(), window.workbook
    if session is None or account_id is None or workbook is None:
        return False
    account = edits.get(workbook, "accounts", account_id)
    if account is None:
        return False
    counts = {
        table: len(edits.rows(workbook, table, account_id=account_id))
        for table in ("goals", "stakeholders", "meetings", "ideas", "investments")
    }
    what = ", ".join(f"{n} {table}" for table, n in counts.items() if n) or Accounts.tr("nothing else yet")
    text = (Accounts.tr("Delete “%1” and everything in it (%2)?").replace("%1", account["name"]).replace("%2", what)
            + "\n\n" + Accounts.tr("You can undo this with Edit → Undo."))
    if not dialogs.confirm(window, Accounts.tr("Delete Account"), text, Accounts.tr("Delete Account")):
        return False
    name = account["name"]
    done = session.delete(Accounts.tr("Delete account “%1”").replace("%1", name), "accounts", account_id) is not None
    if done:
        window.statusBar().showMessage(
            Accounts.tr("Deleted “%1” — Undo with %2").replace("%1", account["name"]).replace("%2", "Ctrl+Z")
        )
    return done
