"""Crash safety at length: a writer killed with SIGKILL 100 times at random moments (the normal test run does
10). After every kill the workbook must pass `PRAGMA integrity_check`, open, and hold every edit the writer
reported as committed. Prints the kills, the edits verified and the time taken.

Run: `python -m tests.benchmarks crash_safety`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import Result

KILLS = 100


def main() -> list[Result]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "faults"))
    import crash_harness

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        try:
            report = crash_harness.run(kills=KILLS, folder=Path(folder), seed=2026)
            ok = True
        except AssertionError as error:
            print(f"FAILED: {error}")
            report, ok = {"kills": 0, "goals": 0}, False
    elapsed = time.perf_counter() - started
    print(f"{report['kills']} kills survived, {report['goals']} goals in the workbook at the end, {elapsed:.1f} s")
    return [Result("crash safety", f"SIGKILLs survived (of {KILLS})", report["kills"], "", f"= {KILLS}", ok)]


if __name__ == "__main__":
    main()
