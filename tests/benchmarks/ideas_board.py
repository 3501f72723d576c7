"""The curation board with 2,000 ideas on one account: time to show it and to move a card.

Builds a temporary workbook through the store (one account, 12 goals, 10 meetings, 2,000 ideas spread over
the stages with goal links and tags), then measures, on the platform in `QT_QPA_PLATFORM` (offscreen when
unset), the median of:

(a) showing the board on a new page: `show_context` and the first paint;
(b) showing it again (what any edit elsewhere costs the visible page): `show_context` and a paint;
(c) moving a card one stage on through the edit session, as Ctrl+Right does: the store's move, the session's
    `changed` signal, the page's reload and a paint.

Target: each under 100 ms, i.e. no visible pause. Run: `python -m tests.benchmarks.ideas_board`.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks import Result

IDEAS = 2000
TARGET = 0.100  # seconds
STAGE_WEIGHTS = {"captured": 30, "shaping": 20, "co-creating": 14, "proposed": 10, "piloting": 6,
                 "adopted": 8, "parked": 8, "declined": 4}
WORDS = ("shared", "forecast", "pilot", "energy", "data", "joint", "loyalty", "platform", "bundle", "network",
         "service", "green", "regional", "digital", "supply", "fleet", "partner", "customer", "brand",
         "report")
TAGS = ("pilot", "data", "quick win", "capex", "partner")


def make_workbook(path: Path, count: int = IDEAS, seed: int = 5) -> str:
    """A workbook with one account holding `count` ideas; returns the account's id."""
    from immersion.store import edits, ideas
    from immersion.store.workbook import Workbook

    rng = random.Random(seed)
    wb = Workbook.create(path, overwrite=True)
    try:
        account = edits.add(wb, "accounts", name="Atlas Foods", tier="strategic").items[0].row_id
        with wb.transaction():  # one commit: the store's edits nest as savepoints
            goals = [edits.add(wb, "goals", account_id=account, category="strategic", rank=n,
                               title=f"Goal {n + 1}: {' '.join(rng.sample(WORDS, 3))}").items[0].row_id
                     for n in range(12)]
            meetings = [edits.add(wb, "meetings", account_id=account, title=f"Workshop {n + 1}",
                                  kind="co-creation", starts_at=f"2026-0{1 + n % 9}-1{n % 9}T10:00:00"
                                  ).items[0].row_id for n in range(10)]
            by_stage: dict[str, list[str]] = {stage: [] for stage in STAGE_WEIGHTS}
            for n in range(count):
                title = " ".join(rng.sample(WORDS, rng.randint(3, 7))).capitalize() + f" #{n + 1}"
                meeting = rng.choice(meetings) if rng.random() < 0.5 else None
                idea = ideas.add_idea(wb, account, title, origin="meeting" if meeting else "internal",
                                      origin_meeting_id=meeting, customer_value=rng.randint(1, 5),
                                      our_value=rng.randint(1, 5), effort=rng.randint(1, 5),
                                      confidence=rng.randint(1, 5)).items[0].row_id
                linked = rng.sample(goals, rng.randint(0, 3))
                ideas.set_goal_links(wb, idea, {goal: rng.randint(1, 3) for goal in linked})
                ideas.set_tags(wb, idea, rng.sample(TAGS, rng.randint(0, 2)))
                stage = rng.choices(list(STAGE_WEIGHTS), weights=list(STAGE_WEIGHTS.values()))[0]
                by_stage[stage].append(idea)
            for stage, ids in by_stage.items():
                if stage != "captured" and ids:
                    reason = "Not now" if stage in ("parked", "declined") else None
                    ideas.move_ideas(wb, ids, stage, reason=reason)
        return account
    finally:
        wb.close()


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def main() -> list[Result]:
    """Measure, print the figures and return them as result rows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from immersion.store import queries
    from immersion.store.workbook import Workbook
    from immersion.ui.edit_session import EditSession
    from immersion.ui.ideas_page import IdeasPage
    from immersion.ui.pages import PageContext

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="immersion-bench-") as tmp:
        os.environ["IMMERSION_DATA_DIR"] = str(Path(tmp) / "data")
        path = Path(tmp) / "ideas.immersion"
        started = time.perf_counter()
        account = make_workbook(path)
        print(f"generated {IDEAS} ideas in {time.perf_counter() - started:.1f} s")
        wb = Workbook.open(path)
        try:
            session = EditSession(wb)
            summary = next(a for a in queries.portfolio_summary(wb) if a.id == account)
            context = PageContext(wb, account=summary, session=session)

            first: list[float] = []
            for _ in range(9):
                page = IdeasPage(None)
                page.resize(1280, 800)
                page.show()
                app.processEvents()
                start = time.perf_counter()
                page.show_context(context)
                page.repaint()
                first.append(time.perf_counter() - start)
                page.close()
                page.deleteLater()
                app.processEvents()

            page = IdeasPage(None)
            page.resize(1280, 800)
            page.show()
            page.show_context(context)
            app.processEvents()
            session.changed.connect(lambda _changes: page.show_context(context))  # what the window does
            again: list[float] = []
            for _ in range(10):
                start = time.perf_counter()
                page.show_context(context)
                page.repaint()
                again.append(time.perf_counter() - start)

            moves: list[float] = []
            cards = page.board.columns["captured"].model.rows()[:20]
            for card in cards:
                page.select_ids([card["id"]])
                start = time.perf_counter()
                page.commands.step(1)
                page.repaint()
                moves.append(time.perf_counter() - start)
            assert all(page.row(c["id"])["stage"] == "shaping" for c in cards), "the moves did not happen"
            page.close()
        finally:
            wb.close()
    figures = [("show the board (new page)", first), ("show the board again", again),
               ("move a card one stage on", moves)]
    results = []
    for measure, samples in figures:
        value = _median(samples)
        print(f"{measure:<32} median {value * 1000:6.1f} ms  (min {min(samples) * 1000:.1f}, "
              f"max {max(samples) * 1000:.1f}, {len(samples)} runs)")
        results.append(Result("ideas_board", f"{measure}, {IDEAS} ideas", value, "s",
                              f"< {TARGET * 1000:.0f} ms", value < TARGET))
    return results


if __name__ == "__main__":
    main()
