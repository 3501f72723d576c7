"""The `briefing` sub-command of `immersion`: a briefing PDF for an account's next (or a chosen) meeting.

    immersion briefing WORKBOOK ACCOUNT [--meeting ID|TITLE|next|none] [--edition internal|customer]
                       [--paper a4|letter] [--prepared-by NAME] [--as-of DATE] -o OUT.pdf [--force]

ACCOUNT is a name (any case) or an id. The PDF is written whole or not at all. The same workbook and options
(with `--as-of` fixed) give the same bytes. `immersion.cli` adds the parser with `add_parser()` and calls the
handler it returns. Exit status: 0 written; 1 the work could not be done (unknown account or meeting, an output
path that cannot be written); 2 the workbook cannot be opened or the arguments are wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Through the module, not its names: immersion.cli may import this module while it is itself being imported.
from immersion import cli as _cli

if TYPE_CHECKING:
    from immersion.store.workbook import Workbook

SECTION_NAMES = ("agenda", "people", "plan", "standing", "ideas", "finance", "changes", "questions", "coaching",
                 "follow_up")


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date such as 2026-11-20 (or 2026-11-20T09:00), got {text!r}"
                                         ) from None
    return moment.replace(tzinfo=None, second=0, microsecond=0)


def add_parser(subparsers: Any) -> Callable[[argparse.Namespace], int]:
    """Add `briefing` to the command parser's sub-parsers; returns its handler."""
    brief = subparsers.add_parser(
        "briefing", help="write a briefing PDF for an account's next meeting",
        description="Write a briefing PDF for an account: its boardroom agenda, the people in the room, where we "
        "stand, ideas, money, what changed and what to ask. The customer edition leaves out everything internal "
        "(stances, influence, personal wins, notes, money, coaching) and can be sent to the customer.")
    brief.add_argument("workbook", type=Path, metavar="WORKBOOK")
    brief.add_argument("account", metavar="ACCOUNT", help="the account's name (any case) or id")
    brief.add_argument("--meeting", default="next", metavar="ID|TITLE|next|none",
                       help="the meeting to prepare: its id or title, `next` (the default: the next upcoming "
                       "meeting) or `none` for an account briefing")
    brief.add_argument("--edition", choices=("internal", "customer"), default="internal",
                       help="internal (the default) or customer-safe")
    brief.add_argument("--paper", choices=("a4", "letter"), help="the paper size (default: from the locale)")
    brief.add_argument("--prepared-by", metavar="NAME", help="who the briefing says prepared it "
                       "(default: the account owner)")
    brief.add_argument("--as-of", type=_moment, metavar="DATE", help="prepare it as of this date or time "
                       "(default: now); fixes what is upcoming and overdue, and the date printed")
    brief.add_argument("--sections", metavar="LIST", help=f"only these sections, comma-separated: "
                       f"{', '.join(SECTION_NAMES)}")
    brief.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf", help="the PDF to write")
    brief.add_argument("--force", action="store_true", help="replace OUT.pdf if it exists")
    return run_briefing


