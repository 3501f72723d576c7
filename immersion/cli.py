"""The `immersion` command: open the app on a workbook, or work on a workbook file from the shell.

    immersion [WORKBOOK] [--demo] [--read-only] [--quit-when-ready] [--smoke-test [--screenshots DIR]]
    immersion demo OUT [--accounts N] [--seed S] [--meetings-per-account M] [--force]
    immersion check WORKBOOK
    immersion search WORKBOOK QUERY [--limit N] [--kind KIND] [--json]
    immersion --version

The plain form and the subcommands share one command: when the first argument names a subcommand, it is one;
otherwise the arguments open the app. Only the app imports Qt, and only after the arguments were checked, so
the file commands start fast and run without a display. Every failure a user can cause ends in one line on
stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from immersion import __version__

if TYPE_CHECKING:
    from immersion.store.search import Hit
    from immersion.store.workbook import Workbook

PROG = "immersion"

# Exit statuses, shared by every command.
EXIT_OK = 0
EXIT_PROBLEMS = 1  # `check` found problems; other commands: the work could not be done
EXIT_UNUSABLE = 2  # the workbook cannot be opened at all; argparse also uses 2 for bad arguments


class CommandError(Exception):
    """A failure the user can act on: printed as one line, exits with `status`."""

    def __init__(self, message: str, status: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.status = status


def open_workbook(path: Path, read_only: bool = True) -> Workbook:
    """The workbook at `path` for a command; one that cannot be opened is a CommandError (EXIT_UNUSABLE)."""
    from immersion.store.errors import WorkbookError
    from immersion.store.workbook import Workbook

    try:
        return Workbook.open(path, read_only=read_only)
    except WorkbookError as error:
        raise CommandError(str(error), EXIT_UNUSABLE) from None


# -- parsers ---------------------------------------------------------------------------------------------------


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=f"{PROG} [WORKBOOK] [options]\n       {PROG} {{demo,check,search,backups,restore,import,export,briefing}} ...",
        description="Immersion: an offline workbook for key-account managers and sales leaders. "
        "Without a workbook, opens the last one used (or, the first time, a demo workbook).",
        epilog="commands:\n"
        f"  {PROG} demo OUT          write a demo workbook\n"
        f"  {PROG} check WORKBOOK    check a workbook's health (exit 0 healthy, 1 problems, 2 unusable)\n"
        f"  {PROG} search WORKBOOK QUERY   full-text search from the shell\n"
        f"  {PROG} backups WORKBOOK  list (or --now take) backups; {PROG} restore WORKBOOK N  restores one\n"
        f"  {PROG} import WORKBOOK TABLE FILE   import CSV/XLSX/JSON; {PROG} export WORKBOOK TABLE|all OUT\n"
        f"  {PROG} briefing WORKBOOK ACCOUNT -o OUT.pdf   a briefing PDF for the account's next meeting\n"
        f"Run '{PROG} COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("workbook", nargs="?", type=Path, metavar="WORKBOOK", help="the *.immersion file to open")
    parser.add_argument("--demo", action="store_true", help="open the demo workbook (created if missing)")
    parser.add_argument("--read-only", action="store_true", help="open without the right to change the workbook")
    parser.add_argument(
        "--quit-when-ready", action="store_true", help="quit as soon as the window shows the portfolio"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="visit every page, then quit; fails on any error or Qt warning",
    )
    parser.add_argument(
        "--screenshots", type=Path, metavar="DIR", help="with --smoke-test: save a PNG of each page into DIR"
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _command_parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[[argparse.Namespace], int]]]:
    parser = argparse.ArgumentParser(prog=PROG)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    demo = sub.add_parser("demo", help="write a demo workbook", description="Write a realistic demo workbook.")
    demo.add_argument("out", type=Path, metavar="OUT", help="the workbook file to write (*.immersion)")
    demo.add_argument(
        "--accounts", type=_positive_int, metavar="N", help="add generated accounts to reach N accounts"
    )
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="seed of the generated accounts (1)")
    demo.add_argument(
        "--meetings-per-account", type=_positive_int, metavar="M", help="meetings of each generated account"
    )
    demo.add_argument("--force", action="store_true", help="replace OUT if it exists")

    check = sub.add_parser(
        "check",
        help="check a workbook's health",
        description="Check a workbook read-only. Exit status: 0 healthy, 1 problems found (listed), "
        "2 the file cannot be opened (reason printed).",
    )
    check.add_argument("workbook", type=Path, metavar="WORKBOOK")

    search = sub.add_parser(
        "search", help="search a workbook", description="Full-text search over a workbook, best matches first."
    )
    search.add_argument("workbook", type=Path, metavar="WORKBOOK")
    search.add_argument("query", metavar="QUERY", help="words to find; \"quoted words\" form a phrase")
    search.add_argument("--limit", type=_positive_int, default=20, metavar="N", help="at most N hits (20)")
    search.add_argument("--kind", metavar="KIND", help="only hits of this kind (goal, meeting, idea, …)")
    search.add_argument("--json", action="store_true", help="print a JSON list of hits")

    backups = sub.add_parser(
        "backups", help="list or take backups of a workbook",
        description="List a workbook's backups, newest first (the last ten are kept), or take one now.",
    )
    backups.add_argument("workbook", type=Path, metavar="WORKBOOK")
    backups.add_argument("--now", action="store_true", help="take a backup now, then list")

    restore = sub.add_parser(
        "restore", help="restore a workbook from a backup",
        description="Replace WORKBOOK with a backup (by its number in `immersion backups`, or a file). The "
        "current state is backed up first, so a restore can itself be undone.",
    )
    restore.add_argument("workbook", type=Path, metavar="WORKBOOK")
    restore.add_argument("backup", metavar="BACKUP", help="a number from `immersion backups`, or a backup file")
    handlers = {"demo": _run_demo, "check": _run_check, "search": _run_search, "backups": _run_backups,
                "restore": _run_restore}
    from immersion.cli_transfer import add_parsers

    handlers.update(add_parsers(sub))
    from immersion.cli_briefing import add_brief_parser
    from immersion.cli_briefing import add_parser as add_briefing

    handlers["briefing"] = add_briefing(sub)
    handlers["brief"] = add_brief_parser(sub)
    return parser, handlers


COMMANDS = ("demo", "check", "search", "backups", "restore", "import", "export", "briefing", "brief")


# -- commands ----------------------------------------------------------------------------------------------------


def _run_demo(args: argparse.Namespace) -> int:
    from immersion.store.demo import write_demo

    out: Path = args.out
    if out.exists() and not args.force:
        raise CommandError(f"“{out}” already exists; add --force to replace it.")
    if not out.parent.is_dir():
        raise CommandError(f"The folder “{out.parent}” does not exist.")
    show_progress = sys.stderr.isatty() and (args.accounts or 0) > 20

    def progress(done: int, total: int) -> None:
        print(f"\rwriting account {done} of {total}", end="" if done < total else "\n", file=sys.stderr,
              flush=True)

    try:
        stats = write_demo(
            out,
            accounts=args.accounts,
            seed=args.seed,
            meetings_per_account=args.meetings_per_account,
            overwrite=args.force,
            progress=progress if show_progress else None,
        )
    except ValueError as error:  # the generator's own limits, e.g. too few meetings per account
        raise CommandError(str(error), 2) from None
    print(f"Wrote {out}: {stats.summary()}")
    return EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    from immersion.store.check import check_workbook
    from immersion.store.errors import WorkbookError

    try:
        report = check_workbook(args.workbook)
    except WorkbookError as error:
        raise CommandError(str(error), EXIT_UNUSABLE) from None
    name = Path(args.workbook).name
    if report.problems:
        count = len(report.problems)
        print(f"{name}: {count} problem{'s' if count != 1 else ''} found")
        for problem in report.problems:
            print(f"  - {problem}")
        return EXIT_PROBLEMS
    accounts = getattr(report, "counts", {}).get("accounts")
    detail = f" ({accounts} account{'s' if accounts != 1 else ''})" if accounts is not None else ""
    print(f"{name}: healthy{detail}")
    return EXIT_OK


def _plain_snippet(snippet: str, start: str, end: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet without marks, and the (start, end) offsets of the marked words in it."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    opened: int | None = None
    for char in snippet:
        if char == start:
            opened = length
        elif char == end:
            if opened is not None:
                spans.append((opened, length))
            opened = None
        else:
            text.append(char)
            length += 1
    return "".join(text), spans


def _hit_json(hit: Hit, start: str, end: str) -> dict[str, Any]:
    snippet, spans = _plain_snippet(hit.snippet, start, end)
    return {
        "kind": hit.kind,
        "id": hit.ref_id,
        "account_id": hit.account_id,
        "account": hit.account_name,
        "title": hit.title,
        "snippet": snippet,
        "highlights": [list(span) for span in spans],
    }


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _run_search(args: argparse.Namespace) -> int:
    from immersion.store import search

    if args.kind is not None and args.kind not in search.KINDS:
        raise CommandError(f"Unknown kind “{args.kind}”; choose one of: {', '.join(search.KINDS)}.", 2)
    workbook = open_workbook(args.workbook)
    try:
        hits = search.search(workbook.conn, args.query, limit=args.limit, kind=args.kind)
    finally:
        workbook.close()
    if args.json:
        json.dump([_hit_json(hit, search.MARK_START, search.MARK_END) for hit in hits], sys.stdout, indent=2,
                  ensure_ascii=False)
        print()
        return EXIT_OK
    if not hits:
        print(f"No matches for “{args.query}”.")
        return EXIT_OK
    width = max(len(hit.kind) for hit in hits)
    for hit in hits:
        where = f"{hit.account_name} — " if hit.account_name else ""
        snippet = _one_line(hit.snippet.replace(search.MARK_START, "[").replace(search.MARK_END, "]"))
        print(f"{hit.kind:<{width}}  {where}{_one_line(hit.title)}")
        if snippet:
            print(f"{'':<{width}}  {snippet}")
    return EXIT_OK


# -- opening the app ---------------------------------------------------------------------------------------------


def _choose_platform(headless: bool) -> None:
    """Headless runs need no screen: without one they use Qt's offscreen platform. A window needs one."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    raise CommandError(
        "There is no screen to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).", EXIT_PROBLEMS
    )


