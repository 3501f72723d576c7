"""Importing rows from real-shaped files: CRM exports, German CSV, report-style XLSX, and files that are not tables.

Every import is checked for what it writes and, where it must write nothing, against a snapshot of every table
and the file's bytes.
"""

from __future__ import annotations

import hashlib
import shutil
import textwrap
from pathlib import Path

import pytest

from immersion.store import edits, importing, search
from immersion.store.column_mapping import auto_map
from immersion.store.errors import EditError
from immersion.store.import_report import ImportCancelled, ImportRefused, ImportReport
from immersion.store.import_source import ImportFileError, read_source
from immersion.store.importing import ImportOptions, dry_run, find_account, import_file, run_import
from immersion.store.workbook import Workbook

DATA = Path(__file__).resolve().parent.parent / "data"
TABLES = ("accounts", "stakeholders", "goals", "ideas", "investments", "financials", "idea_stage_history",
          "search_index")


def snapshot(wb: Workbook) -> dict[str, list[tuple]]:
    return {t: sorted(tuple(r) for r in wb.conn.execute(f"SELECT rowid, * FROM {t}")) for t in TABLES} | {
        "triggers": sorted(r[0] for r in wb.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}


def file_hash(wb: Workbook) -> str:
    return hashlib.sha256(wb.path.read_bytes()).hexdigest()


def person(wb: Workbook, name: str) -> dict | None:
    found = [r for r in edits.rows(wb, "stakeholders") if r["name"] == name]
    assert len(found) <= 1
    return found[0] if found else None


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def table(text: str) -> str:
    """A file's lines typed as an indented block: dedented, with no line break before the first line or after
    the last."""
    return textwrap.dedent(text).strip("\n")


def rejections(report: ImportReport) -> list[tuple[int, str, str]]:
    """Each rejection as (row, column, reason without the details in brackets)."""
    return [(r.row, r.column, r.reason.split(" (")[0]) for r in report.rejections]


# -- a CRM contact export -----------------------------------------------------------------------------------------


def test_crm_contact_export_columns_are_matched_automatically() -> None:
    source = read_source(DATA / "crm_contacts_salesforce.csv", "stakeholders")
    mapping = auto_map("stakeholders", source.columns)
    assert {c: f for c, f in mapping.fields.items() if f} == {
        "First Name": "first_name", "Last Name": "last_name", "Title": "title", "Account Name": "account",
        "Email": "email", "Phone": "phone", "Reports To": "reports_to", "Last Activity": "last_contact",
        "Description": "notes"}
    assert mapping.field_of("Contact ID") is None  # a CRM's id is never taken for ours


def test_crm_dry_run_reports_adds_updates_duplicates_and_every_rejection(demo: Workbook) -> None:
    before, digest = snapshot(demo), file_hash(demo)
    source = read_source(DATA / "crm_contacts_salesforce.csv", "stakeholders")
    report = dry_run(demo, source, auto_map("stakeholders", source.columns))
    assert (report.rows, report.added, report.updated, report.unchanged) == (8, 4, 1, 0)
    assert [(u.row, u.label, u.by, u.fields) for u in report.updates] == [(2, "Rebecca Thorne", "email", ("notes",))]
    assert [(d.row, d.first_row, d.key) for d in report.duplicates] == [
        (8, 3, "email priya.natarajan@marlowefinch.co.uk")]
    assert rejections(report) == [
        (7, "Account Name", "unknown account “Northwind Logistics”"),
        (9, "First Name + Last Name", "missing required field Name"),
        (9, "Last Activity", "bad date “31/02/2026”"),
    ]
    assert [(w.row, w.column) for w in report.warnings] == [(6, "Reports To")]  # "Katrin Weiß" is "Dr. Katrin Weiß"
    assert not report.written
    assert snapshot(demo) == before and file_hash(demo) == digest


def test_rejected_rows_refuse_the_whole_import(demo: Workbook) -> None:
    before, digest = snapshot(demo), file_hash(demo)
    with pytest.raises(ImportRefused) as refused:
        import_file(demo, DATA / "crm_contacts_salesforce.csv", "stakeholders")
    assert refused.value.report.rejected_rows() == {7, 9}
    assert "nothing was imported" in str(refused.value)
    assert snapshot(demo) == before and file_hash(demo) == digest


def test_crm_import_skipping_rejected_rows_links_managers_and_undoes_as_one_step(demo: Workbook) -> None:
    before = snapshot(demo)
    result = import_file(demo, DATA / "crm_contacts_salesforce.csv", "stakeholders",
                         ImportOptions(skip_rejected=True), record=True)
    assert result.report.written and result.report.summary() == "4 added, 1 updated, 1 duplicate, 2 rows rejected"
    rebecca, priya, tom = person(demo, "Rebecca Thorne"), person(demo, "Priya Natarajan"), person(demo, "Tom Okafor")
    assert rebecca["notes"] == "Met twice at industry dinners."
    assert priya["reports_to_id"] == rebecca["id"] and tom["reports_to_id"] == priya["id"]
    assert priya["last_contact"] == "2026-11-02" and priya["title"] == "Head of Store Energy"
    assert tom["notes"] == '=HYPERLINK("http://example.com","click me")'  # formula-like text is just text here
    assert person(demo, "Jonas Albrecht")["reports_to_id"] is None  # the warning said so
    assert person(demo, "Dr. Katrin Weiß")["account_id"] == find_account(demo, "rhein-main  kliniken")
    assert person(demo, "Sam Lee") is None
    assert search.check(demo.conn) == []
    assert [h.title for h in search.search(demo.conn, "Natarajan")] == ["Priya Natarajan"]
    assert result.changes.tables() == {"stakeholders"} and len(result.changes.items) == 5
    stored = {r["id"]: r for r in edits.rows(demo, "stakeholders")}
    for change in result.changes.items:  # what undo and redo replay is exactly what is in the file
        assert change.after == stored[change.row_id]
    edits.undo(demo, result.changes)
    assert snapshot(demo) | {"search_index": []} == before | {"search_index": []}
    assert search.check(demo.conn) == []


def test_dry_run_and_import_report_the_same(demo: Workbook) -> None:
    source = read_source(DATA / "crm_contacts_salesforce.csv", "stakeholders")
    mapping = auto_map("stakeholders", source.columns)
    options = ImportOptions(skip_rejected=True)
    planned = dry_run(demo, source, mapping, options).to_json()
    done = run_import(demo, source, mapping, options).report.to_json()
    new_ids = {u["id"] for u in done["updates"]}
    assert {**planned, "written": True} == done and new_ids == {u["id"] for u in planned["updates"]}


def test_the_user_can_change_any_mapping_before_importing(demo: Workbook) -> None:
    source = read_source(DATA / "crm_contacts_salesforce.csv", "stakeholders")
    mapping = auto_map("stakeholders", source.columns)
    mapping.set("Mobile", "phone")  # takes the field from "Phone", which is then not imported
    mapping.set("Description", None)
    mapping.set("Mailing City", "personal_wins")
    assert mapping.field_of("Phone") is None
    run_import(demo, source, mapping, ImportOptions(skip_rejected=True))
    priya = person(demo, "Priya Natarajan")
    assert (priya["phone"], priya["notes"], priya["personal_wins"]) == ("+44 7700 900432", None, "Leeds")
    assert person(demo, "Rebecca Thorne")["notes"] != "Met twice at industry dinners."
    with pytest.raises(KeyError):
        mapping.set("Mobile", "shoe_size")


def test_create_accounts_makes_the_missing_account(demo: Workbook) -> None:
    result = import_file(demo, DATA / "crm_contacts_salesforce.csv", "stakeholders",
                         ImportOptions(skip_rejected=True, create_accounts=True))
    assert result.report.new_accounts == ["Northwind Logistics"]
    assert person(demo, "Sam Lee")["account_id"] == find_account(demo, "Northwind Logistics")


# -- German CSV, spreadsheet with a title, UTF-16 text ------------------------------------------------------------


def test_semicolon_latin1_csv_with_decimal_commas(demo: Workbook) -> None:
    source = read_source(DATA / "financials_de_latin1.csv", "financials")
    assert (source.encoding, source.delimiter) == ("Windows-1252", ";")
    mapping = auto_map("financials", source.columns)
    assert set(mapping.fields.values()) == {"account", "period", "revenue", "cost_of_goods", "cost_to_serve",
                                            "other_costs"}
    report = dry_run(demo, source, mapping, ImportOptions(create_accounts=True))
    assert report.new_accounts == ["Bäckerei Müller & Söhne"]
    assert rejections(report) == [
        (6, "Periode", "bad period “2025-Q5”"), (7, "Umsatz", "“viel” is not a number")]
    run_import(demo, source, mapping, ImportOptions(create_accounts=True, skip_rejected=True))
    account = find_account(demo, "bäckerei müller & söhne")
    rows = {r["period"]: r for r in edits.rows(demo, "financials", account_id=account)}
    assert sorted(rows) == ["2025-07", "2025-Q1", "2025-Q2", "2025-Q3"]
    assert (rows["2025-Q1"]["revenue"], rows["2025-Q1"]["cost_of_goods"], rows["2025-Q1"]["other_costs"]) == (
        1234567.89, 740740.73, 12345.0)
    assert (rows["2025-Q2"]["other_costs"], rows["2025-Q3"]["revenue"], rows["2025-Q3"]["cost_of_goods"]) == (
        13000.0, 1280400.0, 770000.5)
    again = import_file(demo, DATA / "financials_de_latin1.csv", "financials", ImportOptions(skip_rejected=True))
    assert (again.report.added, again.report.updated, again.report.unchanged) == (0, 0, 4)


def test_xlsx_with_a_title_above_the_table(demo: Workbook) -> None:
    source = read_source(DATA / "stakeholders_report.xlsx", "stakeholders")
    assert (source.sheet, source.header_row, source.rows) == ("Stakeholders", 4, [5, 6, 7, 9])  # footer left out
    account = find_account(demo, "Rhein-Main Kliniken")
    report = dry_run(demo, source, auto_map("stakeholders", source.columns), ImportOptions(account_id=account))
    assert [(r.row, r.column, r.reason.split(" (")[0].split(":")[0]) for r in report.rejections] == [
        (9, "Influence", "7 is out of range"), (9, "Last Contact", "bad date “bald”"),
        (9, "Stance", "unknown stance “ally”")]
    import_file(demo, DATA / "stakeholders_report.xlsx", "stakeholders",
                ImportOptions(account_id=account, skip_rejected=True))
    katrin, jonas, mehmet = (person(demo, n) for n in ("Dr. Katrin Weiß", "Jonas Albrecht", "Mehmet Yilmaz"))
    assert (katrin["influence"], katrin["stance"], katrin["buying_role"], katrin["last_contact"]) == (
        5, "champion", "economic buyer", "2026-09-30")
    assert (jonas["influence"], jonas["buying_role"], mehmet["stance"]) == (4, "technical buyer", "sceptic")
    assert all(p["account_id"] == account for p in (katrin, jonas, mehmet))


def test_utf16_tab_separated_text_from_excel(demo: Workbook) -> None:
    result = import_file(demo, DATA / "contacts_unicode_tab.txt", "stakeholders")
    assert result.report.added == 2
    lukasz = person(demo, "Łukasz Nowak")
    assert lukasz["account_id"] == find_account(demo, "Nordwave Telecom") and lukasz["title"] == "Head of Networks"


# -- files that are not tables ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "message"), [
    ("empty.csv", "“empty.csv” is empty: there is nothing to import."),
    ("headers_only.csv", "“headers_only.csv” has column headings but no rows: there is nothing to import."),
    ("binary_renamed.csv", "“binary_renamed.csv” is not a CSV or Excel file: it looks like a PNG image."),
])
def test_files_without_rows_are_refused_with_a_clear_message(demo: Workbook, name: str, message: str) -> None:
    before, digest = snapshot(demo), file_hash(demo)
    with pytest.raises(ImportFileError) as error:
        import_file(demo, DATA / name, "stakeholders")
    assert str(error.value) == message
    assert snapshot(demo) == before and file_hash(demo) == digest


