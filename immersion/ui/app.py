"""Starting the app: the QApplication, the first window, and the order in which things happen at launch.

1. The QApplication is created with the app's name, version and desktop file name, and themed.
2. The main window is created and shown, empty.
3. After its first paint, the workbook is opened and the portfolio fills the sidebar; `ready` follows.

Nothing on this path imports pandas, pyqtgraph or sqlite-utils: a current workbook opens with plain sqlite3.
With `IMMERSION_REPORT_IMPORTS=1` the app prints which of those were loaded when the window was shown and when
it was ready, so that a test can hold us to that.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QApplication

from immersion import APP_ID, APP_NAME, __version__, paths
from immersion.ui.main_window import MainWindow
from immersion.ui.settings import Settings
from immersion.ui.theme import STYLE, app_icon, apply_theme

HEAVY_MODULES = ("pandas", "pyqtgraph", "sqlite_utils")
UNPAINTED_START_MS = 500  # open the workbook even if the window is never painted (started minimised)
HEADLESS_TIMEOUT_MS = 300_000  # a headless run that never gets ready fails instead of hanging
EXIT_FAILED = 1
EXIT_UNUSABLE = 2


@dataclass(frozen=True)
class LaunchOptions:
    """What the command line asked for (see `immersion --help`)."""

    workbook: Path | None = None
    demo: bool = False
    read_only: bool = False
    quit_when_ready: bool = False
    smoke_test: bool = False
    screenshots: Path | None = None

    @property
    def interactive(self) -> bool:
        return not (self.quit_when_ready or self.smoke_test)


class Application(QApplication):
    """The QApplication, which also passes on the workbooks the desktop asks the running app to open.

    Signals:
        workbook_requested(str): a workbook's path, from a `QFileOpenEvent` (macOS: a double-click in the
            Finder, or a file dropped on the Dock icon, while the app runs).
    """

    workbook_requested = Signal(str)

    def event(self, event: QEvent) -> bool:  # only events sent to the application itself come here
        from immersion.ui.file_arrival import requested_workbook

        path = requested_workbook(event)
        if path is not None:
            self.workbook_requested.emit(str(path))
            return True
        return super().event(event)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The Application, named and themed; the existing QApplication when there is one (tests)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app, fresh = existing, False
    else:
        app, fresh = Application([*(argv or [sys.argv[0]]), "-style", STYLE]), True
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    apply_theme(app, set_style=not fresh)
    return app


def startup_workbook(options: LaunchOptions, settings: Settings) -> tuple[Path, bool]:
    """Which workbook to open at launch, and whether it is the demo (to be created when missing).

    The workbook named on the command line; else the demo when `--demo`; else the last one opened; else, on
    the first run, the demo workbook in the user's data folder.
    """
    if options.workbook is not None:
        return options.workbook, False
    if not options.demo:
        last = settings.last_workbook()
        if last is not None:
            return last, False
    return paths.demo_workbook_path(), True


class WorkbookRequests:
    """The workbook opened at launch, and those the desktop asks the running app to open afterwards.

    A request that arrives before the launch workbook is opened takes its place (macOS starts an app for a
    double-clicked file and then hands the file over); later requests are opened in the window.
    """

    def __init__(self, window: MainWindow, path: Path, create_demo: bool) -> None:
        self.window = window
        self.path = path
        self.create_demo = create_demo
        self.started = False

    def open_startup(self, read_only: bool = False) -> bool:
        self.started = True
        return self.window.open_startup(self.path, read_only, self.create_demo)

    def request(self, path: str) -> None:
        if self.started:
            self.window.open_workbook(path)
        else:
            self.path, self.create_demo = Path(path), False


def set_icon(app: QApplication) -> None:
    """Give the app its icon (once)."""
    if app.windowIcon().isNull():
        app.setWindowIcon(app_icon())


def report_imports(moment: str) -> None:
    """Print which heavy modules are loaded (`IMMERSION_REPORT_IMPORTS=1` only)."""
    loaded = [name for name in HEAVY_MODULES if name in sys.modules]
    print(f"heavy imports when {moment}: {','.join(loaded) or 'none'}", flush=True)


def run(options: LaunchOptions) -> int:
    """Run the app until the user quits (or, headless, until the portfolio is ready or the smoke test ends).

    Returns:
        The exit status: 0, 1 when the smoke test found problems, 2 when the workbook could not be opened.
    """
    smoke = None
    if options.smoke_test:
        from immersion.ui.smoke import SmokeTest

        smoke = SmokeTest(options.screenshots)
        smoke.install()
    app = create_application()
    settings = Settings()
    window = MainWindow(settings, interactive=options.interactive)
    path, create_demo = startup_workbook(options, settings)
    watch_imports = bool(os.environ.get("IMMERSION_REPORT_IMPORTS"))
    status = {"code": 0}

    def failed(message: str, code: int = EXIT_UNUSABLE) -> None:
        print(f"immersion: error: {' '.join(message.split())}", file=sys.stderr)
        if not options.interactive:
            status["code"] = code
            app.exit(code)

    requests = WorkbookRequests(window, path, create_demo)

    def start() -> None:
        try:
            requests.open_startup(options.read_only)
        except Exception as error:  # noqa: BLE001 - a bug, not a bad file: say so, never leave a run waiting
            message = f"unexpected {type(error).__name__} while opening the workbook: {error}"
            if smoke is not None or options.interactive or os.environ.get("IMMERSION_DEBUG"):
                sys.excepthook(type(error), error, error.__traceback__)
            if options.interactive:
                from immersion.ui import dialogs

                dialogs.show_error(window, QApplication.translate("App", "Something went wrong"), message)
            else:
                failed(message, EXIT_FAILED)

    def ready() -> None:
        if watch_imports:
            report_imports("ready")
        if smoke is not None:
            status["code"] = smoke.run(window)
            app.exit(status["code"])
        elif options.quit_when_ready:
            app.exit(0)

    window.open_failed.connect(failed)
    window.ready.connect(ready)
    # The icon (an SVG, which loads Qt's SVG plugin) is not needed to show the portfolio: it follows right after.
    window.ready.connect(lambda: QTimer.singleShot(0, lambda: set_icon(app)))
    window.open_failed.connect(lambda _message: QTimer.singleShot(0, lambda: set_icon(app)))
    if smoke is not None:
        window.resize(1280, 800)
    window.show()
    if watch_imports:
        report_imports("shown")
    _after_first_paint(window, start)
    if isinstance(app, Application):
        app.workbook_requested.connect(requests.request)
    if not options.interactive:
        QTimer.singleShot(HEADLESS_TIMEOUT_MS, lambda: failed("timed out waiting for the portfolio", EXIT_FAILED))
    code = app.exec()
    window.close()
    window.deleteLater()
    if smoke is not None:
        smoke.uninstall()
    return status["code"] or code


def _after_first_paint(window: MainWindow, start: object) -> None:
    """Call `start` once, right after the window's first paint (or after a short wait if it is not painted)."""
    done = {"started": False}

    def once() -> None:
        if not done["started"]:
            done["started"] = True
            start()  # type: ignore[operator]

    window.first_painted.connect(lambda: QTimer.singleShot(0, once))
    QTimer.singleShot(UNPAINTED_START_MS, once)

