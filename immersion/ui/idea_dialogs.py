"""The questions the ideas page asks: why an idea is parked or declined, and which duplicate survives a merge.

The page calls them through this module (`idea_dialogs.ask_reason(...)`), so a test can replace them with
`monkeypatch.setattr(idea_dialogs, "ask_reason", ...)`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from immersion.ui import idea_labels as labels
from immersion.ui.row_model import Row
from immersion.ui.widgets import Caption

OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel


class ReasonDialog(QDialog):
    """Asks why ideas are parked or declined; OK needs some text."""

    def __init__(self, stage: str, titles: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        verb = self.tr("Park") if stage == "parked" else self.tr("Decline")
        self.setWindowTitle(self.tr("%1 idea").replace("%1", verb) if len(titles) == 1
                            else self.tr("%1 ideas").replace("%1", verb))
        names = "\n".join(f"“{t}”" for t in titles[:5]) + ("\n…" if len(titles) > 5 else "")
        question = QLabel(self.tr("Why is this idea parked?") if stage == "parked"
                          else self.tr("Why was this idea declined?"), self)
        if len(titles) > 1:
            question.setText(self.tr("Why are these ideas parked?") if stage == "parked"
                             else self.tr("Why were these ideas declined?"))
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("e.g. Budget frozen until Q3; revisit after the annual plan"))
        self.reason.setAccessibleName(question.text())
        self.buttons = QDialogButtonBox(OK | CANCEL, self)
        self.buttons.button(OK).setText(verb)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(Caption(names, self))
        layout.addWidget(question)
        layout.addWidget(self.reason)
        layout.addWidget(Caption(self.tr("The reason is kept with the idea and in its history."), self))
        layout.addWidget(self.buttons)
        self.resize(420, 260)
        self._update()

    def _update(self) -> None:
        self.buttons.button(OK).setEnabled(bool(self.reason.toPlainText().strip()))


class MergeDialog(QDialog):
    """Asks which of the selected ideas stays; the others are merged into it."""

    def __init__(self, ideas: Sequence[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge Ideas"))
        self.ideas = list(ideas)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which idea stays? The others are merged into it."), self))
        best = max(range(len(self.ideas)), key=lambda n: _merit(self.ideas[n]))
        for number, row in enumerate(self.ideas):
            origin = row.get("meeting_title") or labels.origin_label(row["origin"])
            button = QRadioButton(f"{row['title']}", self)
            button.setToolTip(labels.card_tooltip(row))
            text = self.tr("%1 · mutual value %2 · %3").replace("%1", labels.stage_label(row["stage"]))
            detail = Caption(text.replace("%2", str(row["mutual_value"])).replace("%3", origin), self)
            detail.setContentsMargins(24, 0, 0, 6)
            self.group.addButton(button, number)
            layout.addWidget(button)
            layout.addWidget(detail)
            button.setChecked(number == best)
        layout.addWidget(Caption(self.tr("The merged ideas keep their origin, meeting, links and "
                                         "history; the idea that stays gains their goal links and tags. Undo "
                                         "takes the merge back."), self))
        buttons = QDialogButtonBox(OK | CANCEL, self)
        buttons.button(OK).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def survivor(self) -> str:
        return self.ideas[max(0, self.group.checkedId())]["id"]


def _merit(row: Row) -> tuple[int, int, int]:
    """The likeliest survivor: furthest along, then most valuable, then best linked."""
    stages = list(labels.STAGES)
    reached = stages.index(row["stage"]) if row["stage"] in stages[:6] else -1
    return reached, row["mutual_value"], len(row["goals"])


def ask_reason(parent: QWidget | None, stage: str, titles: Sequence[str]) -> str | None:
    """Why ideas go to "parked" or "declined"; None when the user cancels."""
    dialog = ReasonDialog(stage, titles, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    reason = dialog.reason.toPlainText().strip()
    dialog.deleteLater()
    return reason if accepted and reason else None


def ask_survivor(parent: QWidget | None, ideas: Sequence[Row]) -> str | None:
    """The id of the idea that stays when `ideas` are merged; None when the user cancels."""
    dialog = MergeDialog(ideas, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    survivor = dialog.survivor()
    dialog.deleteLater()
    return survivor if accepted else None
