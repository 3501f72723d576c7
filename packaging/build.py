#!/usr/bin/env python3
"""Build the desktop application into `dist/immersion/` with PyInstaller, then check what was built.

    .venv/bin/python packaging/build.py               # build, then check the bundle
    .venv/bin/python packaging/build.py --archive     # … and pack dist/immersion-VERSION-OS-ARCH.tar.gz
    .venv/bin/python packaging/build.py --smoke-test  # … and open a demo workbook on every page, offscreen

Run it with the Python that has Immersion and PyInstaller installed (`pip install -e '.[package]'`). The work
files go to `build/pyinstaller/`. The checks, each of which fails the build:

- `immersion --version` runs from the bundle in a bare environment (no PATH to our Python, no PYTHONPATH);
- on Linux, every library in the bundle finds the libraries it links to (a missing one is a system package
  missing on the build machine, which would then be missing on the user's too);
- the desktop entry and AppStream metadata pass `desktop-file-validate` and `appstreamcli validate`, when
  those tools are installed (Debian: desktop-file-utils, appstream);
- with --smoke-test, the bundle writes a demo workbook and `--smoke-test` passes on it with Qt's offscreen
  platform.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "immersion.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "immersion"
APP_ID = "io.immersion.Immersion"


class BuildError(Exception):
    """A failed build or check, explained in one message."""


def launcher(bundle: Path = BUNDLE) -> Path:
    """The program to run from the bundle (on Windows the console one, so that its output can be read)."""
    return bundle / ("immersion-console.exe" if sys.platform == "win32" else "immersion")


def bare_environment(**extra: str) -> dict[str, str]:
    """An environment without our Python: no virtual environment on PATH, no PYTHONPATH or PYTHONHOME."""
    keep = ("HOME", "USERPROFILE", "SYSTEMROOT", "TEMP", "TMP", "LANG", "TMPDIR")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env["PATH"] = os.pathsep.join(
        [r"C:\Windows\system32", r"C:\Windows"] if sys.platform == "win32" else ["/usr/bin", "/bin"]
    )
    env.update(extra)
    return env


def version() -> str:
    about: dict[str, str] = {}
    exec((ROOT / "immersion" / "__init__.py").read_text(encoding="utf-8"), about)
    return about["__version__"]


def build(clean: bool) -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError(f"PyInstaller is not installed for {sys.executable}; "
                         f"run: {sys.executable} -m pip install -e '.[package]'") from None
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    started = time.monotonic()
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise BuildError("PyInstaller failed; see its messages above.")
    return time.monotonic() - started


def check_version(bundle: Path = BUNDLE) -> str:
    result = subprocess.run([str(launcher(bundle)), "--version"], env=bare_environment(), capture_output=True,
                            text=True, timeout=60)
    expected = f"immersion {version()}"
    if result.returncode != 0 or result.stdout.strip() != expected:
        raise BuildError(f"`{launcher(bundle).name} --version` said {result.stdout.strip()!r} (exit "
                         f"{result.returncode}), expected {expected!r}: {result.stderr.strip()}")
    return expected


def missing_libraries(bundle: Path = BUNDLE) -> dict[str, set[str]]:
    """Linux: for each bundled ELF file that links to a library found neither in the bundle nor on this
    system, the names of those libraries (empty when everything resolves, or where `ldd` is missing)."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return {}
    internal = bundle / "_internal"
    search = [internal, internal / "PySide6" / "Qt" / "lib", internal / "numpy.libs"]
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": os.pathsep.join(map(str, search))}
    missing: dict[str, set[str]] = {}
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        output = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True).stdout
        names = {line.split()[0] for line in output.splitlines() if "not found" in line}
        if names:
            missing[str(path.relative_to(bundle))] = names
    return missing


def validate_metadata(bundle: Path = BUNDLE) -> list[str]:
    """Run the installed freedesktop validators on the bundle's metadata; returns what was checked."""
    share = bundle / "share"
    checks = [
        ("desktop-file-validate", [share / "applications" / f"{APP_ID}.desktop"], "desktop-file-utils"),
        ("appstreamcli", ["validate", "--no-net", share / "metainfo" / f"{APP_ID}.metainfo.xml"],
         "appstream"),
    ]
    done = []
    for tool, args, package in checks:
        if not share.is_dir():
            break
        if shutil.which(tool) is None:
            done.append(f"{tool}: not installed (Debian package {package}), skipped")
            continue
        result = subprocess.run([tool, *map(str, args)], capture_output=True, text=True)
        if result.returncode != 0:
            raise BuildError(f"{tool} rejects the metadata:\n{result.stdout}{result.stderr}")
        done.append(f"{tool}: passed")
    return done


def smoke_test(bundle: Path = BUNDLE) -> None:
    """Let the bundle write a demo workbook, then visit every page of it offscreen."""
    with tempfile.TemporaryDirectory(prefix="immersion-smoke-") as folder:
        env = bare_environment(QT_QPA_PLATFORM="offscreen", IMMERSION_DATA_DIR=str(Path(folder) / "data"))
        workbook = Path(folder) / "demo.immersion"
        for args in (["demo", str(workbook)], [str(workbook), "--smoke-test"]):
            result = subprocess.run([str(launcher(bundle)), *args], env=env, capture_output=True, text=True,
                                    timeout=300)
            if result.returncode != 0:
                raise BuildError(f"`immersion {' '.join(args)}` failed (exit {result.returncode}):\n"
                                 f"{result.stdout}{result.stderr}")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def archive(bundle: Path = BUNDLE) -> Path:
    """Pack the bundle (folder `immersion/` inside): a .tar.gz that keeps permissions and links, or a .zip on
    Windows."""
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    stem = DIST / f"immersion-{version()}-{system}-{platform.machine().lower()}"
    if sys.platform == "win32":
        target = stem.with_suffix(".zip")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
            for path in sorted(bundle.rglob("*")):
                zipped.write(path, Path(bundle.name) / path.relative_to(bundle))
        return target
    target = stem.with_name(stem.name + ".tar.gz")
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(bundle, arcname=bundle.name)
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="start from an empty PyInstaller cache")
    parser.add_argument("--archive", action="store_true",
                        help="pack the bundle into a .tar.gz (.zip on Windows)")
    parser.add_argument("--smoke-test", action="store_true", help="also run the smoke test on the bundle")
    args = parser.parse_args(argv)
    try:
        seconds = build(args.clean)
        print(f"Built {BUNDLE.relative_to(ROOT)} in {seconds:.0f} s: {folder_size(BUNDLE) / 1e6:.0f} MB.")
        print(f"  {check_version()} runs without our Python")
        missing = missing_libraries()
        if missing:
            lines = "\n".join(f"  {name}: {', '.join(sorted(libs))}" for name, libs in missing.items())
            raise BuildError(f"Libraries missing here, so not in the bundle (install them):\n{lines}")
        for line in validate_metadata():
            print(f"  {line}")
        if args.smoke_test:
            smoke_test()
            print("  the smoke test passed on a demo workbook written by the bundle")
        if args.archive:
            packed = archive()
            print(f"Packed {packed.relative_to(ROOT)}: {packed.stat().st_size / 1e6:.0f} MB.")
    except BuildError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
