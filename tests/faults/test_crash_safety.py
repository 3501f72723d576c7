"""A writer killed with SIGKILL at random moments loses nothing it reported as saved (10 kills here; the
benchmark suite does 100)."""

from __future__ import annotations

from pathlib import Path

import crash_harness


def test_ten_kills_lose_no_committed_edit(tmp_path: Path) -> None:
    report = crash_harness.run(kills=10, folder=tmp_path, seed=11)
    assert report["kills"] == 10 and report["goals"] > 0


def test_the_check_would_catch_a_lost_edit(tmp_path: Path) -> None:
    """The verifier is not a check that cannot fail: a reported edit missing from the file is caught."""
    import pytest

    from immersion.store import edits
    from immersion.store.workbook import Workbook

    path = tmp_path / "w.immersion"
    with Workbook.create(path) as wb:
        account = edits.add(wb, "accounts", name="A").items[0].row_id
        kept = edits.add(wb, "goals", account_id=account, title="kept", category="strategic").items[0].row_id
    reported = [{"op": "add", "id": kept, "title": "kept"}, {"op": "add", "id": "lost", "title": "never saved"}]
    with pytest.raises(AssertionError, match="differs"):
        crash_harness.verify(path, {}, reported, None)
    assert crash_harness.verify(path, {}, reported[:1], None) == {kept: "kept"}
