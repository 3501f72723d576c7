"""Colours of the charts, taken from a palette so that they read in the light and the dark theme alike.

A chart follows the palette of the widget that shows it (`ChartStyle.from_palette`); a chart rendered for the
briefing PDF takes `ChartStyle.light()` or `.dark()`, whose palettes match the app's own (`ui/theme.py` — the
charts may not import the UI, so the few colours are repeated here).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from immersion.domain.enums import IdeaStage

# Accents chosen to keep a 3:1 contrast on white; the dark style lightens them.
_ACCENTS = {
    "customer": "#c77c12",  # the customer's emphasis
    "ideas": "#2a6fd6",  # our idea effort
    "money": "#7a4fd4",  # our money
    "gap": "#d0582a",  # something missing that matters
    "up": "#2b9a5a",  # a rise in a waterfall, a positive return
    "down": "#c4403f",  # a fall, a loss
    "total": "#4a5563",  # totals
}
_TIERS = {"strategic": "#7a4fd4", "key": "#2a6fd6", "growth": "#2b9a5a", "maintain": "#7a808a"}
_STAGES = {
    IdeaStage.CAPTURED: "#8a94a6",
    IdeaStage.SHAPING: "#3aa3a3",
    IdeaStage.CO_CREATING: "#2a6fd6",
    IdeaStage.PROPOSED: "#7a4fd4",
    IdeaStage.PILOTING: "#d08a12",
    IdeaStage.ADOPTED: "#2b9a5a",
    IdeaStage.PARKED: "#9a9ca3",
    IdeaStage.DECLINED: "#9a9ca3",
}
_LIGHT = {"base": "#ffffff", "window": "#efefef", "text": "#000000", "muted": "#6b7079", "grid": "#c8c8c8",
          "tip": "#ffffdc", "tip_text": "#000000"}
_DARK = {"base": "#1f2023", "window": "#2b2c30", "text": "#e8e8ea", "muted": "#9a9ca3", "grid": "#4a4b51",
         "tip": "#3a3b40", "tip_text": "#e8e8ea"}


@dataclass(frozen=True)
class ChartStyle:
    """The colours one chart is drawn with."""

    dark: bool
    background: QColor
    window: QColor
    text: QColor
    muted: QColor
    grid: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartStyle:
        """The style of a chart shown on a widget with `palette`."""
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        return cls(
            dark=window.lightness() < text.lightness(),
            background=palette.color(QPalette.ColorRole.Base),
            window=window,
            text=palette.color(QPalette.ColorRole.Text),
            muted=palette.color(QPalette.ColorRole.PlaceholderText),
            grid=palette.color(QPalette.ColorRole.Mid),
        )

    @classmethod
    def light(cls) -> ChartStyle:
        return cls._of(_LIGHT, False)

    @classmethod
    def dark_style(cls) -> ChartStyle:
        return cls._of(_DARK, True)

    @classmethod
    def _of(cls, colours: dict[str, str], dark: bool) -> ChartStyle:
        c = {k: QColor(v) for k, v in colours.items()}
        return cls(dark, c["base"], c["window"], c["text"], c["muted"], c["grid"])

    def palette(self) -> QPalette:
        """A palette for the chart's own widgets (legend, empty state) when it is rendered off-screen."""
        colours = _DARK if self.dark else _LIGHT
        palette = QPalette()
        for role, key in ((QPalette.ColorRole.Window, "window"), (QPalette.ColorRole.Base, "base"),
                          (QPalette.ColorRole.WindowText, "text"), (QPalette.ColorRole.Text, "text"),
                          (QPalette.ColorRole.PlaceholderText, "muted"), (QPalette.ColorRole.Mid, "grid"),
                          (QPalette.ColorRole.ToolTipBase, "tip"), (QPalette.ColorRole.ToolTipText, "tip_text")):
            palette.setColor(role, QColor(colours[key]))
        return palette

    def _readable(self, colour: str) -> QColor:
        accent = QColor(colour)
        return accent.lighter(140) if self.dark else accent

    def accent(self, name: str) -> QColor:
        """One of the named accents ("customer", "ideas", "money", "gap", "up", "down", "total")."""
        if name == "total":
            return QColor(self.text) if self.dark else QColor(_ACCENTS["total"])
        return self._readable(_ACCENTS[name])

    def tier(self, tier: str) -> QColor:
        return self._readable(_TIERS.get(tier, _TIERS["maintain"]))

    def stage(self, stage: IdeaStage) -> QColor:
        return self._readable(_STAGES[stage])

    def translucent(self, colour: QColor, alpha: int) -> QColor:
        faded = QColor(colour)
        faded.setAlpha(alpha)
        return faded


def style_for(dark: bool) -> ChartStyle:
    """The fixed style of an off-screen chart."""
    return ChartStyle.dark_style() if dark else ChartStyle.light()
