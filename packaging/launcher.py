"""The frozen application's entry script: `dist/immersion/immersion` runs this, like the `immersion` command.

It lives outside the `immersion` package so that PyInstaller does not put the package's own folder on the
analysis path (which would make `immersion/ui` importable as a top-level `ui`).
"""

import os
import sys


def coerce_c_locale() -> None:
    """Use C.UTF-8 where the locale is plain C or POSIX (no LANG, as under cron or `env -i`).

    The `python3` program does this before it starts (PEP 538); a frozen interpreter does not, and Qt then
    warns that it "depends on a UTF-8 locale", which fails `--smoke-test`. Same rule as CPython: an explicit
    LC_ALL is respected, and only Linux and other Unix systems are concerned.
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("LC_ALL"):
        return
    import locale

    try:
        current = locale.setlocale(locale.LC_CTYPE, "")
    except locale.Error:
        current = "C"
    if current not in ("C", "POSIX"):
        return
    for candidate in ("C.UTF-8", "C.utf8", "UTF-8"):
        try:
            locale.setlocale(locale.LC_CTYPE, candidate)
        except locale.Error:
            continue
        os.environ["LC_CTYPE"] = candidate
        return


if __name__ == "__main__":
    coerce_c_locale()
    from immersion.cli import main

    sys.exit(main())
