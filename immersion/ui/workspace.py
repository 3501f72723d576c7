"""The workspace: the right-hand side of the window, showing one registered page at a time.

With no workbook it shows a welcome panel; with no account selected, the portfolio page; with an account, a
header (name, tier, industry), a tab per account page and the current page. Pages are built on first use and
refreshed when they become visible, so an account switch only redraws the page the user looks at.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from immersion.ui import pages as registry
from immersion.ui.pages import Page, PageContext, PageSpec, Scope
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption, Heading, TierBadge


class WelcomePanel(QWidget):
    """What the workspace shows when no workbook is open: what to do next, as buttons."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN * 2, MARGIN * 2, MARGIN * 2, MARGIN * 2)
        layout.addStretch(1)
        heading = Heading(self.tr("No workbook is open"), 1.6, self)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = Caption(self.tr("A workbook holds your portfolio of accounts. Create one, open one, or explore "
                               "the demo portfolio."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for action in actions:
            button = QPushButton(action.text().replace("&", ""), self)
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)


class AccountHeader(QWidget):
    """The selected account's name with its tier badge and industry, above the account pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = Heading("", 1.7, self)
        self.name.setWordWrap(False)  # wrapped, a label next to the badge asks for too little width
        self.badge = TierBadge(self)
        self.industry = Caption("", self)
        line = QHBoxLayout()
        line.setSpacing(12)
        line.addWidget(self.name)
        line.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 6, MARGIN, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.industry)

    def show_account(self, name: str, tier: str, industry: str | None) -> None:
        self.name.setText(name)
        self.badge.set_tier(tier)
        self.industry.setText(industry or self.tr("Industry not recorded"))


class Workspace(QWidget):
    """Shows the page registry's pages for the portfolio or the selected account.

    Args:
        welcome_actions: actions offered as buttons when no workbook is open (New, Open, Demo).

    Signals:
        page_changed(str): the name of the page now shown ("" for the welcome panel).
    """

    page_changed = Signal(str)

    def __init__(self, welcome_actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._pages: dict[str, Page] = {}
        self._scrollers: dict[str, QWidget] = {}  # what the stack shows for each page
        self._stale: set[str] = set()
        self._account_page = ""
        self._portfolio_page = ""
        self._current = ""

        self.header = AccountHeader(self)
        self.tabs = QTabBar(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(self._tab_changed)
        tab_row = QHBoxLayout()
        tab_row.setContentsMargins(MARGIN - 8, 8, MARGIN, 0)
        tab_row.addWidget(self.tabs)
        tab_row.addStretch(1)
        self.rule = QFrame(self)
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.stack = QStackedWidget(self)
        self._welcome_actions = list(welcome_actions)
        self.welcome: WelcomePanel | None = None  # built when first needed: a workbook usually opens at once

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(tab_row)
        layout.addWidget(self.rule)
        layout.addWidget(self.stack, 1)
        self._tab_specs: list[PageSpec] = []
        self._show_chrome(False)

    # -- public --------------------------------------------------------------------------------------------------

    @property
    def context(self) -> PageContext:
        return self._context

    def current_page_name(self) -> str:
        return self._current

    def flush(self) -> None:
        """Let every built page save what the user is still typing."""
        for page in self._pages.values():
            page.flush()

    def page_widget(self, name: str) -> Page | None:
        """The page called `name` if it has been built."""
        return self._pages.get(name)

    def set_context(self, context: PageContext) -> None:
        """Show `context`: the welcome panel, the portfolio page, or the account's current page."""
        self._context = context
        self._stale = set(self._pages)
        if context.workbook is None:
            self._show_tabs([])
            self._show_chrome(False)
            if self.welcome is None:
                self.welcome = WelcomePanel(self._welcome_actions, self.stack)
                self.stack.addWidget(self.welcome)
            self.stack.setCurrentWidget(self.welcome)
            self._set_current("")
            return
        if context.account is None:
            portfolio = registry.pages(Scope.PORTFOLIO)
            self._show_tabs(portfolio if len(portfolio) > 1 else [])
            self._show_chrome(False)
            names = [spec.name for spec in portfolio]
            self.show_page(self._portfolio_page if self._portfolio_page in names else names[0])
            return
        account = context.account
        self.header.show_account(account.name, account.tier, account.industry)
        self._show_tabs(registry.pages(Scope.ACCOUNT))
        self._show_chrome(True)
        names = [spec.name for spec in self._tab_specs]
        self.show_page(self._account_page if self._account_page in names else names[0])

    def show_page(self, name: str) -> Page:
        """Bring page `name` to the front (building it if needed) and refresh it if its data changed.

        Raises:
            KeyError: no page of that name is registered.
        """
        spec = registry.page(name)
        page = self._pages.get(name)
        if page is None:
            page = spec.factory(None)
            page.setObjectName(f"page-{name}")
            holder: QWidget = page
            if spec.scrolls:
                scroller = QScrollArea(self.stack)
                scroller.setFrameShape(QFrame.Shape.NoFrame)
                scroller.setWidgetResizable(True)
                scroller.setWidget(page)
                holder = scroller
            self.stack.addWidget(holder)
            self._pages[name] = page
            self._scrollers[name] = holder
            self._stale.add(name)
        if spec.scope == Scope.ACCOUNT:
            self._account_page = name
        else:
            self._portfolio_page = name
        if name in self._stale:
            self._stale.discard(name)
            page.show_context(self._context)
        self.stack.setCurrentWidget(self._scrollers[name])
        self._sync_tab(name)
        self._set_current(name)
        return page

    # -- internals -----------------------------------------------------------------------------------------------

    def _show_chrome(self, account: bool) -> None:
        self.header.setVisible(account)
        visible_tabs = bool(self._tab_specs)
        self.tabs.setVisible(visible_tabs)
        self.rule.setVisible(visible_tabs)

    def _show_tabs(self, specs: list[PageSpec]) -> None:
        if [spec.name for spec in specs] == [spec.name for spec in self._tab_specs]:
            return
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for spec in specs:
            index = self.tabs.addTab(spec.display_title().replace("&", "&&"))  # "Team & partners", no mnemonic
            if spec.shortcut:
                self.tabs.setTabToolTip(index, f"{spec.display_title()} ({spec.shortcut})")
        self.tabs.blockSignals(False)
        self._tab_specs = list(specs)

    def _sync_tab(self, name: str) -> None:
        names = [spec.name for spec in self._tab_specs]
        if name in names and self.tabs.currentIndex() != names.index(name):
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(names.index(name))
            self.tabs.blockSignals(False)

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._tab_specs):
            self.show_page(self._tab_specs[index].name)

    def _set_current(self, name: str) -> None:
        if name != self._current:
            self._current = name
            self.page_changed.emit(name)
