"""The briefing's page geometry, in CSS pixels (96 to the inch), for each paper size. Plain Python.

The document is laid out in these units and printed scaled to the PDF's resolution, so the same briefing has
the same line breaks on every machine, whatever its screen. The top and bottom margins hold the header and the
footer, which are painted page by page.
"""

from __future__ import annotations

from dataclasses import dataclass

from immersion.report.options import Paper

PX_PER_MM = 96 / 25.4


@dataclass(frozen=True)
class PageGeometry:
    """One page: its size and margins in px; the text block is what is left inside the margins."""

    width: float
    height: float
    left: float = 60.0
    right: float = 60.0
    top: float = 80.0
    bottom: float = 68.0

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def content_height(self) -> float:
        return self.height - self.top - self.bottom


PAGES = {
    Paper.A4: PageGeometry(210 * PX_PER_MM, 297 * PX_PER_MM),
    Paper.LETTER: PageGeometry(8.5 * 96, 11 * 96),
}


def geometry(paper: Paper) -> PageGeometry:
    """The page geometry of a paper size."""
    return PAGES[paper]
