"""The relationship page's quick-add row: a new person's six first fields on one line, added with Enter.

A manager typed in the reports-to field must name exactly one person on the map, else the row says so below
itself. The row only says what was typed (`submitted`); the page adds the person through the edit session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from immersion.ui.row_model import Row
from immersion.ui.stakeholder_combos import choice_combo, fill_people, people_combo, resolve_person
from immersion.ui.stakeholder_model import LEVELS, STANCES
from immersion.ui.widgets import Caption


class QuickAdd(QWidget):
    """Name, title, level, influence, stance and reports-to on one line; Enter adds the person.

    Signals:
        submitted(dict): the new person's fields, ready for the store.
    """

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name of a new person"))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("Title"))
        self.level = choice_combo(LEVELS, self)
        self.influence = QSpinBox(self)
        self.influence.setRange(1, 5)
        self.influence.setPrefix(self.tr("Influence "))
        self.stance = choice_combo(STANCES, self)
        self.reports_to = people_combo(self, self.tr("Reports to (optional)"))
        self.add = QPushButton(self.tr("Add"), self)
        self.add.clicked.connect(self.submit)
        self.message = Caption("", self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        fields = (self.name, self.title, self.level, self.influence, self.stance, self.reports_to, self.add)
        for widget, stretch, tip in zip(fields, (3, 3, 0, 0, 0, 3, 0), (
                self.tr("The new person's name (Ctrl+N comes here)"), self.tr("Their job title"),
                self.tr("Their level in the organisation"), self.tr("How much they sway decisions, 1 to 5"),
                self.tr("How they stand toward us"), self.tr("Their manager, if already on the map"),
                self.tr("Add this person (Enter)")), strict=True):
            row.addWidget(widget, stretch)
            widget.setToolTip(tip)
            widget.setAccessibleName(tip)
        for first, second in zip(fields, fields[1:], strict=False):
            QWidget.setTabOrder(first, second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.clear()

    def set_people(self, people: list[Row]) -> None:
        fill_people(self.reports_to, people)

    def clear(self) -> None:
        """Back to defaults for the next person, the cursor in the name field."""
        self.name.clear()
        self.title.clear()
        self.level.setCurrentIndex(self.level.findData("manager"))
        self.influence.setValue(3)
        self.stance.setCurrentIndex(self.stance.findData("neutral"))
        self.reports_to.setEditText("")
        for combo in (self.level, self.stance):
            combo.view().keyboardSearch("")  # the next letter typed starts a new search, even right away
        self.message.hide()

    def start(self, manager: str = "") -> None:
        """Put the cursor in the name field, optionally with a manager already chosen."""
        if manager:
            self.reports_to.setEditText(manager)
        self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.name.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Line edits, spin boxes and closed combo boxes pass Enter on to their parent: it lands here.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        name = self.name.text().strip()
        if not name:
            self._say(self.tr("Type a name first."), self.name)
            return
        manager = resolve_person(self.reports_to)
        if manager is None:
            self._say(self.tr("Nobody on this account is called “%1”; pick a name from the list or leave it "
                              "empty.").replace("%1", self.reports_to.currentText().strip()), self.reports_to)
            return
        self.submitted.emit({"name": name, "title": self.title.text().strip() or None,
                             "level": self.level.currentData(), "influence": self.influence.value(),
                             "stance": self.stance.currentData(), "reports_to_id": manager or None})

    def _say(self, text: str, focus: QWidget) -> None:
        self.message.setText(text)
        self.message.show()
        focus.setFocus()
