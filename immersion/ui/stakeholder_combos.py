"""The relationship page's combo boxes: stored choices shown by their labels, and people picked by typing any
part of their name.

The side form, its link editors and the quick-add row share them: `people_combo` completes on any part of a
name, `fill_people` offers the account's people (with the title where two share a name), and `resolve_person`
turns what was typed into one person's id, or says that it names nobody or several.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from immersion.ui.row_model import Row
from immersion.ui.stakeholder_model import label


def narrow(combo: QComboBox) -> QComboBox:
    """A combo box that does not ask for the width of its longest entry (a name or a long title)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def choice_combo(choices: Sequence[tuple[str | None, str]], parent: QWidget) -> QComboBox:
    """A combo box of translated labels holding the stored values."""
    combo = narrow(QComboBox(parent))
    for value, text in choices:
        combo.addItem(label(choices, value) or text, value)
    return combo


def people_combo(parent: QWidget, placeholder: str) -> QComboBox:
    """An editable combo box of people, completing on any part of a name."""
    combo = narrow(QComboBox(parent))
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.lineEdit().setPlaceholderText(placeholder)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


def fill_people(combo: QComboBox, people: Sequence[Row], exclude: Collection[str] = ()) -> None:
    """Offer `people` by name, with the title where two people share one, keeping what was typed."""
    text = combo.currentText()
    names = Counter(p["name"] for p in people)
    combo.blockSignals(True)
    combo.clear()
    for person in sorted(people, key=lambda p: p["name"].casefold()):
        if person["id"] in exclude:
            continue
        shown = person["name"]
        if names[shown] > 1 and person.get("title"):
            shown = f"{shown} ({person['title']})"
        combo.addItem(shown, person["id"])
    combo.setCurrentIndex(-1)
    combo.setEditText(text)
    combo.blockSignals(False)


def resolve_person(combo: QComboBox) -> str | None:
    """The id of the person typed or picked in `combo`: an exact name first, else the only name that starts
    with the text, else the only one that contains it ("Thorne"), as the completer offers them.

    Returns:
        The id; "" when the field is empty; None when no single person matches.
    """
    text = combo.currentText().strip().casefold()
    if not text:
        return ""
    items = [(combo.itemText(n).casefold(), combo.itemData(n)) for n in range(combo.count())]
    exact = [pid for shown, pid in items if shown == text or shown.split(" (")[0] == text]
    starts = [pid for shown, pid in items if shown.startswith(text)]
    contains = [pid for shown, pid in items if text in shown]
    for found in (exact, starts, contains):
        if len(found) == 1:
            return found[0]
    return None
