"""The relationship page's side form: every field of the selected person, with their links editors below.

The quick-add row takes the six fields that matter on first contact; this form is the step further. Each field
saves when the user leaves it (or picks a value), as one undoable "Edit stakeholder"; coverage and influence
links are added, re-weighted and removed in `StakeholderLinks`, each as its own undoable edit. The form never
refreshes itself: the session's `changed` signal brings the page's `show_context()`, which calls
`show_person()` again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from immersion.ui import formatting
from immersion.ui.edit_session import EditSession
from immersion.ui.row_model import Row
from immersion.ui.stakeholder_combos import choice_combo, fill_people, people_combo, resolve_person
from immersion.ui.stakeholder_links import StakeholderLinks
from immersion.ui.stakeholder_model import BUYING_ROLES, LEVELS, STANCES
from immersion.ui.widgets import Caption, Heading


class _TextBox(QPlainTextEdit):
    """A multi-line field that says when the user leaves it (there is no editingFinished for plain text)."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on through the form, as in every other field
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.left.emit()


class StakeholderForm(QWidget):
    """All fields of one stakeholder, with their coverage by our team and their influence links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: EditSession | None = None
        self._person: Row | None = None
        self._loading = False
        self.heading = Heading("", 1.2, self)
        self.hint = Caption(self.tr("Select a person in the table or on the map to see and edit all their "
                                    "details."), self)
        self.fields = QWidget(self)
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name, self.title, self.email, self.phone = (QLineEdit(self.fields) for _ in range(4))
        self.level = choice_combo(LEVELS, self.fields)
        self.influence = QSpinBox(self.fields)
        self.influence.setRange(1, 5)
        self.stance = choice_combo(STANCES, self.fields)
        self.buying_role = choice_combo(BUYING_ROLES, self.fields)
        self.reports_to = people_combo(self.fields, self.tr("Nobody (top of the chart)"))
        self.wins, self.notes = _TextBox(self.fields), _TextBox(self.fields)
        self.last_contact = QLineEdit(self.fields)
        self.last_contact.setPlaceholderText(self.tr("yyyy-mm-dd"))
        today = QToolButton(self.fields)
        today.setText(self.tr("Today"))
        today.setToolTip(self.tr("Set the last contact to today"))
        today.clicked.connect(self._contact_today)
        self.today = today
        contact = QHBoxLayout()
        contact.addWidget(self.last_contact, 1)
        contact.addWidget(today)
        for text, widget in ((self.tr("Name"), self.name), (self.tr("Title"), self.title),
                             (self.tr("Level"), self.level), (self.tr("Influence"), self.influence),
                             (self.tr("Stance"), self.stance), (self.tr("Buying role"), self.buying_role),
                             (self.tr("Reports to"), self.reports_to), (self.tr("Personal wins"), self.wins),
                             (self.tr("Email"), self.email), (self.tr("Phone"), self.phone),
                             (self.tr("Last contact"), contact), (self.tr("Notes"), self.notes)):
            form.addRow(text, widget)
        self.wins.setToolTip(self.tr("What this person wants for themselves: recognition, a promotion, less "
                                     "risk …"))
        self._texts = {"name": self.name, "title": self.title, "email": self.email, "phone": self.phone,
                       "last_contact": self.last_contact}
        self._choices = {"level": self.level, "stance": self.stance, "buying_role": self.buying_role}
        for key, edit in self._texts.items():
            if key != "last_contact":  # a date is checked first
                edit.editingFinished.connect(lambda key=key, edit=edit: self._commit(key, edit.text()))
        for key, combo in self._choices.items():
            combo.activated.connect(lambda _n, key=key, combo=combo: self._commit(key, combo.currentData()))
        self.influence.valueChanged.connect(lambda value: self._commit("influence", value))
        self.reports_to.activated.connect(lambda _n: self._commit_manager())
        self.reports_to.lineEdit().editingFinished.connect(self._commit_manager)
        self.last_contact.editingFinished.connect(self._commit_contact)
        self.wins.left.connect(lambda: self._commit("personal_wins", self.wins.toPlainText()))
        self.notes.left.connect(lambda: self._commit("notes", self.notes.toPlainText()))
        self.links = StakeholderLinks(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.fields)
        layout.addWidget(self.links)
        layout.addStretch(1)
        self.set_session(None)
        self.show_person(None, [], [], [], [])

    # -- showing -------------------------------------------------------------------------------------------------

    def set_session(self, session: EditSession | None) -> None:
        """Edit through `session`; None makes the form read-only (fields stay readable and selectable)."""
        self._session = session
        editable = session is not None
        for edit in (*self._texts.values(), self.wins, self.notes):
            edit.setReadOnly(not editable)
        for widget in (*self._choices.values(), self.influence, self.reports_to, self.today):
            widget.setEnabled(editable)
        self.links.set_session(session)

    def session(self) -> EditSession | None:
        return self._session

    def person_id(self) -> str:
        return self._person["id"] if self._person else ""

    def show_person(self, person: Row | None, people: Sequence[Row], team: Sequence[Row],
                    coverage: Sequence[Row], influences: Sequence[Row]) -> None:
        """Show `person` (an enriched row; None for nobody) with their coverage and influence links.

        Args:
            people: everyone on the account (for reports-to and influence links).
            team: our team members and partners.
            coverage, influences: the account's coverage and influence rows (filtered here).
        """
        self._person = person
        self.hint.setVisible(person is None)
        self.fields.setVisible(person is not None)
        self.links.show_person(person, people, team, coverage, influences)
        if person is None:
            self.heading.setText(self.tr("Details"))
            return
        self._loading = True
        try:
            self.heading.setText(person["name"])
            for key, edit in self._texts.items():
                _set_text(edit, person.get(key))
            for key, box in (("personal_wins", self.wins), ("notes", self.notes)):
                if box.toPlainText() != (person.get(key) or ""):
                    box.setPlainText(person.get(key) or "")
            for key, combo in self._choices.items():
                combo.setCurrentIndex(max(0, combo.findData(person.get(key))))
            self.influence.setValue(int(person["influence"]))
            below = _reports_below(person["id"], people)  # choosing one of them would make a loop
            fill_people(self.reports_to, people, below | {person["id"]})
            self.reports_to.setEditText(person.get("_boss") or "")
        finally:
            self._loading = False

    # -- saving --------------------------------------------------------------------------------------------------

    def _edit(self, action: Callable[[EditSession], Any]) -> None:
        if self._session is not None and self._person is not None and not self._loading:
            action(self._session)

    def _commit(self, key: str, value: Any) -> None:
        if self._person is None or self._loading:
            return
        if isinstance(value, str):
            value = value.strip() or None
        if key == "name" and not value:
            _set_text(self.name, self._person["name"])  # a person keeps a name
            return
        if value != self._person.get(key):
            person, text = self._person["id"], self.tr("Edit stakeholder")
            self._edit(lambda s: s.change(text, "stakeholders", person, **{key: value}))

    def _commit_manager(self) -> None:
        if self._person is None or self._loading:
            return
        manager = resolve_person(self.reports_to)
        if manager is None:  # not one of the offered people: show what is stored again
            self.reports_to.setEditText(self._person.get("_boss") or "")
            return
        self._commit("reports_to_id", manager or None)

    def _commit_contact(self) -> None:
        if self._person is None:
            return
        text = self.last_contact.text().strip()
        date = formatting.parse_date(text)
        if text and date is None:
            _set_text(self.last_contact, self._person.get("last_contact"))
            return
        self._commit("last_contact", date.toString(Qt.DateFormat.ISODate) if date else None)

    def _contact_today(self) -> None:
        self.last_contact.setText(QDate.currentDate().toString(Qt.DateFormat.ISODate))
        self._commit_contact()


def _set_text(edit: QLineEdit, value: Any) -> None:
    text = "" if value is None else str(value)
    if edit.text() != text:  # setText moves the cursor: leave a field alone that already says this
        edit.setText(text)


def _reports_below(person: str, people: Sequence[Row]) -> set[str]:
    """Everyone who reports to `person`, directly or not."""
    reports: dict[str, list[str]] = {}
    for p in people:
        if p.get("reports_to_id"):
            reports.setdefault(p["reports_to_id"], []).append(p["id"])
    found: set[str] = set()
    todo = list(reports.get(person, []))
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.add(pid)
            todo.extend(reports.get(pid, []))
    return found