@pytest.mark.parametrize(("content", "message"), [
    (bytes(range(256)) * 8, "holds binary data, not text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "old Excel (.xls)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"1 0 obj" * 20, "looks like a PDF document"),
    (b"PK\x03\x04garbage" + b"\x00" * 100, "damaged ZIP or Excel file"),
    (b"\n\n  \r\n", "is empty"),
])
def test_binary_files_renamed_to_csv(demo: Workbook, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes(content)
    digest = file_hash(demo)
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_file(demo, path, "stakeholders")
    assert file_hash(demo) == digest


def test_missing_file_and_folder(demo: Workbook, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="does not exist"):
        read_source(tmp_path / "nowhere.csv")
    with pytest.raises(ImportFileError, match="is a folder"):
        read_source(tmp_path)


def test_an_xlsx_file_named_csv_is_read_as_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    shutil.copyfile(DATA / "stakeholders_report.xlsx", path)
    assert read_source(path, "stakeholders").kind == "xlsx"


# -- matching existing rows ---------------------------------------------------------------------------------------


def test_matching_by_email_else_by_name_within_the_account(demo: Workbook, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", "\n".join([
        "Name,Email,Account,Title",
        "Olivia Grant,,Marlowe & Finch Supermarkets,Retail Director",  # no email: matches by name
        "OLIVIA GRANT,olivia.g@elsewhere.example,Marlowe & Finch Supermarkets,Namesake",  # another email: new
        "Olivia  Grant,,Rhein-Main Kliniken,Other account",  # same name, other account: new
        "Someone Else,Martin.Achterberg@MarloweFinch.co.uk,Marlowe & Finch Supermarkets,CFO",  # email wins
    ]))
    report = import_file(demo, path, "stakeholders").report
    assert (report.added, report.updated) == (2, 2)
    assert [(u.row, u.label, u.by) for u in report.updates] == [
        (2, "Olivia Grant", "name"), (5, "Martin Achterberg", "email")]
    martin = [r for r in edits.rows(demo, "stakeholders") if r["email"] == "martin.achterberg@marlowefinch.co.uk"]
    assert martin[0]["name"] == "Someone Else" and martin[0]["title"] == "CFO"


