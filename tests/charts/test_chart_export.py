"""Saving charts as PNG and SVG, rendering any figure off-screen for the briefing, and the category axis."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage

from immersion.charts import export
from immersion.charts.axes import CategoryAxis, compact_money
from immersion.charts.render import chart_class, render_image, render_png
from immersion.charts.returns import ReturnsChart
from immersion.charts.style import ChartStyle
from immersion.domain.charts_data import alignment_matrix, category_profile
from immersion.domain.enums import GoalCategory, IdeaStage, InvestmentKind, InvestmentStatus
from immersion.domain.figures import account_pnl, idea_quadrant, investment_returns
from immersion.domain.portfolio_figure import PortfolioData
from immersion.domain.models import Financials, Goal, Idea, IdeaGoal, Investment

GOAL = Goal(id="g", account_id="a", title="Grow green lending", category=GoalCategory.STRATEGIC, priority=4)
IDEA = Idea(id="i", account_id="a", title="Energy audits", stage=IdeaStage.PILOTING, customer_value=4, our_value=4)
MONEY = Investment(id="m", account_id="a", name="Audit pilot", kind=InvestmentKind.PILOT,
                   status=InvestmentStatus.SPENT, amount=100, period="2026-Q3", actual_return=180)
PNL = Financials(id="f", account_id="a", period="2026-Q3", revenue=1000, cost_of_goods=600)


def figures() -> list[object]:
    matrix = alignment_matrix([GOAL], [IDEA], [IdeaGoal(idea_id="i", goal_id="g")], [MONEY])
    return [matrix, category_profile(matrix.alignment, [GOAL], matrix), idea_quadrant([IDEA], [MONEY]),
            account_pnl([PNL], [MONEY]), investment_returns([MONEY]), PortfolioData(None, (), (), (), ())]


@pytest.mark.parametrize("dark", [False, True])
def test_every_figure_renders_off_screen_for_the_briefing(qapp, dark: bool) -> None:  # noqa: ANN001
    for data in figures():
        png = render_png(data, 640, 360, dark=dark)
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        image = QImage.fromData(png)
        assert (image.width(), image.height()) == (640, 360)
        # The corner shows the style's background, whatever the app's palette.
        background = (ChartStyle.dark_style() if dark else ChartStyle.light()).background
        assert image.pixelColor(2, image.height() // 2) == background, type(data).__name__


def test_rendering_draws_the_data_not_a_blank(qapp) -> None:  # noqa: ANN001
    image = render_image(investment_returns([MONEY]), 640, 360)
    up = ChartStyle.light().accent("up")  # a +80% actual return is a solid green bar
    colours = {image.pixelColor(x, y).name() for x in range(0, 640, 4) for y in range(0, 360, 4)}
    assert up.name() in colours
    with pytest.raises(TypeError):
        chart_class(object())


def test_save_png_and_svg_through_the_file_dialog(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    chart = ReturnsChart()
    qtbot.addWidget(chart)
    chart.resize(600, 320)
    chart.set_data(investment_returns([MONEY]))
    asked: list[tuple[str, str]] = []

    def ask(_parent, _title: str, suggested: str, kind: str) -> str:  # noqa: ANN001
        asked.append((suggested, kind))
        return str(tmp_path / f"returns-{kind}")  # without the extension: it is added

    monkeypatch.setattr(export, "ask_save_path", ask)
    png = export.save_as(chart, "png", "Investment returns")
    svg = export.save_as(chart, "svg")
    assert asked == [("Investment returns.png", "png"), ("Investment returns.svg", "svg")]
    assert png == str(tmp_path / "returns-png.png") and svg == str(tmp_path / "returns-svg.svg")
    picture = QImage(png)
    assert (picture.width(), picture.height()) == (1200, 640)  # twice the size on screen, to print sharply
    text = Path(svg).read_text(encoding="utf-8")
    assert "<svg" in text and "Audit pilot" in text  # labels stay text in the drawing
    monkeypatch.setattr(export, "ask_save_path", lambda *_args: None)
    assert export.save_as(chart, "png") is None  # cancelled


def test_category_axis_shows_only_labels_that_fit(qapp) -> None:  # noqa: ANN001
    axis = CategoryAxis("left", extent=160)
    axis.set_labels([f"Goal {n}" for n in range(200)], {3: QColor("red")})
    line = QFontMetricsF(axis.style["tickFont"] or QFont()).height() * 1.1
    # 200 rows on 400 pixels: 2 px a row, so every ceil(line / 2)-th label.
    (step, values), = axis.tickValues(-0.5, 199.5, 400)
    assert step == pytest.approx(-(-line // 2))
    assert values[0] == 0 and all(b - a == step for a, b in zip(values, values[1:], strict=False))
    (step, values), = axis.tickValues(199.5, -0.5, 8000)  # an inverted view hands the range reversed
    assert step == 1 and len(values) == 200
    long = "A very long goal title that cannot possibly fit beside the matrix at all"
    axis.set_labels([long])
    assert axis.tickStrings([0.0], 1, 1)[0].endswith("…")
    staggered = CategoryAxis("bottom", stagger=True)
    staggered.set_labels(["Strategic", "Competitive", "Interpersonal"])
    (step, _values), = staggered.tickValues(-0.5, 2.5, 150)
    assert step == 1 and staggered.tickStrings([0.0, 1.0], 1, 1) == ["Strategic", "\nCompetitive"]
    wrapped = CategoryAxis("bottom", wrap=True)
    wrapped.set_labels(["Cost of goods"])
    assert wrapped.tickStrings([0.0], 1, 1) == ["Cost of\ngoods"]


def test_compact_money() -> None:
    assert [compact_money(v) for v in (0, 950, 12_400, -40_000, 1_250_000, 3_000_000)] == [
        "0", "950", "12k", "−40k", "1.2M", "3M"]
