"""The relationship page's side form: every field of the selected person, our coverage and influence links.

The quick-add row takes the six fields that matter on first contact; this form is the step further. Each field
saves when the user leaves it (or picks a value), as one undoable "Edit stakeholder"; coverage and influence
links are added, re-weighted and removed as their own undoable edits. The form never refreshes itself: the
session's `changed` signal brings the page's `show_context()`, which calls `show_person()` again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from immersion.ui import formatting
from immersion.ui.edit_session import EditSession
from immersion.ui.row_model import Row
from immersion.ui.stakeholder_model import BUYING_ROLES, LEVELS, STANCES, label
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


def _narrow(combo: QComboBox) -> QComboBox:
    """A combo box that does not ask for the width of its longest entry (a name or a long title)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def choice_combo(choices: Sequence[tuple[str | None, str]], parent: QWidget) -> QComboBox:
    """A combo box of translated labels holding the stored values."""
    combo = _narrow(QComboBox(parent))
    for value, text in choices:
        combo.addItem(label(choices, value) or text, value)
    return combo


def people_combo(parent: QWidget, placeholder: str) -> QComboBox:
    """An editable combo box of people, completing on any part of a name."""
    combo = _narrow(QComboBox(parent))
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.lineEdit().setPlaceholderText(placeholder)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


def fill_people(combo: QComboBox, people: Sequence[Row], exclude: Collection[str] = ()) -> None:
    """Offer `people` by name, with the title where two people share one, keeping what was typed."""
    text = combo.currentText()
    names = Counter(p["name"] for p in people)
    combo.blockSignals(True)
    combo.clear()
    for person in sorted(people, key=lambda p: p["name"].casefold()):
        if person["id"] in exclude:
            continue
        shown = person["name"]
        if names[shown] > 1 and person.get("title"):
            shown = f"{shown} ({person['title']})"
        combo.addItem(shown, person["id"])
    combo.setCurrentIndex(-1)
    combo.setEditText(text)
    combo.blockSignals(False)


def resolve_person(combo: QComboBox) -> str | None:
    """The id of the person typed or picked in `combo`: an exact name first, else the only name that starts
    with the text, else the only one that contains it ("Thorne"), as the completer offers them.

    Returns:
        The id; "" when the field is empty; None when no single person matches.
    """
    text = combo.currentText().strip().casefold()
    if not text:
        return ""
    items = [(combo.itemText(n).casefold(), combo.itemData(n)) for n in range(combo.count())]
    exact = [pid for shown, pid in items if shown == text or shown.split(" (")[0] == text]
    starts = [pid for shown, pid in items if shown.startswith(text)]
    contains = [pid for shown, pid in items if text in shown]
    for found in (exact, starts, contains):
        if len(found) == 1:
            return found[0]
    return None


