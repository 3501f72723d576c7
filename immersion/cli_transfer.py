"""The `import` and `export` sub-commands of `immersion`: moving rows between a workbook and CSV, XLSX or JSON.

    immersion import WORKBOOK TABLE FILE [--account NAME] [--dry-run] [--json] [--map COLUMN=FIELD]...
                     [--sheet NAME] [--skip-rejected] [--keep-existing] [--create-accounts]
    immersion export WORKBOOK TABLE|all OUT [--format csv|xlsx|json] [--account NAME] [--force]

TABLE for import is accounts, stakeholders, goals, ideas, investments or financials, or `all` for a
whole-workbook export (XLSX, JSON or a folder of CSV files). `immersion.cli` adds these parsers with
`add_parsers()` and calls the handlers it returns. Exit status: 0 done; 1 rows were rejected (nothing was
imported) or the work could not be done; 2 the workbook cannot be opened or the arguments are wrong. A dry run
exits 1 when the import would be refused, so scripts can check a file first.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Through the module, not its names: immersion.cli may import this module while it is itself being imported.
from immersion import cli as _cli

if TYPE_CHECKING:
    from immersion.store.import_report import ImportReport
    from immersion.store.workbook import Workbook

IMPORT_TABLES = ("accounts", "stakeholders", "goals", "ideas", "investments", "financials", "all")
SHOWN_LINES = 50


def add_parsers(subparsers: Any) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add `import` and `export` to the command parser's sub-parsers; returns their handlers by name."""
    imp = subparsers.add_parser(
        "import", help="import rows from CSV, XLSX or JSON",
        description="Import rows from a CSV, XLSX or JSON file into a table of the workbook, all or nothing. "
        "Columns are matched to fields by name (CRM exports included); --map changes a match. Rows are added, "
        "or update the row they match (by id, email or name within the account). With `all`, FILE is a "
        "whole-workbook export and every table comes back, ids kept.")
    imp.add_argument("workbook", type=Path, metavar="WORKBOOK")
    imp.add_argument("table", choices=IMPORT_TABLES, metavar="TABLE",
                     help=f"one of: {', '.join(IMPORT_TABLES)}")
    imp.add_argument("file", type=Path, metavar="FILE", help="the CSV, XLSX or JSON file (a folder for `all` as CSV)")
    imp.add_argument("--account", metavar="NAME", help="the account rows go to when the file does not name one")
    imp.add_argument("--dry-run", action="store_true", help="report what would happen; write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                     help="import COLUMN as FIELD (FIELD empty: do not import COLUMN); may be repeated")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet of an XLSX file to read")
    imp.add_argument("--skip-rejected", action="store_true", help="import the good rows when some are rejected")
    imp.add_argument("--keep-existing", action="store_true", help="leave rows the file matches unchanged")
    imp.add_argument("--create-accounts", action="store_true",
                     help="create accounts the file names that the workbook does not have")

    exp = subparsers.add_parser(
        "export", help="export tables to CSV, XLSX or JSON",
        description="Export a table, or the whole workbook (`all`), to CSV, XLSX (one sheet per table) or JSON "
        "(one key per table). `all` as CSV writes a folder with one file per table. Text a spreadsheet would run "
        "as a formula is prefixed with a quote; `immersion import` takes it off again.")
    exp.add_argument("workbook", type=Path, metavar="WORKBOOK")
    exp.add_argument("table", metavar="TABLE", help="a table of the workbook, or `all`")
    exp.add_argument("out", type=Path, metavar="OUT", help="the file to write (*.csv, *.xlsx, *.json) or a folder")
    exp.add_argument("--format", choices=("csv", "xlsx", "json"), help="the format (default: from OUT's suffix)")
    exp.add_argument("--account", metavar="NAME", help="only this account's rows (tables of accounts)")
    exp.add_argument("--force", action="store_true", help="replace OUT if it exists")
    return {"import": run_import, "export": run_export}


# -- import ------------------------------------------------------------------------------------------------------


def _account(workbook: Workbook, name: str | None) -> str | None:
    if name is None:
        return None
    from immersion.store.importing import account_names, find_account

    found = find_account(workbook, name)
    if found is None:
        known = ", ".join(n for _, n in account_names(workbook)[:8]) or "none"
        raise _cli.CommandError(f"There is no single account called “{name}” in {workbook.path.name} (accounts: {known}).")
    return found


def _columns(pairs: list[str]) -> dict[str, str | None]:
    columns: dict[str, str | None] = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        if not sep or not column.strip():
            raise _cli.CommandError(f"--map takes COLUMN=FIELD, not “{pair}”.", _cli.EXIT_UNUSABLE)
        columns[column.strip()] = field.strip() or None
    return columns


