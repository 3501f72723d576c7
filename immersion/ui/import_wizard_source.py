"""The import wizard's first page: the file, the table it goes to, the account (for account-level tables) and
what to do with rows that exist. Leaving the page reads the file on a worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWizardPage,
)

from immersion.store import column_mapping, importing
from immersion.store.import_source import SourceTable
from immersion.ui.background import BackgroundTask, dispose_task, plain_label
from immersion.ui.import_wizard_common import ALL, CHECK, COLUMNS, TABLE_TITLES, wizard_tr

if TYPE_CHECKING:
    from immersion.ui.import_wizard import ImportWizard


class SourcePage(QWizardPage):
    """The file, the table it goes to, the account, and what to do with rows that exist."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Import from a file"))
        self.setSubTitle(self.tr("CSV, Excel (.xlsx) or JSON. Nothing is written until the last step."))
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("Choose a file…"))
        self.path_edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.table_combo = QComboBox(self)
        for table in (*column_mapping.IMPORTABLE, ALL):
            self.table_combo.addItem(wizard_tr(TABLE_TITLES[table]), table)
        self.table_combo.currentIndexChanged.connect(self._table_changed)
        self.account_combo = QComboBox(self)
        self.account_combo.addItem(self.tr("Named in the file (Account column)"), None)
        for account_id, name in importing.account_names(wizard.session.workbook):
            self.account_combo.addItem(name, account_id)
        self.update_existing = QCheckBox(self.tr("Update rows that already exist"), self)
        self.update_existing.setChecked(True)
        self.update_existing.setToolTip(self.tr("A row matching an existing one (by id, email or name) updates it; "
                                                "empty cells never clear a value."))
        self.create_accounts = QCheckBox(self.tr("Create accounts the file names that are not in the workbook"), self)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        form = QFormLayout(self)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)
        form.addRow(self.tr("&Into:"), self.table_combo)
        form.addRow(self.tr("&Account:"), self.account_combo)
        form.addRow("", self.update_existing)
        form.addRow("", self.create_accounts)
        form.addRow(self.progress)
        form.addRow(self.status)
        self._loaded_for: tuple[str, str] | None = None
        self._task: BackgroundTask | None = None
        self._table_changed()

    def browse(self) -> None:
        path = self.wizard_.ask_path(self)
        if path is not None:
            self.path_edit.setText(str(path))

    @property
    def table(self) -> str:
        return str(self.table_combo.currentData())

    def choose(self, path: Path | str | None = None, table: str | None = None, account_id: str | None = None) -> None:
        """Fill the page (used by `ImportWizard.ask()` and by tests)."""
        if path is not None:
            self.path_edit.setText(str(path))
        if table is not None:
            self.table_combo.setCurrentIndex(self.table_combo.findData(table))
        if account_id is not None:
            self.account_combo.setCurrentIndex(max(0, self.account_combo.findData(account_id)))

    def _table_changed(self) -> None:
        account_level = self.table in column_mapping.ACCOUNT_TABLES
        self.account_combo.setEnabled(account_level)
        self.create_accounts.setEnabled(account_level)
        self.update_existing.setEnabled(self.table != ALL)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and self._task is None

    def nextId(self) -> int:
        return CHECK if self.table == ALL else COLUMNS

    def validatePage(self) -> bool:
        """Read the file first (on a worker thread); the wizard moves on when it has been read."""
        key = (self.path_edit.text().strip(), self.table)
        if self.table == ALL:
            self.wizard_.source = None
            return True
        if self._loaded_for == key and self.wizard_.source is not None:
            return True
        path, table = Path(key[0]), key[1]
        self.status.setText(self.tr("Reading “%1”…").replace("%1", path.name))
        self.progress.show()
        task = BackgroundTask(lambda _progress: importing.read_source(path, table), self)
        task.done.connect(lambda source, error: self._read(key, source, error))
        self._task = task
        self.completeChanged.emit()
        task.start()
        return False

    def wait_for_reading(self) -> None:
        """Block until a file being read has been read (reading cannot be cut short)."""
        if self._task is not None:
            self._task.wait()

    def _read(self, key: tuple[str, str], source: SourceTable | None, error: BaseException | None) -> None:
        dispose_task(self._task)
        self._task = None
        self.progress.hide()
        self.completeChanged.emit()
        if source is None:
            self._loaded_for = None
            self.wizard_.source = None
            self.status.setText(str(error))
            self.wizard_.failed.emit(str(error))
            return
        self._loaded_for = key
        self.wizard_.source = source
        self.wizard_.mapping = column_mapping.auto_map(key[1], source.columns)
        self.status.setText(source.describe())
        self.wizard_.source_read.emit()
        if self.wizard_.currentPage() is self:
            self.wizard_.next()  # the file is read: on to the columns
