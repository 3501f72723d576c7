"""Stakeholder rows as the relationship page shows them: labels, stance colours, tooltips, the table model and
the data the map draws (`MapData`).

The store's rows say who reports to whom by id and keep coverage in a table of its own; `enrich()` adds what a
reader wants to see (the manager's name, who on our side covers the person, a tooltip), once per refresh, and
both the table and the map read from the result, so they always say the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from immersion.texts import TextContext
from immersion.ui import formatting
from immersion.ui.row_model import Column, Index, Row, RowTableModel

LEVELS = (
    ("board", QT_TRANSLATE_NOOP("Choices", "Board")),
    ("executive", QT_TRANSLATE_NOOP("Choices", "Executive")),
    ("senior", QT_TRANSLATE_NOOP("Choices", "Senior")),
    ("manager", QT_TRANSLATE_NOOP("Choices", "Manager")),
    ("staff", QT_TRANSLATE_NOOP("Choices", "Staff")),
)
BUYING_ROLES: tuple[tuple[str | None, str], ...] = (
    (None, "—"),
    ("decision maker", QT_TRANSLATE_NOOP("Choices", "Decision maker")),
    ("economic buyer", QT_TRANSLATE_NOOP("Choices", "Economic buyer")),
    ("technical buyer", QT_TRANSLATE_NOOP("Choices", "Technical buyer")),
    ("user", QT_TRANSLATE_NOOP("Choices", "User")),
    ("influencer", QT_TRANSLATE_NOOP("Choices", "Influencer")),
    ("gatekeeper", QT_TRANSLATE_NOOP("Choices", "Gatekeeper")),
    ("coach", QT_TRANSLATE_NOOP("Choices", "Coach")),
)
STRENGTHS = {1: QT_TRANSLATE_NOOP("Relationships", "weak"), 2: QT_TRANSLATE_NOOP("Relationships", "moderate"),
             3: QT_TRANSLATE_NOOP("Relationships", "strong")}
STANCES = (
    ("champion", QT_TRANSLATE_NOOP("Choices", "Champion")),
    ("supporter", QT_TRANSLATE_NOOP("Choices", "Supporter")),
    ("neutral", QT_TRANSLATE_NOOP("Choices", "Neutral")),
    ("sceptic", QT_TRANSLATE_NOOP("Choices", "Sceptic")),
    ("detractor", QT_TRANSLATE_NOOP("Choices", "Detractor")),
)
# A diverging scale, green through grey to red; the card also names the stance, so colour is never alone.
ACCENTS = {"champion": "#1e9e57", "supporter": "#7fae2e", "neutral": "#858b95", "sceptic": "#e48a1c",
            "detractor": "#d83d3d"}


def stance_accent(stance: str) -> QColor:
    """The stance's colour, as the map, the legend and the table's swatches use it."""
    return QColor(ACCENTS.get(stance, ACCENTS["neutral"]))


@dataclass(frozen=True)
class MapPerson:
    """One card of the map. The tooltips of the map's data are HTML fragments (see `rich`)."""

    id: str
    name: str
    title: str
    detail: str  # "Champion · Decision maker"
    stance: str
    influence: int
    reports_to: str | None
    tooltip: str


@dataclass(frozen=True)
class MapLink:
    """An influence line from one person to another, strength 1–3."""

    source: str
    target: str
    strength: int
    tooltip: str


@dataclass(frozen=True)
class MapCover:
    """One of our team members covering a person, strength 1–5."""

    person: str
    member: str
    initials: str
    strength: int
    tooltip: str


@dataclass(frozen=True)
class MapData:
    """What the map shows; `people` in sibling order (most influential first)."""

    people: tuple[MapPerson, ...] = ()
    influences: tuple[MapLink, ...] = ()
    coverage: tuple[MapCover, ...] = ()


Relationships = TextContext("Relationships")  # texts written Relationships.tr("…"), as pyside6-lupdate reads them


def rich(html: str) -> str:
    """An HTML fragment as a tooltip: marked as rich text, so that escaped names (“Marlowe &amp; Finch”) and
    line breaks show as meant even when the fragment has no tag on its first line."""
    return f"<qt>{html}</qt>"


