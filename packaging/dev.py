#!/usr/bin/env python3
"""Set up what is missing, then run Immersion or its tests, from a fresh clone.

    python3 packaging/dev.py run [ARGS...]    # open the app on the demo workbook (or ARGS)
    python3 packaging/dev.py test [ARGS...]   # run the whole test suite (ARGS go to pytest)
    python3 packaging/dev.py bench [ARGS...]  # run the benchmarks under tests/benchmarks

The virtual environment lives in `.venv/` at the top of the tree. It is created on first use and brought up
to date whenever `pyproject.toml` changes; otherwise nothing is installed and the command starts at once.
Only the standard library is used here, so this works before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".immersion-installed"
MIN_PYTHON = (3, 11)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} {sys.version_info[0]}.{sys.version_info[1]}"


def ensure_environment() -> Path:
    """Create `.venv` and install the project with its test extra, unless that is already done."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"Immersion needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating the virtual environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    stamp = wanted_stamp()
    if not STAMP.exists() or STAMP.read_text().strip() != stamp:
        print("Installing Immersion and its dependencies (once) …", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", f"{ROOT}[test]"],
            check=True,
        )
        STAMP.write_text(stamp + "\n")
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "bench"}:
        print(__doc__.strip())
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_environment()
    os.chdir(ROOT)
    if command == "run":
        args = [str(python), "-m", "immersion", *(rest or ["--demo"])]
    elif command == "test":
        args = [str(python), "-m", "pytest", *rest]
    else:
        args = [str(python), "-m", "tests.benchmarks", *rest]
    return subprocess.call(args)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as error:
        sys.exit(f"Set-up failed (exit {error.returncode}); see the messages above.")
    except KeyboardInterrupt:
        sys.exit(130)
