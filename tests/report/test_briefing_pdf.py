"""The briefing PDF read back: every section's content for a known account, the customer edition without any
internal field, headers and footers on every page, embedded fonts, crisp charts, paper sizes, rows that never
straddle a page break, and the same bytes for the same workbook and options."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest
from briefing_helpers import ACCOUNT, TODAY, options
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextTable

from immersion.report import paginate
from immersion.report.chart_images import render_charts
from immersion.report.content import build_briefing
from immersion.report.export import export_briefing, render_pdf
from immersion.report.html import briefing_html, stylesheet
from immersion.report.options import Edition, Paper
from immersion.report.page import geometry
from immersion.report.pdf import BriefingDocument, default_paper, lay_out, pin_dates
from immersion.store.workbook import Workbook


def export(demo: Path, out: Path, **values: object) -> bytes:
    with Workbook.open(demo, read_only=True) as book:
        result = export_briefing(book, options(book, **values), out)
    assert result.refused == ()
    return out.read_bytes()


def pages(data: bytes) -> list[str]:
    """Each page's text, NFKC-normalised, tabs and runs of white space as single spaces."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).replace("\t", " ").split())
            for page in reader.pages]


@pytest.fixture(scope="module")
def internal(demo: Path, tmp_path_factory: pytest.TempPathFactory, qapp: object) -> bytes:
    return export(demo, tmp_path_factory.mktemp("pdf") / "internal.pdf")


@pytest.fixture(scope="module")
def customer(demo: Path, tmp_path_factory: pytest.TempPathFactory, qapp: object) -> bytes:
    return export(demo, tmp_path_factory.mktemp("pdf") / "customer.pdf", edition=Edition.CUSTOMER)


SECTIONS = {
    "cover": ["Executive sponsor meeting: three-year partnership", "Thu 26 Nov 2026, 11:00–12:30",
              "M&F Support Centre, Milton Keynes", "Rebecca Thorne", "Helen Marsh",
              "Prepared by Claire Fontaine, Account Director, Strategic Accounts · 20 Nov 2026"],
    "agenda": ["Mutual purpose and boardroom agenda", "the freshest and least wasteful in Britain",
               "Cut food waste 30% by 2028", "Fresh and chilled waste as % of fresh sales"],
    "people": ["People in the room", "be the CFO who made sustainability pay back", "sceptic", "5/5",
               "Send the energy-as-a-service term sheet to Martin Achterberg"],
    "plan": ["Our plan for the meeting", "Do not mention the framework tender; Lorraine owns it."],
    "standing": ["Where we stand", "66 of 100", "Alignment measures how closely our ideas and money follow",
                 "Hannah Okonkwo (influence 4) is a sceptic."],
    "ideas": ["Ideas to discuss", "Overnight excursion early warning for chilled cases", "Mutual value"],
    "finance": ["Investments and P&L", "6,150,000 GBP", "ColdSense pilot hardware, 140 stores", "+69%"],
    "changes": ["What changed since the last meeting", "Since “IGD sustainability summit dinner” on 1 Nov 2026",
                "4 p.m. markdown signal from temperature history — proposed → piloting"],
    "questions": ["Questions to ask", "is this still among your priorities"],
    "coaching": ["Coaching notes", "serves no customer goal — more than 10%"],
    "follow_up": ["Recent insights", "Open action items",
                  "Confirm the framework tender timetable and evaluation criteria"],
}


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_each_section_of_the_internal_edition_is_in_the_pdf(internal: bytes, section: str) -> None:
    text = " ".join(pages(internal))
    missing = [snippet for snippet in SECTIONS[section] if snippet not in text]
    assert missing == []


def test_every_page_has_the_header_and_page_x_of_y(internal: bytes, customer: bytes) -> None:
    for data, mark in ((internal, "Internal — confidential"), (customer, f"Prepared for {ACCOUNT}")):
        texts = pages(data)
        assert len(texts) >= 2
        for number, text in enumerate(texts, start=1):
            assert f"Page {number} of {len(texts)}" in text
            assert mark in text and ACCOUNT in text
            assert "Prepared by Claire Fontaine · 20 Nov 2026" in text


