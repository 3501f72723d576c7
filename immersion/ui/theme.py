"""Look and feel: the Fusion style, a light or dark palette that follows the system, and the accent colours.

Fusion draws the same on every platform and renders both palettes well. The palette follows
`QStyleHints.colorScheme()` (Qt 6.5+) and changes when the system switches between light and dark.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

PAGE_MARGIN = 24  # space around a page's content, in pixels

_TIER_COLOURS = {
    "strategic": "#7a4fd4",
    "key": "#2a6fd6",
    "growth": "#2b9a5a",
    "maintain": "#7a808a",
}


STYLE = "Fusion"


def apply_theme(app: QApplication, set_style: bool = True) -> None:
    """Use Fusion with a palette matching the system colour scheme, and keep it matching.

    Args:
        set_style: switch the running app to Fusion; False when it was started with `-style Fusion`, which is
            cheaper (the Python wrapper of QStyle and its dozen enumerations is never built).
    """
    if set_style:
        app.setStyle(STYLE)
    _apply_palette(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _apply_palette(app))


def app_icon() -> QIcon:
    """The application icon (two overlapping purposes), from the packaged resources."""
    from importlib.resources import files

    from PySide6.QtGui import QIcon

    return QIcon(str(files("immersion.resources") / "icons" / "immersion.svg"))


def is_dark() -> bool:
    """Whether the application palette is a dark one (light text on a dark window)."""
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < palette.color(
        QPalette.ColorRole.WindowText
    ).lightness()


def _apply_palette(app: QApplication) -> None:
    # IMMERSION_COLOR_SCHEME=dark|light overrides the system (for a fixed look, and to check both palettes).
    forced = os.environ.get("IMMERSION_COLOR_SCHEME", "").lower()
    dark = forced == "dark" if forced in ("dark", "light") else app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    app.setPalette(dark_palette() if dark else light_palette())


def light_palette() -> QPalette:
    """Fusion's light palette (as `QFusionStyle::standardPalette()` builds it), with a calmer highlight and
    readable placeholder text."""
    window = QColor(239, 239, 239)
    dark = window.darker(150)
    mid = window.darker(130)
    palette = QPalette(QColor("#000000"), window, window.lighter(150), dark, mid, QColor("#000000"), QColor("#fff"))
    palette.setColor(QPalette.ColorRole.Midlight, mid.lighter(110))
    palette.setColor(QPalette.ColorRole.Button, window)
    palette.setColor(QPalette.ColorRole.Shadow, dark.darker(135))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f6f6"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffdc"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2a6fd6"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b7079"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#1f5fbf"))
    disabled = QColor(190, 190, 190)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(145, 145, 145))
    return palette


def dark_palette() -> QPalette:
    """A neutral dark palette for Fusion."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2c30",
        QPalette.ColorRole.WindowText: "#e8e8ea",
        QPalette.ColorRole.Base: "#1f2023",
        QPalette.ColorRole.AlternateBase: "#28292d",
        QPalette.ColorRole.ToolTipBase: "#3a3b40",
        QPalette.ColorRole.ToolTipText: "#e8e8ea",
        QPalette.ColorRole.PlaceholderText: "#9a9ca3",
        QPalette.ColorRole.Text: "#e8e8ea",
        QPalette.ColorRole.Button: "#36373c",
        QPalette.ColorRole.ButtonText: "#e8e8ea",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#4a4b51",
        QPalette.ColorRole.Midlight: "#3e3f44",
        QPalette.ColorRole.Mid: "#4a4b51",
        QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Shadow: "#0d0d0f",
        QPalette.ColorRole.Highlight: "#3d7ad6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7db3ff",
        QPalette.ColorRole.LinkVisited: "#b79cff",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#7c7e85")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#4a4b51"))
    return palette


def badge_colours(accent: str) -> tuple[QColor, QColor]:
    """Fill and text colour of a badge in `accent` (a tier's, a status's), readable on the current palette."""
    colour = QColor(accent)
    fill = QColor(colour)
    if is_dark():
        fill.setAlpha(90)
        return fill, colour.lighter(165)
    fill.setAlpha(38)
    return fill, colour.darker(135)


def tier_colours(tier: str) -> tuple[QColor, QColor]:
    """Fill and text colour of a tier badge, readable on the current palette."""
    return badge_colours(_TIER_COLOURS.get(tier, _TIER_COLOURS["maintain"]))


def muted(widget: QWidget) -> QColor:
    """The colour for secondary text (captions, hints) on `widget`."""
    return widget.palette().color(QPalette.ColorRole.PlaceholderText)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    """`widget`'s font scaled by `factor` (headings, key figures), so it grows with the user's font size."""
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    font.setBold(bold)
    return font
