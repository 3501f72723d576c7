"""The side form's link editors: who on our side covers the selected person, and whom they influence or are
influenced by.

Each link is a line with its strength in a spin box and, while the workbook can be edited, a remove button;
below the lines, an adder makes a new link. Adding, re-weighting and removing are each one undoable edit
through the session. The lines are rebuilt only when links come or go, so that a spin box keeps its focus
while the page refreshes around it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from immersion.ui.edit_session import EditSession
from immersion.ui.row_model import Row
from immersion.ui.stakeholder_combos import fill_people, narrow, people_combo, resolve_person
from immersion.ui.widgets import Caption, Heading


class StakeholderLinks(QWidget):
    """The coverage and influence links of one stakeholder, with the adders of new links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: EditSession | None = None
        self._person: Row | None = None
        self._loading = False
        self._links: tuple[Any, ...] = ()  # which link rows are shown: rebuilt only when this changes
        self._spins: dict[str, QSpinBox] = {}
        self.coverage_rows = QGridLayout()
        self.member = narrow(QComboBox(self))
        self.member.setToolTip(self.tr("Someone of our team or a partner who should cover this person"))
        self.member_strength = _strength(self, 5, 3, self.tr("How strong the relationship is, 1 (weak) to 5"))
        add_cover = QPushButton(self.tr("Add"), self)
        add_cover.setToolTip(self.tr("Add this team member's coverage"))
        add_cover.clicked.connect(self._add_cover)
        self.influence_rows = QGridLayout()
        self.direction = narrow(QComboBox(self))
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
        layout.setContentsMargins(0, 0, 0, 0)
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

    def set_session(self, session: EditSession | None) -> None:
        """Edit through `session`; None hides the adders and the remove buttons."""
        self._session = session
        for widget in self.adders:
            widget.setVisible(session is not None)
        self._links = ()  # the remove buttons come and go with the session

    def show_person(self, person: Row | None, people: Sequence[Row], team: Sequence[Row],
                    coverage: Sequence[Row], influences: Sequence[Row]) -> None:
        """Show the links of `person` (None hides them all); the arguments are those of
        `StakeholderForm.show_person`."""
        self._person = person
        for widget in self.sections:
            widget.setVisible(person is not None)
        for layout in (self.coverage_rows, self.influence_rows):
            for n in range(layout.count()):
                item = layout.itemAt(n).widget()
                if item is not None:
                    item.setVisible(person is not None)
        for widget in self.adders:
            widget.setVisible(person is not None and self._session is not None)
        if person is None:
            return
        self._loading = True
        try:
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
