"""The boardroom agenda's model: the goals as an item model, and the filter in front of it.

`AgendaModel` lists every goal of the account in agenda order (the order *is* the agenda, so it never sorts)
and re-ranks by drag and drop: a drop calls `on_move(goal_id, position)`, which the page turns into one
undoable "Re-rank goal" edit. `AgendaFilter` hides rows by category, validation state and text, and maps a
drop between visible rows to a position on the full, unfiltered agenda. The view is `AgendaTable`
(agenda_table.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette

from immersion.domain.alignment import Alignment
from immersion.domain.keys import utc_now
from immersion.ui import formatting
from immersion.ui.row_model import Column, Row, RowTableModel

Index = QModelIndex | QPersistentModelIndex
GOAL_MIME = "application/x-immersion-goal-ids"
OPEN_STATES = ("unconfirmed", "confirmed")
NONE_LABEL = "—"
CENTRED = ("position", "priority", "p")  # short numbers read best under the middle of their header
CATEGORY_CHOICES: tuple[tuple[str | None, str], ...] = (
    ("strategic", QT_TRANSLATE_NOOP("Choices", "Strategic")),
    ("competitive", QT_TRANSLATE_NOOP("Choices", "Competitive")),
    ("interpersonal", QT_TRANSLATE_NOOP("Choices", "Interpersonal")),
    ("political", QT_TRANSLATE_NOOP("Choices", "Political")),
    ("financial", QT_TRANSLATE_NOOP("Choices", "Financial")),
)
STATUS_CHOICES: tuple[tuple[str | None, str], ...] = (
    ("unconfirmed", QT_TRANSLATE_NOOP("Choices", "Unconfirmed")),
    ("confirmed", QT_TRANSLATE_NOOP("Choices", "Confirmed")),
    ("achieved", QT_TRANSLATE_NOOP("Choices", "Achieved")),
    ("dropped", QT_TRANSLATE_NOOP("Choices", "Dropped")),
)
HORIZON_CHOICES: tuple[tuple[str | None, str], ...] = (
    (None, NONE_LABEL),
    ("short", QT_TRANSLATE_NOOP("Choices", "Short")),
    ("medium", QT_TRANSLATE_NOOP("Choices", "Medium")),
    ("long", QT_TRANSLATE_NOOP("Choices", "Long")),
)


def choice_label(choices: Sequence[tuple[str | None, str]], value: str | None) -> str:
    """The translated label of a stored choice value (the value itself when unknown)."""
    for stored, label in choices:
        if stored == value:
            return QCoreApplication.translate("Choices", label)
    return "" if value is None else str(value)


def goal_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The fields to write for an edit of a goal: a new status also records when it changed."""
    result = dict(values)
    if "status" in result:
        result["status_changed_at"] = utc_now()
    return result


def percent(share: float) -> str:
    return f"{formatting.number_text(share * 100)}%"


