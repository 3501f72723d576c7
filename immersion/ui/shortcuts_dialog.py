"""Help → Keyboard Shortcuts: every key the app answers to, in one list.

The menu commands are read from the menu bar itself, so the list cannot drift from what the keys really do;
the keys of the tables are read from each table's `KEYS`, and the other keys that work inside a page (ideas
board, meeting notes, relationship map, P&L paste) are listed in `PAGE_KEYS`. Keys are shown the way the platform writes them (⌘ on macOS).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from immersion.texts import TextContext

Shortcuts = TextContext("Shortcuts")  # texts written Shortcuts.tr("…"), as pyside6-lupdate reads them

# What the tables' keys do: the keys themselves are read from each table's `KEYS`.
TABLE_COMMANDS = {
    "add": QT_TRANSLATE_NOOP("Shortcuts", "Add a row"),
    "delete": QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected row"),
    "edit": QT_TRANSLATE_NOOP("Shortcuts", "Edit the selected cell"),
    "up": QT_TRANSLATE_NOOP("Shortcuts", "Move the selected goal up"),
    "down": QT_TRANSLATE_NOOP("Shortcuts", "Move the selected goal down"),
}
TABLES = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Boardroom agenda"), "immersion.ui.agenda_table", "AgendaTable"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Investments"), "immersion.ui.investment_table", "InvestmentTable"),
    (QT_TRANSLATE_NOOP("Shortcuts", "P&L"), "immersion.ui.pnl_model", "PnlTable"),
    (QT_TRANSLATE_NOOP("Shortcuts", "Team & partners, Assets"), "immersion.ui.catalogue_base", "CatalogueTable"),
)

# Keys of pages that handle them in code rather than in a table's `KEYS`: (where, what, keys), keys in Qt's
# portable form ("Ctrl+N"), shown in the platform's own.
PAGE_KEYS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Shortcuts", "P&L"),
     QT_TRANSLATE_NOOP("Shortcuts", "Paste a block of figures from a spreadsheet"), ("Ctrl+V",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "P&L"), QT_TRANSLATE_NOOP("Shortcuts", "Copy the selected figures"),
     ("Ctrl+C",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ideas board"), QT_TRANSLATE_NOOP("Shortcuts", "New idea"), ("Ctrl+N",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ideas board"),
     QT_TRANSLATE_NOOP("Shortcuts", "Move the selected card one stage on or back"), ("Ctrl+Right", "Ctrl+Left")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ideas board"), QT_TRANSLATE_NOOP("Shortcuts", "Go to the next column"),
     ("Right", "Left")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ideas board"), QT_TRANSLATE_NOOP("Shortcuts", "Open the selected idea"),
     ("Return",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ideas board"), QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected idea"),
     ("Del",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Meetings"),
     QT_TRANSLATE_NOOP("Shortcuts", "Keep the selected words of the notes as an insight"), ("Ctrl+I",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Meetings"), QT_TRANSLATE_NOOP("Shortcuts", "Save the insight being written"),
     ("Ctrl+Return",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Meetings"), QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected meeting"),
     ("Del",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Relationship map"), QT_TRANSLATE_NOOP("Shortcuts", "Zoom in / out"),
     ("+", "-")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Relationship map"), QT_TRANSLATE_NOOP("Shortcuts", "Show the whole map"),
     ("0",)),
    (QT_TRANSLATE_NOOP("Shortcuts", "Relationship map"), QT_TRANSLATE_NOOP("Shortcuts", "Add a person"),
     ("Ctrl+N",)),
)


def table_shortcuts() -> list[tuple[str, str, str]]:
    """(table, command, keys) from each table's own `KEYS`, so the list says what the tables really take."""
    from importlib import import_module

    found = []
    for where, module, name in TABLES:
        keys: dict[str, list[QKeySequence]] = {}
        for (key, modifiers), command in getattr(import_module(module), name).KEYS.items():
            keys.setdefault(command, []).append(QKeySequence(QKeyCombination(modifiers, key)))
        for command, sequences in keys.items():
            found.append((Shortcuts.tr(where), Shortcuts.tr(TABLE_COMMANDS.get(command, command)), native(sequences)))
    return found


def native(keys: list[QKeySequence] | tuple[str, ...]) -> str:
    """Key sequences as the platform writes them, alternatives joined by commas."""
    sequences = [QKeySequence(k) if isinstance(k, str) else k for k in keys]
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) of every command in the menu bar that has keys, in menu order."""
    found: list[tuple[str, str, str]] = []

    def visit(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                visit(action.menu(), title)
            elif action.shortcuts() and not action.isSeparator():
                found.append((title, plain(action), native(action.shortcuts())))

    for action in bar.actions():
        if action.menu() is not None:
            visit(action.menu(), plain(action))
    return found


def plain(action: QAction) -> str:
    """An action's text without its mnemonic markers ("&Undo" → "Undo", "P&&L" → "P&L")."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts of the menus and of the pages, grouped by where they work."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # scrolls with the keyboard
        groups: dict[str, QTreeWidgetItem] = {}

        def add(group: str, command: str, keys: str) -> None:
            if group not in groups:
                heading = QTreeWidgetItem(self.tree, [group])
                font = heading.font(0)
                font.setBold(True)
                heading.setFont(0, font)
                heading.setFirstColumnSpanned(True)
                groups[group] = heading
            QTreeWidgetItem(groups[group], [command, keys])

        for menu, command, keys in menu_shortcuts(bar):
            add(self.tr("%1 menu").replace("%1", menu), command, keys)
        for where, command, keys in table_shortcuts():
            add(where, command, keys)
        for where, command, keys in PAGE_KEYS:
            add(Shortcuts.tr(where), Shortcuts.tr(command), native(keys))
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(620, 640)

    def entries(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) as shown, for tests."""
        out = []
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            for m in range(group.childCount()):
                item = group.child(m)
                out.append((group.text(0), item.text(0), item.text(1)))
        return out
