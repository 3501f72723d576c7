"""How ideas read on screen: stage, origin, quadrant and strength names, quadrant colours, and the sentences
that explain an idea's mutual value — shared by the board, the table, the editor and the dialogs, so that
they agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from immersion.domain.alignment import MUTUAL_THRESHOLD, Quadrant, quadrant_text
from immersion.domain.enums import STAGE_FACTORS, IdeaStage
from immersion.texts import TextContext
from immersion.ui import formatting, theme

Ideas = TextContext("Ideas")  # texts written Ideas.tr("…"), as pyside6-lupdate reads them

STAGES = {
    "captured": QT_TRANSLATE_NOOP("Ideas", "Captured"),
    "shaping": QT_TRANSLATE_NOOP("Ideas", "Shaping"),
    "co-creating": QT_TRANSLATE_NOOP("Ideas", "Co-creating"),
    "proposed": QT_TRANSLATE_NOOP("Ideas", "Proposed"),
    "piloting": QT_TRANSLATE_NOOP("Ideas", "Piloting"),
    "adopted": QT_TRANSLATE_NOOP("Ideas", "Adopted"),
    "parked": QT_TRANSLATE_NOOP("Ideas", "Parked"),
    "declined": QT_TRANSLATE_NOOP("Ideas", "Declined"),
}
STAGE_HINTS = {
    "captured": QT_TRANSLATE_NOOP("Ideas", "Written down, not yet worked on."),
    "shaping": QT_TRANSLATE_NOOP("Ideas", "Being shaped with marketing, operations or partners."),
    "co-creating": QT_TRANSLATE_NOOP("Ideas", "Being worked out together with the customer."),
    "proposed": QT_TRANSLATE_NOOP("Ideas", "Put to the customer as a proposal."),
    "piloting": QT_TRANSLATE_NOOP("Ideas", "Being tried out with the customer."),
    "adopted": QT_TRANSLATE_NOOP("Ideas", "Taken up by the customer."),
    "parked": QT_TRANSLATE_NOOP("Ideas", "Put aside for now, with a reason."),
    "declined": QT_TRANSLATE_NOOP("Ideas", "Turned down, with a reason."),
}
ORIGINS = {
    "customer": QT_TRANSLATE_NOOP("Ideas", "Customer"),
    "meeting": QT_TRANSLATE_NOOP("Ideas", "Meeting"),
    "internal": QT_TRANSLATE_NOOP("Ideas", "Internal"),
    "partner": QT_TRANSLATE_NOOP("Ideas", "Partner"),
}
QUADRANTS = {
    "mutual win": QT_TRANSLATE_NOOP("Ideas", "Mutual win"),
    "customer win": QT_TRANSLATE_NOOP("Ideas", "Customer win"),
    "our win": QT_TRANSLATE_NOOP("Ideas", "Our win"),
    "neither": QT_TRANSLATE_NOOP("Ideas", "Neither"),
}
STRENGTHS = {
    1: QT_TRANSLATE_NOOP("Ideas", "Weak"),
    2: QT_TRANSLATE_NOOP("Ideas", "Medium"),
    3: QT_TRANSLATE_NOOP("Ideas", "Strong"),
}
_QUADRANT_COLOURS = {"mutual win": "#2b9a5a", "customer win": "#2a6fd6", "our win": "#c77c12",
                     "neither": "#7a808a"}


def stage_label(stage: str) -> str:
    return Ideas.tr(STAGES[stage]) if stage in STAGES else stage


def stage_hint(stage: str) -> str:
    """What a stage means and how much an idea there counts as effort toward its goals (DESIGN.md)."""
    factor = STAGE_FACTORS.get(IdeaStage(stage), 0.0) if stage in STAGES else 0.0
    counts = Ideas.tr("Counts %1 of an idea's effort toward its goals in the alignment index.").replace(
        "%1", formatting.number_text(factor, 2))
    return f"{Ideas.tr(STAGE_HINTS.get(stage, ''))}\n{counts}".strip()


def origin_label(origin: str) -> str:
    return Ideas.tr(ORIGINS[origin]) if origin in ORIGINS else origin


def quadrant_label(value: str) -> str:
    return Ideas.tr(QUADRANTS[value]) if value in QUADRANTS else value


def strength_label(strength: int) -> str:
    return Ideas.tr(STRENGTHS.get(int(strength), STRENGTHS[2]))


def quadrant_colour(value: str) -> QColor:
    """The quadrant's accent colour, lightened on a dark palette so that it stays readable."""
    colour = QColor(_QUADRANT_COLOURS.get(value, _QUADRANT_COLOURS["neither"]))
    return colour.lighter(150) if theme.is_dark() else colour


def value_explanation(customer: int, ours: int, quadrant: str) -> str:
    """How the mutual value and the quadrant were computed, for tooltips."""
    value = Ideas.tr("Mutual value = customer value × our value = %1 × %2 = %3 (of 25).").replace(
        "%1", str(customer)).replace("%2", str(ours)).replace("%3", str(customer * ours))
    rule = Ideas.tr("Quadrant: %1. An idea is a mutual win when both values are at least %2.").replace(
        "%1", quadrant_label(quadrant)).replace("%2", str(MUTUAL_THRESHOLD))
    meaning = ""
    if quadrant in QUADRANTS:  # the domain's sentence, translated where a translation exists
        meaning = QCoreApplication.translate("Alignment", quadrant_text(Quadrant(quadrant)))
    return "\n".join(part for part in (value, rule, meaning) if part)


def origin_text(row: Mapping[str, Any]) -> str:
    """Where an idea came from, in a few words: the meeting's title, or the origin."""
    if row.get("meeting_title"):
        return row["meeting_title"]
    origins = {"customer": Ideas.tr("From the customer"), "internal": Ideas.tr("Internal idea"),
               "partner": Ideas.tr("From a partner"), "meeting": Ideas.tr("From a meeting")}
    return origins.get(row.get("origin") or "", "")


def card_tooltip(row: Mapping[str, Any]) -> str:
    """Everything a card leaves out, for its tooltip."""
    lines = [row["title"], ""]
    lines.append(value_explanation(row["customer_value"], row["our_value"], row["quadrant"]))
    lines.append(Ideas.tr("Effort %1 of 5 · confidence %2 of 5").replace("%1", str(row["effort"]))
                 .replace("%2", str(row["confidence"])))
    if row.get("goals"):
        goals = "; ".join(f"{g['title']} ({strength_label(g['strength']).lower()})" for g in row["goals"])
        lines.append(Ideas.tr("Serves: %1").replace("%1", goals))
    else:
        lines.append(Ideas.tr("Linked to no goal: its effort counts as unlinked in the alignment index."))
    if row.get("tags"):
        lines.append(Ideas.tr("Tags: %1").replace("%1", ", ".join(row["tags"])))
    origin = origin_label(row["origin"])
    if row.get("meeting_title"):
        origin += f" · {row['meeting_title']} ({formatting.date_text(row.get('meeting_starts_at'))})"
    lines.append(Ideas.tr("Origin: %1").replace("%1", origin))
    since = formatting.date_text(row.get("stage_changed_at") or row.get("created_at"))
    lines.append(Ideas.tr("%1 since %2").replace("%1", stage_label(row["stage"])).replace("%2", since))
    if row.get("stage_reason"):
        lines.append(Ideas.tr("Reason: %1").replace("%1", row["stage_reason"]))
    if row.get("merged_count"):
        count = row["merged_count"]
        lines.append(Ideas.tr("1 duplicate merged into it") if count == 1 else
                     Ideas.tr("%1 duplicates merged into it").replace("%1", str(count)))
    return "\n".join(lines)
