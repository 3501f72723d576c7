"""`immersion briefing`: writes the PDF, and fails with one clear line and a non-zero status on an unknown
account or meeting, an unwritable output path, an existing file without --force, or a workbook it cannot open."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from briefing_helpers import ACCOUNT

from immersion import cli, cli_briefing


def run(argv: list[str]) -> int:
    """What `immersion.cli.main` does with a sub-command: parse, run, and turn a CommandError into its status."""
    parser = argparse.ArgumentParser(prog=cli.PROG)
    sub = parser.add_subparsers(dest="command", required=True)
    handler = cli_briefing.add_parser(sub)
    try:
        return handler(parser.parse_args(argv))
    except cli.CommandError as error:
        cli._error(str(error))
        return error.status
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err  # one line, never a traceback
    return err


def test_it_writes_the_briefing(demo: Path, tmp_path: Path, qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "brief.pdf"
    status = run(["briefing", str(demo), "marlowe & finch supermarkets", "--as-of", "2026-11-20T09:00",
                  "--paper", "a4", "-o", str(out)])
    assert status == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Wrote {out}: Marlowe & Finch Supermarkets — Executive sponsor meeting")
    assert "internal edition" in said and len(pypdf.PdfReader(out).pages) >= 4


def test_the_customer_edition_of_a_chosen_meeting_on_letter(demo: Path, tmp_path: Path, qapp: object,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "customer.pdf"
    status = run(["briefing", str(demo), "Marlowe & Finch Supermarkets", "--meeting", "q3 joint business plan review",
                  "--edition", "customer", "--paper", "letter", "--as-of", "2026-11-20", "-o", str(out)])
    assert status == 0
    assert "Q3 joint business plan review" in capsys.readouterr().out
    assert [round(float(v)) for v in pypdf.PdfReader(out).pages[0].mediabox] == [0, 0, 612, 792]


def test_the_same_arguments_give_the_same_bytes(demo: Path, tmp_path: Path, qapp: object) -> None:
    args = ["briefing", str(demo), "Nordwave Telecom", "--as-of", "2026-11-20T09:00", "--paper", "a4", "-o"]
    assert run([*args, str(tmp_path / "1.pdf")]) == 0
    assert run([*args, str(tmp_path / "2.pdf")]) == 0
    assert (tmp_path / "1.pdf").read_bytes() == (tmp_path / "2.pdf").read_bytes()


def test_an_unknown_account_fails_with_a_clear_line(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                    ) -> None:
    out = tmp_path / "x.pdf"
    assert run(["briefing", str(demo), "Acme Widgets", "-o", str(out)]) == cli.EXIT_PROBLEMS
    line = error_line(capsys)
    assert "no single account called “Acme Widgets”" in line and "Marlowe & Finch Supermarkets" in line
    assert not out.exists()


def test_an_unknown_meeting_fails_with_the_meetings_listed(demo: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["briefing", str(demo), "Nordwave Telecom", "--meeting", "no such meeting",
                "-o", str(tmp_path / "x.pdf")]) == cli.EXIT_PROBLEMS
    assert "no meeting matches" in error_line(capsys)


@pytest.mark.parametrize("where", ["missing folder", "folder is a file", "output is a folder"])
def test_an_unwritable_output_path_fails_before_any_work(demo: Path, tmp_path: Path, where: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "folder.pdf").mkdir()
    out = {"missing folder": tmp_path / "nope" / "b.pdf", "folder is a file": tmp_path / "file.txt" / "b.pdf",
           "output is a folder": tmp_path / "folder.pdf"}[where]
    assert run(["briefing", str(demo), "Nordwave Telecom", "-o", str(out)]) == cli.EXIT_PROBLEMS
    line = error_line(capsys)
    assert str(out.parent if where != "output is a folder" else out) in line


def test_a_failing_write_is_reported_and_leaves_nothing(demo: Path, tmp_path: Path, qapp: object,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from immersion.report import export

    def full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "write_file", full)
    out = tmp_path / "b.pdf"
    assert run(["briefing", str(demo), "Nordwave Telecom", "-o", str(out)]) == cli.EXIT_PROBLEMS
    assert "Cannot write" in (line := error_line(capsys)) and "No space left on device" in line
    assert not out.exists()


def test_a_read_only_folder_is_refused(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user may write anywhere (root)")
        assert run(["briefing", str(demo), "Nordwave Telecom", "-o", str(folder / "b.pdf")]) == cli.EXIT_PROBLEMS
        assert "permission denied" in error_line(capsys)
    finally:
        folder.chmod(0o700)


def test_an_existing_file_needs_force(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.pdf"
    out.write_bytes(b"keep me")
    assert run(["briefing", str(demo), "Nordwave Telecom", "-o", str(out)]) == cli.EXIT_PROBLEMS
    assert "--force" in error_line(capsys) and out.read_bytes() == b"keep me"


def test_a_workbook_that_cannot_be_opened_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "junk.immersion").write_text("not a workbook")
    assert run(["briefing", str(tmp_path / "junk.immersion"), "x", "-o", str(tmp_path / "b.pdf")]) == 2
    assert error_line(capsys)


def test_bad_arguments_exit_2(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["briefing", str(demo), "Nordwave Telecom", "--as-of", "yesterday", "-o", str(tmp_path / "b.pdf")]) == 2
    assert run(["briefing", str(demo), "Nordwave Telecom", "--sections", "people,gossip",
                "-o", str(tmp_path / "b.pdf")]) == 2
    assert "Unknown section “gossip”" in capsys.readouterr().err


def test_two_runs_of_the_command_write_the_same_bytes(demo: Path, tmp_path: Path) -> None:
    """Separate processes, as a user running the command twice: Qt's per-process hash seed must not show."""
    env = {key: value for key, value in os.environ.items() if key != "QT_HASH_SEED"}
    outputs = []
    for run_number in (1, 2):
        out = tmp_path / f"run{run_number}.pdf"
        done = subprocess.run([sys.executable, "-m", "immersion", "brief", str(demo), "--account", ACCOUNT,
                               "--as-of", "2026-11-20", "-o", str(out)], env=env, capture_output=True, text=True,
                              timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
