"""The portfolio briefing: one summary page per account (sorted by name), internal edition only.

Each page shows the account's tier and industry, its mutual purpose, the alignment index (or why there is
none), the top three goals of its boardroom agenda, its gaps, open and overdue action items, the next meeting,
the last period's contribution and the money invested this year. It reuses the account briefing's machinery:
the stylesheet, the layout that keeps rows together (`pdf.lay_out`), the printer with its header and "Page X
of Y" footer (`pdf.print_pdf`), the escaping helpers (`format`) and the atomic write (`export.write_file`).
Every workbook string is escaped; the same workbook and `as_of` give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from immersion.domain.effort import agenda_order
from immersion.domain.models import Goal
from immersion.report.content import account_names
from immersion.report.export import write_file
from immersion.report.format import WORDS, Report, day, dots, esc, money, text, word
from immersion.report.html import stylesheet
from immersion.report.html_common import empty, heading, table
from immersion.report.options import Paper
from immersion.report.page import geometry
from immersion.report.pdf import PdfInfo, default_paper, lay_out, print_pdf
from immersion.store import queries
from immersion.store.overview import AccountOverview, account_overview
from immersion.store.workbook import Workbook

TOP_GOALS = 3


@dataclass(frozen=True)
class PortfolioResult:
    """A portfolio briefing written to a file."""

    path: Path
    pages: int
    size: int
    refused: tuple[str, ...]
    accounts: int


def _next_meeting(wb: Workbook, account_id: str, as_of: dt.datetime) -> tuple[str, str] | None:
    """(title, starts_at) of the account's first meeting after `as_of` (not the wall clock: deterministic)."""
    from immersion.store.meetings import next_meeting_after

    return next_meeting_after(wb, account_id, as_of.strftime("%Y-%m-%dT%H:%M"))


def _actions(wb: Workbook, account_id: str, today: dt.date) -> tuple[int, int]:
    from immersion.store.meetings import action_counts

    return action_counts(wb, account_id, today.isoformat())


def _tier(value: str) -> str:
    return word(value) if value in WORDS else esc(value.capitalize())


def _fact(label: str, value: str) -> str:
    return f'<tr><td class="fact-label" width="26%">{esc(label)}</td><td>{value}</td></tr>'


def account_page(wb: Workbook, ov: AccountOverview, as_of: dt.datetime, new_page: bool = False) -> str:
    """One account's summary as HTML (every workbook string escaped); `new_page` starts it on a new page."""
    a, today = ov.account, as_of.date()
    brk = ' style="page-break-before: always"' if new_page else ""
    kicker = esc(Report.tr("PORTFOLIO BRIEFING · INTERNAL"))
    out = [f'<p class="kicker"{brk}>{kicker}</p>', f"<h1>{esc(a.name)}</h1>",
           f'<p class="subtitle">{_tier(a.tier.value)}{" · " + esc(a.industry) if a.industry else ""}</p>']
    if a.mutual_purpose:
        out.append(f'<p class="quote">“{text(a.mutual_purpose)}”</p>')
    al = ov.alignment
    reason = al.reason or Report.tr("undefined")
    index = f"{al.index:.0f} / 100" if al.index is not None else f"— ({esc(reason)})"
    open_actions, overdue = _actions(wb, a.id, today)
    upcoming = _next_meeting(wb, a.id, as_of)
    meeting = f"{esc(upcoming[0])} · {day(upcoming[1])}" if upcoming else esc(Report.tr("none planned"))
    last = ov.last_contribution
    contribution = (f"{money(last.contribution, a.currency)} ({esc(last.period.label)})" if last is not None
                    else esc(Report.tr("no P&L recorded")))
    facts = [
        _fact(Report.tr("ALIGNMENT INDEX"), index),
        _fact(Report.tr("ACTION ITEMS"), esc(Report.tr("%1 open, %2 overdue").replace("%1", str(open_actions))
                                       .replace("%2", str(overdue)))),
        _fact(Report.tr("NEXT MEETING"), meeting),
        _fact(Report.tr("LAST CONTRIBUTION"), contribution),
        _fact(Report.tr("INVESTED IN %1").replace("%1", str(ov.invested_year)),
              money(ov.invested_this_year, a.currency)),
    ]
    out.append(f'<table class="facts" width="100%" cellspacing="0">{"".join(facts)}</table>')
    out.append(heading(Report.tr("Top of the boardroom agenda"), level=2))
    goals = [g for g in agenda_order(queries.load(wb, Goal, account_id=a.id)) if g.status.is_open][:TOP_GOALS]
    if goals:
        head = [("4%", "#", False), ("52%", Report.tr("Goal"), False), ("16%", Report.tr("Category"), False),
                ("13%", Report.tr("Priority"), False), ("15%", Report.tr("Status"), False)]
        rows = [f'<tr><td>{n}</td><td><span class="title">{esc(g.title)}</span></td><td>{word(g.category.value)}</td>'
                f'<td><span class="dots">{dots(g.priority)}</span></td><td>{word(g.status.value)}</td></tr>'
                for n, g in enumerate(goals, 1)]
        out.append(table(head, rows))
    else:
        out.append(empty(Report.tr("No open goals are recorded for this account yet.")))
    out.append(heading(Report.tr("Gaps"), level=2))
    if ov.gaps:
        out.append("<br/>".join(f"•&nbsp;{esc(g.text)}" for g in ov.gaps).join(("<p>", "</p>")))
    else:
        out.append(empty(Report.tr("No gaps found.")))
    return "\n".join(out)


def portfolio_html(wb: Workbook, as_of: dt.datetime) -> tuple[str, int]:
    """The whole portfolio briefing as HTML, one account per page; and the number of accounts."""
    pages = []
    for account_id, _name in account_names(wb):
        ov = account_overview(wb, account_id, today=as_of.date())
        if ov is not None:
            pages.append(account_page(wb, ov, as_of, new_page=bool(pages)))
    if not pages:
        pages.append(empty(Report.tr("The workbook has no accounts yet.")))
    return "<html><body>\n" + "\n".join(pages) + "\n</body></html>", len(pages)


def export_portfolio_briefing(wb: Workbook, path: Path, paper: Paper | None = None,
                              as_of: dt.datetime | None = None) -> PortfolioResult:
    """Write the portfolio briefing (internal edition) to `path`, whole or not at all.

    Raises:
        OSError: the file could not be written.
    """
    paper = paper or default_paper()
    as_of = (as_of or dt.datetime.now()).replace(second=0, microsecond=0)
    html, accounts = portfolio_html(wb, as_of)
    page = geometry(paper)
    doc = lay_out(html, stylesheet(), {}, page)
    subject = Report.tr("Portfolio briefing")
    info = PdfInfo(title=subject, author="", header=f"{subject} · {day(as_of.date())}",
                   mark=Report.tr("Internal — confidential"),
                   footer=Report.tr("Prepared %1").replace("%1", day(as_of.date())),
                   page_text=Report.tr("Page %1 of %2"), date=as_of.date(),
                   key=f"portfolio|{paper.value}|{as_of.isoformat()}", internal=True)
    data = print_pdf(doc, page, paper, info)
    write_file(Path(path), data)
    return PortfolioResult(Path(path), doc.pageCount(), len(data), tuple(doc.refused), accounts)
