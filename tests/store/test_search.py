"""Full-text search: every kind is found, words in any order and as prefixes, and typed syntax never fails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from immersion.store import edits, search
from immersion.store.workbook import Workbook


@pytest.fixture
def content(wb: Workbook) -> dict[str, str]:
    a = edits.add(wb, "accounts", name="Lindqvist Foods", mutual_purpose="Zero-waste fresh produce for Nordic families")
    account = a.items[0].row_id
    ids = {"account": account}
    ids["goal"] = edits.add(wb, "goals", account_id=account, title="Halve shrink in bakery", category="financial",
                            kpi="shrink % of sales").items[0].row_id
    ids["stakeholder"] = edits.add(wb, "stakeholders", account_id=account, name="Ingrid Solberg",
                                   notes="Prefers data over decks; sceptical about loyalty apps").items[0].row_id
    ids["meeting"] = edits.add(wb, "meetings", account_id=account, title="Discovery with category team",
                               starts_at="2026-10-01T09:00",
                               notes="## Notes\n- The *sourdough* line loses 12% to markdowns").items[0].row_id
    ids["insight"] = edits.add(wb, "insights", account_id=account, meeting_id=ids["meeting"], kind="pressure",
                               text="Board wants margin recovery before the Christmas quarter").items[0].row_id
    ids["idea"] = edits.add(wb, "ideas", account_id=account, title="Dynamic markdown pricing pilot",
                            description="Price fresh bread by hour left on shelf").items[0].row_id
    return ids


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("nordic families", "account"),
        ("families nordic", "account"),  # any order
        ("bakery shrink", "goal"),
        ("loyalty", "stakeholder"),
        ("sourdough", "meeting"),
        ("christmas margin", "insight"),
        ("shelf", "idea"),
        ("sourd", "meeting"),  # prefix
        ('"margin recovery"', "insight"),  # phrase
    ],
)
def test_each_kind_is_found(wb: Workbook, content: dict[str, str], query: str, kind: str) -> None:
    hits = search.search(wb.conn, query)
    assert [(h.kind, h.ref_id) for h in hits] == [(kind, content[kind])]
    assert hits[0].account_name == "Lindqvist Foods"
    assert search.MARK_START in hits[0].snippet or search.MARK_START in hits[0].title or kind == "account"


def test_phrase_must_be_adjacent(wb: Workbook, content: dict[str, str]) -> None:
    assert search.search(wb.conn, '"recovery margin"') == []


def test_edits_and_deletes_are_reflected(wb: Workbook, content: dict[str, str]) -> None:
    edits.change(wb, "ideas", content["idea"], description="Price rye bread by hour")
    assert search.search(wb.conn, "shelf") == []
    assert [h.ref_id for h in search.search(wb.conn, "rye")] == [content["idea"]]
    changes = edits.delete(wb, "accounts", content["account"])
    assert search.search(wb.conn, "sourdough") == []
    edits.undo(wb, changes)
    assert [h.kind for h in search.search(wb.conn, "sourdough")] == ["meeting"]


@pytest.mark.parametrize("text", ['AND', 'OR NOT', '"', '("', 'NEAR(a b)', '*', 'col:x', '^start', '-minus', "'", ""])
def test_fts_syntax_typed_by_a_user_never_raises(wb: Workbook, content: dict[str, str], text: str) -> None:
    assert isinstance(search.search(wb.conn, text), list)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_a_valid_query(text: str) -> None:
    import sqlite3

    from immersion.store.schema import SEARCH_TABLE

    conn = sqlite3.connect(":memory:")
    conn.execute(SEARCH_TABLE)
    conn.execute("INSERT INTO search_index(title, body) VALUES ('x', 'y')")
    query = search.to_fts_query(text)
    if query is not None:
        conn.execute("SELECT * FROM search_index WHERE search_index MATCH ?", (query,)).fetchall()


def test_snippet_and_highlight_mark_matches_folding_case_and_accents() -> None:
    body = "Intro words here. The Café owner said the régime of energy pricing hurts; energy again later on."
    text = search.snippet(body, search._terms("cafe ENERG"), words=10)  # noqa: SLF001
    assert f"{search.MARK_START}Café{search.MARK_END}" in text
    assert f"{search.MARK_START}energy{search.MARK_END}" in text
    assert text.endswith("…")
    assert search.highlight("Energy review", "energ") == f"{search.MARK_START}Energy{search.MARK_END} review"


def test_very_common_words_show_the_newest_title_matches_first(wb: Workbook, monkeypatch: pytest.MonkeyPatch) -> None:
    account = edits.add(wb, "accounts", name="A").items[0].row_id
    for n in range(6):
        edits.add(wb, "meetings", account_id=account, title=f"Meeting {n}", starts_at="2026-01-01T10:00",
                  notes="energy everywhere")
    titled = edits.add(wb, "meetings", account_id=account, title="Energy review", starts_at="2026-01-01T10:00",
                       notes="nothing").items[0].row_id
    monkeypatch.setattr(search, "RANKED_MAX", 3)
    found = search.find(wb.conn, "energy", limit=4)
    assert found.total == 7 and not found.ranked
    assert found.hits[0].ref_id == titled and [h.title for h in found.hits[1:]] == ["Meeting 5", "Meeting 4", "Meeting 3"]