def label(choices: Iterable[tuple[str | None, str]], value: Any) -> str:
    """The translated label of a stored choice value ("" when unknown or unset)."""
    for stored, text in choices:
        if stored == value and stored is not None:
            return QCoreApplication.translate("Choices", text)
    return ""


def _sort_text(key: str) -> Callable[[Row], str]:
    return lambda row: (row.get(key) or "").casefold()


COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), editable=True, required=True, width=22,
           tooltip=lambda row: rich(row["_tooltip"])),
    Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), editable=True, width=28),
    Column("level", QT_TRANSLATE_NOOP("Columns", "Level"), kind="choice", editable=True, required=True,
           choices=LEVELS, width=11),
    Column("influence", QT_TRANSLATE_NOOP("Columns", "Influence"), kind="int", editable=True, minimum=1,
           maximum=5, width=11,
           tooltip=lambda row: Relationships.tr("Influence %1 of 5").replace("%1", str(row["influence"]))),
    Column("stance", QT_TRANSLATE_NOOP("Columns", "Stance"), kind="choice", editable=True, required=True,
           choices=STANCES, width=16),
    Column("buying_role", QT_TRANSLATE_NOOP("Columns", "Buying role"), kind="choice", editable=True,
           choices=BUYING_ROLES, width=17),
    Column("reports_to_id", QT_TRANSLATE_NOOP("Columns", "Reports to"), display=lambda row: row["_boss"],
           sort=_sort_text("_boss"), width=20),
    Column("_covered_text", QT_TRANSLATE_NOOP("Columns", "Covered by"), sort=_sort_text("_covered_text"),
           width=26, tooltip=lambda row: row["_covered_text"]),
    Column("last_contact", QT_TRANSLATE_NOOP("Columns", "Last contact"), kind="date", editable=True,
           tooltip=lambda row: formatting.days_text(row["last_contact"])),
)


def initials(name: str) -> str:
    """"Helen Marsh" → "HM"; "Dr Kwame Asante" → "KA" (titles are skipped)."""
    honorifics = ("dr", "prof", "mr", "mrs", "ms", "sir")
    words = [w for w in name.replace("-", " ").split() if w.rstrip(".").casefold() not in honorifics]
    if not words:
        return "?"
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()


def enrich(people: Sequence[Row], coverage: Sequence[Row], team: dict[str, Row]) -> list[Row]:
    """Copies of the stakeholder rows with what the page shows beside them.

    Added keys: `_boss` (the manager's name), `_covers` ((team member row, coverage row) pairs, strongest
    first), `_covered_text` ("Helen Marsh (4), …") and `_tooltip` (rich text, see `person_tooltip`).
    """
    names = {p["id"]: p["name"] for p in people}
    covers: dict[str, list[tuple[Row, Row]]] = defaultdict(list)
    for link in coverage:
        member = team.get(link["team_member_id"])
        if member is not None:
            covers[link["stakeholder_id"]].append((member, link))
    result = []
    for person in people:
        mine = sorted(covers.get(person["id"], []), key=lambda pair: (-pair[1]["strength"], pair[0]["name"]))
        row = dict(person, _boss=names.get(person["reports_to_id"] or "", ""), _covers=mine,
                   _covered_text=", ".join(f"{m['name']} ({c['strength']})" for m, c in mine))
        row["_tooltip"] = person_tooltip(row)
        result.append(row)
    return result


