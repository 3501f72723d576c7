"""User text never loads anything into the briefing: workbook text holding HTML, `<img src="file:///etc/passwd">`
or markdown images of local files prints as the characters it is, the document is never asked for a resource,
and the PDF holds no picture but the charts."""

from __future__ import annotations

import io
import shutil
import unicodedata
from pathlib import Path

import pypdf
import pytest
from briefing_helpers import ACCOUNT, AS_OF, TODAY
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from immersion.report.chart_images import SCHEME
from immersion.report.content import build_briefing, find_account
from immersion.report.export import export_briefing
from immersion.report.html import briefing_html
from immersion.report.markdown import notes_html
from immersion.report.options import BriefingOptions, Edition
from immersion.report.pdf import BriefingDocument
from immersion.store import edits
from immersion.store.workbook import Workbook

IMG = '<img src="file:///etc/passwd">'
HOSTILE = (f'{IMG} <b>bold?</b> ![passwd](file:///etc/passwd) <link rel="stylesheet" href="file:///etc/passwd"> '
           '<style>@import url(file:///etc/passwd);</style> [link](file:///etc/shadow) {braces} %1')
SECRET = "root:x:0:0"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workbook with hostile text in every field a briefing prints."""
    from immersion.store.demo import write_demo

    path = tmp_path_factory.mktemp("hostile") / "d.immersion"
    write_demo(path, today=TODAY)
    with Workbook.open(path) as wb:
        account = find_account(wb, ACCOUNT)
        assert account is not None
        edits.change(wb, "accounts", account, mutual_purpose=HOSTILE, objectives=HOSTILE)
        for person in edits.rows(wb, "stakeholders", account_id=account):
            edits.change(wb, "stakeholders", person["id"], personal_wins=HOSTILE, notes=HOSTILE,
                         title=f"Chief {IMG}")
        for goal in edits.rows(wb, "goals", account_id=account):
            edits.change(wb, "goals", goal["id"], kpi=HOSTILE)
        for idea in edits.rows(wb, "ideas", account_id=account):
            edits.change(wb, "ideas", idea["id"], description=HOSTILE)
        for insight in edits.rows(wb, "insights", account_id=account):
            edits.change(wb, "insights", insight["id"], text=HOSTILE)
        for action in edits.rows(wb, "action_items", account_id=account):
            edits.change(wb, "action_items", action["id"], text=f"Do it {IMG}")
        for meeting in edits.rows(wb, "meetings", account_id=account):
            edits.change(wb, "meetings", meeting["id"], purpose=HOSTILE, location=IMG,
                         notes=f"## Plan {IMG}\n- ![x](file:///etc/passwd)\n> {HOSTILE}\n| a | {IMG} |")
        first = edits.rows(wb, "goals", account_id=account, order_by="rank")[0]
        edits.change(wb, "goals", first["id"], title=f"Cut waste {IMG}")
    return path


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(unicodedata.normalize("NFKC", p.extract_text()).replace("\t", " ").split())
                    for p in reader.pages)


def _images(data: bytes) -> int:
    count = 0
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for xobject in page["/Resources"].get("/XObject", {}).values():
            count += xobject.get_object()["/Subtype"] == "/Image"
    return count


@pytest.mark.parametrize(("edition", "charts"), [(Edition.INTERNAL, 2), (Edition.CUSTOMER, 0)])
def test_hostile_text_loads_nothing_and_prints_as_text(hostile: Path, tmp_path: Path, qapp: object,
                                                       monkeypatch: pytest.MonkeyPatch, edition: Edition,
                                                       charts: int) -> None:
    asked: list[str] = []
    original = BriefingDocument.loadResource

    def spy(self: BriefingDocument, kind: int, url: QUrl) -> object:
        asked.append(url.toString())
        return original(self, kind, url)

    monkeypatch.setattr(BriefingDocument, "loadResource", spy)
    with Workbook.open(hostile, read_only=True) as wb:
        options = BriefingOptions(find_account(wb, ACCOUNT) or "", edition=edition, as_of=AS_OF)
        result = export_briefing(wb, options, tmp_path / "b.pdf")
    data = (tmp_path / "b.pdf").read_bytes()
    assert asked == [] and result.refused == ()  # nothing was even requested
    assert _images(data) == charts  # the charts, and no other picture
    text = _text(data)
    assert SECRET not in text and SECRET.encode() not in data
    assert IMG in text and "Cut waste" in text  # the markup prints as the characters it is
    assert "<b>bold?</b>" in text or edition is Edition.CUSTOMER


def test_the_html_has_no_picture_but_the_charts(hostile: Path) -> None:
    with Workbook.open(hostile, read_only=True) as wb:
        b = build_briefing(wb, BriefingOptions(find_account(wb, ACCOUNT) or "", as_of=AS_OF))
    html = briefing_html(b)
    assert "<img" not in html and "<link" not in html and "<style" not in html
    assert html.count("&lt;img src=&quot;file:///etc/passwd&quot;&gt;") > 10


def test_the_document_refuses_every_resource_but_its_charts(qapp: object) -> None:
    from PySide6.QtGui import QImage

    from immersion.report.chart_images import ChartImage

    chart = ChartImage("profile", QImage(8, 8, QImage.Format.Format_RGB32), 80, 80)
    doc = BriefingDocument({"profile": chart})
    raw = (f'<img src="{chart.url}"><img src="file:///etc/passwd"><img src="/etc/passwd">'
           '<img src="data:image/png;base64,iVBORw0KGgo="><img src="qrc:/x.png">')
    doc.setHtml(raw)  # as if escaping had failed: the document itself still refuses
    doc.documentLayout().documentSize()
    assert chart.url.startswith(f"{SCHEME}:")
    assert set(doc.refused) >= {"file:///etc/passwd", "data:image/png;base64,iVBORw0KGgo="}
    assert all(not url.startswith(f"{SCHEME}:") for url in doc.refused)
    image = doc.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(chart.url))
    assert isinstance(image, QImage) and image.width() == 8


def test_notes_keep_their_shape_but_never_their_pictures_or_markup() -> None:
    html = notes_html("## Agenda\n- **Bold** point\n1. ![map](file:///etc/passwd) and [site](https://x.test)\n"
                      f"> {IMG}\n| a | b |\n|---|---|\n<script>alert(1)</script>")
    assert "<img" not in html and "<script" not in html and "(file:///etc/passwd)" not in html
    assert "[image: map]" in html and "site" in html and "https://x.test" not in html
    assert "<b>Bold</b>" in html and "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    assert "a · b" in html and "---" not in html


def test_a_copy_of_the_hostile_workbook_still_opens(hostile: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.immersion"
    shutil.copy(hostile, copy)
    with Workbook.open(copy, read_only=True) as wb:
        assert find_account(wb, ACCOUNT) is not None
