"""`immersion import` and `immersion export`, driven through the parsers and handlers `cli_transfer` gives
`immersion.cli` (in-process, with the output captured), and once end to end through `immersion.cli.main` when
the sub-commands are wired in."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from immersion import cli
from immersion.cli_transfer import add_parsers
from immersion.store import edits
from immersion.store.workbook import Workbook

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def demo(demo_copy: Callable[..., Path]) -> Path:
    return demo_copy(dt.date(2026, 11, 28))


def run(*argv: str | Path) -> int:
    """Parse and run one command as `immersion.cli.main` does: a CommandError is one line on stderr."""
    parser = argparse.ArgumentParser(prog="immersion")
    handlers = add_parsers(parser.add_subparsers(dest="command", required=True))
    try:
        args = parser.parse_args([str(a) for a in argv])
        return handlers[args.command](args)
    except cli.CommandError as error:
        cli._error(str(error))
        return error.status
    except SystemExit as exit_:
        return int(exit_.code or 0)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path: Path, table: str) -> int:
    with Workbook.open(path, read_only=True) as workbook:
        return edits.count(workbook, table)


def test_dry_run_prints_the_report_writes_nothing_and_exits_1_for_rejections(demo: Path,
                                                                             capsys: pytest.CaptureFixture) -> None:
    before = digest(demo)
    status = run("import", demo, "stakeholders", DATA / "crm_contacts_salesforce.csv", "--dry-run")
    out = capsys.readouterr().out
    assert status == 1 and digest(demo) == before
    assert "crm_contacts_salesforce.csv: CSV, UTF-8, separated by commas, headings in row 1" in out
    assert "First Name → first_name" in out and "not imported: Contact ID, Mobile" in out
    assert "4 to add, 1 to update, 1 duplicate, 2 rows rejected" in out
    assert "rejected: row 9, column “Last Activity”: bad date “31/02/2026”" in out
    assert "duplicate: row 8 repeats row 3" in out and "dry run: nothing was written" in out


def test_rejected_rows_refuse_the_import_with_one_error_line(demo: Path, capsys: pytest.CaptureFixture) -> None:
    before = digest(demo)
    assert run("import", demo, "stakeholders", DATA / "crm_contacts_salesforce.csv") == 1
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == [
        "immersion: error: 2 rows rejected: nothing was imported (correct them, or add --skip-rejected)."]
    assert "rejected: row 7" in captured.out and digest(demo) == before


def test_import_with_options_and_json_report(demo: Path, capsys: pytest.CaptureFixture) -> None:
    people = count(demo, "stakeholders")
    status = run("import", demo, "stakeholders", DATA / "crm_contacts_salesforce.csv", "--skip-rejected",
                 "--create-accounts", "--map", "Mobile=phone", "--map", "Description=", "--json")
    report = json.loads(capsys.readouterr().out)
    assert status == 0 and report["written"] and report["added"] == 5 and report["new_accounts"] == [
        "Northwind Logistics"]
    assert [r["row"] for r in report["rejected"]] == [9, 9]
    assert count(demo, "stakeholders") == people + 5


def test_import_into_a_named_account_from_xlsx(demo: Path, capsys: pytest.CaptureFixture) -> None:
    status = run("import", demo, "stakeholders", DATA / "stakeholders_report.xlsx", "--account",
                 "rhein-main kliniken", "--skip-rejected")
    out = capsys.readouterr().out
    assert status == 0 and "XLSX, sheet “Stakeholders”, headings in row 4" in out and "3 added" in out


@pytest.mark.parametrize(("argv", "status", "message"), [
    (("stakeholders", "empty.csv"), 1, "“empty.csv” is empty: there is nothing to import."),
    (("stakeholders", "headers_only.csv"), 1, "has column headings but no rows"),
    (("stakeholders", "binary_renamed.csv"), 1, "it looks like a PNG image"),
    (("goals", "stakeholders_report.xlsx"), 1, "Choose the account to import into"),
    (("stakeholders", "crm_contacts_salesforce.csv", "--account", "Umbrella"), 1,
     "There is no single account called “Umbrella”"),
    (("stakeholders", "crm_contacts_salesforce.csv", "--map", "Shoe Size=notes"), 2, "has no column “Shoe Size”"),
    (("stakeholders", "crm_contacts_salesforce.csv", "--map", "Title=shoe_size"), 2, "has no field “shoe_size”"),
    (("stakeholders", "crm_contacts_salesforce.csv", "--map", "Title"), 2, "--map takes COLUMN=FIELD"),
    (("all", "crm_contacts_salesforce.csv", "--account", "x"), 2, "takes no --map, --account"),
])
def test_import_errors_are_one_line(demo: Path, capsys: pytest.CaptureFixture, argv: tuple[str, ...], status: int,
                                    message: str) -> None:
    before = digest(demo)
    table, name, *rest = argv
    assert run("import", demo, table, DATA / name, *rest) == status
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("immersion: error: ") and message in err[0]
    assert digest(demo) == before


def test_missing_workbook_is_status_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert run("import", tmp_path / "nope.immersion", "stakeholders", DATA / "empty.csv") == 2
    assert "does not exist" in capsys.readouterr().err
    assert run("import", tmp_path / "x.immersion", "shoes", DATA / "empty.csv") == 2  # argparse: bad TABLE


@pytest.mark.parametrize("out", ["everything.xlsx", "everything.json", "everything"])
def test_export_all_then_import_all_into_a_new_workbook(demo: Path, tmp_path: Path, out: str,
                                                        capsys: pytest.CaptureFixture) -> None:
    assert run("export", demo, "all", tmp_path / out) == 0
    assert "rows of 21 tables written to" in capsys.readouterr().out
    target = tmp_path / "restored.immersion"
    Workbook.create(target).close()
    assert run("import", target, "all", tmp_path / out, "--dry-run") == 0
    assert "to add" in capsys.readouterr().out and count(target, "accounts") == 0
    assert run("import", target, "all", tmp_path / out) == 0
    assert "stakeholders:" in capsys.readouterr().out
    with Workbook.open(demo, read_only=True) as a, Workbook.open(target, read_only=True) as b:
        for table in ("accounts", "stakeholders", "idea_goals", "investment_goals", "touchpoints"):
            assert sorted(map(tuple, a.conn.execute(f"SELECT * FROM {table}"))) == sorted(
                map(tuple, b.conn.execute(f"SELECT * FROM {table}")))


def test_export_one_table_of_one_account_and_refuse_to_overwrite(demo: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "goals.csv"
    assert run("export", demo, "goals", out, "--account", "Nordwave Telecom") == 0
    assert out.read_text("utf-8-sig").splitlines()[0].startswith("id,account_id,title,")
    assert run("export", demo, "goals", out) == 1
    assert "already exists; add --force" in capsys.readouterr().err
    assert run("export", demo, "goals", out, "--force", "--format", "json") == 0
    assert list(json.loads(out.read_text("utf-8"))) == ["goals"]
    assert run("export", demo, "shoes", tmp_path / "s.csv") == 2
    assert run("export", demo, "goals", tmp_path / "goals.txt") == 2
    assert run("export", demo, "all", tmp_path / "a.xlsx", "--account", "x") == 2


def test_export_works_while_the_app_holds_the_workbook(demo: Path, tmp_path: Path) -> None:
    with Workbook.open(demo):  # another Immersion has it open for editing
        assert run("export", demo, "stakeholders", tmp_path / "people.xlsx") == 0
        assert run("import", demo, "stakeholders", DATA / "contacts_unicode_tab.txt", "--dry-run") == 0
        assert run("import", demo, "stakeholders", DATA / "contacts_unicode_tab.txt") == 2  # locked: not written


@pytest.mark.skipif("import" not in cli.COMMANDS, reason="not yet wired into immersion.cli")
def test_wired_into_the_immersion_command(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["export", str(demo), "financials", str(tmp_path / "f.csv")]) == 0
    assert cli.main(["import", str(demo), "financials", str(tmp_path / "f.csv"), "--dry-run"]) == 0
    assert "0 to add, 0 to update" in capsys.readouterr().out
