"""The search box's results: hits grouped by kind with highlighted snippets, in a list under the field.

Imported on the first search, so that the window's first paint does not wait for the text-rendering classes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from immersion.ui.pages import Target
from immersion.ui.search_box import Search

if TYPE_CHECKING:
    from immersion.store.search import Hit

Index = QModelIndex | QPersistentModelIndex

# kind → (group title, page that shows it, table)
KINDS: dict[str, tuple[str, str, str]] = {
    "account": (QT_TRANSLATE_NOOP("Search", "Accounts"), "overview", "accounts"),
    "goal": (QT_TRANSLATE_NOOP("Search", "Goals"), "agenda", "goals"),
    "stakeholder": (QT_TRANSLATE_NOOP("Search", "People"), "relationships", "stakeholders"),
    "meeting": (QT_TRANSLATE_NOOP("Search", "Meetings"), "meetings", "meetings"),
    "insight": (QT_TRANSLATE_NOOP("Search", "Insights"), "meetings", "insights"),
    "idea": (QT_TRANSLATE_NOOP("Search", "Ideas"), "ideas", "ideas"),
}


def target_of(hit: Hit) -> Target:
    """Where a hit opens: its page, its account, the item itself (the account's overview while the page that
    shows such items is not part of this version)."""
    from immersion.ui import pages

    _title, page, table = KINDS.get(hit.kind, ("", "overview", ""))
    try:
        pages.page(page)
    except KeyError:
        return Target("overview", hit.account_id or None)
    return Target(page, hit.account_id or None, table, hit.ref_id)


@dataclass(frozen=True)
class _Row:
    header: str = ""  # a group title row when set
    hit: Hit | None = None


def _marked_html(text: str) -> str:
    """User text escaped (it may contain HTML), then the search marks turned into highlights."""
    from immersion.store.search import MARK_END, MARK_START

    return html.escape(text).replace(MARK_START, "<b><u>").replace(MARK_END, "</u></b>")


class SearchResultsModel(QAbstractListModel):
    """Hits grouped by kind, each group under a title row that cannot be selected."""

    HIT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self.query = ""

    def set_hits(self, hits: list[Hit], query: str) -> None:
        from immersion.store.search import highlight

        self.beginResetModel()
        self.query = query
        self._rows = []
        for kind, (title, _page, _table) in KINDS.items():
            group = [h for h in hits if h.kind == kind]
            if group:
                self._rows.append(_Row(header=Search.tr(title)))  # title is a QT_TRANSLATE_NOOP source
                self._rows.extend(_Row(hit=h) for h in group)
        self._titles = {id(r.hit): highlight(r.hit.title, query) for r in self._rows if r.hit is not None}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if row.hit is None:
                return row.header
            return f"{row.hit.title} — {row.hit.account_name}"
        if role == Qt.ItemDataRole.ToolTipRole and row.hit is not None:
            return row.hit.snippet.replace("\x02", "").replace("\x03", "")
        if role == self.HIT_ROLE:
            return row.hit
        if role == Qt.ItemDataRole.UserRole + 2 and row.hit is not None:  # rich text for the delegate
            account = html.escape(row.hit.account_name)
            snippet = _marked_html(row.hit.snippet)
            return f"{_marked_html(self._titles[id(row.hit)])}<br><small>{account}{' · ' if account and snippet else ''}{snippet}</small>"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].hit is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def hit_rows(self) -> list[int]:
        return [n for n, row in enumerate(self._rows) if row.hit is not None]


class _ResultDelegate(QStyledItemDelegate):
    """Two lines per hit (highlighted title, then account and snippet); group titles in small capitals."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rich = index.data(Qt.ItemDataRole.UserRole + 2)
        if rich is None:  # a group title
            painter.save()
            font = option.font
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            painter.drawText(option.rect.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignBottom, str(index.data()).upper())
            painter.restore()
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = self._document(rich, option)
        painter.save()
        painter.setClipRect(option.rect.adjusted(0, 0, -8, 0))
        painter.translate(option.rect.left() + 8, option.rect.top() + 3)
        document.drawContents(painter, QRectF(0, 0, option.rect.width() - 16, option.rect.height() - 6))
        painter.restore()

    def _document(self, rich: str, option: QStyleOptionViewItem) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        no_wrap = QTextOption()
        no_wrap.setWrapMode(QTextOption.WrapMode.NoWrap)  # one line each; the cell clips what does not fit
        document.setDefaultTextOption(no_wrap)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        document.setDefaultStyleSheet(f"body {{ color: {colour.name()}; }}")
        document.setHtml(f"<body>{rich}</body>")
        document.setTextWidth(max(50, option.rect.width() - 16))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.height()
        if index.data(Qt.ItemDataRole.UserRole + 2) is None:
            return QSize(100, int(height * 1.6))
        return QSize(100, int(height * 2.6) + 6)


class SearchPopup(QFrame):
    """The results list shown under the search field, inside the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.model = SearchResultsModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(_ResultDelegate(self.view))
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setUniformItemSizes(False)
        self.status = QLabel(self)
        self.status.setContentsMargins(8, 4, 8, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.hide()


