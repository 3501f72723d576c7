"""Startup time: Immersion opening the demo workbook against a bare PySide6 window.

Measures the wall time of whole processes, from spawn to exit, median of five runs after one warm-up (and,
for reference, their CPU time, which shared machines disturb less):

(a) a bare PySide6 script that shows a QMainWindow and quits after its first paint;
(b) `python -m immersion DEMO --quit-when-ready` on a demo workbook generated in a temporary folder, which
    quits once the portfolio is loaded and painted.

Target: (b) / (a) ≤ 2.0. Both run on the platform in `QT_QPA_PLATFORM` (offscreen when unset), so the figures
do not depend on a display. `IMMERSION_BENCH_ACCOUNTS=1000` adds a run on a workbook of that many accounts.

Run: `python -m tests.benchmarks.startup` (or `python -m tests.benchmarks` for all benchmarks).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks import Result

RUNS = 5
TARGET_RATIO = 2.0

BARE_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    def paintEvent(self, event):
        super().paintEvent(event)
        QTimer.singleShot(0, QApplication.quit)

app = QApplication(sys.argv)
window = Window()
window.resize(1200, 760)
window.show()
sys.exit(app.exec())
"""


def _environment(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["IMMERSION_DATA_DIR"] = str(data)
    env["XDG_CONFIG_HOME"] = str(data / "config")
    env.pop("IMMERSION_REPORT_IMPORTS", None)
    # An installed app starts from compiled bytecode; the warm-up run writes it, like a user's first start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass
class Timings:
    """Wall and CPU seconds of the runs of one command."""

    label: str
    command: list[str]
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    def show(self) -> None:
        runs = ", ".join(f"{t:.3f}" for t in self.wall)
        print(f"{self.label:<44} median {self.median:.3f} s wall, {self.median_cpu:.3f} s CPU   (runs: {runs})")


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def measure(commands: list[Timings], env: dict[str, str], runs: int = RUNS) -> None:
    """Run each command once to warm up (OS caches, bytecode), then `runs` rounds, alternating the commands
    so that a busy moment on the machine falls on all of them alike."""
    for timings in commands:
        _time(timings.command, env)
    for _ in range(runs):
        for timings in commands:
            wall, cpu = _time(timings.command, env)
            timings.wall.append(wall)
            timings.cpu.append(cpu)


def _demo(folder: Path, env: dict[str, str], accounts: int | None = None) -> Path:
    path = folder / (f"demo-{accounts}.immersion" if accounts else "demo.immersion")
    command = [sys.executable, "-m", "immersion", "demo", str(path)]
    if accounts:
        command += ["--accounts", str(accounts)]
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=3600)
    print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def main() -> list[Result]:
    """Measure, print the figures and return them as result rows."""
    with tempfile.TemporaryDirectory(prefix="immersion-bench-") as tmp:
        folder = Path(tmp)
        env = _environment(folder / "data")
        script = folder / "bare_window.py"
        script.write_text(BARE_SCRIPT, encoding="utf-8")
        demo = _demo(folder, env)

        bare = Timings("(a) bare PySide6 QMainWindow", [sys.executable, str(script)])
        ours = Timings("(b) immersion DEMO --quit-when-ready",
                       [sys.executable, "-m", "immersion", str(demo), "--quit-when-ready"])
        commands = [bare, ours]
        accounts = int(os.environ.get("IMMERSION_BENCH_ACCOUNTS") or 0)
        if accounts:
            large = _demo(folder, env, accounts)
            commands.append(Timings(f"(c) immersion {accounts} accounts --quit-when-ready",
                                    [sys.executable, "-m", "immersion", str(large), "--quit-when-ready"]))
        measure(commands, env)
        for timings in commands:
            timings.show()
        ratio = ours.median / bare.median
        cpu_ratio = ours.median_cpu / bare.median_cpu
        print(f"ratio (b)/(a): {ratio:.2f} wall, {cpu_ratio:.2f} CPU  (target ≤ {TARGET_RATIO:.1f})")
        results = [
            Result("startup", "bare PySide6 window", bare.median, "s"),
            Result("startup", "immersion DEMO --quit-when-ready", ours.median, "s"),
            Result("startup", "ratio (wall)", ratio, "×", f"≤ {TARGET_RATIO:.1f}", ratio <= TARGET_RATIO),
            Result("startup", "ratio (CPU)", cpu_ratio, "×"),
        ]
        if accounts:
            results.append(Result("startup", f"immersion {accounts} accounts --quit-when-ready",
                                  commands[2].median, "s"))
        return results


if __name__ == "__main__":
    main()
