"""File → Import…: a wizard that reads a CSV, XLSX or JSON file, lets the user map its columns, shows what the
import would do, then imports it as one undoable step.

    Source  — the file, the table it goes to, the account (for account-level tables) and two options;
    Columns — every column of the file with sample values and the field it goes to (auto-matched, changeable),
              and a preview of the first rows;
    Check   — the dry run: rows to add and to update, duplicates, every rejected row with its column and reason;
    Import  — a progress bar and Cancel; the result.

Reading the file, the dry run and the import run on a worker thread (`BackgroundTask`), so the window keeps
painting. The import uses the open workbook's connection, in one transaction; the wizard is modal and nothing
else touches the connection until the task ends. Cancel makes the import's progress callback raise
`ImportCancelled`, which rolls the transaction back: the workbook is left exactly as it was. A finished
import is put on the undo stack through `EditSession.edit()`, so Edit → Undo takes all of it back.

Open it with `ImportWizard.ask()`; tests construct the wizard and drive it, with `ask_import_path` patched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from immersion.store import column_mapping, importing
from immersion.store.column_mapping import Mapping
from immersion.store.import_report import ImportCancelled, ImportRefused, ImportReport
from immersion.store.import_source import SourceTable
from immersion.ui.background import BackgroundTask, dispose_task, plain_label
from immersion.ui.edit_session import EditSession

SOURCE, COLUMNS, CHECK, IMPORT = range(4)
ALL = "all"
PREVIEW_ROWS = 100
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def ask_import_path(parent: QWidget | None) -> Path | None:
    """Ask for the file to import; None when the user cancels."""
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("Import From File"), "",
        _tr("Tables (*.csv *.txt *.tsv *.xlsx *.json);;CSV files (*.csv *.txt *.tsv);;Excel workbooks (*.xlsx);;"
            "JSON files (*.json);;All files (*)"))
    return Path(name) if name else None


# -- models ----------------------------------------------------------------------------------------------------


class PreviewModel(QAbstractTableModel):
    """The first rows of the file, each column headed by its name and the field it goes to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._rows: list[list[str]] = []
        self._numbers: list[int] = []
        self._mapping: Mapping | None = None

    def show(self, source: SourceTable, mapping: Mapping) -> None:
        self.beginResetModel()
        self._columns = list(source.columns)
        head = source.text.head(PREVIEW_ROWS)
        self._rows = [[str(v) for v in row] for row in head.itertuples(index=False, name=None)]
        self._numbers = list(source.rows[:PREVIEW_ROWS])
        self._mapping = mapping
        self.endResetModel()

    def mapping_changed(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._numbers[section]) if 0 <= section < len(self._numbers) else None
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        name = self._mapping.field_of(column) if self._mapping else None
        target = field_label(self._mapping.table, name) if self._mapping and name else _tr("not imported")
        return f"{column}\n→ {target}"


