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
from PySide6.QtGui import QDoubleValidator, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget

from immersion.domain.alignment import quadrant
from immersion.domain.models import Idea
from immersion.store.idea_queries import IdeaChoices
from immersion.ui import formatting
from immersion.ui import idea_labels as labels
from immersion.ui.field_binding import FieldBinding, NotesEdit, fill_choices
from immersion.ui.idea_labels import Ideas
from immersion.ui.idea_pickers import CheckList, GoalLinks
from immersion.ui.row_model import Row
from immersion.ui.side_form import SideForm
from immersion.ui.widgets import Caption

SCORES = ("customer_value", "our_value", "effort", "confidence")
COMBOS = ("origin", "origin_meeting_id")


class IdeaEditor(SideForm):
    """All fields of one idea.

    Signals:
        edited(str, dict): fields of the idea with that id were changed ({field: new value}).
        links_edited(str, str, object): "goals" ({goal id: strength}), "tags" (list), "assets" (list of ids)
            or "people" ((stakeholder ids, team member ids)) of the idea were changed.
    """

    edited = Signal(str, dict)
    links_edited = Signal(str, str, object)

    outlined = False
    row_gap = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._idea: Row | None = None
        self._editable = False
        self.heading.setText(self.tr("Idea"))
        self.empty.setText(self.tr("Select an idea to see and edit all its fields."))
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
        self.origin = self.compact_combo()
        for value in labels.ORIGINS:
            self.origin.addItem(labels.origin_label(value), value)
        self.origin_meeting_id = self.compact_combo()
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

        self.place(self.tr("Title"), self.title)
        self.place(self.tr("Description"), self.description)
        self.place(self.tr("Origin"), self.origin, self.tr("Estimated revenue"), self.estimated_revenue)
        self.place(self.tr("Origin meeting"), self.origin_meeting_id)
        self.place(self.tr("Customer value"), self.customer_value, self.tr("Our value"), self.our_value)
        self.place(self.tr("Effort"), self.effort, self.tr("Confidence"), self.confidence)
        self.place(self.tr("Tags"), self.tags)
        self.place(self.tr("Goals it serves"), self.goals)
        self.place(self.tr("Assets needed"), self.assets)
        self.place(self.tr("People involved"), self.people)
        self.place(self.tr("History"), self.history)
        self.grid.addWidget(self.provenance, self.next_row, 0, 1, 2)
        self.grid.setRowStretch(self.next_row + 1, 1)
        self.finish_layout()
        self.frame.setContentsMargins(14, 12, 14, 12)
        self.frame.insertSpacing(2, 4)
        self.frame.insertWidget(3, self.value)  # under the summary
        self.setMinimumWidth(290)

        self.binding = FieldBinding(self._changed)
        self.binding.line("title", self.title, str.strip, required=True)  # an idea needs a title
        self.binding.notes("description", self.description, str.strip)
        for name in ("tags", "estimated_revenue"):
            self.binding.line(name, getattr(self, name), str.strip)
        for name in SCORES:
            spin: QSpinBox = getattr(self, name)
            self.binding.spin(name, spin)
            spin.valueChanged.connect(self._show_value)  # the figure follows the arrows before they are saved
        for name in COMBOS:
            self.binding.combo(name, getattr(self, name))
        self.goals.edited.connect(lambda links: self._links("goals", links))
        self.assets.check_model.toggled.connect(lambda keys: self._links("assets", keys))
        self.people.check_model.toggled.connect(self._people)

    # -- building ------------------------------------------------------------------------------------------

    def _score(self, tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, 5)
        spin.setToolTip(tip)
        return spin

    # -- showing -------------------------------------------------------------------------------------------

    def idea_id(self) -> str | None:
        return self._idea["id"] if self._idea else None

    def set_idea(self, idea: Row | None, choices: IdeaChoices | None, editable: bool) -> None:
        """Show `idea` (a `store.ideas.detail` row; None: a hint instead) with the account's choices."""
        same = idea is not None and self._idea is not None and idea["id"] == self._idea["id"]
        self._idea, self._editable = idea, editable
        if idea is None or choices is None:
            self.binding.load(None)
            self.summary.setText("")
            self.value.setText("")
            self.value.setToolTip("")
            self.show_hint()
            return
        self.show_fields()
        meetings = [(None, self.tr("None"))] + [(m, f"{formatting.date_text(when)} · {title}")
                                                 for m, title, when in choices.meetings]
        fill_choices(self.origin_meeting_id, meetings)
        self.binding.load(self._values(idea), same, editable)
        self.goals.set_links(choices.goals, idea["goal_links"], editable)
        self.assets.check_model.set_items([(a, name, f"{name} ({kind})") for a, name, kind in choices.assets],
                                          idea["asset_ids"])
        people = [(f"s:{s}", f"{name} · {title}" if title else name, Ideas.tr("At the customer"))
                  for s, name, title in choices.stakeholders]
        people += [(f"t:{t}", Ideas.tr("%1 (our team)").replace("%1", name), function)
                   for t, name, function in choices.team_members]
        self.people.check_model.set_items(people, [f"s:{s}" for s in idea["stakeholder_ids"]]
                                          + [f"t:{t}" for t in idea["team_member_ids"]])
        for picker in (self.assets, self.people):
            picker.check_model.editable = editable
        in_use = Ideas.tr("Tags in use on this account: %1").replace("%1", ", ".join(choices.tags))
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
        summary = Ideas.tr("%1 since %2").replace("%1", labels.stage_label(idea["stage"]))
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
        self.history.setText("\n".join(steps) or Ideas.tr("No stage changes recorded."))
        merged = idea["merged"]
        lines = [Ideas.tr("Merged into this idea:")] if merged else []
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
        self.value.setText(Ideas.tr("Mutual value %1 of 25 · %2").replace("%1", str(customer * ours))
                           .replace("%2", labels.quadrant_label(quadrant)))
        palette = self.value.palette()
        palette.setColor(QPalette.ColorRole.WindowText, labels.quadrant_colour(quadrant))
        self.value.setPalette(palette)
        self.value.setFont(_bold(self.value))
        self.value.setToolTip(labels.value_explanation(customer, ours, quadrant))
        self.value.setAccessibleName(self.value.text())

    # -- committing ----------------------------------------------------------------------------------------

    def _changed(self, name: str, value: Any) -> None:
        """Save a finished field; the text fields hold their shown text (`_values`), turned here into what the
        store keeps."""
        if self._idea is None:
            return
        idea_id = self._idea["id"]
        if name == "tags":
            self.links_edited.emit(idea_id, "tags", [t for t in value.split(",") if t.strip()])
        elif name == "estimated_revenue":
            number, ok = QLocale().toDouble(value)
            self.edited.emit(idea_id, {name: number if ok and value else None})
        elif name == "origin_meeting_id" and value and self._idea["origin"] == "internal":
            self.edited.emit(idea_id, {name: value, "origin": "meeting"})  # it came up in that meeting
        else:
            self.edited.emit(idea_id, {name: value or None} if name == "description" else {name: value})

    def commit_pending(self) -> None:
        """Save the field being typed in (before the editor turns to another idea)."""
        self.binding.commit_pending()

    def _links(self, kind: str, value: object) -> None:
        if self._idea is not None and self._editable:
            self.links_edited.emit(self._idea["id"], kind, value)

    def _people(self, keys: Sequence[str]) -> None:
        stakeholders = [k[2:] for k in keys if k.startswith("s:")]
        self._links("people", (stakeholders, [k[2:] for k in keys if k.startswith("t:")]))

    def focus_title(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()


def _quadrant(customer: int, ours: int) -> str:
    """The quadrant of values not saved yet (while the arrows are clicked), by the domain's rule."""
    return quadrant(Idea(account_id="", title="", customer_value=customer, our_value=ours)).value


def _bold(widget: QWidget) -> Any:
    font = widget.font()
    font.setBold(True)
    return font