INTERNAL_ONLY = [
    "sceptic", "champion", "detractor", "supporter",  # stances
    "influence", "PERSONAL WINS", "be the CFO who made sustainability pay back",  # influence, personal wins
    "Ex-Tesco", "Our strongest sponsor",  # stakeholder notes
    "Do not mention the framework tender",  # the meeting's internal notes
    "GBP", "6,150,000", "£26m",  # financials and our objectives
    "ColdSense pilot hardware", "Investments and P&L",  # investments
    "Coaching notes", "more than 10%", "plan who sees them next",  # coaching rules
    "(5/5)", "(2/5)",  # coverage strength
    "Where we stand", "Alignment index", "Mutual value",  # scores computed from money and our value
    "Internal — confidential", "overdue",
]


def test_the_customer_edition_contains_none_of_the_internal_fields(customer: bytes) -> None:
    text = " ".join(pages(customer))
    assert [word for word in INTERNAL_ONLY if word.casefold() in text.casefold()] == []
    for snippet in ("Cut food waste 30% by 2028", "Martin Achterberg", "Open commitments",
                    "Overnight excursion early warning for chilled cases"):
        assert snippet in text


def test_the_internal_edition_has_its_two_charts_crisp_and_the_customer_edition_none(internal: bytes,
                                                                                      customer: bytes) -> None:
    def images(data: bytes) -> list[tuple[int, int]]:
        found = []
        for page in pypdf.PdfReader(io.BytesIO(data)).pages:
            for xobject in page["/Resources"].get("/XObject", {}).values():
                xobject = xobject.get_object()
                if xobject["/Subtype"] == "/Image":
                    found.append((int(xobject["/Width"]), int(xobject["/Height"])))
        return found

    charts = images(internal)
    assert len(charts) == 2
    assert all(width >= 2 * geometry(Paper.A4).content_width for width, _height in charts)  # ≥ 2 px per point
    assert images(customer) == []


