"""Property: whatever malformed CSV is fed to an import, it never crashes, never writes part of a file, and every
row of the file is accounted for — added, updated, unchanged, a duplicate, or rejected with a reason."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from immersion.store import edits
from immersion.store.errors import EditError
from immersion.store.import_report import ImportRefused
from immersion.store.import_source import ImportFileError, read_source
from immersion.store.import_values import unneutralise
from immersion.store.importing import ImportOptions, auto_map, dry_run, run_import
from immersion.store.workbook import Workbook

HEADERS = ["Name", "First Name", "Last Name", "Email", "Influence", "Stance", "Last Contact", "Account", "Notes",
           "Phone", "Title", "", "Name", "id", "Reports To"]
# Cells people's files hold: words, numbers in several notations, dates, quotes, delimiters and line breaks.
WORDS = ["Anna Berg", "anna@x.example", "ANNA@X.EXAMPLE", "3", "5", "7", "0", "-2", "4.0", "3,5", "1.000", "high",
         "champion", "Skeptic", "ally", "2026-07-31", "31/02/2026", "07/31/2026", "=1+1", "'=1+1", "@x", "+44 1",
         "Acme", "Nobody Inc", "Bo \"the\" Li", "a,b", "a;b", "line\nbreak", "tab\there", "€ 1.234,50", "", " ", "Zoë"]
cells = st.one_of(st.sampled_from(WORDS), st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8))


@st.composite
def malformed_csv(draw: st.DrawFn) -> tuple[bytes, str]:
    width = draw(st.integers(1, 7))
    header = ["Name", *draw(st.lists(st.sampled_from(HEADERS), min_size=width - 1, max_size=width - 1))]
    header = draw(st.permutations(header))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=width + 2), min_size=1, max_size=12))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    buffer = io.StringIO()
    if draw(st.booleans()):  # written properly by a csv writer …
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"])),
                            quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
        for record in [header, *rows]:
            writer.writerow(record)
    else:  # … or glued together by hand: stray quotes, ragged rows, delimiters inside cells
        for record in [header, *rows]:
            buffer.write(delimiter.join(record) + "\n")
    text = buffer.getvalue()
    if draw(st.booleans()):
        text = draw(st.sampled_from(["", "Report: contacts\n\n", "\ufeff", "\n\n\n"])) + text
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.integers(0, 4)) == 0:  # a few stray bytes: a damaged or binary file
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=6)) + data[cut:]
    return data, delimiter


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("property") / "template.immersion"
    with Workbook.create(path) as workbook:
        edits.add(workbook, "accounts", name="Acme")
        account = edits.rows(workbook, "accounts")[0]["id"]
        edits.add(workbook, "stakeholders", account_id=account, name="Anna Berg", email="anna@x.example")
    return path


def _state(workbook: Workbook) -> tuple[str, list[tuple]]:
    rows = sorted(tuple(r) for r in workbook.conn.execute("SELECT * FROM stakeholders"))
    rows += sorted(tuple(r) for r in workbook.conn.execute("SELECT * FROM accounts"))
    return hashlib.sha256(workbook.path.read_bytes()).hexdigest(), rows


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=malformed_csv(), skip=st.booleans(), default_account=st.sampled_from([True, True, True, False]))
def test_malformed_csv_never_crashes_never_writes_part_and_reports_every_row(
        template: Path, case: tuple[bytes, str], skip: bool, default_account: bool) -> None:
    data, _ = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.immersion"
        shutil.copyfile(template, path)
        source_path = Path(folder) / "people.csv"
        source_path.write_bytes(data)
        with Workbook.open(path) as workbook:
            before = _state(workbook)
            account = edits.rows(workbook, "accounts")[0]["id"] if default_account else None
            try:
                source = read_source(source_path, "stakeholders")
            except ImportFileError as error:
                event("file refused")
                assert str(error).strip() and _state(workbook) == before
                return
            mapping = auto_map("stakeholders", source.columns)
            options = ImportOptions(account_id=account, skip_rejected=skip)
            try:
                planned = dry_run(workbook, source, mapping, options)
            except EditError:
                planned = None
            try:
                result = run_import(workbook, source, mapping, options)
            except (ImportRefused, EditError) as error:
                event(type(error).__name__)
                assert _state(workbook) == before  # nothing of the file was written
                if isinstance(error, ImportRefused):
                    assert error.report.rejections and not skip
                    _check_report(error.report, source, mapping)
                return
            report = result.report
            event("imported" + (" skipping rejected rows" if report.rejections else ""))
            _check_report(report, source, mapping)
            assert planned is not None and planned.rejections == report.rejections  # the dry run said so
            assert (planned.added, planned.updated, planned.duplicates) == (report.added, report.updated,
                                                                            report.duplicates)
            assert skip or not report.rejections
            count = workbook.conn.execute("SELECT count(*) FROM stakeholders").fetchone()[0]
            assert count == 1 + report.added


def _check_report(report, source, mapping) -> None:
    rows = set(source.rows) | {row for row, _ in source.unreadable}
    rejected = report.rejected_rows()
    assert rejected <= rows
    assert all(r.reason for r in report.rejections)
    # every row is exactly one of: added, updated, unchanged, kept, duplicate, rejected
    assert report.added + report.updated + report.unchanged + report.kept + len(report.duplicates) + len(rejected) \
        == report.rows == len(rows)
    assert {d.row for d in report.duplicates}.isdisjoint(rejected)
    influence = mapping.column_of("influence")
    if influence is not None:  # an oracle for one column: words are never a number, 1-5 always are
        for row, cell in zip(source.rows, source.cells(influence), strict=True):
            text = unneutralise(cell).strip()
            reasons = [r for r in report.rejections if r.row == row and r.column == influence]
            if text and not any(ch.isdigit() for ch in text):
                assert row in rejected and reasons, (row, cell)
            if text in ("1", "2", "3", "4", "5"):
                assert not reasons, (row, cell)