def _run_app(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.screenshots is not None and not args.smoke_test:
        parser.error("--screenshots needs --smoke-test")
    if args.demo and args.workbook is not None:
        parser.error("give a WORKBOOK or --demo, not both")
    if args.workbook is not None:
        # The header check is cheap and plain Python: a file that is missing or not a workbook fails here, before
        # Qt starts. Damage deeper inside is found by the full open in the window.
        from immersion.store.errors import WorkbookError
        from immersion.store.file_header import read_header

        try:
            read_header(args.workbook)
        except WorkbookError as error:
            raise CommandError(str(error), EXIT_UNUSABLE) from None
    if args.screenshots is not None:
        try:
            args.screenshots.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"Cannot create the folder “{args.screenshots}”: {error.strerror or error}.") from None

    _choose_platform(headless=args.smoke_test or args.quit_when_ready)
    # What is imported by now (Qt's wrappers, the app's classes, functions and constants) lives as long as the
    # process. Moved out of the garbage collector's sight, it is not walked again by any later collection nor
    # by the one at exit: about 25 ms off every start and quit, and shorter pauses in a long session.
    import gc

    from immersion.ui.app import LaunchOptions, run

    gc.freeze()
    return run(
        LaunchOptions(
            workbook=args.workbook.absolute() if args.workbook is not None else None,
            demo=args.demo,
            read_only=args.read_only,
            quit_when_ready=args.quit_when_ready,
            smoke_test=args.smoke_test,
            screenshots=args.screenshots.absolute() if args.screenshots is not None else None,
        )
    )


