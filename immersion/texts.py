"""Translation contexts for module-level texts, in the window, the charts and the briefing alike.

Inside a Qt class, `self.tr("…")` translates in the class's context. Module-level code names its context once,
`Accounts = TextContext("Accounts")`, and writes `Accounts.tr("…")`: pyside6-lupdate reads `Name.tr("text")` as
text "text" in context "Name", so every text reaches the translation files. (A local `_tr(text)` wrapper hides
its literals from lupdate, and so does an f-string: translate the text first, then fill it in.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


class TextContext:
    """A named translation context: `tr(text)` is `QCoreApplication.translate(name, text)`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.name, text, disambiguation, n)
