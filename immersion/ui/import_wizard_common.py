"""What the import wizard's pages share: their ids, the tables a file can go to, and how a page shows the
progress of its worker thread.

Strings here are translated in the "ImportWizard" context, like the wizard's own.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QProgressBar

from immersion.ui.background import BackgroundTask

SOURCE, COLUMNS, CHECK, IMPORT = range(4)
ALL = "all"

TABLE_TITLES = {
    "accounts": QT_TRANSLATE_NOOP("ImportWizard", "Accounts"),
    "stakeholders": QT_TRANSLATE_NOOP("ImportWizard", "Stakeholders"),
    "goals": QT_TRANSLATE_NOOP("ImportWizard", "Goals"),
    "ideas": QT_TRANSLATE_NOOP("ImportWizard", "Ideas"),
    "investments": QT_TRANSLATE_NOOP("ImportWizard", "Investments"),
    "financials": QT_TRANSLATE_NOOP("ImportWizard", "Financials"),
    ALL: QT_TRANSLATE_NOOP("ImportWizard", "Whole workbook (an Immersion export)"),
}


def wizard_tr(text: str) -> str:
    """`text` translated in the wizard's context (for strings outside a page's own `tr`)."""
    return QCoreApplication.translate("ImportWizard", text)


def follow_progress(task: BackgroundTask, bar: QProgressBar) -> None:
    """Show the task's progress on the bar: busy while the total is unknown, then done of total."""
    task.progressed.connect(lambda _phase, done, total: _show_progress(bar, done, total))


def _show_progress(bar: QProgressBar, done: int, total: int) -> None:
    if total <= 0:
        bar.setRange(0, 0)
    else:
        bar.setRange(0, total)
        bar.setValue(done)
