"""The Qt binding in use survives many void calls (PySide6 6.12.0 on Python 3.11 crashed with none_dealloc)."""

from __future__ import annotations

import subprocess
import sys


def test_twenty_thousand_void_qt_calls() -> None:
    # In a child process: the crash is a fatal error that would take the whole test run down with it.
    code = (
        "from PySide6.QtCore import QObject, QTimer\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "timer = QTimer()\n"
        "for i in range(20000):\n"
        "    label.setText('x')\n"
        "    timer.setInterval(i % 100)\n"
        "    label.setObjectName('n')\n"
        "print('done')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
