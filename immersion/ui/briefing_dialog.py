"""File → Export Briefing…: choose the account, the meeting, the edition, the paper and the sections, then write
the briefing PDF with a progress bar, and offer to open its folder.

The dialog only chooses; `immersion.report` does the work in three steps on the threads they need: the content
is read on a worker with its own read-only connection, the charts are drawn on the GUI thread (they are
widgets, a few tens of milliseconds), and the pages are laid out and printed on a worker again. Open it with
`BriefingDialog.ask()`; tests patch `ask_briefing_path` and `open_folder`.

The preview beside the choices goes the same way, a short pause after the last change (so typing is never held
up): the briefing is read on a worker, its charts drawn here, and its first pages painted into images on a
worker by `immersion.report.preview`, with the PDF's own layout, header and footer. It runs only while the
dialog is shown; a change made while it runs starts another once it is done.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QHideEvent, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from immersion.report import content
from immersion.report import format as words
from immersion.report.export import BriefingResult, file_name
from immersion.report.format import Report
from immersion.report.model import Briefing, MeetingInfo
from immersion.report.options import NEXT_MEETING, BriefingOptions, Edition, Paper, Section
from immersion.store.workbook import Workbook
from immersion.texts import TextContext
from immersion.ui.background import BackgroundTask, dispose_task, follow_progress, path_row, plain_label

NO_MEETING = ""
PREVIEW_DELAY_MS = 350  # the pause after the last change before the preview is redrawn
DEFAULT_SIZE = (1060, 760)  # the choices beside a preview page tall enough to read


BriefingFile = TextContext("BriefingFile")  # texts written BriefingFile.tr("…"), as pyside6-lupdate reads them


def ask_briefing_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to save the briefing; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, BriefingFile.tr("Export Briefing"), str(suggested),
                                          BriefingFile.tr("PDF document (*.pdf)"))
    return Path(name) if name else None


def open_folder(path: Path) -> bool:
    """Show the folder holding `path` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class BriefingDialog(QDialog):
    """Choose what the briefing covers and where it goes; then write it with a progress bar.

    Signals:
        exported(object): the `BriefingResult` of a PDF written.
        failed(str): the sentence saying what went wrong.
    """

    exported = Signal(object)
    failed = Signal(str)
    previewed = Signal(int)  # the page count of the briefing the preview now shows

    def __init__(self, workbook: Workbook, account_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from immersion.report.pdf import default_paper

        self.workbook = workbook
        self.result_: BriefingResult | None = None
        self.task: BackgroundTask | None = None
        self._path_edited = False
        self._closing = False
        self.preview_task: BackgroundTask | None = None
        self.preview_pages = 0  # the page count of the briefing shown in the preview; 0 before the first
        self._preview_stale = False
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.refresh_preview)
        self.setWindowTitle(self.tr("Export Briefing"))
        self.setMinimumWidth(640)
        self.account = QComboBox(self)
        for key, name in content.account_names(workbook):
            self.account.addItem(name, key)
        self.account.setCurrentIndex(max(0, self.account.findData(account_id)) if account_id else 0)
        self.meeting = QComboBox(self)
        self.edition = QComboBox(self)
        self.edition.addItem(self.tr("Internal (confidential)"), Edition.INTERNAL.value)
        self.edition.addItem(self.tr("For the customer (safe to send)"), Edition.CUSTOMER.value)
        self.edition.setToolTip(self.tr("The customer edition leaves out stances, influence, personal wins, notes, "
                                        "money and coaching: it can be sent to the customer."))
        self.paper = QComboBox(self)
        self.paper.addItem("A4", Paper.A4.value)
        self.paper.addItem(self.tr("US Letter"), Paper.LETTER.value)
        self.paper.setCurrentIndex(self.paper.findData(default_paper().value))
        self.prepared_by = QLineEdit(self)
        self.prepared_by.setPlaceholderText(self.tr("The account owner"))
        self.sections: dict[Section, QCheckBox] = {}
        box = QGroupBox(self.tr("Sections"), self)
        grid = QGridLayout(box)
        for n, section in enumerate(Section):
            check = QCheckBox(Report.tr(section.title).replace("&", "&&"), box)
            check.setChecked(True)
            self.sections[section] = check
            grid.addWidget(check, n % 5, n // 5)
        self.path_edit, row = path_row(self, self.browse)
        self.path_edit.textEdited.connect(self._path_typed)
        self.note = plain_label("", self)
        self.note.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.folder_button = self.buttons.addButton(self.tr("Open &Folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.hide()
        self.folder_button.clicked.connect(lambda: self.result_ and open_folder(self.result_.path))
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Account:"), self.account)
        form.addRow(self.tr("&Meeting:"), self.meeting)
        form.addRow(self.tr("E&dition:"), self.edition)
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow(self.tr("Prepared &by:"), self.prepared_by)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, row)
        self.preview = QListWidget(self)
        self.preview.setViewMode(QListView.ViewMode.IconMode)
        self.preview.setFlow(QListView.Flow.TopToBottom)
        self.preview.setWrapping(False)
        self.preview.setMovement(QListView.Movement.Static)
        self.preview.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.setSpacing(6)
        self.preview.setIconSize(QSize(300, 424))
        self.preview.setMinimumWidth(340)
        self.preview.setStyleSheet("QListWidget { background: #8a9099; }")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview_label = plain_label(self.tr("Preview"), self)
        choices = QVBoxLayout()
        choices.addLayout(form)
        choices.addWidget(box)
        choices.addStretch(1)
        pane = QVBoxLayout()
        pane.addWidget(self.preview_label)
        pane.addWidget(self.preview, 1)
        top = QHBoxLayout()
        top.addLayout(choices, 3)
        top.addLayout(pane, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.account.currentIndexChanged.connect(self._fill_meetings)
        self.meeting.currentIndexChanged.connect(self._suggest_path)
        self.edition.currentIndexChanged.connect(self._edition_changed)
        self.path_edit.textChanged.connect(self._update)
        self._fill_meetings()
        self._edition_changed()
        for combo in (self.account, self.meeting, self.edition, self.paper):
            combo.currentIndexChanged.connect(self.schedule_preview)
        self.prepared_by.textChanged.connect(self.schedule_preview)
        for check in self.sections.values():
            check.toggled.connect(self.schedule_preview)
        self._size_to_screen()

    def _size_to_screen(self) -> None:
        """Open large enough for every choice and a readable page preview, within the screen."""
        hint, room = self.sizeHint(), self.screen().availableGeometry()
        self.resize(min(max(hint.width(), DEFAULT_SIZE[0]), room.width()),
                    min(max(hint.height(), DEFAULT_SIZE[1]), room.height()))

    @classmethod
    def ask(cls, parent: QWidget | None, workbook: Workbook, account_id: str | None = None) -> BriefingResult | None:
        """Run the dialog modally; what was written last, or None."""
        dialog = cls(workbook, account_id, parent)
        dialog.exec()
        return dialog.result_

    # -- choices -------------------------------------------------------------------------------------------------

    def _now(self) -> dt.datetime:
        return dt.datetime.now().replace(second=0, microsecond=0)

    def _fill_meetings(self) -> None:
        self.meeting.blockSignals(True)
        self.meeting.clear()
        account = self.account.currentData()
        meetings = content.account_meetings(self.workbook, account, self._now()) if account else []
        upcoming = [m for m in meetings if m.starts_at > self._now().isoformat()]
        if upcoming:
            self.meeting.addItem(self.tr("Next meeting: %1").replace("%1", self._label(upcoming[0])), NEXT_MEETING)
        for m in meetings:
            self.meeting.addItem(self._label(m), m.id)
        self.meeting.addItem(self.tr("No meeting (an account briefing)"), NO_MEETING)
        self.meeting.setCurrentIndex(0)
        self.meeting.blockSignals(False)
        self._suggest_path()

    def _label(self, m: MeetingInfo) -> str:
        return f"{words.day(m.starts_at)} — {m.title}"

    def _edition_changed(self) -> None:
        internal = self.edition_value.is_internal
        for section, check in self.sections.items():
            check.setEnabled(internal or not section.internal_only)
            check.setToolTip("" if check.isEnabled() else self.tr("In the internal edition only."))
        self._suggest_path()

    @property
    def edition_value(self) -> Edition:
        return Edition(self.edition.currentData())

    def options(self) -> BriefingOptions:
        """The options the dialog's choices describe, as of now."""
        meeting = self.meeting.currentData()
        return BriefingOptions(
            account_id=self.account.currentData(), meeting=meeting or None, edition=self.edition_value,
            paper=Paper(self.paper.currentData()),
            sections=frozenset(s for s, check in self.sections.items() if check.isChecked() and check.isEnabled()),
            as_of=self._now(), prepared_by=self.prepared_by.text().strip() or None)

    # -- the file ------------------------------------------------------------------------------------------------

    def _suggested(self) -> Path:
        meeting = self.meeting.currentData()
        when = self._now().date().isoformat()
        if meeting:
            found = [m for m in content.account_meetings(self.workbook, self.account.currentData(), self._now())
                     if m.id == meeting or (meeting == NEXT_MEETING and m.starts_at > self._now().isoformat())]
            when = found[0].starts_at[:10] if found else when
        name = file_name(self.account.currentText(), when, self.edition_value.is_internal)
        return self.workbook.path.with_name(name)

    def _suggest_path(self) -> None:
        if not self._path_edited and self.account.count():
            self.path_edit.setText(str(self._suggested()))
        self._update()

    def _path_typed(self) -> None:
        self._path_edited = True

    def browse(self) -> None:
        path = ask_briefing_path(self, self.target() if self.path_edit.text().strip() else self._suggested())
        if path is not None:
            self._path_edited = True
            self.path_edit.setText(str(path))

    def target(self) -> Path:
        """The chosen file, with ".pdf" added when it has no such suffix."""
        path = Path(self.path_edit.text().strip())
        return path if path.suffix.lower() == ".pdf" else path.with_name(f"{path.name}.pdf")

    def _update(self) -> None:
        ready = bool(self.path_edit.text().strip()) and self.account.count() > 0 and self.task is None
        self.export_button.setEnabled(ready)

    # -- exporting -----------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Read the briefing on a worker; `_built` continues on the GUI thread."""
        if self.task is not None or not self.export_button.isEnabled():
            return
        options, path = self.options(), self.workbook.path
        if not self.target().parent.is_dir():
            self._fail(self.tr("The folder “%1” does not exist.").replace("%1", str(self.target().parent)))
            return

        self.folder_button.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.note.setText(self.tr("Reading the workbook…"))
        self._run(_reader(path, options), self._built)

    def _run(self, work: Any, then: Any) -> None:
        task = BackgroundTask(work, self)
        follow_progress(task, self.progress, self.note.setText)
        task.done.connect(then)
        self.task = task
        self._update()
        task.start()

    def _built(self, briefing: Briefing | None, error: BaseException | None) -> None:
        dispose_task(self.task)
        self.task = None
        if self._closing:
            return
        if briefing is None:
            self._fail(str(error))
            return
        from immersion.report.chart_images import render_charts
        from immersion.report.export import render_pdf, write_file

        self.note.setText(self.tr("Drawing the charts…"))
        charts = render_charts(briefing)  # widgets: on the GUI thread
        target = self.target()

        def write(progress: Any) -> BriefingResult:
            rendered = render_pdf(briefing, charts, progress)
            write_file(target, rendered.data)
            return BriefingResult(target, rendered.pages, len(rendered.data), rendered.refused, briefing)

        self._run(write, self._written)

    def _written(self, result: BriefingResult | None, error: BaseException | None) -> None:
        dispose_task(self.task)
        self.task = None
        if self._closing:
            return
        self.progress.hide()
        self._update()
        if result is None:
            reason = getattr(error, "strerror", None) or str(error)
            self._fail(self.tr("The briefing could not be written: %1").replace("%1", reason))
            return
        self.result_ = result
        self.note.setText(self.tr("Saved “%1”: %2 pages.").replace("%1", result.path.name)
                          .replace("%2", str(result.pages)))
        self.folder_button.show()
        self.export_button.setText(self.tr("&Export Again"))
        self.exported.emit(result)

    def _fail(self, message: str) -> None:
        self.progress.hide()
        self.note.setText(message)
        self._update()
        self.failed.emit(message)

    def reject(self) -> None:
        """Close; a running export or preview is cancelled (at its next page) and waited for."""
        self._closing = True
        self.preview_timer.stop()
        for task in (self.task, self.preview_task):
            if task is not None:
                task.cancel()
                task.wait()
                # Deliver its `done` now (it also ends the garbage-collector pause), before the dialog goes away.
                QCoreApplication.sendPostedEvents(task, QEvent.Type.MetaCall.value)
        super().reject()

    # -- the preview ---------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.preview_pages and self.preview_task is None:
            self.schedule_preview()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        width = max(160, min(496, self.preview.viewport().width() - 28))  # the images are 496 px wide at most
        self.preview.setIconSize(QSize(width, round(width * 297 / 210)))

    def hideEvent(self, event: QHideEvent) -> None:
        self.preview_timer.stop()
        super().hideEvent(event)

    def schedule_preview(self) -> None:
        """Redraw the preview once the choices have stayed still for a moment (only while shown)."""
        if self._closing or not self.isVisible():
            return
        if self.preview_task is not None:
            self._preview_stale = True  # redrawn again when the running one is done
            return
        self.preview_label.setText(self.tr("Preview (updating…)"))
        self.preview_timer.start()

    def refresh_preview(self) -> None:
        """Read the briefing for the current choices on a worker; `_preview_built` draws its charts here."""
        if self._closing or self.preview_task is not None:
            return
        if self.account.count() == 0:
            self.preview_label.setText(self.tr("Preview: no account to brief."))
            return
        self._preview_stale = False
        self._run_preview(_reader(self.workbook.path, self.options()), self._preview_built)

    def _run_preview(self, work: Any, then: Any) -> None:
        task = BackgroundTask(work, self)
        task.done.connect(then)
        self.preview_task = task
        task.start()

    def _preview_ended(self) -> bool:
        """Forget the finished task; True when its result is still wanted."""
        dispose_task(self.preview_task)
        self.preview_task = None
        if self._closing:
            return False
        if self._preview_stale:
            self.schedule_preview()
            return False
        return True

    def _preview_built(self, briefing: Briefing | None, error: BaseException | None) -> None:
        if not self._preview_ended():
            return
        if briefing is None:
            self.preview_label.setText(self.tr("Preview: %1").replace("%1", str(error)))
            return
        from immersion.report.chart_images import render_charts
        from immersion.report.preview import render_pages

        charts = render_charts(briefing)  # widgets: on the GUI thread

        def paint(progress: Any) -> Any:
            return render_pages(briefing, charts, progress=lambda done, total: progress("", done, total))

        self._run_preview(paint, self._preview_painted)

    def _preview_painted(self, shown: Any, error: BaseException | None) -> None:
        if not self._preview_ended():
            return
        if shown is None:
            self.preview_label.setText(self.tr("Preview: %1").replace("%1", str(error)))
            return
        self.preview.clear()
        for number, image in enumerate(shown.images, 1):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), "", self.preview)
            item.setToolTip(self.tr("Page %1").replace("%1", str(number)))
        self.preview_pages = shown.pages
        text = self.tr("Preview: %1 pages").replace("%1", str(shown.pages))
        if len(shown.images) < shown.pages:
            text += self.tr(" (the first %1 shown)").replace("%1", str(len(shown.images)))
        self.preview_label.setText(text)
        self.previewed.emit(shown.pages)


def _reader(path: Path, options: BriefingOptions) -> Any:
    """Work for a `BackgroundTask`: read the briefing for `options` with the thread's own connection."""
    def read(_progress: Any) -> Briefing:
        from immersion.store.workbook import Workbook as OpenWorkbook

        own = OpenWorkbook.open(path, read_only=True)  # one connection per thread
        try:
            return content.build_briefing(own, options)
        finally:
            own.close()

    return read
