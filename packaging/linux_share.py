"""Where the Linux desktop integration files go: the `share/` tree shipped beside the launcher in the bundle.

The spec copies these into `dist/immersion/share/`, laid out as under a prefix (`~/.local`, `/usr`), so that
`install-linux.sh` copies the tree as it is. Standard library only: the spec and the tests both import it.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.immersion.Immersion"  # immersion.APP_ID; tests/test_packaging.py checks that they agree
MIME_TYPE = "application/x-immersion-workbook"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def share_files(root: Path = ROOT) -> dict[str, Path]:
    """Each file of the `share/` tree, by its path under `share/`, with the source file it is copied from."""
    linux = root / "packaging" / "linux"
    icons = root / "resources" / "icons"
    files = {
        f"applications/{APP_ID}.desktop": linux / f"{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml": linux / f"{APP_ID}.metainfo.xml",
        f"mime/packages/{APP_ID}.xml": linux / f"{APP_ID}.mime.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg": icons / "immersion.svg",
    }
    for size in ICON_SIZES:
        files[f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"] = icons / f"immersion-{size}.png"
    return files


def copy_share(destination: Path, root: Path = ROOT) -> list[Path]:
    """Copy the `share/` tree into `destination` (e.g. `dist/immersion/share`); returns the files written."""
    import shutil

    written = []
    for relative, source in share_files(root).items():
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written
