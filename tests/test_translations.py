"""Every text meant for translation can be found by Qt's `pyside6-lupdate`.

lupdate reads `self.tr("…")`, `Context.tr("…")` (see immersion/texts.py), `QCoreApplication.translate("Ctx", "…")`
and `QT_TRANSLATE_NOOP("Ctx", "…")`. It does not see a text passed to a wrapper function of a module's own, nor
anything inside an f-string; such texts would never be translated.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "immersion"
TRANSLATED_LITERAL = re.compile(r"""(?:\btr|\btranslate)\(\s*(?:"[A-Za-z]+",\s*)?['"]""")


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_translated_text_is_inside_an_f_string() -> None:
    found = []
    for path in sources():
        for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if token.type == tokenize.STRING and re.match(r"[rbuRBU]*[fF]", token.string):
                if TRANSLATED_LITERAL.search(token.string):
                    found.append(f"{path.relative_to(PACKAGE.parent)}:{token.start[0]}")
    assert found == [], "translate the text before the f-string fills it in: " + ", ".join(found)


def test_no_module_hides_its_texts_behind_a_wrapper_of_its_own() -> None:
    wrappers = []
    for path in sources():
        if path.name == "texts.py":
            continue  # TextContext.tr, which lupdate reads as Context.tr("…")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name in ("tr", "_tr", "tr_", "translate"):
                wrappers.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}()")
    assert wrappers == [], "name the context with TextContext instead: " + ", ".join(wrappers)
