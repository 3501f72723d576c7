"""Switching accounts and opening pages: does it stay as fast when the portfolio grows?

Opens the main window offscreen on the demo workbook (5 accounts) and on a generated one with 1,000 accounts,
then measures, in one process each:

- account switch: select the next account down the sidebar until its page is shown and painted;
- page open: show each account page the first time (building it; on the same handcrafted account in both
  workbooks), then again for other accounts (median).

Each figure is the median over the accounts visited. Target: the large workbook's figures are at most 1.5× the
demo's (they should not grow with the size of the workbook).

Run: `python -m tests.benchmarks workspace`; `IMMERSION_BENCH_ACCOUNTS=N` changes the large size.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import Result

TARGET = 1.5
VISITS = 20

CHILD = r"""
import json, statistics, sys, time
from PySide6.QtWidgets import QApplication
from immersion.ui.main_window import MainWindow
from immersion.ui.pages import Scope, pages
from immersion.ui.settings import Settings

app = QApplication([])
window = MainWindow(Settings(), interactive=False)
window.resize(1280, 800)
window.show()
app.processEvents()
started = time.perf_counter()
assert window.open_workbook(sys.argv[1])
app.processEvents()
opened = time.perf_counter() - started
# Visit accounts as a user does, down the list (a click or the arrow key on the next visible row); the
# demo's five are visited round and round.
model = window.sidebar.model
ids = [model.summary(row).id for row in range(model.rowCount())]
visit = [ids[n % len(ids)] for n in range(int(sys.argv[2]))]

def settle():
    app.processEvents()
    window.workspace.repaint()

switches = []
for account in visit:
    started = time.perf_counter()
    window.sidebar.select_account(account)
    settle()
    switches.append(time.perf_counter() - started)

names = [spec.name for spec in pages(Scope.ACCOUNT)]
cold, warm = {}, {}
# First builds are measured on the same account in both workbooks (a handcrafted demo account is in both).
same = next((s.id for s in window.summaries() if s.name == "Banca Adriatica"), visit[0])
window.sidebar.select_account(same)
settle()
for name in names:
    started = time.perf_counter()
    window.workspace.show_page(name)
    settle()
    cold[name] = time.perf_counter() - started
for name in names:
    times = []
    for account in visit[1:6]:
        window.sidebar.select_account(account)
        settle()
        started = time.perf_counter()
        window.workspace.show_page(names[0] if name != names[0] else names[-1])
        settle()
        started = time.perf_counter()
        window.workspace.show_page(name)
        settle()
        times.append(time.perf_counter() - started)
    warm[name] = statistics.median(times)
print(json.dumps({"open": opened, "switch": statistics.median(switches), "cold": cold, "warm": warm}))
"""


def measure(path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as data:
        env["IMMERSION_DATA_DIR"] = data
        env["XDG_CONFIG_HOME"] = data
        out = subprocess.run([sys.executable, "-c", CHILD, str(path), str(VISITS)], capture_output=True,
                             text=True, env=env, check=True, timeout=600)
    import json

    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> list[Result]:
    from immersion.store.demo import write_demo

    large_n = int(os.environ.get("IMMERSION_BENCH_ACCOUNTS", "1000"))
    with tempfile.TemporaryDirectory() as folder:
        small, large = Path(folder) / "demo.immersion", Path(folder) / "large.immersion"
        write_demo(small)
        started = time.perf_counter()
        write_demo(large, accounts=large_n)
        print(f"generated {large_n} accounts in {time.perf_counter() - started:.1f} s")
        figures = {"demo": measure(small), f"{large_n} accounts": measure(large)}
    demo, big = figures["demo"], figures[f"{large_n} accounts"]
    print(f"{'':28}{'demo':>12}{f'{large_n} accounts':>16}{'ratio':>8}")
    rows = [("open workbook (window)", demo["open"], big["open"]), ("account switch", demo["switch"], big["switch"])]
    rows += [(f"page {name}, first time", demo["cold"][name], big["cold"][name]) for name in demo["cold"]]
    rows += [(f"page {name}, again", demo["warm"][name], big["warm"][name]) for name in demo["warm"]]
    results = []
    for label, a, b in rows:
        ratio = b / a if a else float("nan")
        print(f"{label:28}{a * 1000:>10.1f} ms{b * 1000:>13.1f} ms{ratio:>8.2f}")
        checked = label != "open workbook (window)"  # opening is issue 11's figure; switching must not grow
        results.append(Result("workspace", f"{label} ({large_n}/demo)", ratio, "×",
                              f"≤ {TARGET}" if checked else "", (ratio <= TARGET) if checked else None))
        results.append(Result("workspace", f"{label}, {large_n} accounts", b * 1000, "ms"))
    return results


if __name__ == "__main__":
    main()
