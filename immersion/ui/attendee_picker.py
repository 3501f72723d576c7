"""Who attended a meeting: chips for both sides, and a picker that checks people off from the account's
stakeholders and from our team and partners (marketing, operations, agencies, alliance partners …).

The picker is a popup with a search line and two checkable lists; the choice is saved as one undoable step
("Change attendees") when the popup closes, not once per tick.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLineEdit, QListView, QPushButton, QSizePolicy, \
    QToolTip, QVBoxLayout, QWidget

from immersion.ui import theme
from immersion.ui.row_model import ID_ROLE, Index, Row, RowListModel
from immersion.ui.widgets import Caption

if TYPE_CHECKING:
    from PySide6.QtGui import QHideEvent, QPaintEvent

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
CUSTOMER, OURS, PARTNER = "#2a6fd6", "#6b7079", "#7a4fd4"


def person_detail(row: Row) -> str:
    """A stakeholder's title, or a team member's title and organisation."""
    parts = [row.get("title") or "", row.get("organisation") or ""]
    return " · ".join(p for p in parts if p)


class CheckListModel(RowListModel):
    """People with a check box each.

    Signals:
        toggled(): a check box changed.
    """

    toggled = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._checked: set[str] = set()
        self.editable = True

    def set_people(self, rows: Sequence[Row], checked: Sequence[str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = set(checked)
        self.endResetModel()

    def checked_ids(self) -> list[str]:
        return [r["id"] for r in self._rows if r["id"] in self._checked]

    def set_checked(self, row_id: str, checked: bool) -> None:
        row = self.row_of(row_id)
        if row >= 0:
            self.setData(self.index(row), Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
                         Qt.ItemDataRole.CheckStateRole)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Partners carry their firm, so that an agency's people are told from ours at a glance.
            partner = row.get("organisation") if row.get("third_party") else None
            return f"{row['name']} · {partner}" if partner else row["name"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return person_detail(row) or None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row["id"] in self._checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return row["id"]
        if role == SEARCH_ROLE:
            return f"{row['name']} {person_detail(row)} {row.get('function') or ''}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not self.editable:
            return False
        row_id = self._rows[index.row()]["id"]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(row_id)
        else:
            self._checked.discard(row_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit()
        return True


class AttendeePopup(QFrame):
    """The picker: a search line over two checkable lists, closed with Done, Escape or a click outside.

    Signals:
        closed(): the popup was hidden; its owner saves the choice.
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.customer = CheckListModel(self)
        self.ours = CheckListModel(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a person…"))
        self.search.setClearButtonEnabled(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.lists: list[QListView] = []
        for column, (title, model) in enumerate(((self.tr("Customer"), self.customer),
                                                 (self.tr("Our team and partners"), self.ours))):
            proxy = QSortFilterProxyModel(self)
            proxy.setSourceModel(model)
            proxy.setFilterRole(SEARCH_ROLE)
            proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.search.textChanged.connect(proxy.setFilterFixedString)
            view = QListView(self)
            view.setModel(proxy)
            view.setUniformItemSizes(True)
            view.setMinimumWidth(230)
            grid.addWidget(Caption(title, self), 0, column)
            grid.addWidget(view, 1, column)
            self.lists.append(view)
        done = QPushButton(self.tr("Done"), self)
        done.setDefault(True)
        done.clicked.connect(self.hide)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.search)
        layout.addLayout(grid)
        layout.addWidget(done, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(540, 360)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self.closed.emit()


Chip = tuple[str, str, str]  # text, tooltip, colour


class AttendeeChips(QWidget):
    """Attendees as rounded chips that wrap over at most two lines: the customer's people first, then ours,
    partners in their own tint; who does not fit is summed up in a last "+3" chip."""

    GAP = 5
    LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chips: list[Chip] = []
        self._placed: list[tuple[QRectF, Chip]] = []
        self.empty_text = ""
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_chips(self, chips: Sequence[Chip]) -> None:
        self._chips = list(chips)
        self.setAccessibleName(", ".join(name for name, _tip, _colour in self._chips) or self.empty_text)
        self.updateGeometry()
        self.update()

    def names(self) -> list[str]:
        return [name for name, _tip, _colour in self._chips]

    def _chip_height(self) -> int:
        return self.fontMetrics().height() + 6

    def _layout(self, width: int) -> list[tuple[QRectF, Chip]]:
        metrics = self.fontMetrics()
        height = self._chip_height()

        def size(text: str) -> int:
            return min(metrics.horizontalAdvance(text) + 18, max(40, width))

        placed: list[tuple[QRectF, Chip]] = []
        x = y = 0.0
        line = 0
        for number, chip in enumerate(self._chips):
            wide = size(chip[0])
            if x > 0 and x + wide > width:
                line += 1
                if line == self.LINES:
                    return self._with_more(placed, self._chips[number:], width, size)
                x, y = 0.0, y + height + self.GAP
            placed.append((QRectF(x, y, wide, height), chip))
            x += wide + self.GAP
        return placed

    def _with_more(self, placed: list[tuple[QRectF, Chip]], rest: list[Chip], width: int,
                   size: Any) -> list[tuple[QRectF, Chip]]:
        """End the last line with a "+N" chip, giving up chips of that line until it fits."""
        last_y = placed[-1][0].y()
        while True:
            more = f"+{len(rest)}"
            end = placed[-1][0].right() + self.GAP if placed else 0.0
            if end + size(more) <= width or len(placed) <= 1 or placed[-1][0].y() != last_y:
                break
            rest.insert(0, placed.pop()[1])
        tip = "\n".join(name for name, _tip, _colour in rest)
        placed.append((QRectF(end, last_y, size(more), self._chip_height()), (more, tip, OURS)))
        return placed

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        placed = self._layout(width)
        return round(placed[-1][0].bottom()) + 1 if placed else self._chip_height()

    def sizeHint(self) -> QSize:
        return QSize(300, self.heightForWidth(max(300, self.width())))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self._chip_height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        if not self._chips:
            painter.setPen(theme.muted(self))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             self.empty_text)
            return
        self._placed = self._layout(self.width())
        dark = theme.is_dark()
        for rect, (name, _tip, colour) in self._placed:
            accent = QColor(colour)
            fill = QColor(accent)
            fill.setAlpha(70 if dark else 30)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(accent.lighter(170) if dark else accent.darker(140))
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, round(rect.width()) - 14)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            for rect, (name, tip, _colour) in self._placed:
                if rect.contains(event.pos().toPointF()):
                    QToolTip.showText(event.globalPos(), tip if name.startswith("+") else f"{name}\n{tip}".strip(),
                                      self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)