def _run_backups(args: argparse.Namespace) -> int:
    from immersion.store import backups

    workbook = args.workbook.absolute()
    if args.now:
        with open_workbook(workbook) as opened:
            taken = backups.make_backup(opened.conn, workbook, reason="manual")
        print(f"backed up to {taken.path}")
    found = backups.list_backups(workbook)
    if not found:
        print(f"no backups of {workbook.name} yet")
    for number, backup in enumerate(found, start=1):
        print(f"{number:>3}  {backup.label():<38} {backup.size / 1e6:8.1f} MB  {backup.path}")
    return EXIT_OK


def _run_restore(args: argparse.Namespace) -> int:
    from immersion.store import backups

    workbook = args.workbook.absolute()
    if args.backup.isdigit():
        found = backups.list_backups(workbook)
        number = int(args.backup)
        if not 1 <= number <= len(found):
            raise CommandError(f"There is no backup number {number} of “{workbook.name}” "
                               f"({len(found)} backups; see `immersion backups`).")
        source = found[number - 1].path
    else:
        source = Path(args.backup).absolute()
    backups.restore_backup(source, workbook)
    print(f"restored {workbook.name} from {source.name}")
    return EXIT_OK


# -- entry point -------------------------------------------------------------------------------------------------


def fix_qt_hash_seed() -> None:
    """Give Qt's hashes a fixed seed (before Qt is loaded), so that a briefing PDF comes out in the same bytes
    in every process: Qt orders the font objects it writes by hash, and its seed is random per process.

    The random seed guards servers against crafted hash collisions; here it would only make two exports of the
    same briefing differ. A seed the user set (`QT_HASH_SEED`) is kept.
    """
    os.environ.setdefault("QT_HASH_SEED", "0")


def _error(message: str) -> None:
    print(f"{PROG}: error: {_one_line(message)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `immersion` command.

    Args:
        argv: the arguments after the program name; `sys.argv[1:]` when None.

    Returns:
        The process exit status.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    fix_qt_hash_seed()
    try:
        if args_list and args_list[0] in COMMANDS:
            parser, handlers = _command_parser()
            args = parser.parse_args(args_list)
            return handlers[args.command](args)
        parser = _open_parser()
        return _run_app(parser.parse_args(args_list), parser)
    except CommandError as error:
        _error(str(error))
        return error.status
    except SystemExit as exit_:  # argparse: --help, --version and bad arguments
        return exit_.code if isinstance(exit_.code, int) else EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        _error(f"{error.strerror or error}{f': {error.filename}' if error.filename else ''}")
        return EXIT_PROBLEMS
    except Exception as error:
        if os.environ.get("IMMERSION_DEBUG"):
            raise
        from immersion.store.errors import WorkbookError

        if isinstance(error, WorkbookError):
            _error(str(error))
            return EXIT_UNUSABLE
        _error(f"unexpected {type(error).__name__}: {error} (set IMMERSION_DEBUG=1 for details)")
        return EXIT_PROBLEMS