class ReportModel(QAbstractTableModel):
    """The dry run's findings: kind, row, column, what."""

    HEADINGS = (QT_TRANSLATE_NOOP("ImportWizard", "Kind"), QT_TRANSLATE_NOOP("ImportWizard", "Row"),
                QT_TRANSLATE_NOOP("ImportWizard", "Column"), QT_TRANSLATE_NOOP("ImportWizard", "What"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[tuple[str, str, str, str]] = []

    def show(self, report: ImportReport) -> None:
        self.beginResetModel()
        lines = [(_tr("rejected"), str(r.row), r.column, r.reason) for r in report.rejections]
        lines += [(_tr("duplicate"), str(d.row), "", _tr("repeats row %1 (same %2); skipped")
                   .replace("%1", str(d.first_row)).replace("%2", d.key)) for d in report.duplicates]
        lines += [(_tr("warning"), str(w.row), w.column, w.reason) for w in report.warnings]
        lines += [(_tr("new account"), "", "", name) for name in report.new_accounts]
        lines += [(_tr("update"), str(u.row), ", ".join(u.fields), _tr("updates “%1” (matched by %2)")
                   .replace("%1", u.label).replace("%2", u.by)) for u in report.updates]
        self._lines = lines
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._lines[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            return _tr(self.HEADINGS[section])
        return None

    def line(self, row: int) -> tuple[str, str, str, str]:
        return self._lines[row]


def field_label(table: str, name: str) -> str:
    return QCoreApplication.translate("ImportFields", column_mapping.lookup(table, name).label)


TABLE_TITLES = {
    "accounts": QT_TRANSLATE_NOOP("ImportWizard", "Accounts"),
    "stakeholders": QT_TRANSLATE_NOOP("ImportWizard", "Stakeholders"),
    "goals": QT_TRANSLATE_NOOP("ImportWizard", "Goals"),
    "ideas": QT_TRANSLATE_NOOP("ImportWizard", "Ideas"),
    "investments": QT_TRANSLATE_NOOP("ImportWizard", "Investments"),
    "financials": QT_TRANSLATE_NOOP("ImportWizard", "Financials"),
    ALL: QT_TRANSLATE_NOOP("ImportWizard", "Whole workbook (an Immersion export)"),
}


# -- pages ---------------------------------------------------------------------------------------------------------


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
            self.table_combo.addItem(_tr(TABLE_TITLES[table]), table)
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
        path = ask_import_path(self)
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


class ColumnsPage(QWizardPage):
    """A combo per column of the file, filled by the automatic match, and a preview of the first rows."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Each column of the file goes to the field chosen beside it. Columns set to "
                                 "“Not imported” are left out."))
        self.combos: dict[str, QComboBox] = {}
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.problems = plain_label("", self)
        self.problems.setWordWrap(True)
        self.preview_model = PreviewModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.preview_model)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.problems)
        layout.addWidget(QLabel(self.tr("First rows of the file:"), self))
        layout.addWidget(self.preview, 2)

    def initializePage(self) -> None:
        source, mapping = self.wizard_.source, self.wizard_.mapping
        assert source is not None and mapping is not None
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos = {}
        for column, header in enumerate((self.tr("Column"), self.tr("Sample"), self.tr("Import as"))):
            label = QLabel(header, self.grid_host)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.grid.addWidget(label, 0, column)
        for row, column in enumerate(source.columns, start=1):
            samples = [str(v) for v in source.cells(column)[:50] if str(v).strip()][:3]
            self.grid.addWidget(plain_label(column, self.grid_host), row, 0)
            sample = plain_label(" · ".join(s[:30] for s in samples), self.grid_host)
            sample.setToolTip("\n".join(samples))
            sample.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # the combos keep room
            sample.setEnabled(False)  # greyed: an example, not a setting
            self.grid.addWidget(sample, row, 1)
            combo = QComboBox(self.grid_host)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setAccessibleName(self.tr("Import “%1” as").replace("%1", column))
            combo.addItem(self.tr("Not imported"), None)
            for item in column_mapping.fields(mapping.table):
                combo.addItem(field_label(mapping.table, item.name), item.name)
            self.combos[column] = combo
            self.grid.addWidget(combo, row, 2)
        self.grid.setColumnStretch(1, 1)
        self.preview_model.show(source, mapping)
        self.preview.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            self.preview.setColumnWidth(column, min(self.preview.columnWidth(column), 220))
        self._show_mapping()
        for column, combo in self.combos.items():
            combo.currentIndexChanged.connect(lambda _i, c=column: self._picked(c))

    def set_field(self, column: str, name: str | None) -> None:
        """Choose the field of a column, as the user does with its combo."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(name))

    def _picked(self, column: str) -> None:
        mapping = self.wizard_.mapping
        assert mapping is not None
        mapping.set(column, self.combos[column].currentData())
        self._show_mapping()

    def _show_mapping(self) -> None:
        mapping = self.wizard_.mapping
        assert mapping is not None
        for column, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(mapping.field_of(column)))
            combo.blockSignals(False)
        self.preview_model.mapping_changed()
        problems = mapping.problems(default_account=self.wizard_.options().account_id is not None)
        unfed = [item.label for item in mapping.unfed()]
        notes = list(problems)
        if unfed:
            notes.append(self.tr("No column gives %1: only rows that exist already can be updated.")
                         .replace("%1", ", ".join(unfed)))
        self.problems.setText("\n".join(notes))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        mapping = self.wizard_.mapping
        return mapping is not None and not mapping.problems(
            default_account=self.wizard_.options().account_id is not None)


class CheckPage(QWizardPage):
    """The dry run: what the import will do, row by row where something is wrong."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Check"))
        self.setSubTitle(self.tr("What the import will do. Nothing has been written yet."))
        self.setCommitPage(True)
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.report_model = ReportModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.report_model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.skip_rejected = QCheckBox(self.tr("Skip the rejected rows and import the others"), self)
        self.skip_rejected.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_rejected)
        self.report: ImportReport | None = None
        self.skippable = False
        self._task: BackgroundTask | None = None

    def initializePage(self) -> None:
        self.report = None
        self.skippable = False
        self.skip_rejected.setChecked(False)
        self.skip_rejected.hide()
        self.report_model.show(ImportReport(self.wizard_.table()))
        self.summary.setText(self.tr("Checking every row…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        wizard = self.wizard_
        work = wizard.dry_run_work()
        task = BackgroundTask(work, self)
        task.progressed.connect(lambda _phase, done, total: _show_progress(self.progress, done, total))
        task.done.connect(self._finished)
        self._task = task
        task.start()

    def _finished(self, report: ImportReport | None, error: BaseException | None) -> None:
        dispose_task(self._task)
        self._task = None
        self.progress.hide()
        if report is not None:
            self._checked(report)
        else:
            self._failed(error)
        self.completeChanged.emit()

    def _checked(self, report: ImportReport) -> None:
        self.report = report
        self.report_model.show(report)
        self.table.resizeColumnsToContents()
        text = report.summary()
        if report.rejections:
            text += "\n" + self.tr("Rows with problems are listed below. Correct the file and import it again, or "
                                   "skip them.")
        self.summary.setText(text)
        self.skippable = bool(report.rejections) and self.wizard_.table() != ALL
        self.skip_rejected.setVisible(self.skippable)
        self.wizard_.checked.emit(report)

    def _failed(self, error: BaseException | None) -> None:
        self.summary.setText(str(error.report.summary() if isinstance(error, ImportRefused) else error))
        if isinstance(error, ImportRefused):
            self.report = error.report
            self.report_model.show(error.report)
        self.wizard_.failed.emit(str(error))

    def isComplete(self) -> bool:
        report = self.report
        if self._task is not None or report is None:
            return False
        if not (report.added or report.updated or report.new_accounts):
            return False
        return not report.rejections or self.skips()

    def skips(self) -> bool:
        """The user chose to import the good rows and skip the rejected ones."""
        return self.skippable and self.skip_rejected.isChecked()

    def cleanupPage(self) -> None:
        if self._task is not None:
            self._task.cancel()


class ImportPage(QWizardPage):
    """The import itself, with its progress and the outcome."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Import"))
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel Import"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)
        self.task: BackgroundTask | None = None
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.status.setText(self.tr("Importing… The workbook is changed only when every row is in."))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        task = BackgroundTask(self.wizard_.import_work(), self)
        task.progressed.connect(lambda _phase, done, total: _show_progress(self.progress, done, total))
        task.done.connect(self._finished)
        self.task = task
        self.wizard_.set_busy(True)
        task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
            self.task.cancel()

    def _finished(self, result: tuple[ImportReport, Any] | None, error: BaseException | None) -> None:
        dispose_task(self.task)
        self.task = None
        self.done = True
        self.cancel_button.setEnabled(False)
        self.wizard_.set_busy(False)
        if result is not None:
            self._imported(result)
        else:
            self._failed(error)
        self.completeChanged.emit()

    def _imported(self, result: tuple[ImportReport, Any]) -> None:
        report, changes = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("Imported: %1.").replace("%1", report.summary()))
        self.wizard_.imported(report, changes)

    def _failed(self, error: BaseException | None) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, ImportCancelled):
            self.status.setText(self.tr("The import was cancelled. Nothing was changed."))
            self.wizard_.cancelled.emit()
        else:
            self.status.setText(self.tr("Nothing was imported: %1").replace("%1", str(error)))
            self.wizard_.failed.emit(str(error))

    def isComplete(self) -> bool:
        return self.done


