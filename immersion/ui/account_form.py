"""The account's own fields on the Overview page: purpose, objectives, name, tier, industry, owner, currency.

Each field saves itself as one undoable step when the user is done with it (a line on Enter or when focus
leaves, a multi-line text on Ctrl+Enter or when focus leaves, a choice when picked). The form never writes: it
emits `AccountForm.edited(undo text, field, value)` and the page passes that on to the edit session.

Refreshing the form after an edit elsewhere leaves alone a field the user is typing in, so that an undo on
another page or a background refresh never eats unsaved words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from immersion.domain.enums import Tier
from immersion.ui import formatting, theme
from immersion.ui.line_field import LineField
from immersion.ui.widgets import Caption, Card

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent

    from immersion.domain.models import Account


class NoteEdit(QTextEdit):
    """Multi-line plain text that grows with its content and saves on Ctrl+Enter or when focus leaves.

    Escape puts back the saved text. Tab moves on to the next field instead of typing a tab.

    Signals:
        committed(str): the user finished an edit; the argument is the new text.
    """

    committed = Signal(str)

    def __init__(self, min_lines: int = 2, max_lines: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = ""
        self._lines = (min_lines, max_lines)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self.updateGeometry)

    def is_dirty(self) -> bool:
        return self.toPlainText() != self._saved

    def set_text(self, text: str) -> None:
        """Show the stored `text`, unless the user is in the middle of changing this field."""
        if self.hasFocus() and self.is_dirty():
            return
        self._saved = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def commit(self) -> None:
        if self.is_dirty() and not self.isReadOnly():
            self._saved = self.toPlainText()
            self.committed.emit(self._saved)

    def revert(self) -> None:
        """Put back the saved text."""
        self.setPlainText(self._saved)

    def sizeHint(self) -> QSize:
        low, high = self._lines
        line = self.fontMetrics().lineSpacing()
        margin = 2 * round(self.document().documentMargin()) + 2 * self.frameWidth()
        text = round(self.document().size().height()) - 2 * round(self.document().documentMargin())
        height = min(high * line, max(low * line, text)) + margin
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape and self.is_dirty():
            self.revert()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapping changed with the width, and so did the height the text needs


class ChoiceCombo(QComboBox):
    """A combo box of (stored value, label) pairs that reports the value the user picked.

    Signals:
        chosen(object): the stored value of the item the user picked.
    """

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activated.connect(lambda row: self.chosen.emit(self.itemData(row)))

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        current = [(self.itemData(row), self.itemText(row)) for row in range(self.count())]
        if current == list(choices):
            return
        value = self.value()
        self.blockSignals(True)
        self.clear()
        for stored, label in choices:
            self.addItem(label, stored)
        self.setCurrentIndex(max(0, self.findData(value)))
        self.blockSignals(False)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        if self.view().isVisible():  # the user has the list open: do not move the choice under the pointer
            return
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(value)))
        self.blockSignals(False)

    def text(self) -> str:
        """The label of the current choice, as shown."""
        return self.currentText()


class AccountForm(QObject):
    """The editable fields of one account; the page lays them out (`purpose_card()`, `profile_card()`).

    Signals:
        edited(str, str, object): undo text ("Change tier"), field of the `accounts` table, new value (None to
            clear it).
    """

    edited = Signal(str, str, object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.purpose = NoteEdit(2, 8, parent)
        self.purpose.setFont(theme.scaled_font(parent, 1.15))
        self.purpose.setFrameShape(QFrame.Shape.NoFrame)
        self.purpose.setPlaceholderText(self.tr("What we and the customer set out to achieve together, in "
                                                "the customer's words, not our products."))
        self.objectives = NoteEdit(3, 10, parent)
        self.objectives.setPlaceholderText(self.tr("What we want from this account: revenue, references, "
                                                   "reach…"))
        self.name = LineField(parent)
        self.tier = ChoiceCombo(parent)
        self.tier.set_choices([(tier.value, formatting.tier_label(tier.value)) for tier in Tier])
        self.industry = LineField(parent)
        self.industry.setPlaceholderText(self.tr("e.g. Grocery retail"))
        self.owner = ChoiceCombo(parent)
        self.currency = LineField(parent)
        three_letters = QRegularExpression("[A-Za-z]{3}")
        self.currency.setValidator(QRegularExpressionValidator(three_letters, self.currency))
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(self.currency.fontMetrics().horizontalAdvance("WWWW") + 24)
        self._tooltips()
        self._show_frames()
        self.name.installEventFilter(self)

        def bind(signal: Any, undo: str, field: str, clean: Any = None) -> None:
            signal.connect(lambda value: self.edited.emit(undo, field, clean(value) if clean else value))

        bind(self.purpose.committed, self.tr("Edit mutual purpose"), "mutual_purpose", _text_or_none)
        bind(self.objectives.committed, self.tr("Edit objectives"), "objectives", _text_or_none)
        bind(self.name.committed, self.tr("Rename account"), "name", str.strip)
        bind(self.tier.chosen, self.tr("Change tier"), "tier")
        bind(self.industry.committed, self.tr("Edit industry"), "industry", _text_or_none)
        bind(self.owner.chosen, self.tr("Change owner"), "owner_id")
        bind(self.currency.committed, self.tr("Change currency"), "currency", str.upper)

    def _tooltips(self) -> None:
        self.purpose.setToolTip(self.tr(
            "The mutual purpose statement: why the customer and we work together. Saved when you leave the "
            "field or press Ctrl+Enter; Escape puts back the saved text."))
        self.objectives.setToolTip(self.tr(
            "Our own objectives for this account. Saved when you leave the field or press Ctrl+Enter."))
        self.tier.setToolTip(self.tr(
            "How much of the enterprise this account gets: strategic, key, growth or maintain."))
        self.owner.setToolTip(self.tr("Who on our side leads this account (from Team & partners)."))
        self.currency.setToolTip(self.tr(
            "The three-letter code of the account's currency (EUR, GBP, USD …); money on this account's "
            "pages is shown in it."))
        self.name.setToolTip(self.tr("The customer's name as it appears in the sidebar and in briefings."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._show_frames()
        return super().eventFilter(watched, event)

    def _show_frames(self) -> None:
        # Fusion outlines a text field a shade darker than Window; on a card in the dark palette that shade is
        # the card's own colour, and the fields would look like plain text. Lighten the outline's source.
        palette = QPalette(QGuiApplication.palette())
        if theme.is_dark():
            palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Mid).lighter(150))
        for field in (self.name, self.industry, self.currency, self.objectives):
            field.setPalette(palette)

    def commit_pending(self) -> None:
        """Save whatever the user typed and has not saved yet (before the form shows another account)."""
        for field in (self.purpose, self.objectives, self.name, self.industry, self.currency):
            field.commit()

    def load(self, account: Account, team: Sequence[tuple[str, str]], editable: bool) -> None:
        """Show `account`; `team` is (id, name) of the team members who can own it.

        Fields the user is typing in keep what they hold; every other field shows the stored value.
        """
        self.owner.set_choices([(None, formatting.UNDEFINED), *team])
        self.purpose.set_text(account.mutual_purpose or "")
        self.objectives.set_text(account.objectives or "")
        self.name.set_text(account.name)
        self.tier.set_value(str(account.tier))
        self.industry.set_text(account.industry or "")
        self.owner.set_value(account.owner_id)
        self.currency.set_text(account.currency)
        for field in (self.purpose, self.objectives, self.name, self.industry, self.currency):
            field.setReadOnly(not editable)
        self.tier.setEnabled(editable)
        self.owner.setEnabled(editable)

    def purpose_card(self, parent: QWidget) -> Card:
        """A card holding the mutual purpose statement."""
        card = Card(parent)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.setSpacing(2)
        layout.addWidget(Caption(self.tr("Mutual purpose"), card))
        layout.addWidget(self.purpose)
        return card

    def profile_card(self, parent: QWidget) -> Card:
        """A card with the account's name, tier, industry, owner, currency and our objectives."""
        card = Card(parent)
        form = QFormLayout(card)
        form.setContentsMargins(16, 14, 16, 14)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        rows = ((self.tr("Name"), self.name), (self.tr("Tier"), self.tier),
                (self.tr("Industry"), self.industry), (self.tr("Owner"), self.owner),
                (self.tr("Currency"), self.currency))
        for label, field in rows:
            caption = Caption(label, card)
            caption.setBuddy(field)
            form.addRow(caption, field)
        objectives = Caption(self.tr("Our objectives"), card)
        objectives.setBuddy(self.objectives)
        form.addRow(objectives)
        form.addRow(self.objectives)
        return card


def _text_or_none(text: str) -> str | None:
    return text.strip() or None
