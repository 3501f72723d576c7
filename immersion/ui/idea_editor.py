"""The side panel of the ideas page: every field of the selected idea, its computed mutual value, its links
and its history.

The editor never writes. When a field is finished (a line edit's editingFinished, a combo's activated, a spin
box's editingFinished, the description losing focus) it emits `edited(idea_id, {field: value})`; a changed
set of goals, tags, assets or people is emitted whole with `links_edited(idea_id, kind, value)`. The page
saves each as one undoable step. Refilling the editor after any edit keeps what the user is still typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QDoubleValidator, QFocusEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from immersion.domain.alignment import quadrant
from immersion.domain.models import Idea
from immersion.store.idea_queries import IdeaChoices
from immersion.ui import formatting
from immersion.ui import idea_labels as labels
from immersion.ui.idea_pickers import CheckList, GoalLinks
from immersion.ui.row_model import Row
from immersion.ui.widgets import Caption, Heading

TEXTS = ("title", "description", "tags", "estimated_revenue")
SCORES = ("customer_value", "our_value", "effort", "confidence")
COMBOS = ("origin", "origin_meeting_id")


class NotesEdit(QPlainTextEdit):
    """A multi-line text field that says when the user leaves it, like a line edit does."""

    editingFinished = Signal()  # noqa: N815 - named like QLineEdit's signal on purpose

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, so the form stays keyboard-navigable

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.editingFinished.emit()


class IdeaEditor(QWidget):
    """All fields of one idea.

    Signals:
        edited(str, dict): fields of the idea with that id were changed ({field: new value}).
        links_edited(str, str, object): "goals" ({goal id: strength}), "tags" (list), "assets" (list of ids)
            or "people" ((stakeholder ids, team member ids)) of the idea were changed.
    """

    edited = Signal(str, dict)
    links_edited = Signal(str, str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._idea: Row | None = None
        self._editable = False
        self._loaded: dict[str, Any] = {}
        self.heading = Heading(self.tr("Idea"), 1.15, self)
        self.summary = Caption("", self)
        self.value = QLabel(self)
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setWordWrap(True)
        self.title = QLineEdit(self)
        self.description = NotesEdit(self)
        self.description.setPlaceholderText(self.tr("What the idea is, for whom, and what it would change "
                                                    "(Markdown)"))
        lines = self.fontMetrics().lineSpacing()
        self.description.setMinimumHeight(lines * 4 + 12)
        self.description.setMaximumHeight(lines * 8 + 12)
        self.origin = self._combo()
        for value in labels.ORIGINS:
            self.origin.addItem(labels.origin_label(value), value)
        self.origin_meeting_id = self._combo()
        self.customer_value, self.our_value = self._score(self.tr("How much the customer gains, 1–5")), \
            self._score(self.tr("How much we gain, 1–5"))
        self.effort = self._score(self.tr("How much work it takes, 1 (little) to 5 (a lot)"))
        self.confidence = self._score(self.tr("How sure we are it will work, 1–5"))
        self.estimated_revenue = QLineEdit(self)
        self.estimated_revenue.setValidator(QDoubleValidator(0, 1e13, 2, self))
        self.estimated_revenue.setPlaceholderText(self.tr("Not estimated"))
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. pilot, data"))
        self.goals = GoalLinks(self)
        self.assets = CheckList(self.tr("The asset catalogue is empty."), self)
        self.people = CheckList(self.tr("No stakeholders or team members yet."), self)
        self.history = Caption("", self)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.provenance = Caption("", self)

        fields = QWidget(self)
        grid = QGridLayout(fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        self._row = 0
        self._place(grid, self.tr("Title"), self.title)
        self._place(grid, self.tr("Description"), self.description)
        self._place(grid, self.tr("Origin"), self.origin, self.tr("Estimated revenue"),
                    self.estimated_revenue)
        self._place(grid, self.tr("Origin meeting"), self.origin_meeting_id)
        self._place(grid, self.tr("Customer value"), self.customer_value, self.tr("Our value"),
                    self.our_value)
        self._place(grid, self.tr("Effort"), self.effort, self.tr("Confidence"), self.confidence)
        self._place(grid, self.tr("Tags"), self.tags)
        self._place(grid, self.tr("Goals it serves"), self.goals)
        self._place(grid, self.tr("Assets needed"), self.assets)
        self._place(grid, self.tr("People involved"), self.people)
        self._place(grid, self.tr("History"), self.history)
        grid.addWidget(self.provenance, self._row, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(self._row + 1, 1)

        self.empty = Caption(self.tr("Select an idea to see and edit all its fields."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._stack = QStackedLayout()
        self._stack.addWidget(fields)
        self._stack.addWidget(self.empty)
        self._stack.setCurrentWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addSpacing(4)
        layout.addWidget(self.value)
        layout.addSpacing(8)
        layout.addLayout(self._stack, 1)
        self.setMinimumWidth(290)

        for name in ("title", "tags", "estimated_revenue"):
            getattr(self, name).editingFinished.connect(lambda name=name: self._commit(name))
        self.description.editingFinished.connect(lambda: self._commit("description"))
        for name in SCORES:
            spin: QSpinBox = getattr(self, name)
            spin.editingFinished.connect(lambda name=name: self._commit(name))
            spin.valueChanged.connect(self._show_value)  # the figure follows the arrows before they are saved
        for name in COMBOS:
            getattr(self, name).activated.connect(lambda _index, name=name: self._commit(name))
        self.goals.edited.connect(lambda links: self._links("goals", links))
        self.assets.check_model.toggled.connect(lambda keys: self._links("assets", keys))
        self.people.check_model.toggled.connect(self._people)

    # -- building ------------------------------------------------------------------------------------------

    def _combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)  # long meeting titles must not widen the side panel
        return combo

    def _score(self, tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, 5)
        spin.setToolTip(tip)
        return spin

    def _place(self, grid: QGridLayout, label: str, widget: QWidget, label2: str = "",
               widget2: QWidget | None = None) -> None:
        """One row of the form: labels above their fields, one field across or two side by side."""
        pairs = [(label, widget)] + ([(label2, widget2)] if widget2 is not None else [])
        for column, (text, field) in enumerate(pairs):
            caption = Caption(text, self)
            caption.setBuddy(field)
            field.setAccessibleName(text)
            span = 1 if widget2 is not None else 2
            grid.addWidget(caption, self._row, column, 1, span)
            grid.addWidget(field, self._row + 1, column, 1, span)
        grid.setRowMinimumHeight(self._row + 2, 6)
        self._row += 3

    # -- showing -------------------------------------------------------------------------------------------

    def idea_id(self) -> str | None:
        return self._idea["id"] if self._idea else None

    def set_idea(self, idea: Row | None, choices: IdeaChoices | None, editable: bool) -> None:
        """Show `idea` (a `store.ideas.detail` row; None: a hint instead) with the account's choices."""
        same = idea is not None and self._idea is not None and idea["id"] == self._idea["id"]
        self._idea, self._editable = idea, editable
        if idea is None or choices is None:
            self._loaded = {}
            self.summary.setText("")
            self.value.setText("")
            self.value.setToolTip("")
            self._stack.setCurrentWidget(self.empty)
            return
        self._stack.setCurrentIndex(0)
        meetings = [(None, self.tr("None"))] + [(m, f"{formatting.date_text(when)} · {title}")
                                                 for m, title, when in choices.meetings]
        _fill(self.origin_meeting_id, meetings)
        values = self._values(idea)
        for name in TEXTS:
            widget = getattr(self, name)
            if same and widget.hasFocus() and self._text(name) != self._loaded.get(name, ""):
                continue  # an unrelated refresh must not throw away what the user is typing
            if isinstance(widget, QLineEdit):
                widget.setText(values[name])
                widget.setCursorPosition(0)
            elif widget.toPlainText() != values[name]:
                widget.setPlainText(values[name])
            widget.setReadOnly(not editable)
        for name in SCORES:
            spin = getattr(self, name)
            if not (same and spin.hasFocus() and spin.value() != self._loaded.get(name)):
                spin.blockSignals(True)
                spin.setValue(int(idea[name]))
                spin.blockSignals(False)
            spin.setReadOnly(not editable)
        for name in COMBOS:
            combo: QComboBox = getattr(self, name)
            combo.setCurrentIndex(max(0, combo.findData(idea[name])) if idea[name] is not None else 0)
            combo.setEnabled(editable)
        self._loaded = values
        self.goals.set_links(choices.goals, idea["goal_links"], editable)
        self.assets.check_model.set_items([(a, name, f"{name} ({kind})") for a, name, kind in choices.assets],
                                          idea["asset_ids"])
        people = [(f"s:{s}", f"{name} · {title}" if title else name, labels.tr("At the customer"))
                  for s, name, title in choices.stakeholders]
        people += [(f"t:{t}", labels.tr("%1 (our team)").replace("%1", name), function)
                   for t, name, function in choices.team_members]
        self.people.check_model.set_items(people, [f"s:{s}" for s in idea["stakeholder_ids"]]
                                          + [f"t:{t}" for t in idea["team_member_ids"]])
        for picker in (self.assets, self.people):
            picker.check_model.editable = editable
        in_use = labels.tr("Tags in use on this account: %1").replace("%1", ", ".join(choices.tags))
        self.tags.setToolTip(in_use if choices.tags else "")
        self._show_summary(idea)
        self._show_value()

    def _values(self, idea: Row) -> dict[str, Any]:
        revenue = idea["estimated_revenue"]
        locale = QLocale()
        amount = "" if revenue is None else locale.toString(float(revenue), "f", 0).replace(
            locale.groupSeparator(), "")  # grouping would make the validator refuse the field's own text
        return {"title": idea["title"], "description": idea["description"] or "",
                "tags": ", ".join(idea["tags"]), "estimated_revenue": amount,
                **{name: idea[name] for name in (*SCORES, *COMBOS)}}

    def _show_summary(self, idea: Row) -> None:
        since = formatting.date_text(idea["stage_changed_at"] or idea["created_at"])
        summary = labels.tr("%1 since %2").replace("%1", labels.stage_label(idea["stage"]))
        summary = summary.replace("%2", since)
        if idea["stage_reason"]:
            summary += " — " + idea["stage_reason"]
        self.summary.setText(summary)
        steps = []
        for change in reversed(idea["history"]):
            move = labels.stage_label(change["to_stage"]) if change["from_stage"] is None else \
                f"{labels.stage_label(change['from_stage'])} → {labels.stage_label(change['to_stage'])}"
            line = f"{formatting.date_text(change['changed_at'])}   {move}"
            steps.append(line + (f" — {change['reason']}" if change["reason"] else ""))
        self.history.setText("\n".join(steps) or labels.tr("No stage changes recorded."))
        merged = idea["merged"]
        lines = [labels.tr("Merged into this idea:")] if merged else []
        for row in merged:
            origin = row["meeting_title"] or labels.origin_label(row["origin"])
            lines.append(f"• {row['title']} ({origin}, {labels.stage_label(row['stage']).lower()})")
        self.provenance.setText("\n".join(lines))
        self.provenance.setVisible(bool(lines))

    def _show_value(self, *_args: object) -> None:
        if self._idea is None:
            return
        customer, ours = self.customer_value.value(), self.our_value.value()
        quadrant = _quadrant(customer, ours)
        self.value.setText(labels.tr("Mutual value %1 of 25 · %2").replace("%1", str(customer * ours))
                           .replace("%2", labels.quadrant_label(quadrant)))
        palette = self.value.palette()
        palette.setColor(QPalette.ColorRole.WindowText, labels.quadrant_colour(quadrant))
        self.value.setPalette(palette)
        self.value.setFont(_bold(self.value))
        self.value.setToolTip(labels.value_explanation(customer, ours, quadrant))
        self.value.setAccessibleName(self.value.text())

    # -- committing ----------------------------------------------------------------------------------------

    def _text(self, name: str) -> str:
        widget = getattr(self, name)
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def _commit(self, name: str) -> None:
        if self._idea is None or not self._editable:
            return
        idea_id = self._idea["id"]
        if name in SCORES:
            value: Any = getattr(self, name).value()
        elif name in COMBOS:
            value = getattr(self, name).currentData()
        else:
            value = self._text(name).strip()
        if value == self._loaded.get(name):
            return
        self._loaded[name] = value
        if name == "tags":
            self.links_edited.emit(idea_id, "tags", [t for t in value.split(",") if t.strip()])
        elif name == "title" and not value:
            self.title.setText(self._idea["title"])  # an idea needs a title: put it back
            self._loaded[name] = self._idea["title"]
        elif name == "estimated_revenue":
            number, ok = QLocale().toDouble(value)
            self.edited.emit(idea_id, {name: number if ok and value else None})
        elif name == "origin_meeting_id" and value and self._idea["origin"] == "internal":
            self.edited.emit(idea_id, {name: value, "origin": "meeting"})  # it came up in that meeting
        else:
            self.edited.emit(idea_id, {name: value or None} if name == "description" else {name: value})

    def commit_pending(self) -> None:
        """Save the field being typed in (before the editor turns to another idea)."""
        for name in (*TEXTS, *SCORES):
            if getattr(self, name).hasFocus():
                self._commit(name)

    def _links(self, kind: str, value: object) -> None:
        if self._idea is not None and self._editable:
            self.links_edited.emit(self._idea["id"], kind, value)

    def _people(self, keys: Sequence[str]) -> None:
        stakeholders = [k[2:] for k in keys if k.startswith("s:")]
        self._links("people", (stakeholders, [k[2:] for k in keys if k.startswith("t:")]))

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()


def _fill(combo: QComboBox, choices: Sequence[tuple[str | None, str]]) -> None:
    if [(combo.itemData(n), combo.itemText(n)) for n in range(combo.count())] == list(choices):
        return  # unchanged: rebuilding would close an open popup
    combo.clear()
    for stored, label in choices:
        combo.addItem(label, stored)


def _quadrant(customer: int, ours: int) -> str:
    """The quadrant of values not saved yet (while the arrows are clicked), by the domain's rule."""
    return quadrant(Idea(account_id="", title="", customer_value=customer, our_value=ours)).value


def _bold(widget: QWidget) -> Any:
    font = widget.font()
    font.setBold(True)
    return font
