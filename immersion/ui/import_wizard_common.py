"""What the import wizard's pages share: their ids, and the tables a file can go to.

Strings here are translated in the "ImportWizard" context, like the wizard's own.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
