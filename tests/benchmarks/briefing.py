"""Briefing PDF: one account's briefing from the demo workbook, against a bare QTextDocument printing the same HTML.

(a) `export_briefing` for "Marlowe & Finch Supermarkets", internal edition (the largest: two charts, eight pages
    of A4): reading the workbook and computing the content, drawing the charts, laying the pages out with rows
    kept together, painting headers and footers, and writing the file. Target ≤ 1 s. The first run, which
    imports the charts (pyqtgraph) and warms the fonts, is reported separately.
(b) The same HTML, stylesheet and chart images printed by a bare `QTextDocument.print_()` to a `QPdfWriter`:
    what Qt alone costs for the same pages, without our steps. The ratio (a)/(b) is printed.

Each figure is the median of five runs after one warm-up, on the platform in `QT_QPA_PLATFORM` (offscreen when
unset). Run: `python -m tests.benchmarks.briefing` (or `python -m tests.benchmarks` for all benchmarks).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks import Result

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 5
TARGET_S = 1.0
ACCOUNT = "Marlowe & Finch Supermarkets"


def _median(action: Callable[[], object], runs: int = RUNS) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def _bare_print(html: str, css: str, charts: dict, out: Path) -> None:
    """The same document printed the plain Qt way: no fixed layout device, no pagination, no header."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    doc = QTextDocument()
    for chart in charts.values():
        doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(chart.url), chart.image)
    doc.setDefaultStyleSheet(css)
    doc.setHtml(html)
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc.print_(writer)


def main() -> list[Result]:
    """Measure, print the figures and return them as result rows."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["immersion-bench"])  # noqa: F841 - charts need it
    from immersion.report.chart_images import render_charts
    from immersion.report.content import build_briefing, find_account
    from immersion.report.export import export_briefing, render_pdf
    from immersion.report.html import briefing_html, stylesheet
    from immersion.store.demo import write_demo
    from immersion.store.workbook import Workbook

    with tempfile.TemporaryDirectory(prefix="immersion-bench-") as tmp:
        folder = Path(tmp)
        path = folder / "demo.immersion"
        write_demo(path)
        wb = Workbook.open(path, read_only=True)
        try:
            account = find_account(wb, ACCOUNT)
            assert account is not None
            from immersion.report.options import BriefingOptions

            options = BriefingOptions(account)
            out = folder / "briefing.pdf"
            started = time.perf_counter()
            first = export_briefing(wb, options, out)
            cold = time.perf_counter() - started
            ours, runs = _median(lambda: export_briefing(wb, options, out))

            briefing = build_briefing(wb, options)
            charts = render_charts(briefing)
            html, css = briefing_html(briefing, charts), stylesheet()
            _bare_print(html, css, charts, folder / "bare.pdf")  # warm-up
            bare, bare_runs = _median(lambda: _bare_print(html, css, charts, folder / "bare.pdf"))
            content, _ = _median(lambda: build_briefing(wb, options))
            drawing, _ = _median(lambda: render_charts(briefing))
            printing, _ = _median(lambda: render_pdf(briefing, charts))
        finally:
            wb.close()
    ratio = ours / bare
    print(f"(a) briefing of {ACCOUNT}, {first.pages} pages, {first.size / 1024:.0f} KB: median {ours * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in runs)}); first run {cold * 1000:.0f} ms "
          f"(target ≤ {TARGET_S * 1000:.0f} ms)")
    print(f"    content {content * 1000:.0f} ms, charts {drawing * 1000:.0f} ms, layout and printing "
          f"{printing * 1000:.0f} ms")
    print(f"(b) the same HTML by a bare QTextDocument.print_(): median {bare * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in bare_runs)})")
    print(f"ratio (a)/(b): {ratio:.2f}")
    return [
        Result("briefing", "one account's briefing (median)", ours, "s", f"≤ {TARGET_S:.1f} s", ours <= TARGET_S),
        Result("briefing", "first briefing (imports, fonts)", cold, "s", f"≤ {TARGET_S:.1f} s", cold <= TARGET_S),
        Result("briefing", "bare QTextDocument.print_()", bare, "s"),
        Result("briefing", "ratio ours / bare", ratio, "×"),
        Result("briefing", "  of which: content", content, "s"),
        Result("briefing", "  of which: charts", drawing, "s"),
        Result("briefing", "  of which: layout and printing", printing, "s"),
    ]


if __name__ == "__main__":
    main()
