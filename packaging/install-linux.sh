#!/bin/sh
# Install the built Immersion bundle for the current user, with its menu entry, icon and workbook file type.
#
#     dist/immersion/install-linux.sh               # from the bundle (also inside its unpacked archive)
#     packaging/install-linux.sh                    # from a checkout, after packaging/build.py
#     sudo PREFIX=/usr/local packaging/install-linux.sh         # for every user
#     packaging/install-linux.sh --uninstall        # remove it again (same PREFIX)
#
# Puts the bundle in PREFIX/lib/immersion, a link PREFIX/bin/immersion, and the bundle's share/ tree (desktop
# entry, AppStream metainfo, MIME type, hicolor icons) under PREFIX/share, then refreshes the MIME, desktop
# and icon caches when their tools are there. PREFIX defaults to ~/.local. The desktop entry is rewritten to
# start PREFIX/bin/immersion by its full path, so it works even when PREFIX/bin is not on PATH.
set -eu

app_id=io.immersion.Immersion
prefix=${PREFIX:-$HOME/.local}
here=$(cd "$(dirname "$0")" && pwd)

if [ -x "$here/immersion" ] && [ -d "$here/share" ]; then
    bundle=$here
elif [ -x "$here/../dist/immersion/immersion" ]; then
    bundle=$(cd "$here/../dist/immersion" && pwd)
else
    echo "install-linux.sh: no bundle found; build it first: .venv/bin/python packaging/build.py" >&2
    exit 1
fi

lib=$prefix/lib/immersion
bin=$prefix/bin/immersion
share=$prefix/share

refresh_caches() {
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$share/mime/packages" ]; then
        update-mime-database "$share/mime"
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$share/applications" ]; then
        update-desktop-database -q "$share/applications" || true
    fi
    # Refresh an icon cache only where there is one (a stale cache hides icons installed later by others);
    # otherwise touching the theme folder tells the desktop to look again, as xdg-icon-resource does.
    if [ -f "$share/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -f "$share/icons/hicolor" || true
    elif [ -d "$share/icons/hicolor" ]; then
        touch "$share/icons/hicolor"
    fi
}

# The share/ files of the bundle, relative to share/ (no file name in it contains a newline).
share_files() {
    (cd "$bundle/share" && find . -type f | sed 's|^\./||')
}

if [ "${1:-}" = "--uninstall" ]; then
    share_files | while IFS= read -r file; do
        rm -f "$share/$file"
    done
    rm -f "$bin"
    rm -rf "$lib"  # also when this script runs from there: sh keeps reading the deleted file
    refresh_caches
    echo "Removed Immersion from $prefix."
    exit 0
elif [ $# -gt 0 ]; then
    echo "usage: install-linux.sh [--uninstall]   (PREFIX=$prefix)" >&2
    exit 2
fi

mkdir -p "$prefix/lib" "$prefix/bin" "$share"
if [ "$(cd "$bundle" && pwd -P)" != "$(cd "$lib" 2>/dev/null && pwd -P)" ]; then
    rm -rf "$lib"
    cp -R "$bundle" "$lib"
fi
ln -sfn "$lib/immersion" "$bin"

share_files | while IFS= read -r file; do
    mkdir -p "$(dirname "$share/$file")"
    case $file in
        applications/*.desktop)
            # Start the installed launcher by its full path (quoted, as the Exec key wants for spaces).
            BIN=$bin awk '
                /^Exec=immersion( |$)/ { sub(/^Exec=immersion/, "Exec=\"" ENVIRON["BIN"] "\"") }
                /^TryExec=immersion$/ { $0 = "TryExec=" ENVIRON["BIN"] }
                { print }
            ' "$bundle/share/$file" >"$share/$file"
            ;;
        *)
            cp "$bundle/share/$file" "$share/$file"
            ;;
    esac
done
refresh_caches

echo "Installed Immersion $("$bin" --version | sed 's/^immersion //') in $prefix:"
echo "  $bin, the menu entry $app_id, and the file type for *.immersion workbooks."
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "  ($prefix/bin is not on your PATH; the menu entry works without it.)" ;;
esac
