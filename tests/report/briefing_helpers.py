"""What the briefing tests share: the day the demo workbook is dated from, the moment the briefing is prepared
at, the account it is about, and the options for that account.

The test files here import it as `from briefing_helpers import ...`: this folder has no `__init__.py`, so pytest
puts it on `sys.path` for them (as tests/faults does for `corpus`).
"""

from __future__ import annotations

import datetime as dt

from immersion.report.content import find_account
from immersion.report.options import BriefingOptions
from immersion.store.workbook import Workbook

TODAY = dt.date(2026, 11, 20)
AS_OF = dt.datetime(2026, 11, 20, 9, 0)
ACCOUNT = "Marlowe & Finch Supermarkets"


def options(book: Workbook, **values: object) -> BriefingOptions:
    """Briefing options for ACCOUNT as of AS_OF, with `values` for the rest."""
    account = find_account(book, ACCOUNT)
    assert account is not None
    return BriefingOptions(account, as_of=AS_OF, **values)  # type: ignore[arg-type]