def _show_progress(bar: QProgressBar, done: int, total: int) -> None:
    if total <= 0:
        bar.setRange(0, 0)
    else:
        bar.setRange(0, total)
        bar.setValue(done)


# -- the wizard ----------------------------------------------------------------------------------------------------


class ImportWizard(QWizard):
    """The import wizard over the open workbook's edit session.

    Signals:
        source_read(): the file was read and its columns matched.
        checked(object): the dry run's ImportReport.
        finished_import(object): the import is in the workbook (its ImportReport).
        cancelled(): the import was cancelled; nothing changed.
        failed(str): reading, checking or importing failed; the argument is the user sentence.
    """

    source_read = Signal()
    checked = Signal(object)
    finished_import = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, session: EditSession, account_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source: SourceTable | None = None
        self.mapping: Mapping | None = None
        self.report: ImportReport | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.resize(820, 620)
        self.source_page = SourcePage(self)
        self.columns_page = ColumnsPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        self.setPage(SOURCE, self.source_page)
        self.setPage(COLUMNS, self.columns_page)
        self.setPage(CHECK, self.check_page)
        self.setPage(IMPORT, self.import_page)
        if account_id is not None:
            self.source_page.choose(account_id=account_id)

    @classmethod
    def ask(cls, parent: QWidget | None, session: EditSession, account_id: str | None = None,
            path: Path | None = None, table: str | None = None) -> ImportReport | None:
        """Run the wizard modally; the report of what was imported, or None."""
        wizard = cls(session, account_id, parent)
        wizard.source_page.choose(path=path, table=table)
        wizard.exec()
        return wizard.report

    # what the pages run -------------------------------------------------------------------------------------------

    def table(self) -> str:
        return self.source_page.table

    def options(self) -> importing.ImportOptions:
        account_level = self.table() in column_mapping.ACCOUNT_TABLES
        return importing.ImportOptions(
            account_id=self.source_page.account_combo.currentData() if account_level else None,
            on_existing="update" if self.source_page.update_existing.isChecked() else "skip",
            skip_rejected=self.check_page.skips(),
            create_accounts=account_level and self.source_page.create_accounts.isChecked())

    def _path(self) -> Path:
        return Path(self.source_page.path_edit.text().strip())

    def dry_run_work(self) -> Callable[[Callable[[str, int, int], None]], Any]:
        workbook, path, options = self.session.workbook, self._path(), self.options()
        if self.table() == ALL:
            from immersion.store.import_restore import restore_file

            return lambda progress: restore_file(workbook, path, dry=True)[0]
        source, mapping = self.source, self.mapping
        assert source is not None and mapping is not None
        return lambda progress: importing.dry_run(workbook, source, mapping, options, progress)

    def import_work(self) -> Callable[[Callable[[str, int, int], None]], Any]:
        workbook, path, options = self.session.workbook, self._path(), self.options()
        if self.table() == ALL:
            from immersion.store.import_restore import restore_file

            return lambda progress: restore_file(workbook, path, progress=progress)
        source, mapping = self.source, self.mapping
        assert source is not None and mapping is not None

        def work(progress: Callable[[str, int, int], None]) -> tuple[ImportReport, Any]:
            result = importing.run_import(workbook, source, mapping, options, progress)
            return result.report, result.changes

        return work

    def imported(self, report: ImportReport, changes: Any) -> None:
        """Put the finished import on the undo stack (it is in the file already) and tell the window."""
        self.report = report
        what = _tr(TABLE_TITLES[self.table()]).lower() if self.table() != ALL else self.tr("workbook")
        self.session.edit(self.tr("Import %1 from %2").replace("%1", what).replace("%2", self._path().name),
                          lambda _workbook: changes)
        self.finished_import.emit(report)

    # no closing while the import runs -----------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)

    def reject(self) -> None:
        if self.busy:
            self.import_page.cancel()
            return
        if self.check_page._task is not None:
            self.check_page._task.cancel()
            self.check_page._task.wait()
        if self.source_page._task is not None:
            self.source_page._task.wait()
        super().reject()

    def done(self, result: int) -> None:
        if self.busy:
            return
        super().done(result)
