"""Does Immersion stay fast as the workbook grows? The demo workbook against 1,000 accounts and 50,000+ meetings.

For each workbook a fresh process opens the main window offscreen and measures, as a user would meet them:

- open: `open_workbook` until the window shows the portfolio's accounts and can be used;
- figures ready: until every account's alignment and activity is in the sidebar (`ready`);
- account switch: selecting the next account down the list until its page is painted (median of 20);
- page switch: from one account page to another for the same account (median over the pages);
- search p95: 50 different queries through the search box's `find()`;
- portfolio table: the financial-productivity table (pandas) computed for the whole portfolio;
- briefing PDF: one account's briefing written to a file (when the report package is present);
- peak memory: the process's maximum resident set size after all of the above.

Each figure is the median of three such processes per workbook. It prints each figure for both workbooks and
how it grows (large / demo). Targets: opening and switching do not
grow (≤ 1.5×; the figures of 1,000 accounts within 2 s), search p95 ≤ 50 ms, portfolio table ≤ 1 s, briefing ≤ 1 s, memory ≤ 1.5×.

Run: `python -m tests.benchmarks scale` (the large workbook takes about 25 s to generate).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import Result

CHILD = r"""
import json, resource, statistics, sys, tempfile, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from immersion.ui.main_window import MainWindow
from immersion.ui.pages import Scope, pages
from immersion.ui.settings import Settings

path = Path(sys.argv[1])
app = QApplication([])
window = MainWindow(Settings(), interactive=False)
window.resize(1280, 800)
window.show()
app.processEvents()
out = {}

def settle():
    for _ in range(2):
        app.processEvents()
    window.repaint()

ready = []
window.ready.connect(lambda: ready.append(time.perf_counter()))
started = time.perf_counter()
assert window.open_workbook(path)
settle()
out["open"] = time.perf_counter() - started
while not ready:  # large portfolios show their accounts first and their figures a moment later
    app.processEvents()
    time.sleep(0.002)
out["figures ready"] = ready[0] - started

model = window.sidebar.model
ids = [model.summary(row).id for row in range(model.rowCount())]
window.sidebar.select_account(ids[0])
settle()
switches = []
for n in range(1, 21):
    started = time.perf_counter()
    window.sidebar.select_account(ids[n % len(ids)])
    settle()
    switches.append(time.perf_counter() - started)
out["account switch"] = statistics.median(switches)

names = [spec.name for spec in pages(Scope.ACCOUNT)]
for name in names:  # build every page once: the switches below are what a user meets all day
    window.workspace.show_page(name)
    settle()
turns = []
for round_ in range(3):
    for name in names:
        started = time.perf_counter()
        window.workspace.show_page(name)
        settle()
        turns.append(time.perf_counter() - started)
out["page switch"] = statistics.median(turns)

from immersion.store.search import find
queries = json.loads(sys.argv[2])
times = []
for query in queries:
    started = time.perf_counter()
    find(window.workbook.conn, query)
    times.append(time.perf_counter() - started)
times.sort()
out["search p95"] = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]

from immersion.store.portfolio_table import portfolio_table
started = time.perf_counter()
portfolio_table(window.workbook)
out["portfolio table"] = time.perf_counter() - started

from immersion.report.export import export_briefing
from immersion.report.options import BriefingOptions
with tempfile.TemporaryDirectory() as folder:
    export_briefing(window.workbook, BriefingOptions(ids[1]), Path(folder) / "warm.pdf")  # fonts, chart code
    started = time.perf_counter()
    export_briefing(window.workbook, BriefingOptions(ids[0]), Path(folder) / "b.pdf")
    out["briefing PDF"] = time.perf_counter() - started

def peak_mb():
    # VmHWM is this process's own peak; ru_maxrss would carry the parent's peak over fork and exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # elsewhere: the best there is


out["peak memory"] = peak_mb()
window.close_workbook()
print(json.dumps(out))
"""

RUNS = 3
UNITS = {"peak memory": "MB"}
TARGETS = {  # measure → (limit on the ratio large/demo, limit on the large workbook's own figure)
    "open": (1.5, None),
    "figures ready": (None, 2.0),
    "account switch": (1.5, None),
    "page switch": (1.5, None),
    "search p95": (None, 0.050),
    "portfolio table": (None, 1.0),
    "briefing PDF": (None, 1.0),
    "peak memory": (1.5, None),
}


def measure(path: Path, queries: list[str]) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as data:
        env["IMMERSION_DATA_DIR"] = data
        env["XDG_CONFIG_HOME"] = data
        result = subprocess.run([sys.executable, "-c", CHILD, str(path), json.dumps(queries)],
                                capture_output=True, text=True, env=env, timeout=900, check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> list[Result]:
    import sqlite3

    from immersion.store.demo import write_demo
    from tests.benchmarks.search import make_queries

    with tempfile.TemporaryDirectory() as folder:
        demo, large = Path(folder) / "demo.immersion", Path(folder) / "large.immersion"
        write_demo(demo)
        started = time.perf_counter()
        stats = write_demo(large, accounts=1000, meetings_per_account=51)
        print(f"generated the large workbook: {stats.counts['accounts']:,} accounts, "
              f"{stats.counts['meetings']:,} meetings, {stats.size / 1e6:.0f} MB, in {time.perf_counter() - started:.0f} s")
        conn = sqlite3.connect(large.resolve().as_uri() + "?mode=ro", uri=True)
        queries = make_queries(conn, 50)
        conn.close()
        # Every figure is the median of RUNS fresh processes, demo and large taking turns, so that a busy
        # moment on the machine falls on both alike (a first open is measured once per process).
        runs: dict[str, list[dict[str, float]]] = {"demo": [], "large": []}
        for _ in range(RUNS):
            runs["demo"].append(measure(demo, queries))
            runs["large"].append(measure(large, queries))
        figures = {which: {name: statistics.median(run[name] for run in done) for name in done[0]}
                   for which, done in runs.items()}
    small, big = figures["demo"], figures["large"]
    print(f"{'':18}{'demo':>12}{'large':>12}{'growth':>9}")
    results = []
    for name, (ratio_limit, own_limit) in TARGETS.items():
        if name not in small or name not in big:
            print(f"{name:18}{'—':>12}{'—':>12}  (not in this version)")
            continue
        unit = UNITS.get(name, "ms")
        scale = 1 if unit == "MB" else 1000
        a, b = small[name] * scale, big[name] * scale
        growth = b / a if a else float("nan")
        print(f"{name:18}{a:>9.1f} {unit}{b:>9.1f} {unit}{growth:>8.2f}×")
        results.append(Result("scale", f"{name}, demo", a, unit))
        ok = None if own_limit is None else big[name] <= own_limit
        target = "" if own_limit is None else f"≤ {own_limit * scale:g} {unit}"
        results.append(Result("scale", f"{name}, 1,000 accounts", b, unit, target, ok))
        results.append(Result("scale", f"{name}, growth", growth, "×",
                              f"≤ {ratio_limit}" if ratio_limit else "", (growth <= ratio_limit) if ratio_limit else None))
    return results


if __name__ == "__main__":
    main()
