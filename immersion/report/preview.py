"""Page images of a briefing for the export dialog's preview, drawn the way the PDF prints them.

The same HTML, stylesheet and page geometry are laid out with `pdf.lay_out`, and each page is painted with the
PDF's own header and footer painter into a QImage at a low resolution. Safe on a worker thread (the charts must
be drawn already, on the GUI thread); QtPdf is not needed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from immersion.report.chart_images import ChartImage
from immersion.report.export import pdf_info
from immersion.report.html import briefing_html, stylesheet
from immersion.report.model import Briefing
from immersion.report.page import geometry
from immersion.report.pdf import LAYOUT_DPI, _paint_page, lay_out

PREVIEW_DPI = 60
MAX_PAGES = 12


@dataclass(frozen=True)
class PagePreview:
    """The first pages of a briefing as images, and how many pages the whole briefing has."""

    images: tuple[QImage, ...]
    pages: int


def render_pages(b: Briefing, charts: Mapping[str, ChartImage], dpi: int = PREVIEW_DPI, limit: int = MAX_PAGES,
                 progress: Callable[[int, int], None] | None = None) -> PagePreview:
    """Lay the briefing out as the PDF does and paint its first `limit` pages at `dpi` dots to the inch."""
    page = geometry(b.options.paper)
    doc = lay_out(briefing_html(b, charts), stylesheet(), charts, page)
    info = pdf_info(b)
    pages = doc.pageCount()
    scale = dpi / LAYOUT_DPI
    images = []
    shown = min(pages, limit)
    for number in range(shown):
        image = QImage(round(page.width * scale), round(page.height * scale), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        try:
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                                   | QPainter.RenderHint.SmoothPixmapTransform)
            painter.scale(scale, scale)
            _paint_page(painter, doc, number, pages, page, info)
        finally:
            painter.end()
        images.append(image)
        if progress is not None:
            progress(number + 1, shown)
    return PagePreview(tuple(images), pages)
