"""The investment ledger as an item model: stored fields, computed ROI, payback and goal shares, and a filter.

Rows come from `store.finance.investments()`; the figures in them (ROI and its basis, payback, orphan share)
are computed there from the domain's formulas, so the model only says them: money in the investment's
currency, percentages with one decimal, an expected ROI in italics and marked "(expected)".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from immersion.texts import TextContext
from immersion.ui import formatting
from immersion.ui.pnl_input import percent_text
from immersion.ui.row_model import SORT_ROLE, Column, Index, Row, RowTableModel

KIND_CHOICES: tuple[tuple[str | None, str], ...] = (
    ("trade spend", QT_TRANSLATE_NOOP("Choices", "Trade spend")),
    ("co-marketing", QT_TRANSLATE_NOOP("Choices", "Co-marketing")),
    ("service", QT_TRANSLATE_NOOP("Choices", "Service")),
    ("people", QT_TRANSLATE_NOOP("Choices", "People")),
    ("pilot", QT_TRANSLATE_NOOP("Choices", "Pilot")),
    ("capex", QT_TRANSLATE_NOOP("Choices", "Capex")),
    ("discount", QT_TRANSLATE_NOOP("Choices", "Discount")),
)
STATUS_CHOICES: tuple[tuple[str | None, str], ...] = (
    ("planned", QT_TRANSLATE_NOOP("Choices", "Planned")),
    ("committed", QT_TRANSLATE_NOOP("Choices", "Committed")),
    ("spent", QT_TRANSLATE_NOOP("Choices", "Spent")),
    ("stopped", QT_TRANSLATE_NOOP("Choices", "Stopped")),
)


Investments = TextContext("Investments")  # texts written Investments.tr("…"), as pyside6-lupdate reads them


def label(choices: tuple[tuple[str | None, str], ...], value: str | None) -> str:
    """The translated label of a stored kind or status."""
    for stored, text in choices:
        if stored == value:
            return QCoreApplication.translate("Choices", text)
    return value or ""


def roi_text(row: Row) -> str:
    """"+20.0%", "+20.0% (expected)" or a dash."""
    if row["roi"] is None:
        return formatting.UNDEFINED
    text = percent_text(row["roi"], signed=True)
    return text if row["roi_basis"] == "actual" else Investments.tr("%1 (expected)").replace("%1", text)


def roi_tip(row: Row) -> str:
    """How the ROI was computed, with the row's numbers."""
    rule = Investments.tr("ROI = (return − amount) ÷ amount, with the actual return where it is known, else the "
                          "expected return (then marked “expected”).")
    if row["roi"] is None:
        why = (Investments.tr("No ROI: the amount is 0.") if row["amount"] <= 0
               else Investments.tr("No ROI yet: enter an expected or an actual return."))
        return f"{rule}\n{why}"
    currency = row.get("currency") or ""
    basis = Investments.tr("actual return") if row["roi_basis"] == "actual" else Investments.tr("expected return")
    sum_text = Investments.tr("= (%1 %2 − %3) ÷ %3 = %4").replace("%1", basis)
    sum_text = sum_text.replace("%2", formatting.money_text(row["returned"], currency))
    sum_text = sum_text.replace("%3", formatting.money_text(row["amount"], currency))
    return f"{rule}\n{sum_text.replace('%4', percent_text(row['roi'], signed=True))}"


def payback_text(row: Row) -> str:
    """Return − amount in money: "+€12,000" paid back beyond the cost, "−€8,000" still short."""
    if row["payback"] is None:
        return formatting.UNDEFINED
    sign = "+" if row["payback"] >= 0 else ""
    return sign + formatting.money_text(row["payback"], row.get("currency") or "")


def payback_tip(row: Row) -> str:
    rule = Investments.tr("Payback = return − amount: what the investment gives back beyond its cost (actual return "
                          "where known, else expected).")
    if row["payback"] is None:
        return rule + "\n" + Investments.tr("No return recorded yet.")
    currency = row.get("currency") or ""
    verdict = (Investments.tr("It pays for itself.") if row["payback"] >= 0
               else Investments.tr("It does not pay for itself (yet)."))
    if row["roi_basis"] != "actual":
        verdict += " " + Investments.tr("This is expected, not yet actual.")
    sums = f"{formatting.money_text(row['returned'], currency)} − {formatting.money_text(row['amount'], currency)}"
    return f"{rule}\n{sums} = {payback_text(row)}. {verdict}"


def goals_text(row: Row) -> str:
    """The linked goals with their shares: "Grow lending 60.0% · Cut costs 30.0%"."""
    return " · ".join(f"{link['title']} {percent_text(link['share'])}" for link in row["goals"])


def orphan_tip(row: Row) -> str:
    currency = row.get("currency") or ""
    text = Investments.tr("Orphan share = 100% − Σ the goals' shares = %1, that is %2 of %3 serving no customer "
                          "goal.")
    text = text.replace("%1", percent_text(row["orphan_share"]))
    text = text.replace("%2", formatting.money_text(row["orphan"], currency))
    text = text.replace("%3", formatting.money_text(row["amount"], currency))
    if not row["counts"]:
        text += "\n" + Investments.tr("Only committed and spent money counts as orphan spend in the alignment index.")
    return text