def test_fonts_are_embedded(internal: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(internal))
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font).get(
                "/FontDescriptor")
            fonts.append(any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts and all(fonts)


def test_the_paper_is_a4_or_letter(demo: Path, tmp_path: Path, qapp: object) -> None:
    letter = pypdf.PdfReader(io.BytesIO(export(demo, tmp_path / "l.pdf", paper=Paper.LETTER,
                                               edition=Edition.CUSTOMER)))
    assert [round(float(v)) for v in letter.pages[0].mediabox] == [0, 0, 612, 792]
    a4 = pypdf.PdfReader(io.BytesIO(export(demo, tmp_path / "a.pdf", edition=Edition.CUSTOMER)))
    assert [round(float(v)) for v in a4.pages[0].mediabox] == [0, 0, 595, 842]


def test_the_default_paper_follows_the_locale() -> None:
    from PySide6.QtCore import QLocale

    assert default_paper(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == Paper.LETTER
    assert default_paper(QLocale(QLocale.Language.French, QLocale.Country.Canada)) == Paper.LETTER
    assert default_paper(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == Paper.A4


def test_the_same_workbook_and_options_give_the_same_bytes(demo: Path, tmp_path: Path, internal: bytes) -> None:
    again = export(demo, tmp_path / "again.pdf")
    assert again == internal
    info = pypdf.PdfReader(io.BytesIO(again)).metadata
    assert info is not None and info["/CreationDate"] == "D:20261120000000Z"
    assert info["/Title"] == f"{ACCOUNT} — Executive sponsor meeting: three-year partnership"


def _objects_where_the_xref_says(data: bytes) -> bool:
    table = int(re.search(rb"startxref\s+(\d+)\s+%%EOF", data).group(1))  # type: ignore[union-attr]
    lines = data[table:].split(b"\n")
    count = int(lines[1].split()[1])
    return all(data[int(lines[2 + n][:10]):].startswith(b"%d 0 obj" % n) for n in range(1, count))


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Kolkata"])
def test_the_dates_qt_stamps_are_pinned_whatever_the_time_zone(zone: str, monkeypatch: pytest.MonkeyPatch,
                                                              qapp: object) -> None:
    import time

    from immersion.report.pdf import PdfInfo, print_pdf

    def printed() -> bytes:
        doc = BriefingDocument()
        doc.setPageSize(QSizeF(geometry(Paper.A4).content_width, geometry(Paper.A4).content_height))
        doc.setHtml("<p>One page.</p>")
        info = PdfInfo("Title", "Author", "Header", "Mark", "Footer", "Page %1 of %2", TODAY, "key")
        return print_pdf(doc, geometry(Paper.A4), Paper.A4, info)

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    in_utc = printed()
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        elsewhere = printed()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert elsewhere == in_utc and _objects_where_the_xref_says(elsewhere)
    assert re.findall(rb"D:(\d{14}Z)", elsewhere) == [b"20261120000000Z"] * 2
    assert elsewhere.count(b"2026-11-20T00:00:00+00:00") == 3


def test_pinning_leaves_a_file_of_another_shape_alone() -> None:
    odd = b"%PDF-1.4\n1 0 obj\n<< /CreationDate (D:20261128021655-05'00') >>\nendobj\ntrailer\n%%EOF\n"
    assert pin_dates(odd, TODAY) == odd  # no cross-reference table to move: better the original than a broken file
    same = b"/CreationDate (D:20261128021655Z)"
    assert pin_dates(same, TODAY) == b"/CreationDate (D:20261120000000Z)"


def _straddling_rows(doc: BriefingDocument, height: float) -> list[tuple[int, int]]:
    doc.documentLayout().documentSize()  # the whole layout, not only what was asked for so far
    found = []
    for n, frame in enumerate(doc.rootFrame().childFrames()):
        if not isinstance(frame, QTextTable):
            continue
        for row in range(frame.rows()):
            top, bottom = paginate._row_extent(doc, frame, row)
            if bottom - top < height and int(top // height) != int((bottom - 0.5) // height):
                found.append((n, row))
    return found


@pytest.mark.parametrize("paper", list(Paper))
def test_no_table_row_or_card_straddles_a_page_break(demo: Path, qapp: object, paper: Paper) -> None:
    with Workbook.open(demo, read_only=True) as book:
        b = build_briefing(book, options(book, paper=paper, meeting=None))
    charts = render_charts(b)
    page = geometry(paper)
    doc = lay_out(briefing_html(b, charts), stylesheet(), charts, page)
    assert doc.pageCount() >= 4
    assert _straddling_rows(doc, page.content_height) == []


def test_long_tables_push_whole_rows_to_the_next_page_under_a_repeated_header(qapp: object) -> None:
    rows = "".join(f"<tr><td>Row {n}</td><td>{'several words of text ' * (4 + n % 12)}</td></tr>" for n in range(80))
    html = f'<table class="list" width="100%"><thead><tr><th>#</th><th>Text</th></tr></thead>{rows}</table>'
    doc = BriefingDocument()
    doc.setDefaultStyleSheet(stylesheet())
    doc.setPageSize(QSizeF(600, 700))
    doc.setHtml(html)
    assert _straddling_rows(doc, 700) != []  # Qt alone splits rows
    assert paginate.keep_together(doc, 700) > 0
    assert _straddling_rows(doc, 700) == []


def test_the_pdf_is_printed_off_the_gui_thread_too(demo: Path, qapp: object, internal: bytes) -> None:
    from PySide6.QtCore import QThread

    with Workbook.open(demo, read_only=True) as book:
        b = build_briefing(book, options(book))
    charts = render_charts(b)
    found: list[bytes] = []

    class Worker(QThread):
        def run(self) -> None:
            found.append(render_pdf(b, charts).data)

    worker = Worker()
    worker.start()
    assert worker.wait(60_000)
    assert found == [internal]
