"""The page registry: every page the workspace can show, with its name, title and factory.

A page is a widget that shows one aspect of the portfolio or of the selected account. Later issues add their
pages (Agenda, People, Meetings, Ideas, Investments …) by calling `register()` below; the workspace, its page
tabs and the smoke test (`immersion --smoke-test`) pick them up from here.

Page titles are stored untranslated (marked with `QT_TRANSLATE_NOOP`) and translated when shown, so that the
registry can be filled before a translator is installed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from immersion.store.queries import AccountSummary
    from immersion.store.workbook import Workbook
    from immersion.ui.edit_session import EditSession


class Scope(StrEnum):
    """What a page is about."""

    PORTFOLIO = "portfolio"  # shown when no account is selected
    ACCOUNT = "account"  # one tab per page above the selected account


@dataclass(frozen=True)
class Target:
    """Something to show: a page, optionally of another account, optionally with one item selected.

    Attributes:
        page: the registered page name ("agenda", "relationships" …).
        account_id: the account to select first; None keeps the current selection (or none, for portfolio pages).
        table: the workbook table of the item ("goals", "stakeholders" …), or "".
        row_id: the item's id, or "".
    """

    page: str
    account_id: str | None = None
    table: str = ""
    row_id: str = ""


@dataclass(frozen=True)
class PageContext:
    """What a page shows: the open workbook, its portfolio and the selected account (None on portfolio pages).

    Pages read through store functions with `workbook`; they never hold a connection themselves. They edit
    only through `session` (undoable, one transaction each), which is None for a read-only workbook, and they
    ask to show something elsewhere through `navigate`.
    """

    workbook: Workbook | None
    portfolio: tuple[AccountSummary, ...] = ()
    account: AccountSummary | None = None
    session: EditSession | None = None
    navigate: Callable[[Target], None] | None = None

    def go(self, target: Target) -> None:
        """Ask the window to show `target` (does nothing where no window is attached, e.g. in a unit test)."""
        if self.navigate is not None:
            self.navigate(target)


class Page(QWidget):
    """Base class of workspace pages; subclasses fill themselves in `show_context()`.

    `show_context()` is called when the page becomes visible and whenever the workbook changed while it was
    visible (after any edit, undo or redo anywhere in the app), with the current context.
    """

    def show_context(self, context: PageContext) -> None:  # pragma: no cover - every page overrides it
        """Show `context`; called when the page becomes visible and whenever its data changes."""
        raise NotImplementedError

    def focus_item(self, table: str, row_id: str) -> bool:
        """Select and reveal one item of `table` (after a navigation); returns whether it is on this page."""
        return False

    def flush(self) -> None:
        """Save what the user is still typing (before the workbook closes or the app quits)."""

    def extra_views(self) -> list[tuple[str, Callable[[], None]]]:
        """Other views of this page worth a picture in `--smoke-test` (name suffix, how to show it); the
        default view is shown again afterwards."""
        return []

    def is_busy(self) -> bool:
        """Whether the page is still computing what it shows in the background (e.g. a portfolio table)."""
        return False


@dataclass(frozen=True)
class PageSpec:
    """One registered page.

    Attributes:
        name: a stable identifier, also the screenshot's file name (`overview.png`).
        title: the untranslated title, marked with `QT_TRANSLATE_NOOP("Pages", ...)`.
        factory: builds the page widget; imports its module lazily so startup stays light.
        scope: portfolio or account.
        order: position among the pages of its scope.
        shortcut: an optional key sequence (e.g. "Ctrl+1") for the Go menu.
        scrolls: whether the workspace wraps the page in a scroll area; False for pages that scroll themselves
            (tables, maps), which then fill the workspace.
    """

    name: str
    title: str
    factory: Callable[[QWidget | None], Page]
    scope: Scope
    order: int = 100
    shortcut: str = field(default="")
    scrolls: bool = True

    def display_title(self) -> str:
        return QCoreApplication.translate("Pages", self.title)


_REGISTRY: dict[str, PageSpec] = {}


def register(spec: PageSpec) -> PageSpec:
    """Add (or replace) a page in the registry."""
    _REGISTRY[spec.name] = spec
    return spec


def pages(scope: Scope | None = None) -> list[PageSpec]:
    """Registered pages of `scope` (all when None): portfolio pages first, then by order and name."""
    specs = [spec for spec in _REGISTRY.values() if scope is None or spec.scope == scope]
    return sorted(specs, key=lambda spec: (spec.scope != Scope.PORTFOLIO, spec.order, spec.name))


def page(name: str) -> PageSpec:
    """The page called `name`.

    Raises:
        KeyError: no such page is registered.
    """
    return _REGISTRY[name]


def registered(name: str) -> bool:
    """Whether a page called `name` exists in this version."""
    return name in _REGISTRY


# -- the pages of this version -------------------------------------------------------------------------------------


def _portfolio_page(parent: QWidget | None) -> Page:
    from immersion.ui.portfolio_page import PortfolioPage

    return PortfolioPage(parent)


def _overview_page(parent: QWidget | None) -> Page:
    from immersion.ui.overview_page import OverviewPage

    return OverviewPage(parent)


def _agenda_page(parent: QWidget | None) -> Page:
    from immersion.ui.agenda_page import AgendaPage

    return AgendaPage(parent)


def _relationships_page(parent: QWidget | None) -> Page:
    from immersion.ui.relationship_page import RelationshipPage

    return RelationshipPage(parent)


def _team_page(parent: QWidget | None) -> Page:
    from immersion.ui.catalogue_pages import TeamPage

    return TeamPage(parent)


def _assets_page(parent: QWidget | None) -> Page:
    from immersion.ui.catalogue_pages import AssetsPage

    return AssetsPage(parent)


def _meetings_page(parent: QWidget | None) -> Page:
    from immersion.ui.meetings_page import MeetingsPage

    return MeetingsPage(parent)


def _ideas_page(parent: QWidget | None) -> Page:
    from immersion.ui.ideas_page import IdeasPage

    return IdeasPage(parent)


def _investments_page(parent: QWidget | None) -> Page:
    from immersion.ui.investments_page import InvestmentsPage

    return InvestmentsPage(parent)


def _pnl_page(parent: QWidget | None) -> Page:
    from immersion.ui.pnl_page import PnlPage

    return PnlPage(parent)


def _productivity_page(parent: QWidget | None) -> Page:
    from immersion.ui.productivity_page import ProductivityPage

    return ProductivityPage(parent)


def _alignment_page(parent: QWidget | None) -> Page:
    from immersion.ui.alignment_page import AlignmentPage

    return AlignmentPage(parent)


def _dashboard_page(parent: QWidget | None) -> Page:
    from immersion.ui.dashboard_page import DashboardPage

    return DashboardPage(parent)


register(PageSpec("portfolio", QT_TRANSLATE_NOOP("Pages", "Portfolio"), _portfolio_page, Scope.PORTFOLIO, 0))
register(PageSpec("overview", QT_TRANSLATE_NOOP("Pages", "Overview"), _overview_page, Scope.ACCOUNT, 10, "Ctrl+1"))
register(PageSpec("agenda", QT_TRANSLATE_NOOP("Pages", "Boardroom agenda"), _agenda_page, Scope.ACCOUNT, 20, "Ctrl+2",
                  scrolls=False))
register(PageSpec("relationships", QT_TRANSLATE_NOOP("Pages", "Relationship map"), _relationships_page, Scope.ACCOUNT,
                  30, "Ctrl+3", scrolls=False))
register(PageSpec("team", QT_TRANSLATE_NOOP("Pages", "Team & partners"), _team_page, Scope.PORTFOLIO, 20,
                  scrolls=False))
register(PageSpec("assets", QT_TRANSLATE_NOOP("Pages", "Assets"), _assets_page, Scope.PORTFOLIO, 30, scrolls=False))
register(PageSpec("meetings", QT_TRANSLATE_NOOP("Pages", "Meetings"), _meetings_page, Scope.ACCOUNT, 40, "Ctrl+4",
                  scrolls=False))
register(PageSpec("ideas", QT_TRANSLATE_NOOP("Pages", "Ideas"), _ideas_page, Scope.ACCOUNT, 50, "Ctrl+5",
                  scrolls=False))
register(PageSpec("investments", QT_TRANSLATE_NOOP("Pages", "Investments"), _investments_page, Scope.ACCOUNT, 60,
                  "Ctrl+6", scrolls=False))
register(PageSpec("pnl", QT_TRANSLATE_NOOP("Pages", "P&L"), _pnl_page, Scope.ACCOUNT, 70, "Ctrl+7", scrolls=False))
register(PageSpec("productivity", QT_TRANSLATE_NOOP("Pages", "Financial productivity"), _productivity_page,
                  Scope.PORTFOLIO, 10, scrolls=False))
register(PageSpec("alignment", QT_TRANSLATE_NOOP("Pages", "Alignment"), _alignment_page, Scope.ACCOUNT, 80, "Ctrl+8"))
register(PageSpec("dashboard", QT_TRANSLATE_NOOP("Pages", "Dashboard"), _dashboard_page, Scope.PORTFOLIO, 5,
                  scrolls=False))
