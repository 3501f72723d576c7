"""Exports to CSV, XLSX and JSON, formula neutralising, and the round trip of a whole workbook through each."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from immersion.store import edits, exporting, search
from immersion.store.exporting import EXPORT_TABLES, ExportError, export_all, export_rows, export_table
from immersion.store.import_report import ImportRefused
from immersion.store.import_restore import read_export, restore_file
from immersion.store.import_source import ImportFileError
from immersion.store.workbook import Workbook

TRICKY = ("=1+1", "+44 7700 900591", "-minus", "@SUM(A1:A2)", "\tTab first", "\rCarriage return", "'=quoted",
          "''+two quotes", "'plain quote", "Ünïcödé — “quotes”, commas; semicolons\nand a second line",
          "bell \x07 and _x000D_ literally")


def tables(wb: Workbook) -> dict[str, list[tuple]]:
    return {t: sorted(tuple(r) for r in wb.conn.execute(f"SELECT * FROM {t}")) for t in EXPORT_TABLES}


def tricky_rows(wb: Workbook) -> None:
    """Stakeholder notes that a spreadsheet would run, and negative numbers that must stay numbers."""
    account = wb.conn.execute("SELECT id FROM accounts ORDER BY name LIMIT 1").fetchone()[0]
    for n, text in enumerate(TRICKY):
        edits.add(wb, "stakeholders", account_id=account, name=f"Tricky {n}", notes=text, phone=text[:20])
    edits.add(wb, "financials", account_id=account, period="2031-Q1", revenue=-1250.5, cost_of_goods=-0.5,
              cost_to_serve=1e-7, other_costs=123456789.123)


@pytest.mark.parametrize("out", ["all.xlsx", "all.json", "all-csv"])
def test_whole_workbook_round_trip_table_by_table(demo: Workbook, tmp_path: Path, out: str) -> None:
    tricky_rows(demo)
    result = export_all(demo, tmp_path / out)
    assert set(result.rows) == set(EXPORT_TABLES) and result.rows["stakeholders"] > 50
    target = Workbook.create(tmp_path / "restored.immersion")
    try:
        report, changes = restore_file(target, tmp_path / out)
        assert report.rejections == [] and report.written
        assert report.added == sum(result.rows.values()) == len(changes.items)
        expected, got = tables(demo), tables(target)
        for table in EXPORT_TABLES:
            assert got[table] == expected[table], table
        assert search.check(target.conn) == []
        assert [h.title for h in search.search(target.conn, "Tricky 0")][:1] == ["Tricky 0"]
        again, more = restore_file(target, tmp_path / out)  # the same file again changes nothing
        assert (again.added, again.updated, again.unchanged, len(more.items)) == (0, 0, report.added, 0)
    finally:
        target.close()


def test_a_restore_can_be_undone_as_one_step(demo: Workbook, tmp_path: Path) -> None:
    export_all(demo, tmp_path / "all.json")
    target = Workbook.create(tmp_path / "restored.immersion")
    try:
        empty = tables(target)
        _, changes = restore_file(target, tmp_path / "all.json")
        edits.undo(target, changes)
        assert tables(target) == empty
    finally:
        target.close()


def test_restore_over_changed_rows_updates_them(demo: Workbook, tmp_path: Path) -> None:
    export_all(demo, tmp_path / "all.xlsx")
    original = tables(demo)
    goal = edits.rows(demo, "goals")[0]
    edits.change(demo, "goals", goal["id"], title="Renamed since the export")
    report, _ = restore_file(demo, tmp_path / "all.xlsx")
    assert (report.added, report.updated) == (0, 1) and report.updates[0].fields[0] == "title"
    assert tables(demo) == original


def test_formula_like_text_is_neutralised_in_csv_and_xlsx_but_numbers_stay_numbers(demo: Workbook,
                                                                                  tmp_path: Path) -> None:
    tricky_rows(demo)
    export_table(demo, "stakeholders", tmp_path / "people.csv")
    raw = (tmp_path / "people.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    notes = {r["name"]: r["notes"] for r in rows if r["name"].startswith("Tricky")}
    assert [notes[f"Tricky {n}"] for n in range(len(TRICKY))] == [
        "'=1+1", "'+44 7700 900591", "'-minus", "'@SUM(A1:A2)", "'\tTab first", "'\rCarriage return",
        "''=quoted", "'''+two quotes", "'plain quote", *TRICKY[-2:]]
    assert all(not cell.startswith(tuple("=+-@\t\r")) for r in rows for cell in r.values())
    export_table(demo, "financials", tmp_path / "money.csv")
    money = next(r for r in csv.DictReader(io.StringIO((tmp_path / "money.csv").read_text("utf-8-sig")))
                 if r["period"] == "2031-Q1")
    assert (money["revenue"], money["cost_of_goods"], money["cost_to_serve"]) == ("-1250.5", "-0.5", "1e-07")

    from openpyxl import load_workbook

    export_all(demo, tmp_path / "all.xlsx")
    book = load_workbook(tmp_path / "all.xlsx")
    sheet = book["stakeholders"]
    header = [c.value for c in sheet[1]]
    cells = [row[header.index("notes")] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)  # not one formula
    assert {c.value for c in cells} >= {"'=1+1", "'+44 7700 900591", "''=quoted"}
    money_sheet = book["financials"]
    header = [c.value for c in money_sheet[1]]
    revenue = [r[header.index("revenue")].value for r in money_sheet.iter_rows(min_row=2)]
    assert -1250.5 in revenue and all(isinstance(v, (int, float)) for v in revenue)  # numbers, not text
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold


def test_json_is_one_object_per_table_and_keeps_types(demo: Workbook, tmp_path: Path) -> None:
    export_all(demo, tmp_path / "all.json")
    document = json.loads((tmp_path / "all.json").read_text("utf-8"))
    assert list(document) == list(EXPORT_TABLES) and "meta" not in document
    person = document["stakeholders"][0]
    assert isinstance(person["influence"], int) and person["notes"] == document["stakeholders"][0]["notes"]
    assert isinstance(document["financials"][0]["revenue"], float)


def test_one_accounts_rows_and_a_filtered_view(demo: Workbook, tmp_path: Path) -> None:
    account = edits.rows(demo, "accounts", order_by="name")[0]
    result = export_table(demo, "goals", tmp_path / "goals.xlsx", account_id=account["id"])
    assert result.rows["goals"] == len(edits.rows(demo, "goals", account_id=account["id"]))
    with pytest.raises(ExportError, match="do not belong to one account"):
        export_table(demo, "idea_goals", tmp_path / "links.csv", account_id=account["id"])
    view = export_rows(tmp_path / "view.csv", ["Title", "Stage", "Mutual value"],
                       [("=cmd|' /C calc'!A0", "adopted", 20), ("Plain", "parked", None)], name="ideas")
    assert view.rows == {"ideas": 2}
    assert (tmp_path / "view.csv").read_text("utf-8-sig").splitlines() == [
        "Title,Stage,Mutual value", "'=cmd|' /C calc'!A0,adopted,20", "Plain,parked,"]
    export_rows(tmp_path / "view.json", ["Title", "Stage"], [("A", "b")], name="ideas")
    assert json.loads((tmp_path / "view.json").read_text("utf-8")) == {"ideas": [{"Title": "A", "Stage": "b"}]}
    with pytest.raises(ValueError, match="row 1 has 1 values for 2 columns"):
        export_rows(tmp_path / "bad.csv", ["a", "b"], [("only one",)])


def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(demo: Workbook, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "people.xlsx"
    target.write_bytes(b"the previous export")

    def broken(tables: object, path: Path) -> None:
        path.write_bytes(b"half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporting, "_xlsx", broken)
    with pytest.raises(ExportError, match="could not be written: No space left on device"):
        export_table(demo, "stakeholders", target)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.immersion", "demo.immersion.lock", "people.xlsx"]
    with pytest.raises(ExportError, match="does not exist"):
        export_table(demo, "stakeholders", tmp_path / "missing" / "people.csv")
    with pytest.raises(ExportError, match="ending in .csv, .xlsx or .json"):
        export_table(demo, "stakeholders", tmp_path / "people.txt")
    with pytest.raises(ExportError, match="no table “meta”"):
        export_table(demo, "meta", tmp_path / "meta.csv")


def test_a_damaged_export_is_refused_whole(demo: Workbook, tmp_path: Path) -> None:
    export_all(demo, tmp_path / "all.json")
    document = json.loads((tmp_path / "all.json").read_text("utf-8"))
    document["stakeholders"][3]["influence"] = 9
    document["stakeholders"][4]["influence"] = "lots"
    document["goals"][0]["account_id"] = "no-such-account"
    (tmp_path / "bad.json").write_text(json.dumps(document), "utf-8")
    target = Workbook.create(tmp_path / "restored.immersion")
    try:
        digest = hashlib.sha256(target.path.read_bytes()).hexdigest()
        with pytest.raises(ImportRefused) as refused:
            restore_file(target, tmp_path / "bad.json")
        assert [(r.row, r.column, r.reason.split(" (")[0]) for r in refused.value.report.rejections] == [
            (5, "stakeholders.influence", "“lots” is not a whole number")]
        document["stakeholders"][4]["influence"] = 2
        (tmp_path / "bad.json").write_text(json.dumps(document), "utf-8")
        report, _ = restore_file(target, tmp_path / "bad.json", dry=True)
        assert [(r.row, r.column, r.reason.split(" (")[0]) for r in report.rejections] == [
            (4, "stakeholders", "a value is not allowed"),
            (1, "goals.account_id", "refers to a row of accounts that is neither in the file nor in the workbook")]
        assert hashlib.sha256(target.path.read_bytes()).hexdigest() == digest
        assert edits.count(target, "accounts") == 0
    finally:
        target.close()


def test_files_that_are_not_whole_workbook_exports(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text("[1, 2]", "utf-8")
    with pytest.raises(ImportFileError, match="not a whole-workbook export"):
        read_export(tmp_path / "list.json")
    (tmp_path / "other.json").write_text('{"customers": []}', "utf-8")
    with pytest.raises(ImportFileError, match="tables a workbook does not have: customers"):
        read_export(tmp_path / "other.json")
    (tmp_path / "people.csv").write_text("a,b\n1,2\n", "utf-8")
    with pytest.raises(ImportFileError, match="an .xlsx or .json file, or a folder"):
        read_export(tmp_path / "people.csv")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ImportFileError, match="none of its files is named after a table"):
        read_export(tmp_path / "empty")
