"""Keeping things together across page breaks, which QTextDocument does not do by itself.

QTextDocument splits a table row across two pages as soon as one line of it fits on the first, and ignores CSS
`page-break-inside: avoid` (it knows only page-break-before and -after). So after the first layout this module
looks for the first thing that straddles a page break and moves it, then looks again, until nothing does:

- a table row: the row before it is made taller (more bottom padding), so the row starts on the next page
  under the repeated header, exactly as Qt itself drops a row that does not fit at all;
- a table whose first row (or only row: the people cards, the chart boxes) straddles gets a page break before
  it; when a heading (and perhaps one line after it) leads into the table on the same page, the break goes
  before the heading instead, so it stays with the table;
- a short paragraph (a quarter of a page at most) across a page break gets a page break before it;
- a heading with less than `KEEP_WITH_NEXT` px below it on its page, or whose next paragraph went to the next
  page, moves there too.

Anything taller than a page is left to split. Positions are in the document's layout units (px).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

KEEP_WITH_NEXT = 72.0
"""A heading needs at least this much room under it (about four lines) on its page."""
SHORT_BLOCK = 0.25
"""Paragraphs up to this share of a page are kept on one page."""
LEAD_IN = 24.0
"""A paragraph this short (one line) between a heading and the table it introduces travels with them."""
_EPSILON = 0.5
_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore

Item = QTextTable | QTextBlock


def keep_together(doc: QTextDocument, page_height: float, rounds: int = 200) -> int:
    """Move rows, cards, short paragraphs and headings off page breaks; returns how many moves were made."""
    moves = 0
    for _ in range(rounds):
        doc.documentLayout().documentSize()  # finish the layout before measuring
        if not _move_first(doc, page_height):
            break
        moves += 1
    return moves


def _page(y: float, height: float) -> int:
    return int(y // height)


def _straddles(top: float, bottom: float, height: float) -> bool:
    return bottom - top < height and _page(top, height) != _page(bottom - _EPSILON, height)


def _items(doc: QTextDocument) -> list[tuple[float, float, Item]]:
    """The top-level tables and paragraphs in reading order, each with its top and bottom."""
    layout = doc.documentLayout()
    root = doc.rootFrame()
    items: list[tuple[float, float, Item]] = []
    for frame in root.childFrames():
        if isinstance(frame, QTextTable):
            rect = layout.frameBoundingRect(frame)
            items.append((rect.top(), rect.bottom(), frame))
    block = doc.begin()
    while block.isValid():
        if doc.frameAt(block.position()) is root:
            rect = layout.blockBoundingRect(block)
            items.append((rect.top(), rect.bottom(), QTextBlock(block)))
        block = block.next()
    items.sort(key=lambda item: item[0])
    return items


def _move_first(doc: QTextDocument, height: float) -> bool:
    """Move the first thing (in reading order) that straddles a page break; False when there is none."""
    items = _items(doc)
    for k, (top, bottom, item) in enumerate(items):
        if isinstance(item, QTextTable):
            action = _table_action(doc, item, top, bottom, height)
        else:
            action = "before" if _block_needs_moving(doc, item, top, bottom, height) else None
        if action is None:
            continue
        if action != "before":
            action()
            return True
        lead = _lead_in(items, k, height) if isinstance(item, QTextTable) or _is_heading(item) else None
        if lead is not None and _break_before(lead, lead_top=items[lead][0], height=height, items=items):
            return True
        if _break_before(k, lead_top=top, height=height, items=items):
            return True
    return False


def _lead_in(items: list[tuple[float, float, Item]], k: int, height: float) -> int | None:
    """The index of the heading leading into item `k` on its page (through at most one short line), if any."""
    page = _page(items[k][0], height)
    for j in (k - 1, k - 2):
        if j < 0:
            return None
        top, bottom, item = items[j]
        if not isinstance(item, QTextBlock) or _page(top, height) != page:
            return None
        if _is_heading(item):
            return j
        if bottom - top > LEAD_IN:
            return None
    return None


def _is_heading(item: Item) -> bool:
    return isinstance(item, QTextBlock) and item.blockFormat().headingLevel() > 0


def _break_before(index: int, lead_top: float, height: float, items: list[tuple[float, float, Item]]) -> bool:
    """Start a new page before `items[index]`; False when it already starts one."""
    item = items[index][2]
    if lead_top % height < 1.0:
        return False
    if isinstance(item, QTextTable):
        fmt = item.format()
        if fmt.pageBreakPolicy() & _BEFORE:
            return False
        fmt.setPageBreakPolicy(_BEFORE)
        item.setFormat(fmt)
        return True
    block_fmt = item.blockFormat()
    if block_fmt.pageBreakPolicy() & _BEFORE:
        return False
    block_fmt.setPageBreakPolicy(_BEFORE)
    if block_fmt.headingLevel() > 0:
        block_fmt.setTopMargin(0)  # the heading now opens a page: the page's margin is space enough
    QTextCursor(item).setBlockFormat(block_fmt)
    return True


def _row_extent(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """The top and bottom of a row's content (its cells' blocks), in document coordinates."""
    layout = doc.documentLayout()
    top, bottom = float("inf"), float("-inf")
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row:
            continue
        block = cell.firstCursorPosition().block()
        last = cell.lastCursorPosition().block()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            top, bottom = min(top, rect.top()), max(bottom, rect.bottom())
            if block == last:
                break
            block = block.next()
    return top, bottom


def _table_action(doc: QTextDocument, table: QTextTable, top: float, bottom: float,
                  height: float) -> Callable[[], None] | str | None:
    """"before" (move the whole table), a function that pushes one row to the next page, or None."""
    if _page(top, height) == _page(bottom - _EPSILON, height):
        return None
    header = table.format().headerRowCount()
    for row in range(table.rows()):
        row_top, row_bottom = _row_extent(doc, table, row)
        if row_top == float("inf") or not _straddles(row_top, row_bottom, height):
            continue
        if row <= header or table.rows() == 1:
            return "before" if bottom - top < height else None
        push = (_page(row_top, height) + 1) * height - row_top + 2 * _EPSILON
        return lambda: _pad_row(table, row - 1, push)
    return None


def _pad_row(table: QTextTable, row: int, push: float) -> None:
    """Make `row` taller by `push` px, so the row after it starts on the next page."""
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue
        fmt = cell.format().toTableCellFormat()
        fmt.setBottomPadding(fmt.bottomPadding() + push)
        cell.setFormat(fmt)


def _block_needs_moving(doc: QTextDocument, block: QTextBlock, top: float, bottom: float, height: float) -> bool:
    """A short paragraph across a page break, or a heading left at the foot of a page."""
    if block.blockFormat().headingLevel() > 0:
        room = (_page(top, height) + 1) * height - bottom
        after = block.next()
        next_page = after.isValid() and _page(doc.documentLayout().blockBoundingRect(after).top(), height) != \
            _page(top, height)
        return room < KEEP_WITH_NEXT or next_page
    return _straddles(top, bottom, height) and bottom - top <= SHORT_BLOCK * height
