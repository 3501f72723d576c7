"""One entry point for the briefing PDF (issue 8): any figure's data in, a PNG out, no page needed.

    from immersion.charts.render import render_png
    png = render_png(alignment_matrix(...), 1600, 900)

The chart module of each kind of data is imported on first use, so importing this module costs nothing; the
pictures are drawn with widgets, so call it on the GUI thread (compute the figure data anywhere).
"""

from __future__ import annotations

import importlib

from PySide6.QtGui import QImage

from immersion.domain.charts_data import MatrixData, ProfileData
from immersion.domain.figures import PnlData, QuadrantData, RoiData
from immersion.domain.portfolio_figure import PortfolioData

# figure data type -> (module, chart class)
CHARTS: dict[type, tuple[str, str]] = {
    MatrixData: ("immersion.charts.matrix", "MatrixChart"),
    ProfileData: ("immersion.charts.profile", "ProfileChart"),
    QuadrantData: ("immersion.charts.quadrant", "QuadrantChart"),
    PnlData: ("immersion.charts.pnl", "PnlChart"),
    RoiData: ("immersion.charts.returns", "ReturnsChart"),
    PortfolioData: ("immersion.charts.portfolio", "PortfolioChart"),
}


def chart_class(figure_data: object) -> type:
    """The chart class that draws `figure_data`.

    Raises:
        TypeError: `figure_data` is not the data of any chart.
    """
    try:
        module, name = CHARTS[type(figure_data)]
    except KeyError:
        raise TypeError(f"No chart draws {type(figure_data).__name__}.") from None
    return getattr(importlib.import_module(module), name)


def render_image(figure_data: object, width: int, height: int, dark: bool = False) -> QImage:
    """`figure_data` drawn off-screen at `width` × `height` pixels, in the light or the dark style."""
    from immersion.charts import export

    return export.render(chart_class(figure_data), figure_data, width, height, dark)


def render_png(figure_data: object, width: int, height: int, dark: bool = False) -> bytes:
    """`figure_data` drawn off-screen and encoded as PNG."""
    from immersion.charts import export

    return export.png_bytes(render_image(figure_data, width, height, dark))
