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


class Scope(StrEnum):
    """What a page is about."""

    PORTFOLIO = "portfolio"  # shown when no account is selected
    ACCOUNT = "account"  # one tab per page above the selected account


@dataclass(frozen=True)
class PageContext:
    """What a page shows: the open workbook, its portfolio and the selected account (None on portfolio pages).

    Pages read through store functions with `workbook`; they never hold a connection themselves.
    """

    workbook: Workbook | None
    portfolio: tuple[AccountSummary, ...] = ()
    account: AccountSummary | None = None


class Page(QWidget):
    """Base class of workspace pages; subclasses fill themselves in `show_context()`."""

    def show_context(self, context: PageContext) -> None:  # pragma: no cover - every page overrides it
        """Show `context`; called when the page becomes visible and whenever its data changes."""
        raise NotImplementedError


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
    """

    name: str
    title: str
    factory: Callable[[QWidget | None], Page]
    scope: Scope
    order: int = 100
    shortcut: str = field(default="")

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


# -- the pages of this version -------------------------------------------------------------------------------------


def _portfolio_page(parent: QWidget | None) -> Page:
    from immersion.ui.portfolio_page import PortfolioPage

    return PortfolioPage(parent)


def _overview_page(parent: QWidget | None) -> Page:
    from immersion.ui.overview_page import OverviewPage

    return OverviewPage(parent)


register(PageSpec("portfolio", QT_TRANSLATE_NOOP("Pages", "Portfolio"), _portfolio_page, Scope.PORTFOLIO, 0))
register(PageSpec("overview", QT_TRANSLATE_NOOP("Pages", "Overview"), _overview_page, Scope.ACCOUNT, 10, "Ctrl+1"))