def run_import(args: argparse.Namespace) -> int:
    from immersion.store.errors import EditError
    from immersion.store.import_report import ImportRefused
    from immersion.store.import_source import ImportFileError

    if args.table == "all" and (args.map or args.account or args.sheet or args.create_accounts or args.skip_rejected
                                or args.keep_existing):
        raise _cli.CommandError("`import … all` restores a whole-workbook export as it is; it takes no --map, "
                           "--account, --sheet or row options.", _cli.EXIT_UNUSABLE)
    workbook = _cli.open_workbook(args.workbook, read_only=args.dry_run)
    try:
        try:
            report = _restore(workbook, args) if args.table == "all" else _import_table(workbook, args)
        except ImportRefused as refused:
            _print(refused.report, args, Path(args.file), dry=args.dry_run)
            rows = len(refused.report.rejected_rows())
            raise _cli.CommandError(f"{rows} row{'s' if rows != 1 else ''} rejected: nothing was imported "
                               f"(correct {'them' if rows != 1 else 'it'}, or add --skip-rejected).") from None
        except (ImportFileError, EditError) as error:
            raise _cli.CommandError(str(error)) from None
    finally:
        workbook.close()
    _print(report, args, Path(args.file), dry=args.dry_run)
    if args.dry_run and report.rejections and not args.skip_rejected:
        return _cli.EXIT_PROBLEMS
    return _cli.EXIT_OK


def _import_table(workbook: Workbook, args: argparse.Namespace) -> ImportReport:
    from immersion.store import importing
    from immersion.store.column_mapping import auto_map

    options = importing.ImportOptions(
        account_id=_account(workbook, args.account), on_existing="skip" if args.keep_existing else "update",
        skip_rejected=args.skip_rejected, create_accounts=args.create_accounts)
    source = importing.read_source(args.file, args.table, args.sheet)
    mapping = auto_map(args.table, source.columns)
    for column, field in _columns(args.map).items():
        if column not in mapping.columns:
            raise _cli.CommandError(f"“{args.file.name}” has no column “{column}” (it has: {', '.join(source.columns)}).",
                               _cli.EXIT_UNUSABLE)
        try:
            mapping.set(column, field)
        except KeyError:
            from immersion.store.column_mapping import fields

            names = ", ".join(f.name for f in fields(args.table))
            raise _cli.CommandError(f"{args.table} has no field “{field}” (fields: {names}).", _cli.EXIT_UNUSABLE) from None
    if not args.json:
        print(f"{args.file.name}: {source.describe()}")
        mapped = [f"{c} → {f.name}" for c, f in mapping.mapped()]
        skipped = [c for c in mapping.columns if mapping.field_of(c) is None]
        print(f"columns: {', '.join(mapped) or 'none'}")
        if skipped:
            print(f"not imported: {', '.join(skipped)}")
    if args.dry_run:
        return importing.dry_run(workbook, source, mapping, options)
    return importing.run_import(workbook, source, mapping, options, record=False).report


def _restore(workbook: Workbook, args: argparse.Namespace) -> ImportReport:
    from immersion.store.import_restore import restore_file

    report, _ = restore_file(workbook, args.file, dry=args.dry_run, record=False)
    return report


def _print(report: ImportReport, args: argparse.Namespace, file: Path, dry: bool) -> None:
    if args.json:
        json.dump(report.to_json(), sys.stdout, indent=2, ensure_ascii=False)
        print()
        return
    print(report.summary())
    for table, (added, updated, same) in report.per_table.items():
        if added or updated:
            print(f"  {table}: {added} {'to add' if dry else 'added'}, {updated} {'to update' if dry else 'updated'}"
                  f"{f', {same} unchanged' if same else ''}")
    if report.unfed:
        print(f"no column for: {', '.join(report.unfed)} (rows missing them can only update existing rows)")
    for line in report.lines(limit=SHOWN_LINES):
        print(f"  {line}")
    if dry:
        print("dry run: nothing was written")
    elif report.written:
        print(f"imported into {Path(args.workbook).name}")


# -- export ------------------------------------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    from immersion.store import exporting

    table, out = args.table, args.out
    if table != "all" and table not in exporting.EXPORT_TABLES:
        raise _cli.CommandError(f"Unknown table “{table}”; choose all or one of: {', '.join(exporting.EXPORT_TABLES)}.",
                           _cli.EXIT_UNUSABLE)
    try:
        fmt = args.format or exporting.format_for(out, whole=table == "all")
    except exporting.ExportError as error:
        raise _cli.CommandError(str(error), _cli.EXIT_UNUSABLE) from None
    if table == "all" and args.account:
        raise _cli.CommandError("--account exports one table of one account; the whole workbook has no such filter.",
                           _cli.EXIT_UNUSABLE)
    folder = table == "all" and fmt == "csv"
    if out.exists() and not args.force and not (folder and out.is_dir() and not any(out.iterdir())):
        raise _cli.CommandError(f"“{out}” already exists; add --force to replace it.")
    workbook = _cli.open_workbook(args.workbook)
    try:
        try:
            if table == "all":
                result = exporting.export_all(workbook, out, fmt)
            else:
                result = exporting.export_table(workbook, table, out, fmt, _account(workbook, args.account))
        except exporting.ExportError as error:
            raise _cli.CommandError(str(error)) from None
    finally:
        workbook.close()
    print(result.summary())
    return _cli.EXIT_OK
