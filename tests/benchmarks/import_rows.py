"""Importing 100,000 stakeholder rows from a CSV file, against the `sqlite3` shell's `.import` of the same file.

Writes a CRM-shaped contact export (first and last name, title, account name, email, phone, level, stance,
influence, last activity, description; 100,000 rows, about 20 MB) and imports it into the demo workbook:

- `immersion import` as the command line runs it: read (pandas), match columns, check every cell, match rows
  against the workbook, write in one transaction with every CHECK constraint, index and the full-text index;
- the same with the undo record the GUI keeps (`record=True`);
- `sqlite3 bare.db ".import --csv FILE bare"`: the shell loads the file into a new table without types,
  constraints or indexes (the issue's yardstick; target: our import ≤ 3× its time);
- and, for a like-for-like figure, the shell's `.import` of the same rows into the workbook's own stakeholders
  table (same constraints, indexes and search-index triggers);
- the floor for any import that reads with pandas and writes through Python's `sqlite3`: `pandas.read_csv` of
  the file, then `executemany` of its rows, as text, into a bare table in one transaction. No checks, no
  matching, no constraints, indexes or search index. Its ratio to the shell's `.import` is how much of the
  3× budget the two libraries take before a single cell is checked.

Needs the `sqlite3` command-line shell (Debian: `apt-get install sqlite3`); without it, says so and measures
only our side. Run: `python -m tests.benchmarks import_rows`.
"""

from __future__ import annotations

import csv
import random
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

from tests.benchmarks import Result

ROWS = 100_000
TARGET_RATIO = 3.0
FIRST = ("Anna", "Ben", "Carla", "David", "Emma", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Katrin", "Lars",
         "Mia", "Noah", "Olga", "Paul", "Rosa", "Sven", "Tina", "Uwe", "Zoë", "Łukasz", "Søren", "Chloé")
LAST = ("Berg", "Schmidt", "Müller", "Dupont", "Rossi", "García", "Novak", "Jensen", "Kowalski", "Lindqvist",
        "O'Brien", "Nakamura", "Ferreira", "Okafor", "Weiß")
TITLES = ("Chief Executive", "Chief Financial Officer", "Head of Energy", "Procurement Manager",
          "Store Operations Director", "Category Buyer", "Head of Sustainability", "Facilities Engineer")
LEVELS = ("board", "executive", "senior", "manager", "staff")
STANCES = ("champion", "supporter", "neutral", "sceptic", "detractor")
NOTES = ("Met at the energy summit; interested in cold-chain monitoring.",
         "Prefers one-page summaries. Asked for the 2026 benchmark.",
         "Budget owner for refrigeration retrofits in the northern stores.",
         "")
ACCOUNT = "Marlowe & Finch Supermarkets"


