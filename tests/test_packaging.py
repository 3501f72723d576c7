"""The desktop packaging: metadata that validates, a MIME type that recognises real workbooks, icons that
match their SVG, an install script that installs and uninstalls, and (slow, on request) a bundle that runs.

The bundle test builds `dist/immersion/` with PyInstaller (about a minute on two cores) and runs only with
`IMMERSION_BUILD_BUNDLE=1 python3 packaging/dev.py test tests/test_packaging.py`. The validators
(desktop-file-validate, appstreamcli, update-mime-database, gio) are system tools; a test that needs a missing
one is skipped and says which Debian package has it.
"""

from __future__ import annotations

import ast
import codecs
import configparser
import fnmatch
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import immersion

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP = LINUX / f"{immersion.APP_ID}.desktop"
METAINFO = LINUX / f"{immersion.APP_ID}.metainfo.xml"
MIME_XML = LINUX / f"{immersion.APP_ID}.mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SQLITE_MAGIC_PRIORITY = 50  # application/vnd.sqlite3 in shared-mime-info's freedesktop.org.xml
BUILD_BUNDLE = os.environ.get("IMMERSION_BUILD_BUNDLE") == "1"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop integration")


def load(name: str) -> ModuleType:
    """A module of packaging/ (not importable by name: the folder is no package, and `packaging` is taken)."""
    spec = importlib.util.spec_from_file_location(f"immersion_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


linux_share = load("linux_share")


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; .ci/run installs it)")
    return path


def desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def make_workbook(path: Path) -> Path:
    from immersion.store.workbook import Workbook

    Workbook.create(path).close()
    return path


