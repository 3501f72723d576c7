"""Search everywhere: a field in the window's toolbar that searches the whole workbook as you type.

Results are grouped by kind (accounts, goals, people, meetings, insights, ideas), each with its account and a
snippet whose matched words are highlighted (`search_results.py`). Up/Down move through them, Enter or a click
opens the item in its page, Escape closes the list. Queries go through `store.search.find()`, which accepts
anything typed (FTS syntax characters are never an error) and answers in milliseconds even on 50,000
meetings, so it runs on the GUI thread after a short pause in typing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from immersion.texts import TextContext
from immersion.ui.pages import Target

if TYPE_CHECKING:
    from immersion.store.search import Hit
    from immersion.store.workbook import Workbook
    from immersion.ui.search_results import SearchPopup

DEBOUNCE_MS = 120
LIMIT = 40


Search = TextContext("Search")  # texts written Search.tr("…"), as pyside6-lupdate reads them


class SearchBox(QLineEdit):
    """The search field. Needs the open workbook (`set_workbook`) and a way to open what is chosen.

    Signals:
        opened(object): a hit was opened (its Target).
    """

    opened = Signal(object)

    def __init__(self, navigate: Callable[[Target], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._navigate = navigate
        self._workbook: Workbook | None = None
        self.setPlaceholderText(Search.tr("Search the workbook  (Ctrl+K)"))
        self.setAccessibleName(Search.tr("Search the workbook"))
        self.setToolTip(Search.tr("Search accounts, goals, people, meetings, insights and ideas. Words in any order, "
                                  "the start of a word is enough, \"quotes\" for a phrase."))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self._popup: SearchPopup | None = None  # made on the first search: the first window need not wait
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.window().installEventFilter(self)

    @property
    def popup(self) -> SearchPopup:
        if self._popup is None:
            from immersion.ui.search_results import SearchPopup

            self._popup = SearchPopup(self.window())
            self._popup.view.clicked.connect(self._open_index)
        return self._popup

    def _shown(self) -> bool:
        return self._popup is not None and self._popup.isVisible()

    def set_workbook(self, workbook: Workbook | None) -> None:
        self._workbook = workbook
        self.clear()
        self.close_popup()
        self.setEnabled(workbook is not None)

    def focus_search(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip():
            self.run_search()

    def run_search(self) -> None:
        """Search now for the field's text (normally called after a pause in typing)."""
        self._timer.stop()
        text = self.text().strip()
        if self._workbook is None or not text:
            self.close_popup()
            return
        from immersion.store.search import find

        found = find(self._workbook.conn, text, limit=LIMIT)
        self.popup.model.set_hits(found.hits, text)
        if not found.hits:
            self.popup.status.setText(Search.tr("Nothing found for “%1”.").replace("%1", text))
        elif found.ranked:
            self.popup.status.setText(Search.tr("%1 matches, best first.").replace("%1", f"{found.total:,}"))
        else:
            self.popup.status.setText(Search.tr("%1 matches — the newest %2 are shown; add a word to narrow them.")
                                      .replace("%1", f"{found.total:,}").replace("%2", str(len(found.hits))))
        rows = self.popup.model.hit_rows()
        if rows:
            self.popup.view.setCurrentIndex(self.popup.model.index(rows[0]))
        self._place_popup()
        self.popup.show()
        self.popup.raise_()

    def close_popup(self) -> None:
        if self._popup is not None:
            self._popup.hide()

    def current_hit(self) -> Hit | None:
        if self._popup is None:
            return None
        index = self._popup.view.currentIndex()
        return index.data(self._popup.model.HIT_ROLE) if index.isValid() else None

    def _place_popup(self) -> None:
        window = self.window()
        corner = self.mapTo(window, QPoint(0, self.height() + 2))
        width = max(self.width(), 460)
        left = max(4, min(corner.x() + self.width() - width, window.width() - width - 4))
        view = self.popup.view
        content = sum(view.sizeHintForRow(row) for row in range(self.popup.model.rowCount()))
        wanted = content + self.popup.status.sizeHint().height() + 2 * view.frameWidth() + 6
        height = min(window.height() - corner.y() - 12, 520, wanted)
        self.popup.setGeometry(left, corner.y(), width, max(90, height))

    def _move(self, step: int) -> None:
        rows = self.popup.model.hit_rows()
        if not rows:
            return
        current = self.popup.view.currentIndex().row()
        position = rows.index(current) if current in rows else -1
        position = max(0, min(len(rows) - 1, position + step))
        self.popup.view.setCurrentIndex(self.popup.model.index(rows[position]))

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(self.popup.model.HIT_ROLE)
        if hit is not None:
            self.open_hit(hit)

    def open_hit(self, hit: Hit) -> None:
        from immersion.ui.search_results import target_of

        target = target_of(hit)
        self.close_popup()
        self._navigate(target)
        self.opened.emit(target)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        key = event.key()
        if self._shown() and key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._move({Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}[key])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self._shown():
                self.run_search()
            hit = self.current_hit()
            if hit is not None:
                self.open_hit(hit)
            return
        if key == Qt.Key.Key_Escape and self._shown():
            self.close_popup()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window() and event.type() == QEvent.Type.Resize and self._shown():
            self._place_popup()
        return False

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802
        super().focusOutEvent(event)
        # A click in the list takes no focus (NoFocus), so leaving the field means leaving the search.
        QTimer.singleShot(150, self, self._close_unless_focused)

    def _close_unless_focused(self) -> None:
        if not self.hasFocus():
            self.close_popup()

