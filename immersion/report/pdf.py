"""Printing the briefing: QTextDocument laid out at 96 px to the inch, painted page by page into a QPdfWriter
with a header (the account and a confidentiality mark) and a footer ("Page X of Y").

- Layout: the document is laid out against a fixed 96-dpi paint device, not the screen, so line breaks are the
  same on every machine; the painter is scaled to the PDF's 1200 dpi. Text stays text (selectable, extractable)
  and QPdfWriter embeds the fonts' subsets.
- Safety: `BriefingDocument` holds the charts as resources under the `briefing:` scheme and refuses every other
  resource the HTML could ask for (`file:`, `data:`, relative paths, stylesheets), recording what was refused.
- Determinism: the writer's title, creator, author and document id are set from the options, and the creation
  and modification dates Qt stamps into the file (the current time, in the local zone) are replaced by the
  preparation date in UTC, with the cross-reference offsets moved to match. The same workbook and options
  therefore give identical bytes, whatever the time and the machine's zone.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
    QUuid,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from immersion.report.chart_images import ChartImage
from immersion.report.options import Paper
from immersion.report.page import PageGeometry
from immersion.report.paginate import keep_together

RESOLUTION = 1200  # dots per inch of the PDF's coordinates
LAYOUT_DPI = 96
FAMILIES = ["Source Sans 3", "Source Sans Pro", "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans"]
INK, MUTED, RULE = QColor("#1d2430"), QColor("#5d6673"), QColor("#c9ced6")
_NAMESPACE = uuid.UUID("6f1c2b1e-8d3a-4f53-9a7e-2f0b6a1d9c11")
_LETTER_COUNTRIES = {
    QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
    QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia,
    QLocale.Country.PuertoRico,
}
_PAGE_SIZES = {Paper.A4: QPageSize.PageSizeId.A4, Paper.LETTER: QPageSize.PageSizeId.Letter}


def default_paper(locale: QLocale | None = None) -> Paper:
    """Letter in the United States, Canada and the other countries that use it; A4 everywhere else."""
    locale = locale or QLocale.system()
    imperial = locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    if locale.territory() in _LETTER_COUNTRIES or imperial:
        return Paper.LETTER
    return Paper.A4


class BriefingDocument(QTextDocument):
    """A QTextDocument that shows the briefing's charts and loads nothing else.

    Attributes:
        refused: Every resource the layout asked for and did not get (URLs as text), in order.
    """

    def __init__(self, charts: Mapping[str, ChartImage] | None = None) -> None:
        super().__init__()
        self.refused: list[str] = []
        for chart in (charts or {}).values():
            self.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(chart.url), chart.image)
        # Layout units are 1/96 inch whatever the screen: a fixed device, kept alive as long as the document.
        self._device = QImage(4, 4, QImage.Format.Format_RGB32)
        self._device.setDotsPerMeterX(round(LAYOUT_DPI / 0.0254))
        self._device.setDotsPerMeterY(round(LAYOUT_DPI / 0.0254))
        self.documentLayout().setPaintDevice(self._device)
        self.setDocumentMargin(0)
        self.setUseDesignMetrics(True)
        self.setIndentWidth(18)
        font = QFont()
        font.setFamilies(FAMILIES)
        font.setPointSizeF(8.5)
        self.setDefaultFont(font)

    def loadResource(self, kind: int, url: QUrl) -> Any:
        """Refuse: the charts were added as resources, so Qt asks here only for something else."""
        self.refused.append(url.toString())
        return None


@dataclass(frozen=True)
class PdfInfo:
    """What the PDF says about itself and around its pages.

    Attributes:
        title: The document title (account and meeting).
        author: Who prepared it.
        header: The left part of each page's header (the account and the meeting).
        mark: The confidentiality mark at the right of each header.
        footer: The left part of each page's footer.
        page_text: The translated "Page %1 of %2".
        date: The preparation date, written as the PDF's creation and modification date.
        key: What identifies this briefing (account, meeting, edition…): the document id is derived from it.
        internal: Whether the mark is the internal edition's (printed in amber) or the customer's (in blue).
    """

    title: str
    author: str
    header: str
    mark: str
    footer: str
    page_text: str
    date: dt.date
    key: str
    internal: bool = True


def lay_out(html: str, css: str, charts: Mapping[str, ChartImage], page: PageGeometry) -> BriefingDocument:
    """The briefing's HTML laid out on pages of `page`'s text block, with rows and cards kept together."""
    doc = BriefingDocument(charts)
    doc.setDefaultStyleSheet(css)
    doc.setPageSize(QSizeF(page.content_width, page.content_height))
    doc.setHtml(html)
    keep_together(doc, page.content_height)
    return doc


def print_pdf(doc: QTextDocument, page: PageGeometry, paper: Paper, info: PdfInfo,
              progress: Callable[[int, int], None] | None = None) -> bytes:
    """Paint every page of `doc` with its header and footer into a PDF; returns the file's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_1_6)
    writer.setPageLayout(QPageLayout(QPageSize(_PAGE_SIZES[paper]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    writer.setTitle(info.title)
    writer.setAuthor(info.author)
    writer.setCreator("Immersion")
    writer.setDocumentId(QUuid(str(uuid.uuid5(_NAMESPACE, info.key))))
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("The PDF could not be started.")
    try:
        painter.scale(RESOLUTION / LAYOUT_DPI, RESOLUTION / LAYOUT_DPI)
        # Charts are lettering and flat colour: kept lossless (Flate), not JPEG as Qt would choose.
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
        for number in range(pages):
            if number:
                writer.newPage()
            _paint_page(painter, doc, number, pages, page, info)
            if progress is not None:
                progress(number + 1, pages)
    finally:
        painter.end()
    buffer.close()
    return pin_dates(bytes(data.data()), info.date)


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _paint_page(painter: QPainter, doc: QTextDocument, number: int, pages: int, page: PageGeometry,
                info: PdfInfo) -> None:
    height = page.content_height
    painter.save()
    painter.translate(page.left, page.top - number * height)
    doc.drawContents(painter, QRectF(0, number * height, page.content_width, height))
    painter.restore()

    left, right = page.left, page.width - page.right
    painter.save()
    painter.setPen(QPen(RULE, 0.75))
    painter.drawLine(QPointF(left, 50), QPointF(right, 50))
    painter.drawLine(QPointF(left, page.height - 46), QPointF(right, page.height - 46))
    mark_font = _font(10, bold=True)
    mark_width = QFontMetricsF(mark_font).horizontalAdvance(info.mark)
    painter.setFont(mark_font)
    painter.setPen(QColor("#8a5a0b") if info.internal else QColor("#17406d"))
    painter.drawText(QRectF(right - mark_width - 2, 30, mark_width + 2, 16),
                     int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), info.mark)
    header_font = _font(10)
    painter.setFont(header_font)
    painter.setPen(INK)
    room = right - left - mark_width - 24
    painter.drawText(QRectF(left, 30, room, 16), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     QFontMetricsF(header_font).elidedText(info.header, Qt.TextElideMode.ElideRight, room))
    footer_font = _font(9)
    painter.setFont(footer_font)
    painter.setPen(MUTED)
    counter = info.page_text.replace("%1", str(number + 1)).replace("%2", str(pages))
    painter.drawText(QRectF(left, page.height - 40, right - left, 14),
                     int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), counter)
    room = right - left - QFontMetricsF(footer_font).horizontalAdvance(counter) - 24
    painter.drawText(QRectF(left, page.height - 40, room, 14),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     QFontMetricsF(footer_font).elidedText(info.footer, Qt.TextElideMode.ElideRight, room))
    painter.restore()


_INFO_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]*\)")
_XMP_DATE = re.compile(
    rb'(xmp:(?:CreateDate|ModifyDate|MetadataDate)=")\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)(")')
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")


