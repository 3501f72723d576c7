"""The portfolio briefing: one page per account, header/footer, escaping, the CLI and the dashboard button."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from immersion.report.options import Paper
from immersion.report.portfolio import export_portfolio_briefing
from immersion.store import queries
from immersion.store.demo import write_demo
from immersion.store.workbook import Workbook

AS_OF = dt.datetime(2026, 11, 20, 9, 0)
EVIL = '<img src="file:///etc/passwd">'


def _texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text() or ""))
            for page in PdfReader(path).pages]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "d.immersion"
    write_demo(path)
    return path


@pytest.fixture
def demo_wb(demo: Path):
    wb = Workbook.open(demo)
    yield wb
    wb.close()


def test_one_page_per_account_with_footer(qapp, demo_wb: Workbook, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    result = export_portfolio_briefing(demo_wb, out, paper=Paper.A4, as_of=AS_OF)
    names = [s.name for s in queries.portfolio_summary(demo_wb)]
    assert len(names) == 5 and result.pages == 5 and result.refused == ()
    texts = _texts(out)
    assert len(texts) == 5
    for n, (name, page) in enumerate(zip(sorted(names, key=str.casefold), texts, strict=True), 1):
        assert name in page
        assert f"Page {n} of 5" in page
        assert "Internal — confidential" in page
    again = tmp_path / "q.pdf"
    export_portfolio_briefing(demo_wb, again, paper=Paper.A4, as_of=AS_OF)
    assert out.read_bytes() == again.read_bytes()


def test_names_are_printed_as_text(qapp, demo_wb: Workbook, tmp_path: Path) -> None:
    account = queries.portfolio_summary(demo_wb)[0]
    demo_wb.conn.execute("UPDATE accounts SET name = ? WHERE id = ?", (f"Evil {EVIL}", account.id))
    demo_wb.conn.commit()
    out = tmp_path / "p.pdf"
    result = export_portfolio_briefing(demo_wb, out, paper=Paper.A4, as_of=AS_OF)
    assert result.refused == ()
    assert any(EVIL in page for page in _texts(out))
    assert b"/Subtype /Image" not in out.read_bytes()


def _cli(*args: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "immersion", *map(str, args)], check=False, capture_output=True,
                          text=True, env=env, timeout=120)


def test_cli_portfolio(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    done = _cli("brief", demo, "--portfolio", "-o", out, "--as-of", "2026-11-20")
    assert done.returncode == 0, done.stderr
    assert "5 pages" in done.stdout
    assert len(PdfReader(out).pages) == 5


def test_cli_needs_account_or_portfolio(demo: Path, tmp_path: Path) -> None:
    for extra in ((), ("--portfolio", "--account", "x")):
        done = _cli("brief", demo, *extra, "-o", tmp_path / "out.pdf")
        assert done.returncode != 0
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "--portfolio" in lines[0]
    assert not (tmp_path / "out.pdf").exists()


def test_dashboard_button_writes_the_briefing(qtbot: QtBot, demo_wb: Workbook, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from immersion.ui import dashboard_page
    from immersion.ui.pages import PageContext

    out = tmp_path / "dash.pdf"
    monkeypatch.setattr(dashboard_page, "ask_portfolio_path", lambda parent: out)
    page = dashboard_page.DashboardPage()
    qtbot.addWidget(page)
    page.show_context(PageContext(demo_wb, portfolio=tuple(queries.portfolio_summary(demo_wb))))
    page.brief_button.click()
    assert out.exists() and len(PdfReader(out).pages) == 5
    assert str(out) in page.brief_status.text()
