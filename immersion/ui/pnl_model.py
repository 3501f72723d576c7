"""The account P&L grid: periods as rows, the four entered figures and the three computed ones as columns.

`PnlModel` shows `store.pnl.pnl()` rows: revenue, cost of goods, cost to serve and other costs are edited
in place (checked by `CheckedDelegate`); gross margin, investments spent and contribution are computed as
DESIGN.md defines them and explain themselves in their tooltips. `PnlTable` is the view: it takes Ctrl+V
(paste a spreadsheet range), Ctrl+C (copy the selected cells as tab-separated text), Insert and Delete over
window shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from immersion.store.finance import PNL_FIELDS
from immersion.texts import TextContext
from immersion.ui import formatting
from immersion.ui.investment_fields import error_colour
from immersion.ui.row_model import Column, Index, Row, RowTableModel
from immersion.ui.table_view import ROW_KEYS, CommandTable, Keys, style_rows

COMPUTED = ("gross_margin", "investments_spent", "contribution")


Pnl = TextContext("Pnl")  # texts written Pnl.tr("…"), as pyside6-lupdate reads them


class PnlModel(RowTableModel):
    """P&L rows of one account in chronological order (never sorted otherwise: time runs down the grid).

    Args:
        on_edit: called with (financials id, field, value); returns whether it was saved.
    """

    def __init__(self, on_edit: Callable[[str, str, Any], bool], parent: Any = None) -> None:
        super().__init__(self._make_columns(), on_edit, parent)
        self.currency = ""

    def _make_columns(self) -> list[Column]:
        def money(key: str) -> Callable[[Row], str]:
            return lambda row: formatting.money_text(row[key], self.currency)

        columns = [Column("period", QT_TRANSLATE_NOOP("Columns", "Period"), editable=True, required=True,
                          tooltip=self._period_tip)]
        titles = (QT_TRANSLATE_NOOP("Columns", "Revenue"), QT_TRANSLATE_NOOP("Columns", "Cost of goods"),
                  QT_TRANSLATE_NOOP("Columns", "Cost to serve"), QT_TRANSLATE_NOOP("Columns", "Other costs"))
        for key, title in zip(PNL_FIELDS, titles, strict=True):
            columns.append(Column(key, title, kind="float", editable=True, display=money(key), minimum=-1e13,
                                  maximum=1e13))
        columns += [
            Column("gross_margin", QT_TRANSLATE_NOOP("Columns", "Gross margin"), kind="float",
                   display=money("gross_margin"), tooltip=self._margin_tip),
            Column("investments_spent", QT_TRANSLATE_NOOP("Columns", "Investments spent"), kind="float",
                   display=money("investments_spent"), tooltip=self._spent_tip),
            Column("contribution", QT_TRANSLATE_NOOP("Columns", "Contribution"), kind="float",
                   display=money("contribution"), tooltip=self._contribution_tip),
        ]
        return columns

    def load(self, rows: list[Row], currency: str, editable: bool) -> None:
        self.currency = currency
        self.editable = editable
        self.set_rows(rows)

    # -- Qt model interface ------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.row() < self.rowCount():
            key = self.columns[index.column()].key
            if role == Qt.ItemDataRole.FontRole and key == "contribution":
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and key in COMPUTED and self.row(index)[key] < 0:
                return QColor(error_colour())
        return super().data(index, role)

    # -- explanations ------------------------------------------------------------------------------------------

    def header_tip(self, key: str) -> str:
        return {
            "period": Pnl.tr("A quarter such as 2026-Q3 or a month such as 2026-07."),
            "other_costs": Pnl.tr("Other costs of serving the account; may be negative for a one-off credit."),
            "gross_margin": Pnl.tr("Gross margin = revenue − cost of goods."),
            "investments_spent": Pnl.tr("Spent investments whose period lies in this period: a monthly investment "
                                        "counts in its month and its quarter, a quarterly one only in its quarter."),
            "contribution": Pnl.tr("Contribution = revenue − cost of goods − cost to serve − other costs − "
                                   "investments spent in the period (DESIGN.md)."),
        }.get(key, "")

    def _money(self, value: float) -> str:
        return formatting.money_text(value, self.currency)

    def _period_tip(self, row: Row) -> str:
        parts = row.get("parts") or []
        if len(parts) > 1 or (parts and parts[0] != row["period"]):
            return Pnl.tr("%1, added up from %2").replace("%1", row["label"]).replace("%2", ", ".join(parts))
        return row["label"]

    def _margin_tip(self, row: Row) -> str:
        return Pnl.tr("Gross margin = revenue − cost of goods = %1 − %2 = %3").replace(
            "%1", self._money(row["revenue"])).replace("%2", self._money(row["cost_of_goods"])).replace(
            "%3", self._money(row["gross_margin"]))

    def _spent_tip(self, row: Row) -> str:
        count = len(row["investment_ids"])
        if not count:
            return Pnl.tr("No investment was spent in %1.").replace("%1", row["label"])
        text = Pnl.tr("1 spent investment in %1: %2") if count == 1 else Pnl.tr("%3 spent investments in %1: %2")
        return text.replace("%1", row["label"]).replace("%2", self._money(row["investments_spent"])).replace(
            "%3", str(count))

    def _contribution_tip(self, row: Row) -> str:
        text = Pnl.tr("Contribution = revenue − cost of goods − cost to serve − other costs − investments "
                      "spent\n= %1 − %2 − %3 − %4 − %5 = %6")
        values = (row["revenue"], row["cost_of_goods"], row["cost_to_serve"], row["other_costs"],
                  row["investments_spent"], row["contribution"])
        for number, value in enumerate(values, start=1):
            text = text.replace(f"%{number}", self._money(value))
        return text


class PnlTable(CommandTable):
    """The P&L grid's view: cells selected as in a spreadsheet, typed over to edit.

    Signals:
        command(str): "paste", "copy", "add" or "delete" was asked for from the keyboard.
    """

    # Insert, Delete and Enter; Ctrl+N is left to the window (New Workbook).
    KEYS: ClassVar[Keys] = {key: command for key, command in ROW_KEYS.items() if key[0] != Qt.Key.Key_N}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setTabKeyNavigation(False)
        style_rows(self, self.fontMetrics().lineSpacing() + 12)

    def command_for(self, event: QKeyEvent) -> str:
        """Paste and copy as the platform spells them, then Insert, Delete and Enter."""
        if self.state() == QAbstractItemView.State.EditingState:
            return ""
        if event.matches(QKeySequence.StandardKey.Paste):
            return "paste"
        if event.matches(QKeySequence.StandardKey.Copy):
            return "copy"
        return super().command_for(event)

    def set_columns(self, columns: list[Column], sample: str) -> None:
        """Give every column room for its header and for an amount like `sample` (bold, as contributions are)."""
        header, metrics = self.horizontalHeader(), self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        wide = QFontMetrics(bold).horizontalAdvance(sample)
        self._needed = []
        for number, column in enumerate(columns):
            content = metrics.horizontalAdvance("2026-Q4") if column.key == "period" else wide
            self._needed.append(max(header.fontMetrics().horizontalAdvance(column.header()), content) + 24)
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
        self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def fit_columns(self) -> None:
        """Each column at least as wide as it needs; what the viewport has left is shared out evenly."""
        needed = getattr(self, "_needed", [])
        if not needed:
            return
        extra = max(0, self.viewport().width() - sum(needed)) // len(needed)
        for number, width in enumerate(needed):
            self.horizontalHeader().resizeSection(number, width + extra)
