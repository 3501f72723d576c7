"""Every `immersion` command, run as a user runs it: in a child process, offscreen, with its own data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from immersion import __version__
from immersion.cli import main


def run(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m immersion ARGS` with the test's data folder (set by the autouse fixture) and no display."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    environment.pop("IMMERSION_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "immersion", *map(str, args)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=timeout,
    )


def assert_one_line_error(result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("immersion: error: ")


@pytest.fixture
def demo(demo_copy: Callable[..., Path]) -> Path:
    return demo_copy()


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"immersion {__version__}"


def test_demo_writes_a_workbook_and_refuses_to_overwrite(tmp_path: Path) -> None:
    fresh = run("demo", tmp_path / "new.immersion")
    assert fresh.returncode == 0, fresh.stderr
    assert (tmp_path / "new.immersion").stat().st_size > 0
    target = tmp_path / "d.immersion"
    target.write_bytes(b"keep me")
    refused = run("demo", target)
    assert_one_line_error(refused)
    assert "--force" in refused.stderr
    assert target.read_bytes() == b"keep me"
    forced = run("demo", target, "--force")
    assert forced.returncode == 0, forced.stderr
    assert str(target) in forced.stdout
    assert run("check", target).returncode == 0


def test_check_healthy_workbook(demo: Path) -> None:
    result = run("check", demo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "healthy" in result.stdout


def test_check_truncated_workbook_cannot_be_opened(demo: Path) -> None:
    data = demo.read_bytes()
    demo.write_bytes(data[: len(data) // 2 + 7])
    result = run("check", demo)
    assert result.returncode == 2
    assert_one_line_error(result)
    assert "damaged" in result.stderr


def test_check_text_file(tmp_path: Path) -> None:
    text = tmp_path / "notes.immersion"
    text.write_text("not a workbook\n")
    result = run("check", text)
    assert result.returncode == 2
    assert_one_line_error(result)
    assert "text file" in result.stderr


def test_check_lists_problems(demo: Path) -> None:
    import sqlite3

    # Drop one search trigger behind the store's back: the file opens, but the index would go stale.
    conn = sqlite3.connect(demo)
    name = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'").fetchone()[0]
    conn.execute(f"DROP TRIGGER {name}")
    conn.commit()
    conn.close()
    result = run("check", demo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "problem" in result.stdout and "  - " in result.stdout


def first_account_word(workbook: Path) -> tuple[str, str]:
    from immersion.store import edits
    from immersion.store.workbook import Workbook

    with Workbook.open(workbook, read_only=True) as wb:
        name = edits.rows(wb, "accounts")[0]["name"]
    word = max(name.replace(".", " ").split(), key=len)
    return name, word


def test_search_finds_demo_content(demo: Path) -> None:
    name, word = first_account_word(demo)
    plain = run("search", demo, word)
    assert plain.returncode == 0, plain.stderr
    assert name in plain.stdout
    as_json = run("search", demo, word, "--json", "--limit", "5")
    assert as_json.returncode == 0, as_json.stderr
    hits = json.loads(as_json.stdout)
    assert 1 <= len(hits) <= 5
    assert {"kind", "account", "title", "snippet", "highlights"} <= set(hits[0])
    assert any(hit["account"] == name for hit in hits)
    for hit in hits:
        for start, end in hit["highlights"]:
            assert 0 <= start < end <= len(hit["snippet"])


def test_search_marks_matches_in_plain_text(demo: Path) -> None:
    result = run("search", demo, "the", "--limit", "50")
    assert result.returncode == 0
    assert "[" in result.stdout and "]" in result.stdout


def test_search_tolerates_fts_syntax(demo: Path) -> None:
    for query in ('AND OR "(', "NEAR(", "*", '"unclosed', "col:umn ^x"):
        result = run("search", demo, query, "--json")
        assert result.returncode == 0, (query, result.stderr)
        assert isinstance(json.loads(result.stdout), list)


def test_search_missing_workbook(tmp_path: Path) -> None:
    result = run("search", tmp_path / "gone.immersion", "x")
    assert result.returncode == 2
    assert_one_line_error(result)


def test_open_quit_when_ready(demo: Path) -> None:
    result = run(demo, "--quit-when-ready")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_open_read_only_leaves_no_lock(demo: Path) -> None:
    result = run(demo, "--read-only", "--quit-when-ready")
    assert result.returncode == 0, result.stderr
    assert not demo.with_name(demo.name + ".lock").exists()


def test_demo_rejects_impossible_options(tmp_path: Path) -> None:
    result = run("demo", tmp_path / "x.immersion", "--accounts", "7", "--meetings-per-account", "1")
    assert result.returncode == 2
    assert_one_line_error(result)
    assert not (tmp_path / "x.immersion").exists()


def test_window_shows_before_heavy_imports(demo: Path) -> None:
    result = run(demo, "--quit-when-ready", env={"IMMERSION_REPORT_IMPORTS": "1"})
    assert result.returncode == 0, result.stderr
    assert "heavy imports when shown: none" in result.stdout
    assert "heavy imports when ready: none" in result.stdout


def test_smoke_test_with_screenshots(demo: Path, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = run(demo, "--smoke-test", "--screenshots", shots)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("portfolio", "overview"):
        assert (shots / f"{name}.png").stat().st_size > 1000
        assert f"visited {name}" in result.stdout


def test_open_missing_workbook(tmp_path: Path) -> None:
    result = run(tmp_path / "gone.immersion", "--quit-when-ready")
    assert result.returncode == 2
    assert_one_line_error(result)
    assert "gone.immersion" in result.stderr


def test_open_damaged_workbook_headless(demo: Path) -> None:
    # Damage past the header: only the full open in the window finds it.
    data = bytearray(demo.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size * 2 : page_size * 3] = b"\xff" * page_size
    demo.write_bytes(bytes(data))
    result = run(demo, "--quit-when-ready")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "immersion: error:" in result.stderr


def test_first_run_creates_the_demo_then_reopens_the_last_workbook(data_dir: Path, demo: Path) -> None:
    first = run("--quit-when-ready")
    assert first.returncode == 0, first.stderr
    created = data_dir / "Demo portfolio.immersion"
    assert created.is_file()
    assert run(demo, "--quit-when-ready").returncode == 0
    created.unlink()
    again = run("--quit-when-ready")  # opens `demo`, the last workbook; no new demo is made
    assert again.returncode == 0, again.stderr
    assert not created.exists()


def test_bad_arguments_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--screenshots", str(tmp_path)]) == 2
    assert "--smoke-test" in capsys.readouterr().err
    assert main(["demo"]) == 2
    assert main(["search", str(tmp_path / "x.immersion"), "q", "--limit", "0"]) == 2
    assert main(["--demo", str(tmp_path / "x.immersion")]) == 2
    assert main(["--no-such-option"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_file_commands_do_not_import_qt(demo: Path) -> None:
    code = (
        "import sys; from immersion.cli import main; main(['check', sys.argv[1]]); "
        "main(['search', sys.argv[1], 'goal']); assert 'PySide6' not in sys.modules, 'Qt imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(demo)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


def _screenless_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "IMMERSION_DEBUG"):
        env.pop(name, None)
    return env


def test_without_a_screen_headless_runs_go_offscreen_and_a_window_says_why(demo: Path) -> None:
    headless = subprocess.run([sys.executable, "-m", "immersion", str(demo), "--quit-when-ready"],
                              capture_output=True, text=True, env=_screenless_env(), timeout=120, check=False)
    assert headless.returncode == 0, headless.stderr
    window = subprocess.run([sys.executable, "-m", "immersion", str(demo)],
                            capture_output=True, text=True, env=_screenless_env(), timeout=120, check=False)
    assert_one_line_error(window)
    assert "no screen" in window.stderr


def test_backups_and_restore_after_damage(demo: Path) -> None:
    taken = run("backups", demo, "--now")
    assert taken.returncode == 0, taken.stderr
    assert "backed up to" in taken.stdout and "  1  " in taken.stdout
    demo.write_bytes(demo.read_bytes()[:40_000])  # damaged
    assert run("check", demo).returncode == 2
    restored = run("restore", demo, "1")
    assert restored.returncode == 0, restored.stderr
    assert run("check", demo).returncode == 0
    missing = run("restore", demo, "9")
    assert_one_line_error(missing)
    assert "no backup number 9" in missing.stderr


def test_briefing_for_the_next_meeting(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefing.pdf"
    result = run("briefing", demo, "Marlowe & Finch Supermarkets", "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    unknown = run("briefing", demo, "No Such Account", "-o", tmp_path / "x.pdf")
    assert_one_line_error(unknown)


def test_brief_takes_the_account_as_an_option(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "safe.pdf"
    result = run("brief", demo, "--account", "marlowe & finch supermarkets", "--customer-safe", "--paper", "letter",
                 "-o", out)
    assert result.returncode == 0, result.stderr
    assert "customer edition" in result.stdout and "Letter" in result.stdout
