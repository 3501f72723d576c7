"""Producing a briefing PDF from a workbook, in three steps that can run on the threads they need:

1. `build_briefing` (`content.py`): read and compute — any thread with its own connection;
2. `render_charts` (`chart_images.py`): draw the charts — the GUI thread (they are widgets);
3. `render_pdf`: HTML, layout and PDF — any thread; `write_file` puts the bytes in place atomically.

`export_briefing` runs all three on the calling thread (the command line, tests, the benchmark); the export
dialog runs steps 1 and 3 on a worker and step 2 in between on the GUI thread.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from immersion.report.chart_images import ChartImage, render_charts
from immersion.report.content import build_briefing
from immersion.report.format import Report, day
from immersion.report.html import briefing_html, mark, stylesheet
from immersion.report.model import Briefing
from immersion.report.options import BriefingOptions
from immersion.report.page import geometry
from immersion.report.pdf import PdfInfo, lay_out, print_pdf
from immersion.store.workbook import Workbook

Progress = Callable[[str, int, int], None]
STEPS = 4


@dataclass(frozen=True)
class RenderedPdf:
    """A printed briefing: its bytes, its page count, and what the document refused to load (nothing, ever)."""

    data: bytes
    pages: int
    refused: tuple[str, ...]


@dataclass(frozen=True)
class BriefingResult:
    """A briefing written to a file."""

    path: Path
    pages: int
    size: int
    refused: tuple[str, ...]
    briefing: Briefing


def pdf_info(b: Briefing) -> PdfInfo:
    """The PDF's title, header, footer and identity for a briefing."""
    subject = b.meeting.title if b.meeting else Report.tr("Account briefing")
    when = f" · {day(b.meeting.starts_at)}" if b.meeting else ""
    options = b.options
    key = "|".join([options.account_id, b.meeting.id if b.meeting else "-", options.edition.value,
                    options.paper.value, options.as_of.isoformat(), ",".join(sorted(options.sections)),
                    options.prepared_by or ""])
    footer = Report.tr("Prepared by %1 · %2").replace("%1", b.prepared_by or Report.tr("the account team")).replace(
        "%2", day(b.prepared_on))
    return PdfInfo(title=f"{b.account_name} — {subject}", author=b.prepared_by or "",
                   header=f"{b.account_name} · {subject}{when}", mark=mark(b), footer=footer,
                   page_text=Report.tr("Page %1 of %2"), date=b.prepared_on, key=key, internal=b.internal)


def render_pdf(b: Briefing, charts: Mapping[str, ChartImage], progress: Progress | None = None) -> RenderedPdf:
    """Lay the briefing out and print it; safe on a worker thread (charts must be drawn already)."""
    page = geometry(b.options.paper)
    doc = lay_out(briefing_html(b, charts), stylesheet(), charts, page)
    pages = doc.pageCount()
    data = print_pdf(doc, page, b.options.paper, pdf_info(b),
                     (lambda done, total: progress(Report.tr("Printing pages"), done, total)) if progress else None)
    return RenderedPdf(data, pages, tuple(doc.refused))


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a temporary file beside it, then renamed over it).

    Raises:
        OSError: the folder is missing or not writable, or the disk is full.
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_briefing(wb: Workbook, options: BriefingOptions, path: Path,
                    progress: Progress | None = None) -> BriefingResult:
    """Build, draw, print and write one briefing on this thread (which must be the GUI thread when it has
    charts: run a QApplication).

    Raises:
        BriefingError: the account or meeting does not exist.
        OSError: the file could not be written.
    """
    def step(name: str, done: int) -> None:
        if progress is not None:
            progress(name, done, STEPS)

    step(Report.tr("Reading the workbook"), 0)
    briefing = build_briefing(wb, options)
    step(Report.tr("Drawing the charts"), 1)
    charts = render_charts(briefing)
    step(Report.tr("Laying out the pages"), 2)
    rendered = render_pdf(briefing, charts)
    step(Report.tr("Writing the file"), 3)
    write_file(path, rendered.data)
    step(Report.tr("Done"), 4)
    return BriefingResult(Path(path), rendered.pages, len(rendered.data), rendered.refused, briefing)


def suggested_name(b: Briefing) -> str:
    """A file name for the briefing: account, meeting date and edition."""
    when = b.meeting.starts_at[:10] if b.meeting else b.prepared_on.isoformat()
    return file_name(b.account_name, when, b.internal)


def file_name(account: str, when: str, internal: bool) -> str:
    """"Marlowe & Finch Supermarkets – briefing 2026-11-26 (internal).pdf", safe on every file system."""
    edition = Report.tr("internal") if internal else Report.tr("for the customer")
    name = Report.tr("%1 – briefing %2 (%3).pdf").replace("%1", account).replace("%2", when).replace("%3", edition)
    return "".join("-" if c in '/\\:*?"<>|' else c for c in name)
