"""`python -m tests.benchmarks`: run every benchmark module's `main()` and print one table of results."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time
from dataclasses import asdict
from pathlib import Path

import tests.benchmarks as package
from tests.benchmarks import Result


def run_all(names: list[str] | None = None) -> list[Result]:
    """Run the benchmark modules (all, or those named) in alphabetical order."""
    results: list[Result] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or (names and info.name not in names):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        print(f"== {info.name}", flush=True)
        results.extend(module.main() or [])
    return results


def table(results: list[Result]) -> str:
    rows = [("benchmark", "measure", "value", "target", "")]
    for r in results:
        value = f"{r.value:.3f} {r.unit}".strip() if r.unit != "×" else f"{r.value:.2f}×"
        rows.append((r.benchmark, r.measure, value, r.target, r.verdict()))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths).rstrip())
    return "\n".join(lines)


def write_json(results: list[Result], path: Path) -> None:
    """All figures as JSON, for comparing runs (benchmark-results/ is not tracked)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [dict(asdict(r), verdict=r.verdict()) for r in results]
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    path.write_text(json.dumps({"when": stamp, "python": sys.version.split()[0], "results": rows}, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    results = run_all(list(sys.argv[1:] if argv is None else argv))
    print()
    print(table(results))
    target = Path(__file__).resolve().parents[2] / "benchmark-results" / "results.json"
    write_json(results, target)
    print(f"\nwritten to {target}")
    return 1 if any(r.ok is False for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