class StakeholderForm(QWidget):
    """All fields of one stakeholder, with their coverage by our team and their influence links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: EditSession | None = None
        self._person: Row | None = None
        self._loading = False
        self._links: tuple[Any, ...] = ()  # which link rows are shown: rebuilt only when this changes
        self._spins: dict[str, QSpinBox] = {}
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

        self.coverage_rows = QGridLayout()
        self.member = _narrow(QComboBox(self))
        self.member.setToolTip(self.tr("Someone of our team or a partner who should cover this person"))
        self.member_strength = _strength(self, 5, 3, self.tr("How strong the relationship is, 1 (weak) to 5"))
        add_cover = QPushButton(self.tr("Add"), self)
        add_cover.setToolTip(self.tr("Add this team member's coverage"))
        add_cover.clicked.connect(self._add_cover)
        self.influence_rows = QGridLayout()
        self.direction = _narrow(QComboBox(self))
        self.direction.addItem(self.tr("influences"), "out")
        self.direction.addItem(self.tr("is influenced by"), "in")
        self.other = people_combo(self, self.tr("Person"))
        self.link_strength = _strength(self, 3, 2, self.tr("How strong the influence is: 1 weak, 2 moderate, "
                                                           "3 strong"))
        add_link = QPushButton(self.tr("Add"), self)
        add_link.setToolTip(self.tr("Add this influence link"))
        add_link.clicked.connect(self._add_link)
        self.adders = [self.member, self.member_strength, add_cover, self.direction, self.other,
                       self.link_strength, add_link]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.fields)
        self.sections = [Heading(self.tr("Our coverage"), 1.05, self),
                         Heading(self.tr("Influence"), 1.05, self)]
        # The side panel is narrow: the influence adder takes two lines, who and how strongly.
        adders = self.adders
        for heading, rows, lines in ((self.sections[0], self.coverage_rows, [adders[:3]]),
                                     (self.sections[1], self.influence_rows, [adders[3:5], adders[5:]])):
            layout.addSpacing(8)
            layout.addWidget(heading)
            layout.addLayout(rows)
            for widgets in lines:
                line = QHBoxLayout()
                if len(widgets) == 2 and widgets[0] is self.link_strength:
                    line.addStretch(1)
                for widget in widgets:
                    line.addWidget(widget, 1 if widget in (self.member, self.other) else 0)
                layout.addLayout(line)
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
        for widget in self.adders:
            widget.setVisible(editable)
        self._links = ()  # the remove buttons come and go with the session

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
        for widget in (self.fields, *self.sections):
            widget.setVisible(person is not None)
        for layout in (self.coverage_rows, self.influence_rows):
            for n in range(layout.count()):
                item = layout.itemAt(n).widget()
                if item is not None:
                    item.setVisible(person is not None)
        for widget in self.adders:
            widget.setVisible(person is not None and self._session is not None)
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
            self._show_links(person, people, team, coverage, influences)
        finally:
            self._loading = False

    def _show_links(self, person: Row, people: Sequence[Row], team: Sequence[Row], coverage: Sequence[Row],
                    influences: Sequence[Row]) -> None:
        me, names = person["id"], {p["id"]: p["name"] for p in people}
        members = {m["id"]: m for m in team}
        covers = [c for c in coverage if c["stakeholder_id"] == me and c["team_member_id"] in members]
        links = [link for link in influences if me in (link["from_id"], link["to_id"])]
        signature = (me, self._session is not None, *(c["id"] for c in covers), None,
                     *(link["id"] for link in links))
        if signature != self._links:  # rebuild only when links come or go, so a spin box keeps its focus
            self._links = signature
            self._spins = {}
            for layout in (self.coverage_rows, self.influence_rows):
                while layout.count():
                    widget = layout.takeAt(0).widget()
                    if widget is not None:
                        widget.hide()
                        widget.deleteLater()
            for n, cover in enumerate(sorted(covers, key=lambda c: members[c["team_member_id"]]["name"])):
                member = members[cover["team_member_id"]]
                self._link_row(self.coverage_rows, n, member["name"], member.get("title") or "", "coverage",
                               cover, 5, self.tr("Edit coverage"), self.tr("Remove coverage"))
            for n, link in enumerate(links):
                out = link["from_id"] == me
                other = names.get(link["to_id" if out else "from_id"], "?")
                text = self.tr("→ %1").replace("%1", other) if out else self.tr("← %1").replace("%1", other)
                hint = (self.tr("%1 influences %2") if out else self.tr("%2 influences %1")).replace(
                    "%1", person["name"]).replace("%2", other)
                if link.get("note"):
                    hint += "\n" + link["note"]
                self._link_row(self.influence_rows, n, text, hint, "stakeholder_influences", link, 3,
                               self.tr("Edit influence link"), self.tr("Remove influence link"))
        for row in (*covers, *links):  # strengths changed by undo, redo or another page
            spin = self._spins.get(row["id"])
            if spin is not None and spin.value() != row["strength"]:
                spin.blockSignals(True)
                spin.setValue(int(row["strength"]))
                spin.blockSignals(False)
        self.member.clear()
        covered = {c["team_member_id"] for c in covers}
        for member in sorted(team, key=lambda m: m["name"].casefold()):
            if member["id"] not in covered:
                self.member.addItem(member["name"], member["id"])
        fill_people(self.other, people, {me})
        for row, caption in ((self.coverage_rows, self.tr("Nobody on our side covers this person yet.")),
                             (self.influence_rows, self.tr("No influence links yet."))):
            if row.count() == 0:
                row.addWidget(Caption(caption, self), 0, 0, 1, 3)

    def _link_row(self, layout: QGridLayout, n: int, text: str, tooltip: str, table: str, row: Row, top: int,
                  edit_text: str, remove_text: str) -> None:
        name = QLabel(text, self)
        name.setToolTip(tooltip)
        spin = _strength(self, top, int(row["strength"]), tooltip)
        spin.setEnabled(self._session is not None)
        spin.valueChanged.connect(lambda value: self._edit(lambda s: s.change(edit_text, table, row["id"],
                                                                              strength=value)))
        self._spins[row["id"]] = spin
        layout.addWidget(name, n, 0)
        layout.addWidget(spin, n, 1)
        if self._session is not None:
            remove = QToolButton(self)
            remove.setText("✕")
            remove.setToolTip(remove_text)
            remove.setAccessibleName(remove_text)
            remove.clicked.connect(lambda: self._edit(lambda s: s.delete(remove_text, table, row["id"])))
            layout.addWidget(remove, n, 2)
        layout.setColumnStretch(0, 1)

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

    def _add_cover(self) -> None:
        member = self.member.currentData()
        if member and self._person is not None:
            self._edit(lambda s: s.add(self.tr("Add coverage"), "coverage", stakeholder_id=self._person["id"],
                                       team_member_id=member, strength=self.member_strength.value()))

    def _add_link(self) -> None:
        other = resolve_person(self.other)
        if not other or self._person is None:
            self.other.setFocus()
            return
        me = self._person["id"]
        source, target = (me, other) if self.direction.currentData() == "out" else (other, me)
        self.other.setEditText("")
        self._edit(lambda s: s.add(self.tr("Add influence link"), "stakeholder_influences", from_id=source,
                                   to_id=target, strength=self.link_strength.value()))


def _strength(parent: QWidget, top: int, value: int, tooltip: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(1, top)
    spin.setValue(value)
    spin.setToolTip(tooltip)
    spin.setAccessibleName(tooltip)
    return spin


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
