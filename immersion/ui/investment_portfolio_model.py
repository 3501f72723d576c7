"""Item models of the financial productivity page: one row per account, and one per investment kind.

Rows are dicts made from `store.portfolio_table` results (plain dataclasses; no pandas here). Money is shown in
each account's currency, percentages with one decimal, return per unit of spend as a multiple ("2.40×"); every
computed column says in its tooltip how it was computed.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from immersion.store.portfolio_table import KINDS, AccountFigures, KindFigures
from immersion.texts import TextContext
from immersion.ui import formatting
from immersion.ui.investment_model import KIND_CHOICES, label
from immersion.ui.pnl_input import multiple_text, percent_text
from immersion.ui.row_model import Column, Index, Row, RowTableModel

Productivity = TextContext("Productivity")  # texts written Productivity.tr("…"), as pyside6-lupdate reads them


def _money(key: str, title: str, tooltip: Any = None) -> Column:
    return Column(key, title, kind="float", tooltip=tooltip,
                  display=lambda row: formatting.money_text(row[key], row["currency"]))


def account_row(figures: AccountFigures) -> Row:
    """A table row for one account: its figures plus the contribution margin and one key per kind."""
    row = asdict(figures)
    row["margin"] = figures.contribution / figures.revenue if figures.revenue else None
    for kind in KINDS:
        row[f"kind:{kind}"] = figures.per_unit.get(kind)
    return row


def _roi_tip(row: Row) -> str:
    if row["roi"] is None:
        return Productivity.tr("No ROI: no committed or spent investment with a return in this window.")
    text = Productivity.tr("ROI = (Σ return − Σ amount) ÷ Σ amount = (%1 − %2) ÷ %2 = %3, over committed and "
                           "spent investments with a return; %4 of that money has an actual return, the rest is "
                           "expected.")
    money = lambda value: formatting.money_text(value, row["currency"])  # noqa: E731
    return text.replace("%1", money(row["returned"])).replace("%2", money(row["with_return"])).replace(
        "%3", percent_text(row["roi"], signed=True)).replace("%4", percent_text(row["actual_part"]))


def _contribution_tip(row: Row) -> str:
    text = Productivity.tr("Contribution = revenue − cost of goods − cost to serve − other costs over the %1 P&L "
                           "period(s) in the window, − investments spent in it (%2) = %3.")
    return text.replace("%1", str(row["periods"])).replace(
        "%2", formatting.money_text(row["spent"], row["currency"])).replace(
        "%3", formatting.money_text(row["contribution"], row["currency"]))


def _kind_column(kind: str, title: str) -> Column:
    key = f"kind:{kind}"

    def tip(row: Row) -> str:
        if row[key] is None:
            return Productivity.tr("%1: no committed or spent money with a return in this window.").replace(
                "%1", QCoreApplication.translate("Choices", title))
        return Productivity.tr("%1: Σ return ÷ Σ amount = %2 — each unit spent brings back %2.").replace(
            "%1", QCoreApplication.translate("Choices", title)).replace("%2", multiple_text(row[key]))

    return Column(key, title, kind="float", display=lambda row: multiple_text(row[key]) if row[key] is not None
                  else "", tooltip=tip)


class AccountTableModel(RowTableModel):
    """One row per account: money, ROI, alignment and return per unit of spend by kind."""

    def __init__(self, parent: Any = None) -> None:
        columns = [
            Column("name", QT_TRANSLATE_NOOP("Columns", "Account"),
                   tooltip=lambda row: (Productivity.tr("%1 — click to open its investments")
                                        .replace("%1", row["name"]))),
            Column("tier", QT_TRANSLATE_NOOP("Columns", "Tier"), display=lambda row: formatting.tier_label(
                row["tier"]), sort=lambda row: formatting.tier_rank(row["tier"])),
            _money("revenue", QT_TRANSLATE_NOOP("Columns", "Revenue"),
                   lambda row: Productivity.tr("Σ revenue of the P&L periods in the window.")),
            _money("contribution", QT_TRANSLATE_NOOP("Columns", "Contribution"), _contribution_tip),
            Column("margin", QT_TRANSLATE_NOOP("Columns", "Margin"), kind="float",
                   display=lambda row: percent_text(row["margin"]),
                   tooltip=lambda row: Productivity.tr("Contribution ÷ revenue.")),
            _money("invested", QT_TRANSLATE_NOOP("Columns", "Invested"),
                   lambda row: Productivity.tr("Σ amount of committed and spent investments in the window.")),
            Column("roi", QT_TRANSLATE_NOOP("Columns", "ROI"), kind="float",
                   display=lambda row: percent_text(row["roi"], signed=True), tooltip=_roi_tip),
            Column("alignment", QT_TRANSLATE_NOOP("Columns", "Alignment"), kind="float",
                   display=lambda row: formatting.alignment_text(row["alignment"]),
                   tooltip=lambda row: Productivity.tr("Mutual-purpose alignment index 0–100: how closely our ideas "
                                                       "and money follow the customer's priorities (see the "
                                                       "Overview).")),
            Column("best_kind", QT_TRANSLATE_NOOP("Columns", "Pays best"),
                   display=lambda row: label(KIND_CHOICES, row["best_kind"]) if row["best_kind"] else "",
                   tooltip=lambda row: Productivity.tr("The kind of investment with the highest return per unit of "
                                                       "spend in this account.")),
        ]
        columns += [_kind_column(kind, title) for kind, title in KIND_CHOICES if kind]
        super().__init__(columns, None, parent)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column with Python's sort (a thousand rows in a few milliseconds, where a proxy calling
        back into Python for each comparison takes a tenth of a second); undefined values last either way."""
        if not 0 <= column < len(self.columns):
            return
        spec, old = self.columns[column], list(self._rows)
        self.layoutAboutToBeChanged.emit()
        keyed = [(spec.sort_value(row), row) for row in old]
        present = [pair for pair in keyed if not _undefined(pair[0])]
        present.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [row for _key, row in present] + [row for key, row in keyed if _undefined(key)]
        position = {row["id"]: number for number, row in enumerate(self._rows)}
        for index in self.persistentIndexList():
            moved = position[old[index.row()]["id"]]
            self.changePersistentIndex(index, self.index(moved, index.column()))
        self.layoutChanged.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.row() < self.rowCount():
            key = self.columns[index.column()].key
            if role == Qt.ItemDataRole.ForegroundRole and key == "name":
                return QGuiApplication.palette().color(QPalette.ColorRole.Link)  # it opens the account
            if role == Qt.ItemDataRole.FontRole and key.startswith("kind:"):
                row = self.row(index)
                if row["best_kind"] and key == f"kind:{row['best_kind']}":
                    font = QFont()
                    font.setBold(True)  # where this account's next unit pays best
                    return font
        return super().data(index, role)