class InvestmentModel(RowTableModel):
    """The investments of one account, editable in place where the field is a stored one.

    Args:
        on_edit: called with (investment id, field, value); returns whether it was saved.
    """

    def __init__(self, on_edit: Callable[[str, str, Any], bool], parent: Any = None) -> None:
        super().__init__(self._make_columns(), on_edit, parent)

    @staticmethod
    def _make_columns() -> list[Column]:
        money = lambda key: lambda row: formatting.money_text(row[key], row.get("currency") or "")  # noqa: E731
        return [
            Column("name", QT_TRANSLATE_NOOP("Columns", "Investment"), editable=True, required=True,
                   tooltip=lambda row: "\n\n".join(t for t in (row["name"], row.get("notes")) if t)),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), kind="choice", editable=True,
                   choices=KIND_CHOICES, required=True),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), kind="choice", editable=True,
                   choices=STATUS_CHOICES, required=True, tooltip=_status_tip),
            Column("amount", QT_TRANSLATE_NOOP("Columns", "Amount"), kind="float", editable=True,
                   display=money("amount"), maximum=1e13),
            Column("period", QT_TRANSLATE_NOOP("Columns", "Period"), editable=True, required=True,
                   sort=lambda row: row["period_sort"]),
            Column("expected_return", QT_TRANSLATE_NOOP("Columns", "Expected return"), kind="float",
                   editable=True, display=lambda row: _optional_money(row, "expected_return"), maximum=1e13),
            Column("actual_return", QT_TRANSLATE_NOOP("Columns", "Actual return"), kind="float",
                   editable=True, display=lambda row: _optional_money(row, "actual_return"), maximum=1e13),
            Column("roi", QT_TRANSLATE_NOOP("Columns", "ROI"), kind="float", display=roi_text, tooltip=roi_tip),
            Column("payback", QT_TRANSLATE_NOOP("Columns", "Payback"), kind="float", display=payback_text,
                   tooltip=payback_tip),
            Column("goals", QT_TRANSLATE_NOOP("Columns", "Goals (share)"), display=goals_text,
                   tooltip=lambda row: goals_text(row).replace(" · ", "\n") or Investments.tr("Linked to no goal."),
                   sort=lambda row: -row["share_total"]),
            Column("orphan_share", QT_TRANSLATE_NOOP("Columns", "Orphan"), kind="float",
                   display=lambda row: percent_text(row["orphan_share"]), tooltip=orphan_tip),
            Column("idea_title", QT_TRANSLATE_NOOP("Columns", "Funds idea"),
                   display=lambda row: row.get("idea_title") or ""),
            Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"), editable=True,
                   tooltip=lambda row: row.get("notes") or ""),
        ]

    def load(self, rows: list[Row]) -> None:
        """Show `rows` from `store.finance.investments()` (already in chronological order)."""
        self.set_rows([dict(row, period_sort=n) for n, row in enumerate(rows)])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            row, key = self.row(index), self.columns[index.column()].key
            if (key in ("roi", "payback") and row["roi_basis"] == "expected") or \
                    (key == "orphan_share" and not row["counts"]):
                font = QFont()
                font.setItalic(True)  # expected, not yet actual; or money that does not count yet
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() \
                and self.columns[index.column()].key == "status":
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)

    def header_tip(self, key: str) -> str:
        """What a column means, for its header's tooltip."""
        return {
            "amount": Investments.tr("What we put in, in the investment's currency; 0 or more."),
            "period": Investments.tr("When the money goes in: a quarter such as 2026-Q3 or a month such as 2026-07."),
            "roi": Investments.tr("ROI = (return − amount) ÷ amount; actual return where known, else expected (in "
                                  "italics and marked)."),
            "payback": Investments.tr("Payback = return − amount, in money: positive when the investment pays for "
                                      "itself."),
            "goals": Investments.tr("The customer goals the money serves, with the share of the amount each gets (at "
                                    "most 100% in all). Edit them in the form."),
            "orphan_share": Investments.tr("Orphan spend: the share of the amount that no customer goal gets "
                                           "(100% − Σ shares). Committed and spent orphan money lowers the alignment "
                                           "index."),
            "idea_title": Investments.tr("The co-created idea this investment funds, if any."),
        }.get(key, "")


def _optional_money(row: Row, key: str) -> str:
    return "" if row[key] is None else formatting.money_text(row[key], row.get("currency") or "")


def _status_tip(row: Row) -> str:
    return {
        "planned": Investments.tr("Planned: not yet agreed; it does not count toward alignment, ROI totals or orphan "
                                  "spend."),
        "committed": Investments.tr("Committed: agreed with the customer; it counts toward alignment and orphan "
                                    "spend."),
        "spent": Investments.tr("Spent: the money went in; it counts toward alignment and lowers the contribution of "
                                "its period."),
        "stopped": Investments.tr("Stopped: no longer pursued; it does not count."),
    }.get(row["status"], "")


class InvestmentFilter(QSortFilterProxyModel):
    """Hides investments by kind, status and text; sorts by each column's natural order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._status: str | None = None
        self._text = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, kind: str | None, status: str | None, text: str) -> None:
        self.beginFilterChange()
        self._kind, self._status, self._text = kind, status, text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtered(self) -> bool:
        return bool(self._kind or self._status or self._text)

    def accepts(self, row: Row) -> bool:
        if self._kind and row["kind"] != self._kind:
            return False
        if self._status and row["status"] != self._status:
            return False
        if self._text:
            words = " ".join(str(row.get(k) or "") for k in ("name", "notes", "period", "idea_title"))
            return self._text in f"{words} {goals_text(row)}".casefold()
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        return isinstance(model, RowTableModel) and self.accepts(model.row(source_row))

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))
