"""The generic row models: the table shows, sorts and edits through column specs; both pass the tester."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from immersion.ui.row_model import ID_ROLE, SORT_ROLE, Column, RowListModel, RowTableModel

COLUMNS = [
    Column("title", "Title", editable=True, required=True),
    Column("priority", "Priority", kind="int", editable=True, minimum=1, maximum=5),
    Column("status", "Status", kind="choice", editable=True,
           choices=(("unconfirmed", "Unconfirmed"), ("confirmed", "Confirmed"), ("achieved", "Achieved"))),
    Column("done", "Done", kind="bool", editable=True),
]
ROWS = [
    {"id": "a", "title": "Cut waste", "priority": 5, "status": "confirmed", "done": 0},
    {"id": "b", "title": "beat discounters", "priority": 3, "status": "unconfirmed", "done": 1},
]


def test_display_sort_and_tester(qtmodeltester: ModelTester) -> None:
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "Confirmed"
    assert model.index(1, 3).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, 0).data(ID_ROLE) == "a"
    assert model.index(0, 2).data(SORT_ROLE) == 1  # choices sort in their natural order
    model.sort(0)
    assert [model.row(n)["id"] for n in range(2)] == ["b", "a"]  # case-insensitive: beat < Cut
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert [model.row(n)["id"] for n in range(2)] == ["b", "a"]


def test_edits_go_to_the_callback_cleaned() -> None:
    edits: list[tuple[str, str, Any]] = []
    model = RowTableModel(COLUMNS, on_edit=lambda *args: edits.append(args) or True)
    model.set_rows(ROWS)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, 0), "  Cut waste 30%  ")
    assert not model.setData(model.index(0, 0), "   ")  # a required title cannot be emptied
    assert not model.setData(model.index(0, 1), 5)  # unchanged: nothing to save
    assert model.setData(model.index(1, 3), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert edits == [("a", "title", "Cut waste 30%"), ("b", "done", 0)]


def test_same_rows_refresh_in_place_without_reset(qtbot) -> None:  # noqa: ANN001
    model = RowTableModel(COLUMNS)
    model.set_rows(ROWS)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_rows([dict(ROWS[0], title="Changed"), ROWS[1]])
    assert model.index(0, 0).data() == "Changed"


def test_header_tips_and_a_read_only_switch() -> None:
    class Explained(RowTableModel):
        def header_tip(self, key: str) -> str:
            return "How much it weighs, 1–5." if key == "priority" else ""

    model = Explained(COLUMNS, on_edit=lambda *_args: True)
    model.set_rows(ROWS)
    horizontal, tip = Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    assert model.headerData(1, horizontal, tip) == "How much it weighs, 1–5."
    assert model.headerData(0, horizontal, tip) is None  # no empty tooltip
    assert model.flags(model.index(0, 3)) & Qt.ItemFlag.ItemIsUserCheckable
    model.editable = False  # a read-only workbook: nothing can be edited or ticked
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 3)) & Qt.ItemFlag.ItemIsUserCheckable
    model.editable = True
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_list_model_shares_the_row_handling(qtbot, qtmodeltester: ModelTester) -> None:  # noqa: ANN001
    class Titles(RowListModel):
        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole and index.isValid():
                return self.row(index)["title"]
            return None

    model = Titles()
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    assert model.row_of("b") == 1 and model.row_of("zz") == -1 and model.rows() == ROWS
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as changed:
        model.set_rows([ROWS[0], dict(ROWS[1], title="Changed")])
    assert [(i.row(), i.column()) for i in changed.args[:2]] == [(0, 0), (1, 0)]
    assert model.index(1).data() == "Changed"
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(ROWS[:1])
    assert model.rowCount() == 1
