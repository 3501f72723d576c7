"""The org-chart layout: managers above their reports, no two people on one spot, loops broken."""

from __future__ import annotations

import random

from immersion.charts.org_layout import STACK_AFTER, layout


def _overlaps(result) -> list[tuple[str, str]]:  # noqa: ANN001
    spots: dict[tuple[float, float], str] = {}
    clashes = []
    for pid, p in result.positions.items():
        key = (round(p.x, 3), round(p.y, 3))
        if key in spots:
            clashes.append((spots[key], pid))
        spots[key] = pid
    return clashes


def test_manager_is_centred_above_reports() -> None:
    result = layout([("ceo", None), ("cfo", "ceo"), ("coo", "ceo"), ("controller", "cfo")])
    pos = result.positions
    assert pos["ceo"].y == 0 and pos["cfo"].y == 1 and pos["controller"].y == 2
    assert pos["ceo"].x == (pos["cfo"].x + pos["coo"].x) / 2
    assert pos["controller"].x == pos["cfo"].x
    assert set(result.edges) == {("ceo", "cfo"), ("ceo", "coo"), ("cfo", "controller")}
    assert _overlaps(result) == []


def test_many_leaf_reports_are_stacked_in_columns() -> None:
    people = [("head", None)] + [(f"r{n}", "head") for n in range(STACK_AFTER + 7)]
    result = layout(people)
    assert result.width == 3  # 13 reports in columns of six
    assert _overlaps(result) == []
    assert all(result.positions[f"r{n}"].y > 0 for n in range(13))


def test_loops_and_unknown_managers_do_not_hang_or_vanish() -> None:
    result = layout([("a", "b"), ("b", "c"), ("c", "a"), ("d", "ghost"), ("e", "e")])
    assert set(result.positions) == {"a", "b", "c", "d", "e"}
    assert len(result.edges) == 2  # one link of the a→b→c→a loop was dropped
    assert _overlaps(result) == []


def test_three_hundred_people_lay_out_without_overlap() -> None:
    rng = random.Random(7)
    people = [("p0", None)]
    for n in range(1, 300):
        people.append((f"p{n}", f"p{rng.randrange(max(1, n // 3 + 1))}"))
    result = layout(people)
    assert len(result) == 300
    assert _overlaps(result) == []
    for manager, report in result.edges:
        assert result.positions[report].y > result.positions[manager].y
