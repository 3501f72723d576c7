"""Alignment charts: the matrix of a large account and the portfolio chart of a large workbook.

(a) One account with 200 goals, 500 ideas (0–3 goal links each), 60 investments and eight quarters of P&L,
    generated through the store in one transaction. Measured: building the matrix — the store's read, the
    alignment and the matrix figure (`domain.charts_data`), drawing it into a `MatrixChart` already on screen,
    as a redraw after an edit does, and painting it (a grab) — target ≤ 100 ms; and, for reference, the whole
    Alignment page refresh (five charts and the coaching rules, the whole 2,400-pixel page painted).
(b) The demo workbook with 1,000 accounts (`write_demo(accounts=1000)`). Measured: the portfolio chart — the
    Dashboard's refresh after an edit: the P&L and gap reads, the figure, the bubbles and the gap list, painted,
    with the alignment indexes taken from the window's portfolio summaries (target ≤ 300 ms); and, for
    reference, the same from scratch, computing those summaries too.

Each figure is the median of five runs after one warm-up, on the platform in `QT_QPA_PLATFORM` (offscreen when
unset). Run: `python -m tests.benchmarks.charts` (or `python -m tests.benchmarks` for all benchmarks).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks import Result

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 5
GOALS, IDEAS, INVESTMENTS, ACCOUNTS = 200, 500, 60, 1000
TARGET_MATRIX_MS, TARGET_PORTFOLIO_MS = 100.0, 300.0
CATEGORIES = ("strategic", "competitive", "interpersonal", "political", "financial")
STAGES = ("captured", "shaping", "co-creating", "proposed", "piloting", "adopted", "parked")
WORDS = ("grow", "green", "share", "cost", "regional", "digital", "supply", "trust", "energy", "data", "partner")


def make_account(path: Path, seed: int = 11) -> tuple[object, str]:
    """A workbook at `path` with one large account as described above; returns (workbook, account id)."""
    from immersion.store import edits
    from immersion.store.workbook import Workbook

    rng = random.Random(seed)
    wb = Workbook.create(path, overwrite=True)
    account = edits.add(wb, "accounts", name="Atlas Foods", tier="strategic").items[0].row_id
    with wb.transaction():  # one commit: the store's edits nest as savepoints
        goals = [edits.add(wb, "goals", account_id=account, rank=n, priority=rng.randint(1, 5),
                           category=rng.choice(CATEGORIES), status=rng.choice(("confirmed", "unconfirmed")),
                           title=f"Goal {n + 1}: {' '.join(rng.sample(WORDS, 4))}").items[0].row_id
                 for n in range(GOALS)]
        for n in range(IDEAS):
            idea = edits.add(wb, "ideas", account_id=account, stage=rng.choice(STAGES),
                             title=f"Idea {n + 1}: {' '.join(rng.sample(WORDS, 3))}",
                             customer_value=rng.randint(1, 5), our_value=rng.randint(1, 5),
                             effort=rng.randint(1, 5)).items[0].row_id
            for goal in rng.sample(goals, rng.randint(0, 3)):
                edits.add(wb, "idea_goals", idea_id=idea, goal_id=goal, strength=rng.randint(1, 3))
        for n in range(INVESTMENTS):
            money = edits.add(wb, "investments", account_id=account, name=f"Investment {n + 1}", kind="pilot",
                              status=rng.choice(("planned", "committed", "spent")), amount=rng.randint(5, 90) * 1000,
                              period=f"202{5 + n % 2}-Q{1 + n % 4}", expected_return=rng.randint(5, 200) * 1000
                              ).items[0].row_id
            for goal in rng.sample(goals, rng.randint(0, 2)):
                edits.add(wb, "investment_goals", investment_id=money, goal_id=goal, share=0.4)
        for n in range(8):
            edits.add(wb, "financials", account_id=account, period=f"202{5 + n // 4}-Q{1 + n % 4}",
                      revenue=1_000_000 + n * 50_000, cost_of_goods=600_000, cost_to_serve=80_000)
    return wb, account


def _median_ms(action: Callable[[], object], runs: int = RUNS) -> tuple[float, list[float]]:
    action()  # warm-up: imports, fonts, first allocations
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), times


def _show(label: str, value: float, times: list[float]) -> None:
    print(f"{label:<58} median {value:7.1f} ms   (runs: {', '.join(f'{t:.1f}' for t in times)})")


def bench_matrix(folder: Path) -> list[Result]:
    from immersion.charts.matrix import MatrixChart
    from immersion.domain.alignment import compute_alignment
    from immersion.domain.charts_data import alignment_matrix
    from immersion.store import queries
    from immersion.store.chart_queries import account_chart_inputs
    from immersion.ui.alignment_page import AlignmentPage
    from immersion.ui.pages import PageContext

    started = time.perf_counter()
    wb, account = make_account(folder / "large-account.immersion")
    print(f"generated {GOALS} goals, {IDEAS} ideas, {INVESTMENTS} investments in {time.perf_counter() - started:.1f} s")
    try:
        chart = MatrixChart()
        chart.resize(1000, 640)
        chart.show()

        def data():  # noqa: ANN202
            i = account_chart_inputs(wb, account)
            assert i is not None
            alignment = compute_alignment(i.goals, i.ideas, i.idea_goals, i.investments, i.investment_goals)
            return alignment_matrix(i.goals, i.ideas, i.idea_goals, i.investments, i.investment_goals,
                                    alignment=alignment)

        figure = data()
        print(f"matrix: {len(figure.rows)} rows × {len(figure.columns)} columns, {len(figure.cells)} filled cells")
        build, build_runs = _median_ms(lambda: (chart.set_data(data()), chart.grab()))
        read, read_runs = _median_ms(data)
        draw, draw_runs = _median_ms(lambda: (chart.set_data(figure), chart.grab()))
        page = AlignmentPage()
        page.resize(1000, 2400)
        page.show()
        summary = next(s for s in queries.portfolio_summary(wb) if s.id == account)
        context = PageContext(wb, account=summary)
        whole, whole_runs = _median_ms(lambda: (page.show_context(context), page.grab()))
        _show("(a) matrix: read + compute + draw (200 goals, 500 ideas)", build, build_runs)
        _show("    of which read the store and compute the figure", read, read_runs)
        _show("    of which draw into the chart and paint", draw, draw_runs)
        _show("    the whole Alignment page refresh (5 charts, coaching)", whole, whole_runs)
        chart.close()
        page.close()
    finally:
        wb.close()
    return [Result("charts", "matrix, 200 goals × 500 ideas", build / 1000, "s", f"≤ {TARGET_MATRIX_MS:.0f} ms",
                   build <= TARGET_MATRIX_MS),
            Result("charts", "Alignment page refresh (reference)", whole / 1000, "s")]


def bench_portfolio(folder: Path) -> list[Result]:
    from immersion.store import queries
    from immersion.store.demo import write_demo
    from immersion.store.workbook import Workbook
    from immersion.ui.dashboard_page import DashboardPage
    from immersion.ui.pages import PageContext

    path = folder / "portfolio.immersion"
    started = time.perf_counter()
    write_demo(path, accounts=ACCOUNTS)
    print(f"generated the demo with {ACCOUNTS} accounts in {time.perf_counter() - started:.1f} s")
    wb = Workbook.open(path)
    try:
        summaries = tuple(queries.portfolio_summary(wb))
        page = DashboardPage()
        page.resize(1100, 700)
        page.show()
        context = PageContext(wb, summaries)
        refresh, refresh_runs = _median_ms(lambda: (page.show_context(context), page.grab()))
        assert page.data is not None and len(page.data.points) == ACCOUNTS
        scratch, scratch_runs = _median_ms(
            lambda: (page.show_context(PageContext(wb, tuple(queries.portfolio_summary(wb)))), page.grab()))
        print(f"portfolio: {len(page.data.points)} bubbles, {len(page.data.gaps)} gaps listed")
        _show("(b) portfolio chart and gaps, 1,000 accounts (after an edit)", refresh, refresh_runs)
        _show("    from scratch, computing the portfolio summaries too", scratch, scratch_runs)
        page.close()
    finally:
        wb.close()
    return [Result("charts", f"portfolio chart, {ACCOUNTS:,} accounts", refresh / 1000, "s",
                   f"≤ {TARGET_PORTFOLIO_MS:.0f} ms", refresh <= TARGET_PORTFOLIO_MS),
            Result("charts", "portfolio from scratch (reference)", scratch / 1000, "s")]


def main() -> list[Result]:
    """Measure, print the figures and return them as result rows."""
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="immersion-bench-") as tmp:
        os.environ["IMMERSION_DATA_DIR"] = str(Path(tmp) / "data")
        folder = Path(tmp)
        return bench_matrix(folder) + bench_portfolio(folder)


if __name__ == "__main__":
    main()
