"""Benchmarks: run them all with `python -m tests.benchmarks`. Not collected by pytest (no `test_` prefix).

Each module here has a `main()` that measures, prints its own details and returns `Result` rows, which the
runner gathers into one table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One measured figure."""

    benchmark: str
    measure: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None  # None: no target

    def verdict(self) -> str:
        return "" if self.ok is None else ("ok" if self.ok else "MISSED")