class AttendeesField(QWidget):
    """The attendee chips with an "Edit attendees…" button that opens the picker.

    Signals:
        committed(list, list): the picker closed with other people checked: stakeholder ids, team member ids.
    """

    committed = Signal(list, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips = AttendeeChips(self)
        self.chips.empty_text = self.tr("Nobody recorded yet")
        self.edit_button = QPushButton(self.tr("Edit attendees…"), self)
        self.edit_button.setToolTip(self.tr("Pick the people who attended, from both sides"))
        self.edit_button.clicked.connect(self.open_picker)
        self.popup = AttendeePopup(self)
        self.popup.closed.connect(self._closed)
        self.popup.customer.toggled.connect(self._show_chips)
        self.popup.ours.toggled.connect(self._show_chips)
        self._saved: tuple[list[str], list[str]] = ([], [])
        self._stakeholders: dict[str, Row] = {}
        self._team: dict[str, Row] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.chips, 1)
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

    def set_people(self, stakeholders: Sequence[Row], team: Sequence[Row], stakeholder_ids: Sequence[str],
                   team_member_ids: Sequence[str]) -> None:
        """Offer these people and show who attended (left alone while the picker is open)."""
        if self.popup.isVisible():
            return
        self._stakeholders = {r["id"]: r for r in stakeholders}
        self._team = {r["id"]: r for r in team}
        self._saved = (list(stakeholder_ids), list(team_member_ids))
        self.popup.customer.set_people(stakeholders, stakeholder_ids)
        self.popup.ours.set_people(team, team_member_ids)
        self._show_chips()

    def set_editable(self, editable: bool) -> None:
        self.edit_button.setVisible(editable)
        self.popup.customer.editable = self.popup.ours.editable = editable

    def checked(self) -> tuple[list[str], list[str]]:
        return self.popup.customer.checked_ids(), self.popup.ours.checked_ids()

    def open_picker(self) -> None:
        self.popup.search.clear()
        self.popup.move(self.edit_button.mapToGlobal(QPoint(self.edit_button.width() - self.popup.width(),
                                                            self.edit_button.height() + 2)))
        self.popup.show()
        self.popup.search.setFocus()

    def _show_chips(self) -> None:
        stakeholders, team = self.checked()
        chips = [(self._stakeholders[i]["name"], person_detail(self._stakeholders[i]), CUSTOMER)
                 for i in stakeholders]
        chips += [(self._team[i]["name"], person_detail(self._team[i]),
                   PARTNER if self._team[i].get("third_party") else OURS) for i in team]
        self.chips.set_chips(chips)

    def _closed(self) -> None:
        stakeholders, team = self.checked()
        if (sorted(stakeholders), sorted(team)) != (sorted(self._saved[0]), sorted(self._saved[1])):
            self._saved = (stakeholders, team)
            self.committed.emit(stakeholders, team)