def write_contacts(path: Path, rows: int = ROWS, seed: int = 5) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First Name", "Last Name", "Title", "Account Name", "Email", "Phone", "Level", "Stance",
                         "Influence", "Last Activity", "Description"])
        for n in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first}.{last}.{n}@example.com".lower().replace("'", "")
            writer.writerow([first, last, rng.choice(TITLES), ACCOUNT, email, f"+44 7700 {rng.randrange(100000, 999999)}",
                             rng.choice(LEVELS), rng.choice(STANCES), rng.randint(1, 5),
                             f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", rng.choice(NOTES)])


def shell_import(shell: str, database: Path, source: Path, table: str, skip_header: bool) -> float:
    """Seconds the sqlite3 shell takes to `.import` `source` into `table` (best of three fresh runs)."""
    best = float("inf")
    for _ in range(3):
        copy = database.with_name(f"run-{database.name}")
        if database.exists():
            shutil.copyfile(database, copy)
        else:
            copy.unlink(missing_ok=True)
        command = f".import --csv {'--skip 1 ' if skip_header else ''}{source} {table}"
        started = time.perf_counter()
        done = subprocess.run([shell, str(copy), command], capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        if done.returncode != 0 or done.stderr.strip():
            raise RuntimeError(f"sqlite3 .import failed: {done.stderr.strip()[:300]}")
        best = min(best, seconds)
        copy.unlink()
    return best


def floor_import(source: Path, folder: Path) -> float:
    """Seconds (best of three) to read the file with pandas and insert its rows, as text, into a bare table."""
    import pandas as pd

    best = float("inf")
    for _ in range(3):
        path = folder / "floor.db"
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        frame = pd.read_csv(source, dtype=object, keep_default_na=False, na_filter=False)
        conn = sqlite3.connect(path, isolation_level=None)
        columns = ", ".join(f"c{n}" for n in range(frame.shape[1]))
        conn.execute(f"CREATE TABLE bare ({columns})")
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO bare VALUES ({', '.join('?' * frame.shape[1])})",
                         frame.itertuples(index=False, name=None))
        conn.execute("COMMIT")
        conn.close()
        best = min(best, time.perf_counter() - started)
        path.unlink()
    return best


def our_import(demo: Path, source: Path, folder: Path, record: bool) -> tuple[float, dict[str, float], int]:
    """Seconds for the whole import (best of three), the phases of the best run, and the rows added."""
    from immersion.store import importing
    from immersion.store.workbook import Workbook

    best, phases, added = float("inf"), {}, 0
    for _ in range(3):
        path = folder / "import.immersion"
        shutil.copyfile(demo, path)
        marks: dict[str, float] = {}

        def progress(phase: str, done: int, total: int, marks: dict[str, float] = marks) -> None:
            marks.setdefault(phase, time.perf_counter())

        with Workbook.open(path) as workbook:
            started = time.perf_counter()
            source_table = importing.read_source(source, "stakeholders")
            read = time.perf_counter()
            mapping = importing.auto_map("stakeholders", source_table.columns)
            result = importing.run_import(workbook, source_table, mapping, progress=progress, record=record)
            ended = time.perf_counter()
        if ended - started < best:
            best, added = ended - started, result.report.added
            phases = {"read (pandas)": read - started, "check cells and rows": marks["write"] - read,
                      "write + index + commit": ended - marks["write"]}
        path.unlink()
    return best, phases, added


def main() -> list[Result]:
    import pandas  # noqa: F401 - loaded before timing, as the app has it loaded by the time anyone imports

    from immersion.store.demo import write_demo

    results: list[Result] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "contacts.csv"
        write_contacts(source)
        demo = folder / "demo.immersion"
        write_demo(demo)
        print(f"{ROWS:,} stakeholder rows, {source.stat().st_size / 1e6:.1f} MB of CSV, into the demo workbook")
        seconds, phases, added = our_import(demo, source, folder, record=False)
        assert added == ROWS, added
        print(f"immersion import: {seconds:.2f} s ({ROWS / seconds:,.0f} rows/s)")
        for phase, spent in phases.items():
            print(f"  {phase:<24} {spent:.2f} s")
        results.append(Result("import_rows", "immersion import, 100k rows", seconds, "s"))
        with_undo, _, _ = our_import(demo, source, folder, record=True)
        print(f"with the undo record the GUI keeps: {with_undo:.2f} s")
        results.append(Result("import_rows", "import with undo record (GUI)", with_undo, "s"))
        shell = shutil.which("sqlite3")
        if shell is None:
            print("the sqlite3 command-line shell is not installed (Debian: apt-get install sqlite3): "
                  "no comparison")
            return results
        bare = shell_import(shell, folder / "bare.db", source, "bare", skip_header=False)
        ratio = seconds / bare
        print(f"sqlite3 .import into a bare table: {bare:.2f} s; ratio {ratio:.1f}× (target ≤ {TARGET_RATIO:g}×)")
        results.append(Result("import_rows", "sqlite3 .import, bare table", bare, "s"))
        results.append(Result("import_rows", "import / sqlite3 .import", ratio, "×", f"≤ {TARGET_RATIO:g}×",
                              ratio <= TARGET_RATIO))
        floor = floor_import(source, folder)
        print(f"floor: pandas.read_csv + executemany into a bare table, nothing checked: {floor:.2f} s = "
              f"{floor / bare:.1f}× the shell's .import")
        results.append(Result("import_rows", "floor: read_csv + executemany, bare", floor, "s"))
        results.append(Result("import_rows", "floor / sqlite3 .import", floor / bare, "×"))
        same = _table_rows_csv(demo, source, folder)
        into_table = shell_import(shell, demo, same, "stakeholders", skip_header=True)
        print(f"sqlite3 .import into the workbook's stakeholders table (constraints, indexes, search triggers): "
              f"{into_table:.2f} s — ours is {into_table / seconds:.1f}× faster")
        results.append(Result("import_rows", "sqlite3 .import, workbook table", into_table, "s"))
    return results


def _table_rows_csv(demo: Path, source: Path, folder: Path) -> Path:
    """The imported rows as the stakeholders table holds them (all columns, ids included), for the shell."""
    from immersion.store import importing
    from immersion.store.workbook import Workbook

    path = folder / "rows.immersion"
    shutil.copyfile(demo, path)
    with Workbook.open(path) as workbook:
        before = {r[0] for r in workbook.conn.execute("SELECT id FROM stakeholders")}
        importing.import_file(workbook, source, "stakeholders")
    conn = sqlite3.connect(path)
    out = folder / "rows.csv"
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        cursor = conn.execute("SELECT * FROM stakeholders")
        columns = [d[0] for d in cursor.description]
        writer.writerow(columns)
        # The shell writes an empty cell as '' (not NULL), which buying_role's CHECK refuses: give it a value.
        role = columns.index("buying_role")
        writer.writerows(row[:role] + ("user",) + row[role + 1:] for row in cursor if row[0] not in before)
    conn.close()
    return out


if __name__ == "__main__":
    main()