class KindTableModel(RowTableModel):
    """Return per unit of spend by kind of investment, over the portfolio, one row per kind and currency."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), display=lambda row: label(KIND_CHOICES, row["kind"]),
                   sort=lambda row: KINDS.index(row["kind"]) if row["kind"] in KINDS else len(KINDS)),
            Column("currency", QT_TRANSLATE_NOOP("Columns", "Currency")),
            Column("investments", QT_TRANSLATE_NOOP("Columns", "Investments"), kind="int"),
            Column("accounts", QT_TRANSLATE_NOOP("Columns", "Accounts"), kind="int"),
            Column("invested", QT_TRANSLATE_NOOP("Columns", "Invested"), kind="float",
                   display=lambda row: formatting.money_text(row["invested"], row["currency"])),
            Column("per_unit", QT_TRANSLATE_NOOP("Columns", "Return per unit"), kind="float",
                   display=lambda row: multiple_text(row["per_unit"]), tooltip=self._unit_tip),
            Column("actual_per_unit", QT_TRANSLATE_NOOP("Columns", "Actual only"), kind="float",
                   display=lambda row: multiple_text(row["actual_per_unit"]), tooltip=lambda row: Productivity.tr(
                       "Σ actual return ÷ Σ amount over the investments whose return is known: what has really "
                       "come back so far.")),
        ], None, parent)

    def load(self, kinds: tuple[KindFigures, ...]) -> None:
        self.set_rows([dict(asdict(k), id=f"{k.kind}:{k.currency}") for k in kinds])

    @staticmethod
    def _unit_tip(row: Row) -> str:
        if row["per_unit"] is None:
            return Productivity.tr("No committed or spent money of this kind has a return yet.")
        text = Productivity.tr("Return per unit of spend = Σ return ÷ Σ amount = %1 ÷ %2 = %3 (actual return where "
                               "known, else expected; committed and spent investments in the window).")
        money = lambda value: formatting.money_text(value, row["currency"])  # noqa: E731
        return text.replace("%1", money(row["returned"])).replace("%2", money(row["with_return"])).replace(
            "%3", multiple_text(row["per_unit"]))


def _undefined(key: Any) -> bool:
    """Whether a sort value stands for a missing number (a dash on screen)."""
    return isinstance(key, tuple) and len(key) == 2 and key[0] is True


class AccountFilter(QSortFilterProxyModel):
    """Hides accounts by name text and tier; sorting is passed on to the account model (see its `sort`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._tier: str | None = None
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sorted = (column, order) if column >= 0 else None
        model = self.sourceModel()
        if column >= 0 and isinstance(model, RowTableModel):
            model.sort(column, order)

    def resort(self) -> None:
        """Sort fresh rows the way the user last asked."""
        if self._sorted is not None:
            self.sort(*self._sorted)

    def set_filters(self, text: str, tier: str | None) -> None:
        self.beginFilterChange()
        self._text, self._tier = text.strip().casefold(), tier
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtered(self) -> bool:
        return bool(self._text or self._tier)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, RowTableModel):
            return True
        row = model.row(source_row)
        return (not self._tier or row["tier"] == self._tier) and self._text in row["name"].casefold()
