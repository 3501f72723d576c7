"""A read-only view of markdown notes that never loads anything.

Meeting notes are user text, often pasted from mail or other tools. Qt's text documents fetch the resources
their content names: `QTextDocument.loadResource()` reads any local file an image points at (even when the
browser around it refuses), and rich text would happily show `<img src="file:///etc/passwd">`. So:

- images are taken out of the rendered document and replaced by their alt text in brackets: Qt's image
  handler reads an image's file *directly* when the document gives it nothing (bypassing `loadResource()`),
  so the only safe image is one that never reaches the layout;
- the document and the browser both override `loadResource()` and return nothing for every URL (recorded in
  `refused`, as are the dropped images, so that a test can prove it);
- raw HTML inside the markdown is not interpreted (`MarkdownNoHTML`): it shows as the text it is;
- links are never followed inside the view; a click opens only http, https and mailto links, in the system's
  browser or mail program.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor, \
    QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

MARKDOWN = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML
OPENABLE = ("http", "https", "mailto")
HEADING_SCALE = {1: 1.3, 2: 1.15, 3: 1.05}


class SafeDocument(QTextDocument):
    """A text document that refuses every resource (images, style sheets) its content asks for.

    Args:
        refused: the list that records the URLs it was asked for (shared by the documents of one view).
    """

    def __init__(self, parent: Any = None, refused: list[str] | None = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = refused if refused is not None else []

    def loadResource(self, type_: int, name: QUrl) -> Any:  # noqa: N802 - Qt's virtual
        self.refused.append(name.toString())
        return None  # an invalid QVariant: nothing is loaded


class MarkdownView(QTextBrowser):
    """Rendered markdown, updated with `set_markdown()`; loads nothing and follows no link by itself.

    Each text is parsed into a fresh document that no view has laid out yet — Qt reads images at layout time —
    its images are replaced, and only then is it shown.

    Signals:
        link_opened(QUrl): a web or mail link was handed to the system.
    """

    link_opened = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refused: list[str] = []
        self.setDocument(SafeDocument(self, self._refused))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self._markdown: str | None = None

    def refused(self) -> list[str]:
        """The URLs of images and other resources the view was asked to show and did not load."""
        return list(self._refused)

    def markdown(self) -> str:
        return self._markdown or ""

    def set_markdown(self, text: str) -> None:
        """Show `text` rendered; keeps the scroll position, so that live updates do not make it jump."""
        if text == self._markdown:
            return
        self._markdown = text
        bar = self.verticalScrollBar()
        position = bar.value()
        document = SafeDocument(self, self._refused)  # a child of the view: replacing it deletes the old one
        document.setDocumentMargin(12)
        document.setDefaultFont(self.font())
        document.setMarkdown(text, MARKDOWN)
        self._drop_images(document)
        self._calm_headings(document)
        self.setDocument(document)
        bar.setValue(min(position, bar.maximum()))

    def _drop_images(self, document: QTextDocument) -> None:
        """Replace every image by "[alt text]" in a muted italic, before anything lays it out."""
        found: list[tuple[int, int, str, str]] = []
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                char = fragment.charFormat()
                if char.isImageFormat():
                    image = char.toImageFormat()
                    alt = image.property(QTextFormat.Property.ImageAltText) or ""
                    found.append((fragment.position(), fragment.length(), image.name(), str(alt)))
                fragments += 1
            block = block.next()
        label = QTextCharFormat()
        label.setFontItalic(True)
        label.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for position, length, name, alt in reversed(found):  # from the end, so earlier positions stay valid
            self._refused.append(name)
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText("[" + (alt or self.tr("image")) + "]", label)

    def _calm_headings(self, document: QTextDocument) -> None:
        """Qt sizes markdown headings for documents; in a side pane next to notes they shout. Tone them down."""
        base = self.font().pointSizeF()
        if base <= 0:
            return
        block = document.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                char = QTextCharFormat()
                char.setFontPointSize(base * HEADING_SCALE.get(level, 1.0))
                cursor.mergeCharFormat(char)
                spacing = QTextBlockFormat(block.blockFormat())
                spacing.setTopMargin(base * (1.0 if level <= 2 else 0.6))
                spacing.setBottomMargin(base * 0.3)
                cursor.setBlockFormat(spacing)
            block = block.next()

    def loadResource(self, type_: int, name: QUrl) -> Any:  # noqa: N802 - Qt's virtual
        self._refused.append(name.toString())
        return None

    def _clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in OPENABLE:
            self.link_opened.emit(url)
            open_external(url)


def open_external(url: QUrl) -> None:
    """Hand a web or mail link to the system (a seam for tests, which must not start a browser)."""
    QDesktopServices.openUrl(url)
