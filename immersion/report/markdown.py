"""Meeting notes (markdown) as briefing HTML, safely: a small subset, and never anything that loads.

Each line is escaped first; only then do headings, bullets, numbered items, quotes and `**bold**` become markup.
Images (`![alt](anything)`) become the words "[image: alt]", links keep their text only, and raw HTML in the
notes prints as the characters it is. So a note pointing at `file:///etc/passwd` can never bring that file into
the PDF. Tables are printed as their text, one row per line.
"""

from __future__ import annotations

import re

from immersion.report.format import Report, esc

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_NUMBERED = re.compile(r"^(\d+)[.)]\s+(.*)")
_RULE = re.compile(r"^\|?\s*:?-{3,}")


def _inline(line: str) -> str:
    """One line of notes: images and links reduced to words, then escaped, then bold restored as markup."""
    line = _IMAGE.sub(lambda m: "[" + Report.tr("image: %1").replace("%1", m.group(1)) + "]", line)
    line = _LINK.sub(lambda m: m.group(1), line)
    return _BOLD.sub(lambda m: f"<b>{m.group(1)}</b>", esc(line))


def notes_html(notes: str) -> str:
    """The notes as paragraphs of class `notes`, `notes-h`, `notes-li` and `notes-quote`."""
    out: list[str] = []
    for raw in notes.strip().splitlines():
        line = raw.strip()
        if not line or _RULE.match(line):
            continue
        if line.startswith("#"):
            out.append(f'<p class="notes-h">{_inline(line.lstrip("#").strip())}</p>')
        elif line[:2] in ("- ", "* ", "+ "):
            out.append(f'<p class="notes-li">•&nbsp;&nbsp;{_inline(line[2:].strip())}</p>')
        elif match := _NUMBERED.match(line):
            out.append(f'<p class="notes-li">{esc(match.group(1))}.&nbsp;&nbsp;{_inline(match.group(2))}</p>')
        elif line.startswith(">"):
            out.append(f'<p class="notes-quote">{_inline(line.lstrip(">").strip())}</p>')
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            out.append(f'<p class="notes">{" · ".join(_inline(c) for c in cells if c)}</p>')
        else:
            out.append(f'<p class="notes">{_inline(line)}</p>')
    return "\n".join(out)