class AgendaModel(RowTableModel):
    """The goals of one account in agenda order, editable in place and re-ranked by drag and drop.

    Args:
        on_edit: called with (goal id, field, value) for an in-place edit; returns whether it was saved.
        on_move: called with (goal id, position on the full agenda, 0 = top); returns whether it moved.
    """

    def __init__(self, on_edit: Callable[[str, str, Any], bool], on_move: Callable[[str, int], bool],
                 parent: Any = None) -> None:
        super().__init__(self._make_columns(), on_edit, parent)
        self._on_move = on_move
        self.priority_total = 0
        self._owner_column = self.column_of("owner_stakeholder_id")

    def _make_columns(self) -> list[Column]:
        return [
            Column("position", QT_TRANSLATE_NOOP("Columns", "#"), kind="int"),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Goal"), editable=True, required=True,
                   tooltip=lambda row: "\n\n".join(t for t in (row["title"], row.get("description")) if t)),
            Column("category", QT_TRANSLATE_NOOP("Columns", "Category"), kind="choice", editable=True,
                   choices=CATEGORY_CHOICES, required=True),
            Column("priority", QT_TRANSLATE_NOOP("Columns", "Priority"), kind="int", editable=True, minimum=1,
                   maximum=5, tooltip=self._priority_tip),
            Column("p", QT_TRANSLATE_NOOP("Columns", "Emphasis"), kind="float",
                   display=lambda row: percent(row["p"]), tooltip=self._emphasis_tip),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), kind="choice", editable=True,
                   choices=STATUS_CHOICES, required=True, tooltip=self._status_tip),
            Column("horizon", QT_TRANSLATE_NOOP("Columns", "Horizon"), kind="choice", editable=True,
                   choices=HORIZON_CHOICES, display=self._horizon_text),
            Column("kpi", QT_TRANSLATE_NOOP("Columns", "KPI"), editable=True,
                   tooltip=lambda row: row.get("kpi") or ""),
            Column("target", QT_TRANSLATE_NOOP("Columns", "Target"), editable=True,
                   tooltip=lambda row: row.get("target") or ""),
            Column("owner_stakeholder_id", QT_TRANSLATE_NOOP("Columns", "Owner"), kind="choice",
                   editable=True, choices=((None, NONE_LABEL),), display=lambda row: row["owner_name"]),
        ]

    # -- contents --------------------------------------------------------------------------------------------

    def load(self, goals: Sequence[Row], stakeholders: Sequence[Row], alignment: Alignment | None) -> None:
        """Show `goals` (in agenda order) with their owners' names and their shares of emphasis and effort."""
        names = {s["id"]: s["name"] for s in stakeholders}
        # People are choices of the owner column: the in-place combo lists the account's stakeholders.
        owners = ((None, NONE_LABEL), *((s["id"], s["name"]) for s in stakeholders))
        self.columns[self._owner_column] = replace(self.columns[self._owner_column], choices=owners)
        shares = {g.goal_id: g for g in alignment.goals} if alignment is not None else {}
        self.priority_total = alignment.priority_total if alignment is not None else 0
        rows = []
        for position, goal in enumerate(goals, start=1):
            share = shares.get(goal["id"])
            rows.append(dict(goal, position=position, owner_name=names.get(goal["owner_stakeholder_id"], ""),
                             p=share.p if share else 0.0, e=share.e if share else 0.0,
                             i=share.i if share else 0.0, m=share.m if share else 0.0,
                             gap=share.contribution if share else 0.0))
        self.set_rows(rows)

    # -- cells -----------------------------------------------------------------------------------------------

    @staticmethod
    def _horizon_text(row: Row) -> str:
        return choice_label(HORIZON_CHOICES, row["horizon"]) if row["horizon"] else ""  # blank, not a dash

    def _priority_tip(self, row: Row) -> str:
        text = self.tr("Priority %1 of 5. It weighs the goal in the alignment index: customer emphasis "
                       "p = priority ÷ Σ priority of the open goals").replace("%1", str(row["priority"]))
        if row["status"] in OPEN_STATES and self.priority_total:
            return f"{text} = {row['priority']} ÷ {self.priority_total} = {percent(row['p'])}."
        return text + "; " + self.tr("this goal is closed, so it counts as priority 0.")

    def _emphasis_tip(self, row: Row) -> str:
        if row["status"] in OPEN_STATES and self.priority_total:
            first = self.tr("Customer emphasis p = %1 ÷ %2 = %3 (priority ÷ Σ priority of the open goals)")
            first = first.replace("%1", str(row["priority"])).replace("%2", str(self.priority_total))
            first = first.replace("%3", percent(row["p"]))
        else:
            first = self.tr("Customer emphasis p = 0% (closed goals count as priority 0)")
        effort = self.tr("Our effort e = %1 (ideas %2, money %3)").replace("%1", percent(row["e"]))
        effort = effort.replace("%2", percent(row["i"])).replace("%3", percent(row["m"]))
        gap = self.tr("Gap |p − e| = %1: what this goal adds to the distance in the alignment index")
        return "\n".join((first, effort, gap.replace("%1", formatting.number_text(row["gap"], 2))))

    def _status_tip(self, row: Row) -> str:
        tips = {
            "unconfirmed": self.tr("Unconfirmed: we believe the customer wants this, but they have not "
                                   "said so yet. Open goals count toward customer emphasis."),
            "confirmed": self.tr("Confirmed by the customer. Open goals count toward customer emphasis."),
            "achieved": self.tr("Achieved: it no longer counts toward customer emphasis (p = 0), so effort "
                                "still spent on it lowers the alignment index."),
            "dropped": self.tr("Dropped: the customer no longer pursues it; it counts as priority 0, so "
                               "effort on it lowers the alignment index."),
        }
        text = tips.get(row["status"], "")
        if row.get("status_changed_at"):
            since = self.tr("Since %1.").replace("%1", formatting.date_text(row["status_changed_at"]))
            text = f"{text}\n{since}"
        return text

    def header_tip(self, key: str) -> str:
        """What a column means, for its header's tooltip."""
        tips = {
            "position": self.tr("Rank on the customer's boardroom agenda (1 = top). Drag a row, or press "
                                "Ctrl+Up or Ctrl+Down, to re-rank."),
            "title": self.tr("What the customer wants, in their words."),
            "category": self.tr("Strategic, competitive, interpersonal, political or financial: the five "
                                "sections of a boardroom agenda."),
            "priority": self.tr("How much the goal weighs, 1–5. Customer emphasis p = priority ÷ Σ priority "
                                "of the open goals; the alignment index compares it with where our effort "
                                "goes."),
            "p": self.tr("Customer emphasis p: the goal's share of the open goals' priorities. Point at a "
                         "cell for our effort e and the gap |p − e|."),
            "status": self.tr("Validation state: unconfirmed → confirmed → achieved, or dropped. Only open "
                              "goals (unconfirmed or confirmed) count toward customer emphasis."),
            "horizon": self.tr("When the customer expects it: short (this year), medium (one to three "
                               "years), long (beyond three years)."),
            "kpi": self.tr("How the customer measures progress."),
            "target": self.tr("The value of the KPI the customer aims for, and by when."),
            "owner_stakeholder_id": self.tr("The person at the customer who owns the goal."),
        }
        return tips.get(key, "")

    # -- Qt model interface ----------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            centred = self.columns[section].key in CENTRED
            return int((Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        row = self.row(index.row())
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.ForegroundRole and row["status"] not in OPEN_STATES:
            # Closed goals recede: they no longer weigh on the agenda. A palette role suits light and dark.
            return QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.FontRole and key == "status" and row["status"] == "unconfirmed":
            font = QFont(QGuiApplication.font())
            font.setItalic(True)  # not yet heard from the customer: said tentatively
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key in CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not self.editable:
            return flags  # read-only: no cell edits (the base sees to that) and no re-ranking
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on a goal
        return flags | Qt.ItemFlag.ItemIsDragEnabled

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Does nothing: the rank order is the agenda itself, so no view may re-sort it."""

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [GOAL_MIME]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:  # noqa: N802
        ids = list(dict.fromkeys(self.row(index)["id"] for index in indexes if index.isValid()))
        data = QMimeData()
        data.setData(GOAL_MIME, QByteArray("\n".join(ids).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: Index) -> bool:
        """Move the dragged goal so that it lands before row `row` (at the end when -1)."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.editable or action != Qt.DropAction.MoveAction or not data.hasFormat(GOAL_MIME):
            return False
        goal_id = bytes(data.data(GOAL_MIME).data()).decode().split("\n")[0]
        source = self.row_of(goal_id)
        if source < 0:
            return False
        if parent.isValid():
            row = parent.row()
        elif not 0 <= row <= self.rowCount():
            row = self.rowCount()
        # The goal leaves its place first, so a drop below it lands one position higher.
        position = row - 1 if row > source else row
        if position == source:
            return False
        return bool(self._on_move(goal_id, position))


class AgendaFilter(QSortFilterProxyModel):
    """Hides goals by category, validation state ("open": unconfirmed or confirmed) and text; never sorts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.category: str | None = None
        self.state: str | None = None
        self.text = ""

    def set_filters(self, category: str | None, state: str | None, text: str) -> None:
        self.beginFilterChange()
        self.category, self.state, self.text = category, state, text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtered(self) -> bool:
        return bool(self.category or self.state or self.text)

    def accepts(self, row: Row) -> bool:
        """Whether the filters let `row` through."""
        if self.category and row["category"] != self.category:
            return False
        if self.state == "open" and row["status"] not in OPEN_STATES:
            return False
        if self.state and self.state != "open" and row["status"] != self.state:
            return False
        if self.text:
            words = (row.get(k) or "" for k in ("title", "description", "kpi", "target", "owner_name"))
            return self.text in " ".join(words).casefold()
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        return isinstance(model, AgendaModel) and self.accepts(model.row(source_row))

    def source_row_for_drop(self, row: int, parent: Index) -> int:
        """Where a drop at shown row `row` lands on the full agenda: before that goal, or after the last."""
        if parent.isValid():
            row = parent.row()
        count = self.rowCount()
        if 0 <= row < count:
            return self.mapToSource(self.index(row, 0)).row()
        if count:
            return self.mapToSource(self.index(count - 1, 0)).row() + 1
        return self.sourceModel().rowCount()

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: Index) -> bool:
        return self.sourceModel().canDropMimeData(data, action, -1, -1, QModelIndex())

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: Index) -> bool:
        return self.sourceModel().dropMimeData(data, action, self.source_row_for_drop(row, parent), 0,
                                               QModelIndex())
