"""Relationship map: laying out and drawing an account of 300 stakeholders.

Generates one account in a temporary workbook: 300 people in a random reporting tree (so some managers get
stacked columns of reports), about 100 influence links and coverage by 10 team members (about 250 links).
Then, each the median of five runs after one warm-up:

- build: `RelationshipMap.show_data()` — org-chart layout plus every scene item (target ≤ 100 ms, so that an
  edit on the page never shows a pause);
- grab: painting the map once into a 1280×800 view, as the user first sees it and fitted to the view;
- refresh: the page's whole `show_context()` after an edit (store reads, table model, map rebuild);
- export: rendering the whole map to the PNG image.

Run: `python -m tests.benchmarks.relationship_map` (or `python -m tests.benchmarks` for all benchmarks).
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
PEOPLE = 300
INFLUENCES = 100
MEMBERS = 10
COVERED_PER_MEMBER = 25
TARGET_BUILD_MS = 100.0
TITLES = ("Director of Operations", "Head of Category, Chilled & Fresh", "Procurement Manager",
          "Chief Financial Officer", "Analyst")


def generate(path: Path, seed: int = 7) -> tuple[object, str]:
    """A workbook at `path` with one account as described above; returns (workbook, account id)."""
    from immersion.store import edits
    from immersion.store.workbook import Workbook

    rng = random.Random(seed)
    wb = Workbook.create(path)
    account = edits.add(wb, "accounts", name="Generated Holdings").items[0].row_id
    levels = ["board", "executive", "senior", "manager", "staff"]
    stances = ["champion", "supporter", "neutral", "sceptic", "detractor"]
    people: list[str] = []
    depth: dict[str, int] = {}
    for n in range(PEOPLE):
        boss = people[rng.randrange(len(people))] if people else None  # a random recursive tree
        level = levels[min(4, depth[boss] + 1)] if boss else "board"
        pid = edits.add(wb, "stakeholders", account_id=account, name=f"Person {n:03d} {rng.choice('ABCDEFGH')}",
                        title=rng.choice(TITLES), level=level, influence=rng.randint(1, 5),
                        stance=rng.choice(stances), reports_to_id=boss).items[0].row_id
        depth[pid] = depth[boss] + 1 if boss else 0
        people.append(pid)
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < INFLUENCES:
        a, b = rng.sample(people, 2)
        pairs.add((a, b))
    for a, b in sorted(pairs):
        edits.add(wb, "stakeholder_influences", from_id=a, to_id=b, strength=rng.randint(1, 3))
    for m in range(MEMBERS):
        member = edits.add(wb, "team_members", name=f"Team Member {m}").items[0].row_id
        for person in rng.sample(people, COVERED_PER_MEMBER):
            edits.add(wb, "coverage", stakeholder_id=person, team_member_id=member,
                      strength=rng.randint(1, 5))
    return wb, account


def _median_ms(action: Callable[[], object], runs: int = RUNS) -> tuple[float, list[float]]:
    action()  # warm-up: fonts, glyph caches, first allocations
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), times


def _runs(times: list[float]) -> str:
    return ", ".join(f"{t:.1f}" for t in times)


def main() -> list[Result]:
    """Measure, print the figures and return them as result rows."""
    from PySide6.QtWidgets import QApplication

    from immersion.store import edits, queries
    from immersion.ui import theme
    from immersion.ui.edit_session import EditSession
    from immersion.ui.pages import PageContext
    from immersion.ui.relationship_map import RelationshipMap
    from immersion.ui.relationship_page import RelationshipPage
    from immersion.ui.stakeholder_model import enrich, map_data

    app = QApplication.instance() or QApplication([])
    app.setStyle(theme.STYLE)
    app.setPalette(theme.light_palette())
    with tempfile.TemporaryDirectory(prefix="immersion-bench-") as tmp:
        started = time.perf_counter()
        wb, account = generate(Path(tmp) / "map.immersion")
        print(f"generated {PEOPLE} people, {INFLUENCES} influence links, {MEMBERS} team members "
              f"in {time.perf_counter() - started:.1f} s")
        try:
            people = edits.rows(wb, "stakeholders", account_id=account)
            coverage = edits.rows(wb, "coverage")
            team = {m["id"]: m for m in edits.rows(wb, "team_members")}
            data = map_data(enrich(people, coverage, team), edits.rows(wb, "stakeholder_influences"))
            view = RelationshipMap()
            view.resize(1280, 800)
            view.show()
            app.processEvents()

            build, build_runs = _median_ms(lambda: view.show_data(data))
            view.reset_view()
            grab, grab_runs = _median_ms(view.grab)
            view.fit()
            grab_fit, _ = _median_ms(view.grab)
            export, _ = _median_ms(view.render_image, runs=3)
            image = view.render_image()

            summary = next(a for a in queries.portfolio_summary(wb) if a.id == account)
            page = RelationshipPage(None)
            page.resize(1280, 800)
            page.show()
            context = PageContext(wb, account=summary, session=EditSession(wb))

            def refresh() -> None:
                page._data = None  # noqa: SLF001 - as after an edit on the page: the map is rebuilt
                page.show_context(context)

            refresh_ms, _ = _median_ms(refresh)
            view.close()
            page.close()
        finally:
            wb.close()
    print(f"build (layout + items)         median {build:6.1f} ms  (runs: {_runs(build_runs)})"
          f"  target ≤ {TARGET_BUILD_MS:.0f} ms")
    print(f"grab 1280×800, first view      median {grab:6.1f} ms  (runs: {_runs(grab_runs)})")
    print(f"grab 1280×800, fitted          median {grab_fit:6.1f} ms")
    print(f"page refresh after an edit     median {refresh_ms:6.1f} ms")
    print(f"export whole map ({image.width()}×{image.height()} px)  median {export:6.1f} ms")
    return [
        Result("relationship_map", f"build {PEOPLE} people (layout + items)", build, "ms",
               f"≤ {TARGET_BUILD_MS:.0f} ms", build <= TARGET_BUILD_MS),
        Result("relationship_map", "grab 1280×800 (first view)", grab, "ms"),
        Result("relationship_map", "grab 1280×800 (fitted)", grab_fit, "ms"),
        Result("relationship_map", "page refresh after an edit", refresh_ms, "ms"),
        Result("relationship_map", "export whole map to image", export, "ms"),
    ]


if __name__ == "__main__":
    main()
