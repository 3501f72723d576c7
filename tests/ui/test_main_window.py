"""The first window with pytest-qt: opening workbooks, the portfolio sidebar, pages, menus, drops and layout."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFileOpenEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from ui_helpers import open_and_wait

from immersion.store.workbook import Workbook
from immersion.ui import dialogs, formatting
from immersion.ui.app import Application, LaunchOptions, WorkbookRequests, startup_workbook
from immersion.ui.main_window import MainWindow
from immersion.ui.pages import PageContext, Scope, pages
from immersion.ui.portfolio_model import ID_ROLE, Column
from immersion.ui.settings import Settings


@pytest.fixture
def demo(demo_copy: Callable[..., Path]) -> Path:
    return demo_copy()


@pytest.fixture
def window(qtbot):
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes the window would have shown, as (title, text)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, text: shown.append((title, text)))
    return shown


def test_window_opens_demo_and_lists_accounts_with_tier_and_alignment(qtbot, window: MainWindow, demo: Path) -> None:
    open_and_wait(qtbot, window, demo)
    model = window.sidebar.model
    assert model.rowCount() >= 5
    tiers = {formatting.tier_label(tier) for tier in formatting.TIER_ORDER}
    for row in range(model.rowCount()):
        assert model.index(row, Column.NAME).data()
        assert model.index(row, Column.TIER).data() in tiers
        alignment = model.index(row, Column.ALIGNMENT).data()
        assert alignment == formatting.UNDEFINED or alignment.isdigit()
        assert model.index(row, Column.ALIGNMENT).data(Qt.ItemDataRole.TextAlignmentRole) & int(
            Qt.AlignmentFlag.AlignRight
        )
    assert window.windowTitle() == "Demo portfolio"
    assert window.workspace.current_page_name() == "portfolio"
    message = window.statusBar().currentMessage()
    assert "Demo portfolio.immersion" in message and f"{model.rowCount()} accounts" in message


def test_alignment_has_a_tooltip_explaining_it(qtbot, window: MainWindow, demo: Path) -> None:
    open_and_wait(qtbot, window, demo)
    model = window.sidebar.model
    for row in range(model.rowCount()):
        summary = model.summary(row)
        tip = model.index(row, Column.ALIGNMENT).data(Qt.ItemDataRole.ToolTipRole)
        assert tip
        if summary.alignment is None:
            assert summary.alignment_reason in tip
        else:
            assert tip == summary.alignment_explain


def test_selecting_an_account_shows_its_overview(qtbot, window: MainWindow, demo: Path) -> None:
    open_and_wait(qtbot, window, demo)
    sidebar = window.sidebar
    index = sidebar.proxy.index(1, 0)
    account_id = index.data(ID_ROLE)
    with qtbot.waitSignal(sidebar.account_changed) as changed:
        sidebar.view.setCurrentIndex(index)
    assert changed.args == [account_id]
    assert window.workspace.current_page_name() == "overview"
    summary = window.sidebar.model.summary(window.sidebar.model.row_of(account_id))
    overview = window.workspace.page_widget("overview")
    assert overview.name.text() == summary.name
    assert overview.tier.text() == formatting.tier_label(summary.tier)
    assert overview.open_goals.value.text() == str(summary.open_goals)
    assert window.workspace.header.name.text() == summary.name
    assert overview.alignment.toolTip()

    qtbot.keyClick(sidebar.view, Qt.Key.Key_Escape)
    assert sidebar.current_account_id() is None
    assert window.workspace.current_page_name() == "portfolio"


def test_filter_narrows_the_list_and_keeps_the_account_shown(qtbot, window: MainWindow, demo: Path) -> None:
    open_and_wait(qtbot, window, demo)
    sidebar = window.sidebar
    first = sidebar.model.summary(0)
    sidebar.select_account(first.id)
    qtbot.keyClicks(sidebar.filter, "zzz-no-such-account")
    assert sidebar.proxy.rowCount() == 0
    assert window.workspace.current_page_name() == "overview"
    sidebar.filter.clear()
    assert sidebar.proxy.rowCount() == sidebar.model.rowCount()
    assert sidebar.current_account_id() == first.id


def test_portfolio_model_passes_the_model_tester(qtbot, qtmodeltester, window: MainWindow, demo: Path) -> None:
    open_and_wait(qtbot, window, demo)
    qtmodeltester.check(window.sidebar.model)
    qtmodeltester.check(window.sidebar.proxy)


def test_every_registered_page_can_show_every_context(qtbot, window: MainWindow, demo: Path) -> None:
    open_and_wait(qtbot, window, demo)
    account = window.summaries()[0]
    for spec in pages():
        page = spec.factory(None)
        qtbot.addWidget(page)
        context = PageContext(window.workbook, window.summaries(), account if spec.scope == Scope.ACCOUNT else None)
        page.show_context(context)
        page.show_context(PageContext(window.workbook, (), None) if spec.scope == Scope.PORTFOLIO else context)


def test_open_recent_lists_the_workbook_after_opening(qtbot, window: MainWindow, demo: Path) -> None:
    assert not window.recent_menu.isEnabled()
    open_and_wait(qtbot, window, demo)
    listed = [action.data() for action in window.recent_menu.actions() if action.data()]
    assert listed == [str(demo)]
    assert Settings().recent_files() == [demo]
    window.close_workbook()
    recent = next(action for action in window.recent_menu.actions() if action.data())
    with qtbot.waitSignal(window.ready):
        recent.trigger()
    assert window.workbook is not None and window.workbook.path == demo


def test_damaged_file_shows_the_error_and_keeps_the_open_workbook(
    qtbot, window: MainWindow, demo: Path, tmp_path: Path, errors: list[tuple[str, str]]
) -> None:
    open_and_wait(qtbot, window, demo)
    damaged = tmp_path / "damaged.immersion"
    data = demo.read_bytes()
    damaged.write_bytes(data[: len(data) // 2 + 100])
    assert not window.open_workbook(damaged)
    assert len(errors) == 1
    _title, text = errors[0]
    assert "damaged.immersion" in text and "damaged" in text
    assert window.workbook is not None and window.workbook.path == demo
    assert window.sidebar.model.rowCount() >= 5
    assert window.windowTitle() == "Demo portfolio"


def test_text_file_is_refused(qtbot, window: MainWindow, tmp_path: Path, errors: list[tuple[str, str]]) -> None:
    text = tmp_path / "notes.immersion"
    text.write_text("Meeting notes, not a workbook\n")
    with qtbot.waitSignal(window.open_failed):
        assert not window.open_workbook(text)
    assert "text file" in errors[0][1]
    assert window.workbook is None


def test_locked_workbook_can_be_opened_read_only(
    qtbot, window: MainWindow, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask(_parent, _title, text):
        asked.append(text)
        return True

    monkeypatch.setattr(dialogs, "ask_open_read_only", ask)
    holder = Workbook.open(demo)  # another writer: the lock is per open file, so this process counts as one
    try:
        open_and_wait(qtbot, window, demo)
    finally:
        holder.close()
    assert asked and "read-only" in asked[0]
    assert window.workbook.read_only
    assert window.windowTitle() == "Demo portfolio (read-only)"
    assert window.read_only_label.isVisibleTo(window)


def test_dropping_a_workbook_opens_it(qtbot, window: MainWindow, demo: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo))])
    enter = QDragEnterEvent(
        QPoint(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.ready, timeout=10_000):
        QApplication.sendEvent(window, drop)
    assert window.workbook is not None and window.workbook.path == demo


def test_dropping_another_file_is_refused(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "picture.png"
    other.write_bytes(b"\x89PNG\r\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_a_workbook_the_desktop_hands_over_is_passed_on_other_files_are_not(qtbot, qapp, tmp_path: Path) -> None:
    assert isinstance(qapp, Application)
    with qtbot.waitSignal(qapp.workbook_requested, timeout=2000) as signal:
        assert QApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "Plan.immersion")))
    assert signal.args == [str(tmp_path / "Plan.immersion")]
    with qtbot.assertNotEmitted(qapp.workbook_requested):
        QApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "notes.txt")))


def test_a_workbook_requested_at_launch_is_opened_instead_of_the_last_one(
    qtbot, window: MainWindow, demo: Path, tmp_path: Path
) -> None:
    other = tmp_path / "Handed over.immersion"
    shutil.copyfile(demo, other)
    requests = WorkbookRequests(window, demo, create_demo=False)
    requests.request(str(other))  # before the launch workbook is opened: it takes its place
    with qtbot.waitSignal(window.ready, timeout=10_000):
        assert requests.open_startup()
    assert window.workbook is not None and window.workbook.path == other
    with qtbot.waitSignal(window.ready, timeout=10_000):
        requests.request(str(demo))  # while the app runs: opened in the window
    assert window.workbook.path == demo


def test_window_layout_persists_across_windows(qtbot) -> None:
    first = MainWindow(Settings())
    qtbot.addWidget(first)
    first.resize(770, 560)  # within the offscreen screen (800 × 600): restoring clamps to it
    first.show()
    qtbot.waitExposed(first)
    first.splitter.setSizes([300, 460])
    sizes = first.splitter.sizes()
    first.close()

    second = MainWindow(Settings())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (770, 560)
    assert second.splitter.sizes() == sizes


def test_new_workbook_adds_the_extension_and_opens_empty(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_new_path", lambda _parent, _dir=None: dialogs.with_extension(tmp_path / "Q3 plan"))
    with qtbot.waitSignal(window.ready):
        window.actions_.new.trigger()
    assert window.workbook.path == tmp_path / "Q3 plan.immersion"
    assert window.sidebar.model.rowCount() == 0
    page = window.workspace.page_widget("portfolio")
    assert "no accounts" in page.attention_hint.text()


def test_save_a_copy_writes_a_healthy_workbook(
    qtbot, window: MainWindow, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from immersion.store.check import check_workbook

    open_and_wait(qtbot, window, demo)
    target = tmp_path / "copy.immersion"
    monkeypatch.setattr(dialogs, "ask_copy_path", lambda _parent, _suggested: target)
    window.actions_.save_copy.trigger()
    assert check_workbook(target).problems == []
    assert "copy.immersion" in window.statusBar().currentMessage()
    assert window.workbook.path == demo


def test_about_names_version_app_id_and_workbook(qtbot, window: MainWindow, demo: Path) -> None:
    open_and_wait(qtbot, window, demo)
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, close_box)
    window.actions_.about.trigger()
    from immersion import APP_ID, __version__

    assert seen and __version__ in seen[0] and APP_ID in seen[0] and "Demo portfolio.immersion" in seen[0]


def test_startup_opens_the_last_workbook_or_creates_the_demo(data_dir: Path, demo: Path) -> None:
    settings = Settings()
    path, create = startup_workbook(LaunchOptions(), settings)
    assert create and path == data_dir / "Demo portfolio.immersion"
    settings.add_recent(demo)
    assert startup_workbook(LaunchOptions(), settings) == (demo, False)
    assert startup_workbook(LaunchOptions(demo=True), settings)[1]
    assert startup_workbook(LaunchOptions(workbook=Path("/x.immersion")), settings) == (Path("/x.immersion"), False)


def test_first_run_creates_the_demo_in_the_data_folder(qtbot, window: MainWindow, data_dir: Path) -> None:
    target = data_dir / "Demo portfolio.immersion"
    with qtbot.waitSignal(window.ready, timeout=30_000):
        assert window.open_startup(target, create_demo=True)
    assert target.is_file()
    assert window.sidebar.model.rowCount() >= 5


def test_ampersands_in_page_titles_are_shown_not_taken_as_mnemonics(qtbot, window: MainWindow, demo: Path) -> None:
    open_and_wait(qtbot, window, demo)
    window.show_portfolio()
    titles = [window.workspace.tabs.tabText(i) for i in range(window.workspace.tabs.count())]
    assert "Team && partners" in titles  # drawn as "Team & partners"
    assert window.actions_.pages["team"].text() == "Team && partners"


def test_keyboard_shortcuts_lists_every_menu_key_and_the_page_keys(qtbot, window: MainWindow) -> None:
    from immersion.ui.shortcuts_dialog import ShortcutsDialog

    window.actions_.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    shown = {(command, keys) for _group, command, keys in dialog.entries()}
    in_menus = [a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions() if a.shortcuts()]
    assert len(in_menus) >= 15
    for action in in_menus:  # every menu command with keys, as the platform writes them
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        assert (action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"), keys) in shown
    assert ("Undo", QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)) \
        in shown
    groups = {group for group, _command, _keys in dialog.entries()}
    assert {"File menu", "Edit menu", "Ideas board", "Meetings", "Relationship map"} <= groups
    assert ("Keep the selected words of the notes as an insight", "Ctrl+I") in shown
    rows = set(dialog.entries())  # the tables' keys come from the tables themselves
    assert ("Boardroom agenda", "Move the selected goal up", "Ctrl+Up") in rows
    assert ("P&L", "Add a row", "Ins") in rows  # Ctrl+N stays New Workbook there
    assert ("Investments", "Add a row", "Ins, Ctrl+N") in rows
    dialog.close()