def make_plain_sqlite(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    return path


# -- one application id everywhere ---------------------------------------------------------------------------


def test_the_application_id_is_the_same_everywhere() -> None:
    app_id = immersion.APP_ID
    assert linux_share.APP_ID == app_id
    assert desktop_entry()["Icon"] == app_id
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == app_id
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    icon = ET.parse(MIME_XML).getroot().find(f"{MIME_NS}mime-type/{MIME_NS}icon")
    assert icon is not None and icon.get("name") == app_id
    for source in linux_share.share_files().values():
        assert source.is_file(), source


def test_the_bundle_keeps_every_qt_module_the_app_imports() -> None:
    tree = ast.parse((PACKAGING / "immersion.spec").read_text(encoding="utf-8"))
    kept = next(
        ast.literal_eval(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "KEEP_QT" for t in node.targets)
    )
    used: dict[str, set[str]] = {}
    for path in (ROOT / "immersion").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
                    used.setdefault(parts[1], set()).add(str(path.relative_to(ROOT)))
    missing = {module: sorted(files) for module, files in used.items() if module not in kept}
    assert not missing, f"add these to KEEP_QT in packaging/immersion.spec: {missing}"


# -- the desktop entry ---------------------------------------------------------------------------------------


@linux_only
def test_the_desktop_entry_validates() -> None:
    result = subprocess.run([tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_desktop_entry_opens_workbooks() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "immersion %f"  # install-linux.sh and packagers put the full path in
    assert linux_share.MIME_TYPE in entry["MimeType"].split(";")
    # Qt's X11 window class is the application name; this lets docks match the window to the entry.
    assert entry["StartupWMClass"] == immersion.APP_NAME


# -- AppStream -----------------------------------------------------------------------------------------------


@linux_only
def test_the_appstream_metadata_validates() -> None:
    # --no-net: the homepage and screenshot addresses are checked for form, not fetched.
    result = subprocess.run([tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_appstream_metadata_describes_this_release() -> None:
    component = ET.parse(METAINFO).getroot()
    releases = component.findall("releases/release")
    assert releases and releases[0].get("version") == immersion.__version__, "the newest release comes first"
    assert releases[0].findtext("description/p")
    assert component.findtext("provides/mediatype") == linux_share.MIME_TYPE
    assert component.findtext("provides/binary") == "immersion"
    assert len(component.findall("description/p")) >= 2


def test_the_appstream_screenshot_is_the_one_in_the_repository(qapp: object) -> None:
    from PySide6.QtGui import QImage

    image = ET.parse(METAINFO).getroot().find("screenshots/screenshot/image")
    assert image is not None and image.text is not None
    assert image.text.startswith("https://")
    local = ROOT / "resources" / "screenshots" / image.text.rsplit("/", 1)[-1]
    picture = QImage(str(local))
    assert not picture.isNull(), f"{local} is missing"
    assert (picture.width(), picture.height()) == (int(image.get("width", 0)), int(image.get("height", 0)))


# -- the MIME type -------------------------------------------------------------------------------------------


def _magic_matches(match: ET.Element, data: bytes) -> bool:
    """One shared-mime-info <match> (and its nested ones, which must also match) against the file's start."""
    first, _, last = match.get("offset", "0").partition(":")
    start, end = int(first), int(last or first)
    kind, value = match.get("type"), match.get("value", "")
    if kind == "string":
        needle = codecs.decode(value, "unicode_escape").encode("latin-1")
    elif kind == "big32":
        needle = int(value, 0).to_bytes(4, "big")
    else:
        pytest.fail(f"this test does not know the magic type {kind!r}; teach _magic_matches")
    found = any(data[at:at + len(needle)] == needle for at in range(start, end + 1))
    nested = match.findall(f"{MIME_NS}match")
    return found and (not nested or any(_magic_matches(child, data) for child in nested))


def _mime_type() -> ET.Element:
    root = ET.parse(MIME_XML).getroot()
    types = root.findall(f"{MIME_NS}mime-type")
    assert [element.get("type") for element in types] == [linux_share.MIME_TYPE]
    return types[0]


def test_the_mime_type_matches_a_real_workbook_by_name_and_by_content(tmp_path: Path) -> None:
    mime_type = _mime_type()
    workbook = make_workbook(tmp_path / "plan.immersion")
    globs = [glob.get("pattern", "") for glob in mime_type.findall(f"{MIME_NS}glob")]
    assert any(fnmatch.fnmatch(workbook.name, pattern) for pattern in globs)
    assert not any(fnmatch.fnmatch("plan.sqlite", pattern) for pattern in globs)

    magic = mime_type.find(f"{MIME_NS}magic")
    assert magic is not None
    assert int(magic.get("priority", "50")) > SQLITE_MAGIC_PRIORITY, "must win over the generic SQLite type"
    rules = magic.findall(f"{MIME_NS}match")

    def recognised(path: Path) -> bool:
        return any(_magic_matches(rule, path.read_bytes()[:4096]) for rule in rules)

    assert recognised(workbook)
    assert not recognised(make_plain_sqlite(tmp_path / "other.db")), "any SQLite file would look like ours"
    (tmp_path / "notes.txt").write_bytes(b"SQLite format 3\0" + b"\0" * 100)
    assert not recognised(tmp_path / "notes.txt")
    parent = mime_type.find(f"{MIME_NS}sub-class-of")
    assert parent is not None and parent.get("type") == "application/vnd.sqlite3"


@linux_only
def test_the_desktop_recognises_workbooks_with_the_mime_type_installed(tmp_path: Path) -> None:
    """What a file manager sees: shared-mime-info's compiled database, queried through GLib."""
    update = tool("update-mime-database", "shared-mime-info")
    gio = tool("gio", "libglib2.0-bin")
    data_home = tmp_path / "share"
    packages = data_home / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(MIME_XML, packages / f"{immersion.APP_ID}.xml")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(data_home),
        "XDG_DATA_DIRS": "/usr/local/share:/usr/share",
        "GIO_USE_VFS": "local",  # no gvfs daemon over D-Bus
    }
    result = subprocess.run([update, str(data_home / "mime")], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

    def content_type(path: Path) -> str:
        out = subprocess.run([gio, "info", "-a", "standard::content-type", str(path)], env=env,
                             capture_output=True, text=True, check=True).stdout
        return out.split("standard::content-type:")[1].strip()

    workbook = make_workbook(tmp_path / "plan.immersion")
    renamed = tmp_path / "plan-without-extension"
    shutil.copyfile(workbook, renamed)
    assert content_type(workbook) == linux_share.MIME_TYPE
    assert content_type(renamed) == linux_share.MIME_TYPE, "the magic (SQLite header + application id) failed"
    assert content_type(make_plain_sqlite(tmp_path / "other.db")) == "application/vnd.sqlite3"


# -- icons ---------------------------------------------------------------------------------------------------


def test_the_icon_files_match_the_svg(qapp: object) -> None:
    make_icons = load("make_icons")
    assert make_icons.stale_pngs() == [], "run: .venv/bin/python packaging/make_icons.py"
    ico = (ROOT / "resources" / "icons" / "immersion.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0" and int.from_bytes(ico[4:6], "little") == len(make_icons.ICO_SIZES)
    icns = (ROOT / "resources" / "icons" / "immersion.icns").read_bytes()
    assert icns[:4] == b"icns" and int.from_bytes(icns[4:8], "big") == len(icns)


# -- the install script --------------------------------------------------------------------------------------


@linux_only
def test_the_install_script_installs_and_uninstalls(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"  # the layout of dist/immersion, with a stand-in for the launcher
    bundle.mkdir()
    launcher = bundle / "immersion"
    launcher.write_text(f"#!/bin/sh\necho 'immersion {immersion.__version__}'\n")
    launcher.chmod(0o755)
    linux_share.copy_share(bundle / "share")
    shutil.copy2(PACKAGING / "install-linux.sh", bundle / "install-linux.sh")
    prefix = tmp_path / "home with space" / ".local"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PREFIX": str(prefix)}

    result = subprocess.run(["sh", str(bundle / "install-linux.sh")], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    installed = prefix / "bin" / "immersion"
    assert subprocess.run([str(installed)], capture_output=True, text=True).stdout.strip().endswith(
        immersion.__version__
    )
    for relative in linux_share.share_files():
        assert (prefix / "share" / relative).is_file(), relative
    entry_path = prefix / "share" / "applications" / f"{immersion.APP_ID}.desktop"
    entry = desktop_entry(entry_path)
    assert entry["Exec"] == f'"{installed}" %f'
    assert entry["TryExec"] == str(installed)
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry_path)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    if shutil.which("update-mime-database"):
        assert f"{linux_share.MIME_TYPE}:*.immersion" in (prefix / "share" / "mime" / "globs2").read_text()

    result = subprocess.run(["sh", str(bundle / "install-linux.sh"), "--uninstall"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not installed.exists() and not installed.is_symlink()
    assert not (prefix / "lib" / "immersion").exists()
    assert not any((prefix / "share" / relative).exists() for relative in linux_share.share_files())


# -- the bundle (slow, on request) ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not BUILD_BUNDLE, reason="builds the bundle (a minute); set IMMERSION_BUILD_BUNDLE=1")
def test_the_bundle_builds_and_runs_without_our_python(tmp_path: Path) -> None:
    build = load("build")
    result = subprocess.run([sys.executable, str(PACKAGING / "build.py")], capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    bundle = build.BUNDLE
    assert build.folder_size(bundle) < 250e6
    assert build.check_version(bundle) == f"immersion {immersion.__version__}"
    internal = bundle / "_internal"
    assert (internal / "immersion" / "resources" / "icons" / "immersion.svg").is_file()
    if sys.platform.startswith("linux"):
        assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").is_file()
        assert not list(internal.glob("libgtk*")) and not list(internal.glob("libcairo*"))
        assert build.missing_libraries(bundle) == {}

    env = build.bare_environment(QT_QPA_PLATFORM="offscreen", IMMERSION_DATA_DIR=str(tmp_path / "data"))
    workbook = tmp_path / "demo.immersion"
    shots = tmp_path / "shots"
    for args in (["demo", str(workbook)], [str(workbook), "--smoke-test", "--screenshots", str(shots)]):
        run = subprocess.run([str(build.launcher(bundle)), *args], env=env, capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == 0, f"immersion {' '.join(args)}:\n{run.stdout}{run.stderr}"
    visited = [line for line in run.stdout.splitlines() if line.startswith("visited ")]
    assert visited and len(list(shots.glob("*.png"))) == len(visited)