def test_keep_existing_rows_leaves_them_alone(demo: Workbook, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", "Name,Account,Title\nOlivia Grant,Marlowe & Finch Supermarkets,X\n")
    title = person(demo, "Olivia Grant")["title"]
    report = import_file(demo, path, "stakeholders", ImportOptions(on_existing="skip")).report
    assert (report.kept, report.updated) == (1, 0) and person(demo, "Olivia Grant")["title"] == title


def test_empty_cells_never_clear_values(demo: Workbook, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv",
                 "Email,Account,Title,Phone\nrebecca.thorne@marlowefinch.co.uk,Marlowe & Finch Supermarkets,,\n")
    old = person(demo, "Rebecca Thorne")
    report = import_file(demo, path, "stakeholders").report
    assert (report.unchanged, report.unfed) == (1, ["Name"])
    assert person(demo, "Rebecca Thorne") == old


def test_an_account_is_needed_for_account_tables(demo: Workbook, tmp_path: Path) -> None:
    path = write(tmp_path / "goals.csv", "Title,Category\nGrow,strategic\n")
    with pytest.raises(EditError, match="Choose the account to import into"):
        import_file(demo, path, "goals")


# -- goals, ideas, investments, accounts ---------------------------------------------------------------------------


def test_goals_join_the_end_of_the_agenda(demo: Workbook, tmp_path: Path) -> None:
    account = find_account(demo, "Castellan Components")
    last = max(r["rank"] for r in edits.rows(demo, "goals", account_id=account))
    path = write(tmp_path / "goals.csv", table("""
        Goal;Category;Priority;Status;Horizon
        Halve scrap in the Brno plant;Strategic;5;Confirmed;medium
        Win back the Tier-1 seating business;competitive;4;;
        Keep the works council on side;tribal;3;;
        Lower working capital;financial;high;;
        ;financial;2;;
    """))
    with pytest.raises(ImportRefused) as refused:
        import_file(demo, path, "goals", ImportOptions(account_id=account))
    assert rejections(refused.value.report) == [
        (4, "Category", "unknown category “tribal”"), (5, "Priority", "“high” is not a number"),
        (6, "Goal", "missing required field Title")]
    import_file(demo, path, "goals", ImportOptions(account_id=account, skip_rejected=True))
    new = {r["title"]: r for r in edits.rows(demo, "goals", account_id=account) if r["rank"] > last}
    assert {t: (r["rank"], r["category"], r["status"]) for t, r in new.items()} == {
        "Halve scrap in the Brno plant": (last + 1, "strategic", "confirmed"),
        "Win back the Tier-1 seating business": (last + 2, "competitive", "unconfirmed")}


def test_ideas_get_a_board_place_and_a_first_history_row(demo: Workbook, tmp_path: Path) -> None:
    account = find_account(demo, "Banca Adriatica")
    path = write(tmp_path / "ideas.csv", table("""
        Idea,Stage,Customer value,Our value,Estimated revenue
        Branch energy dashboard,Co_Creating,4,3,"120,000"
        Solar car ports,brainstorm,3,3,
    """))
    report = import_file(demo, path, "ideas", ImportOptions(account_id=account, skip_rejected=True)).report
    assert [(r.row, r.reason.split(" (")[0]) for r in report.rejections] == [(3, "unknown stage “brainstorm”")]
    idea = next(r for r in edits.rows(demo, "ideas", account_id=account) if r["title"] == "Branch energy dashboard")
    assert (idea["stage"], idea["estimated_revenue"], idea["customer_value"]) == ("co-creating", 120000.0, 4)
    column = [r["board_order"] for r in edits.rows(demo, "ideas", account_id=account, stage="co-creating")]
    assert idea["board_order"] == max(column)
    history = edits.rows(demo, "idea_stage_history", idea_id=idea["id"])
    assert [(h["from_stage"], h["to_stage"]) for h in history] == [(None, "co-creating")]


def test_investments_take_their_account_currency(demo: Workbook, tmp_path: Path) -> None:
    path = write(tmp_path / "spend.csv", table("""
        Account,Investment,Type,Status,Amount,Quarter
        Marlowe & Finch Supermarkets,Store energy audit,service,committed,"£12,500",Q1 2027
        Marlowe & Finch Supermarkets,Joint trade show,co-marketing,planned,-300,2027-Q2
        Marlowe & Finch Supermarkets,Loyalty app pilot,pilot,planned,40000,sometime
    """))
    report = import_file(demo, path, "investments", ImportOptions(skip_rejected=True)).report
    assert rejections(report) == [
        (3, "Amount", "-300 must not be negative"), (4, "Quarter", "bad period “sometime”")]
    audit = next(r for r in edits.rows(demo, "investments") if r["name"] == "Store energy audit")
    assert (audit["amount"], audit["currency"], audit["period"], audit["kind"]) == (12500.0, "GBP", "2027-Q1", "service")


def test_accounts_from_a_crm_account_export(demo: Workbook, tmp_path: Path) -> None:
    path = write(tmp_path / "accounts.csv", table("""
        Account Name,Industry,Account Owner,Tier,Account Currency,Type
        Northwind Logistics,Logistics,Claire Fontaine,growth,eur,Customer - Direct
        Rhein-Main Kliniken,Hospitals,Nobody Known,,,Customer - Channel
        Fabrikam Foods,Food,,platinum,EURO,Prospect
    """), encoding="utf-8-sig")
    report = import_file(demo, path, "accounts", ImportOptions(skip_rejected=True)).report
    assert (report.added, report.updated) == (1, 1)
    assert [(r.row, r.column) for r in report.rejections] == [(4, "Account Currency"), (4, "Tier")]
    assert [(w.row, w.column) for w in report.warnings] == [(3, "Account Owner")]
    northwind = next(r for r in edits.rows(demo, "accounts") if r["name"] == "Northwind Logistics")
    claire = next(r for r in edits.rows(demo, "team_members") if r["name"] == "Claire Fontaine")
    assert (northwind["tier"], northwind["currency"], northwind["owner_id"]) == ("growth", "EUR", claire["id"])


# -- neutralised cells, atomicity --------------------------------------------------------------------------------


def test_neutralising_quotes_are_taken_off(demo: Workbook, tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", table("""
        Name,Account,Notes,Phone
        A,Nordwave Telecom,'=SUM(A1),'+47 22 33 44 55
        B,Nordwave Telecom,''=kept one quote,'plain
        C,Nordwave Telecom,'-5,
    """))
    import_file(demo, path, "stakeholders")
    found = {r["name"]: (r["notes"], r["phone"]) for r in edits.rows(demo, "stakeholders") if r["name"] in "ABC"}
    assert found == {"A": ("=SUM(A1)", "+47 22 33 44 55"), "B": ("'=kept one quote", "'plain"), "C": ("-5", None)}


def test_cancelling_during_the_write_leaves_the_workbook_as_it_was(demo: Workbook, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["Name,Email,Account,Notes"] + [f"P{n},p{n}@x.example,Nordwave Telecom,note {n}" for n in range(300)]
    path = write(tmp_path / "many.csv", "\n".join(lines))
    monkeypatch.setattr(importing, "_CHUNK", 50)
    before, digest = snapshot(demo), file_hash(demo)
    seen: list[tuple[str, int]] = []

    def progress(phase: str, done: int, total: int) -> None:
        seen.append((phase, done))
        if phase == "write" and done >= 150:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_file(demo, path, "stakeholders", progress=progress)
    assert ("write", 100) in seen
    assert snapshot(demo) == before and file_hash(demo) == digest
    assert search.is_intact(demo.conn)


def test_a_failure_while_writing_rolls_everything_back(demo: Workbook, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "p.csv", "Name,Account\nA,Nordwave Telecom\nB,Nordwave Telecom\n")
    before, digest = snapshot(demo), file_hash(demo)

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(importing, "_write", lambda conn, plan, progress, record: (
        conn.executemany(f"INSERT INTO {plan.table} ({', '.join(plan.columns)}) VALUES "
                         f"({', '.join('?' * len(plan.columns))})", plan.inserts[:1]), broken()))
    with pytest.raises(OSError):
        import_file(demo, path, "stakeholders")
    assert snapshot(demo) == before and file_hash(demo) == digest


def test_a_read_only_workbook_can_be_dry_run_but_not_imported(demo: Workbook) -> None:
    path = demo.path
    demo.close()
    with Workbook.open(path, read_only=True) as read_only:
        report = import_file(read_only, DATA / "contacts_unicode_tab.txt", "stakeholders", dry=True).report
        assert report.added == 2
        from immersion.store.errors import WorkbookReadOnly

        with pytest.raises(WorkbookReadOnly):
            import_file(read_only, DATA / "contacts_unicode_tab.txt", "stakeholders")


# -- a table exported and imported again ---------------------------------------------------------------------------


def test_single_tables_come_back_whole_through_csv_and_xlsx(demo: Workbook, tmp_path: Path) -> None:
    from immersion.store.exporting import export_table
    from immersion.store.import_restore import restore_file

    target = Workbook.create(tmp_path / "new.immersion")
    try:
        export_table(demo, "team_members", tmp_path / "team.json")  # accounts refer to their owners
        restore_file(target, tmp_path / "team.json")
        for fmt in ("csv", "xlsx"):
            for table in ("accounts", "stakeholders", "financials"):
                export_table(demo, table, tmp_path / f"{table}.{fmt}")
                result = import_file(target, tmp_path / f"{table}.{fmt}", table)
                assert result.report.rejections == []
                got = sorted(tuple(r) for r in target.conn.execute(f"SELECT * FROM {table}"))
                assert got == sorted(tuple(r) for r in demo.conn.execute(f"SELECT * FROM {table}")), (fmt, table)
        for table in ("goals", "ideas", "investments"):  # back into the workbook they came from: nothing changes
            export_table(demo, table, tmp_path / f"{table}.csv")
            report = import_file(demo, tmp_path / f"{table}.csv", table).report
            assert (report.added, report.updated, report.rejections) == (0, 0, [])
    finally:
        target.close()