def _check_output(out: Path, force: bool) -> None:
    """Refuse an output path that cannot be written before any work is done."""
    if out.is_dir():
        raise _cli.CommandError(f"“{out}” is a folder; give the PDF's file name.")
    if out.exists() and not force:
        raise _cli.CommandError(f"“{out}” already exists; add --force to replace it.")
    folder = out.parent
    if not folder.is_dir():
        raise _cli.CommandError(f"The folder “{folder}” does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise _cli.CommandError(f"Cannot write to “{out}”: permission denied.")


def _account(workbook: Workbook, name: str) -> str:
    from immersion.report.content import account_names, find_account

    found = find_account(workbook, name)
    if found is None:
        names = [n for _, n in account_names(workbook)]
        known = ", ".join(names[:8]) + (", …" if len(names) > 8 else "") if names else "none"
        raise _cli.CommandError(f"There is no single account called “{name}” in {workbook.path.name} "
                                f"(accounts: {known}).")
    return found


def _meeting(workbook: Workbook, account_id: str, wanted: str, as_of: dt.datetime) -> str | None:
    from immersion.report.content import account_meetings
    from immersion.report.options import NEXT_MEETING

    if wanted.casefold() == "none":
        return None
    if wanted.casefold() == NEXT_MEETING:
        return NEXT_MEETING
    meetings = account_meetings(workbook, account_id, as_of)
    key = " ".join(wanted.split()).casefold()
    exact = [m for m in meetings if m.id == wanted or " ".join(m.title.split()).casefold() == key]
    found = exact or [m for m in meetings if key in m.title.casefold()]
    if len(found) == 1:
        return found[0].id
    listed = "; ".join(f"{m.starts_at[:10]} {m.title}" for m in meetings[:6]) or "none"
    what = "several meetings match" if found else "no meeting matches"
    raise _cli.CommandError(f"For “{wanted}”, {what} (meetings: {listed}).")


def _sections(text: str | None) -> frozenset[Any]:
    from immersion.report.options import ALL_SECTIONS, Section

    if not text:
        return ALL_SECTIONS
    names = [part.strip().replace("-", "_") for part in text.split(",") if part.strip()]
    unknown = [n for n in names if n not in SECTION_NAMES]
    if unknown:
        raise _cli.CommandError(f"Unknown section “{unknown[0]}”; choose from: {', '.join(SECTION_NAMES)}.",
                                _cli.EXIT_UNUSABLE)
    return frozenset(Section(n) for n in names)


def _application() -> Any:
    """The QApplication the charts need; offscreen when there is no screen (the briefing never shows a window)."""
    if not (os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin")
            or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([_cli.PROG])


def run_briefing(args: argparse.Namespace) -> int:
    """Write the briefing the arguments describe; one line on success, `CommandError` on failure."""
    out: Path = args.output
    _check_output(out, args.force)
    sections = _sections(args.sections)
    as_of = args.as_of or dt.datetime.now().replace(second=0, microsecond=0)
    workbook = _cli.open_workbook(args.workbook)
    try:
        account = _account(workbook, args.account)
        meeting = _meeting(workbook, account, args.meeting, as_of)
        app = _application()  # noqa: F841 - kept alive while the charts are drawn
        from immersion.report.content import BriefingError
        from immersion.report.export import export_briefing
        from immersion.report.options import BriefingOptions, Edition, Paper
        from immersion.report.pdf import default_paper

        options = BriefingOptions(
            account_id=account, meeting=meeting, edition=Edition(args.edition),
            paper=Paper(args.paper) if args.paper else default_paper(), sections=sections, as_of=as_of,
            prepared_by=args.prepared_by)
        try:
            result = export_briefing(workbook, options, out)
        except BriefingError as error:
            raise _cli.CommandError(str(error)) from None
        except OSError as error:
            raise _cli.CommandError(f"Cannot write “{out}”: {error.strerror or error}.") from None
    finally:
        workbook.close()
    b = result.briefing
    subject = b.meeting.title if b.meeting else "account briefing"
    edition = "internal edition" if b.internal else "customer edition"
    print(f"Wrote {out}: {b.account_name} — {subject}; {result.pages} page{'s' if result.pages != 1 else ''}, "
          f"{edition}, {options.paper.value.upper() if options.paper.value == 'a4' else 'Letter'} "
          f"({result.size / 1024:.0f} KB).")
    return _cli.EXIT_OK


def run_portfolio(args: argparse.Namespace) -> int:
    """Write the portfolio briefing (one summary page per account); one line on success."""
    out: Path = args.output
    _check_output(out, args.force)
    workbook = _cli.open_workbook(args.workbook)
    try:
        app = _application()  # noqa: F841 - the document layout needs a QGuiApplication
        from immersion.report.options import Paper
        from immersion.report.pdf import default_paper
        from immersion.report.portfolio import export_portfolio_briefing

        paper = Paper(args.paper) if args.paper else default_paper()
        try:
            result = export_portfolio_briefing(workbook, out, paper=paper, as_of=args.as_of)
        except OSError as error:
            raise _cli.CommandError(f"Cannot write “{out}”: {error.strerror or error}.") from None
    finally:
        workbook.close()
    print(f"Wrote {out}: portfolio briefing of {result.accounts} account{'s' if result.accounts != 1 else ''}; "
          f"{result.pages} page{'s' if result.pages != 1 else ''}, internal edition ({result.size / 1024:.0f} KB).")
    return _cli.EXIT_OK


def add_brief_parser(subparsers: Any) -> Callable[[argparse.Namespace], int]:
    """`immersion brief WORKBOOK --account NAME [--meeting TITLE] [--customer-safe] [--paper …] -o OUT.pdf`:
    the same briefing with the account as an option, as the product's documentation first named it; or
    `immersion brief WORKBOOK --portfolio [--paper …] -o OUT.pdf`: one summary page per account."""
    brief = subparsers.add_parser(
        "brief", help="the same as `briefing`, with --account and --customer-safe",
        description="Write a briefing PDF for an account's next meeting (see `immersion briefing --help`).")
    brief.add_argument("workbook", type=Path, metavar="WORKBOOK")
    brief.add_argument("--account", metavar="NAME", help="the account's name (any case) or id")
    brief.add_argument("--portfolio", action="store_true",
                       help="instead of one account's briefing, one summary page per account (internal)")
    brief.add_argument("--meeting", default="next", metavar="TITLE",
                       help="the meeting to prepare (its title or id; default: the next upcoming one)")
    brief.add_argument("--customer-safe", action="store_true", help="the edition that can be sent to the customer")
    brief.add_argument("--paper", choices=("a4", "letter"), help="the paper size (default: from the locale)")
    brief.add_argument("--as-of", type=_moment, metavar="DATE", help="prepare it as of this date or time")
    brief.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf", help="the PDF to write")
    brief.add_argument("--force", action="store_true", help="replace OUT.pdf if it exists")

    def run(args: argparse.Namespace) -> int:
        if bool(args.account) == bool(args.portfolio):
            raise _cli.CommandError("Give either --account NAME or --portfolio (exactly one of them).",
                                    _cli.EXIT_UNUSABLE)
        if args.portfolio:
            return run_portfolio(args)
        args.edition = "customer" if args.customer_safe else "internal"
        args.prepared_by = None
        args.sections = None
        return run_briefing(args)

    return run
