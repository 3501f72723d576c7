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

from PySide6.QtCore import QTimer
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


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named and themed; the existing one when there is one (tests)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app, fresh = existing, False
    else:
        app, fresh = QApplication([*(argv or [sys.argv[0]]), "-style", STYLE]), True
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

    def start() -> None:
        try:
            window.open_startup(path, options.read_only, create_demo)
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