def person_tooltip(row: Row) -> str:
    """Everything worth knowing at a glance about one person, as an HTML fragment (user text escaped)."""
    lines = [f"<b>{escape(row['name'])}</b>"]
    if row.get("title"):
        lines.append(escape(row["title"]))
    lines.append(Relationships.tr("Influence: %1 of 5").replace("%1", str(row["influence"])))
    lines.append(Relationships.tr("Stance: %1").replace("%1", label(STANCES, row["stance"])))
    lines.append(Relationships.tr("Buying role: %1").replace("%1", label(BUYING_ROLES, row.get("buying_role"))
                                                  or formatting.UNDEFINED))
    if row.get("personal_wins"):
        lines.append(Relationships.tr("Personal wins: %1").replace("%1", escape(row["personal_wins"])))
    if row.get("last_contact"):
        when = f"{formatting.date_text(row['last_contact'])} ({formatting.days_text(row['last_contact'])})"
        lines.append(Relationships.tr("Last contact: %1").replace("%1", when))
    else:
        lines.append(Relationships.tr("No contact recorded"))
    if row.get("_boss"):
        lines.append(Relationships.tr("Reports to %1").replace("%1", escape(row["_boss"])))
    if row.get("_covers"):
        who = ", ".join(f"{escape(m['name'])} ({c['strength']}/5)" for m, c in row["_covers"])
        lines.append(Relationships.tr("Covered by: %1").replace("%1", who))
    else:
        lines.append(Relationships.tr("Nobody on our side covers them"))
    return "<br>".join(lines)


def map_data(people: Sequence[Row], influences: Sequence[Row]) -> MapData:
    """What the map draws, from enriched rows (see `enrich`) and the account's influence links.

    Siblings are ordered by level, then influence, then name, so that the most senior and most influential
    people sit leftmost under their manager.
    """
    level_rank = {value: n for n, (value, _label) in enumerate(LEVELS)}
    ordered = sorted(people, key=lambda p: (level_rank.get(p["level"], 9), -p["influence"],
                                            p["name"].casefold()))
    names = {p["id"]: p["name"] for p in people}
    persons = []
    for p in ordered:
        parts = (label(STANCES, p["stance"]), label(BUYING_ROLES, p["buying_role"]))
        detail = " · ".join(part for part in parts if part)
        persons.append(MapPerson(p["id"], p["name"], p.get("title") or "", detail, p["stance"],
                                 int(p["influence"]), p["reports_to_id"], p["_tooltip"]))
    links = []
    for link in influences:
        if link["from_id"] in names and link["to_id"] in names:
            text = Relationships.tr("%1 influences %2 (%3)").replace("%1", escape(names[link["from_id"]])).replace(
                "%2", escape(names[link["to_id"]])).replace("%3", Relationships.tr(STRENGTHS.get(link["strength"], "")))
            if link.get("note"):
                text += "<br>" + escape(link["note"])
            links.append(MapLink(link["from_id"], link["to_id"], int(link["strength"]), text))
    covers = []
    for person in ordered:
        for member, link in person["_covers"]:
            role = member.get("title") or member.get("function") or ""
            text = Relationships.tr("%1 covers %2").replace("%1", f"<b>{escape(member['name'])}</b>").replace(
                "%2", escape(person["name"]))
            text += "<br>" + (escape(role) + "<br>" if role else "")
            text += Relationships.tr("Relationship strength %1 of 5").replace("%1", str(link["strength"]))
            if link.get("note"):
                text += "<br>" + escape(link["note"])
            covers.append(MapCover(person["id"], member["id"], initials(member["name"]),
                                   int(link["strength"]), text))
    return MapData(tuple(persons), tuple(links), tuple(covers))


class StakeholderModel(RowTableModel):
    """The account's people, one per row; a colour swatch shows each stance; sorting survives refreshes.

    Args:
        on_edit: called with (stakeholder id, field, value) after an edit in a cell; None for a read-only
            table (`editable` can also be switched later).
    """

    def __init__(self, on_edit: Callable[[str, str, Any], bool] | None = None, parent: Any = None) -> None:
        super().__init__(COLUMNS, on_edit, parent)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._stance = self.column_of("stance")

    def set_people(self, rows: Sequence[Row]) -> None:
        """Show enriched rows (see `enrich`) in the order the user sorted by, so that a refresh with the same
        people only updates cells and keeps the view's selection."""
        rows = list(rows)
        if self._sort is not None:
            column, order = self._sort
            rows.sort(key=self.columns[column].sort_value, reverse=order == Qt.SortOrder.DescendingOrder)
        self.set_rows(rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < len(self.columns) else None
        super().sort(column, order)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == self._stance:
            return stance_accent(self.row(index)["stance"])
        return super().data(index, role)

