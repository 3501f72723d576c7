"""Portfolio financial productivity: computing the table for a workbook of 1,000 accounts.

Generates a demo workbook with 1,000 accounts (`write_demo(path, accounts=1000)`, about 7 s) and measures
`store.portfolio_table.portfolio_table()`:

- full table: every figure, the alignment indexes included, median of five runs (target ≤ 1 s);
- as the page computes it: on its own read-only connection, with the alignment indexes the window already has
  (median of five), and what the worker thread does end to end: open the file read-only and compute;
- cold: in a fresh process, with pandas imported for the first time (the page's first showing).

The page runs the computation on a pool thread with a progress bar whenever it takes longer than a blink.

Run: `python -m tests.benchmarks portfolio_table`; `IMMERSION_BENCH_ACCOUNTS=N` changes the size.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks import Result

TARGET = 1.0  # seconds
RUNS = 5

COLD = r"""
import sys, time
started = time.perf_counter()
from immersion.store.workbook import Workbook
from immersion.store.portfolio_table import portfolio_table
wb = Workbook.open(sys.argv[1], read_only=True)
table = portfolio_table(wb)
print(time.perf_counter() - started, len(table.accounts))
"""


def _median(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> list[Result]:
    from immersion.store import queries
    from immersion.store.demo import write_demo
    from immersion.store.portfolio_table import Window, portfolio_table
    from immersion.store.workbook import Workbook

    count = int(os.environ.get("IMMERSION_BENCH_ACCOUNTS", "1000"))
    with tempfile.TemporaryDirectory(prefix="immersion-bench-") as folder:
        path = Path(folder) / "large.immersion"
        started = time.perf_counter()
        write_demo(path, accounts=count)
        print(f"generated {count} accounts in {time.perf_counter() - started:.1f} s")
        cold_out = subprocess.run([sys.executable, "-c", COLD, str(path)], capture_output=True, text=True,
                                  check=True, timeout=600, env=dict(os.environ))
        cold = float(cold_out.stdout.split()[0])
        wb = Workbook.open(path, read_only=True)
        try:
            portfolio_table(wb)  # pandas imported, caches warm
            full = _median(lambda: portfolio_table(wb))
            every = _median(lambda: portfolio_table(wb, Window.everything()))
            alignment = {s.id: s.alignment for s in queries.portfolio_summary(wb)}
            given = _median(lambda: portfolio_table(wb, alignment=alignment))
            table = portfolio_table(wb, alignment=alignment)
        finally:
            wb.close()

        def worker() -> None:
            own = Workbook.open(path, read_only=True)
            try:
                portfolio_table(own, alignment=alignment)
            finally:
                own.close()

        job = _median(worker)
    print(f"{len(table.accounts)} accounts, {len(table.kinds)} kind × currency rows, window {table.window.label}")
    print(f"full table (alignment computed), last 4 quarters: {full * 1000:8.1f} ms  (target ≤ {TARGET:.0f} s)")
    print(f"full table (alignment computed), all periods:     {every * 1000:8.1f} ms")
    print(f"alignment given (as the page does):               {given * 1000:8.1f} ms")
    print(f"worker end to end (open read-only + compute):     {job * 1000:8.1f} ms")
    print(f"cold, fresh process (pandas imported):            {cold * 1000:8.1f} ms")
    return [
        Result("portfolio_table", f"full table, {count} accounts", full, "s", f"≤ {TARGET:.0f} s", full <= TARGET),
        Result("portfolio_table", f"full table, all periods, {count} accounts", every, "s", f"≤ {TARGET:.0f} s",
               every <= TARGET),
        Result("portfolio_table", "alignment given (the page)", given, "s"),
        Result("portfolio_table", "worker: open read-only + compute", job, "s", f"≤ {TARGET:.0f} s", job <= TARGET),
        Result("portfolio_table", "cold, fresh process", cold, "s"),
    ]


if __name__ == "__main__":
    main()