def pin_dates(pdf: bytes, date: dt.date) -> bytes:
    """Replace the moment Qt wrote into the PDF by midnight UTC of `date`, and fix the byte offsets.

    Qt stamps the current time, in the local zone, into the document information ("D:…Z" in UTC,
    "D:…+01'00'" elsewhere) and into its XMP metadata, and offers no way to set it. Each stamp becomes the
    same UTC form whatever the machine's zone; the XMP stamps keep their length, the document information's
    may not, so the cross-reference table and `startxref` are moved by the difference. A file Qt wrote in some
    other shape is left as it was.
    """
    stamp = date.strftime("%Y%m%d").encode() + b"000000Z"
    moved: list[tuple[int, int]] = []  # (end of a replaced stamp in the original, change in length)
    parts, last = [], 0
    for match in _INFO_DATE.finditer(pdf):
        new = b"/" + match.group(1) + b" (D:" + stamp + b")"
        parts += [pdf[last:match.start()], new]
        moved.append((match.end(), len(new) - (match.end() - match.start())))
        last = match.end()
    pinned = b"".join([*parts, pdf[last:]])
    pinned = _XMP_DATE.sub(lambda m: m.group(1) + date.isoformat().encode() + b"T00:00:00+00:00" + m.group(2),
                           pinned)
    if not any(delta for _end, delta in moved):
        return pinned
    return _move_offsets(pdf, pinned, moved) or pdf


def _move_offsets(original: bytes, pinned: bytes, moved: list[tuple[int, int]]) -> bytes | None:
    """`pinned` with its cross-reference offsets moved past the replaced stamps; None when it has no plain
    cross-reference table (then the caller keeps the original)."""
    def shift(offset: int) -> int:
        return offset + sum(delta for end, delta in moved if end <= offset)

    found = _STARTXREF.search(original)
    if found is None:
        return None
    table = shift(int(found.group(1)))
    if pinned[table:table + 4] != b"xref":
        return None
    head = pinned.index(b"\n", pinned.index(b"\n", table) + 1) + 1  # after "xref" and "0 N"
    count = int(pinned[table:head].split()[2])
    entries = []
    for n in range(count):
        entry = _XREF_ENTRY.match(pinned, head + 20 * n)
        if entry is None:
            return None
        offset = shift(int(entry.group(1))) if entry.group(3) == b"n" else int(entry.group(1))
        entries.append(b"%010d %s %s" % (offset, entry.group(2), entry.group(3)) + pinned[entry.end():
                                                                                         head + 20 * (n + 1)])
    tail = pinned[head + 20 * count:]
    last = _STARTXREF.search(tail)
    if last is None:
        return None
    tail = tail[:last.start(1)] + str(table).encode() + tail[last.end(1):]
    return pinned[:head] + b"".join(entries) + tail
