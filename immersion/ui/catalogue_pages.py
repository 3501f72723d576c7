"""The workbook's catalogue pages, shared by all accounts: Team & partners, and Assets.

Both are a `CataloguePage` (catalogue_base.py) and only declare their table, columns, groups, texts and where
a row is used; the vocabularies of their choice columns say what each choice means, in the cells' tooltips.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP

from immersion.texts import TextContext
from immersion.ui.catalogue_base import CataloguePage, Group, Use
from immersion.ui.row_model import Column

Vocabulary = tuple[tuple[str, str, str], ...]  # stored value, label (context "Choices"), meaning


Catalogue = TextContext("Catalogue")  # texts written Catalogue.tr("…"), as pyside6-lupdate reads them


def _choices(vocabulary: Vocabulary) -> tuple[tuple[str | None, str], ...]:
    return tuple((value, label) for value, label, _meaning in vocabulary)


def _meaning(vocabulary: Vocabulary, key: str) -> Any:
    """A cell tooltip saying what the row's choice in `key` means."""
    meanings = {value: meaning for value, _label, meaning in vocabulary}
    return lambda row: Catalogue.tr(meanings[row[key]]) if row.get(key) in meanings else ""


def _full(key: str) -> Any:
    """A cell tooltip with the whole text, for columns too narrow to show it."""
    return lambda row: row.get(key) or ""


_FUNCTIONS: Vocabulary = (
    ("sales", QT_TRANSLATE_NOOP("Choices", "Sales"),
     QT_TRANSLATE_NOOP("Catalogue", "Sales: leads the account and sells.")),
    ("marketing", QT_TRANSLATE_NOOP("Choices", "Marketing"),
     QT_TRANSLATE_NOOP("Catalogue", "Marketing: co-marketing, events, campaigns and content.")),
    ("operations", QT_TRANSLATE_NOOP("Choices", "Operations"),
     QT_TRANSLATE_NOOP("Catalogue", "Operations: delivery, installation and engineering.")),
    ("supply chain", QT_TRANSLATE_NOOP("Choices", "Supply chain"),
     QT_TRANSLATE_NOOP("Catalogue", "Supply chain: sourcing, logistics and lead times.")),
    ("finance", QT_TRANSLATE_NOOP("Choices", "Finance"),
     QT_TRANSLATE_NOOP("Catalogue", "Finance: pricing, business cases and the account P&L.")),
    ("service", QT_TRANSLATE_NOOP("Choices", "Service"),
     QT_TRANSLATE_NOOP("Catalogue", "Service: customer service, support and maintenance.")),
    ("executive", QT_TRANSLATE_NOOP("Choices", "Executive"),
     QT_TRANSLATE_NOOP("Catalogue", "Executive: senior sponsors who meet the customer's board.")),
    ("agency", QT_TRANSLATE_NOOP("Choices", "Agency"),
     QT_TRANSLATE_NOOP("Catalogue", "Agency: a creative or specialist agency (a third party).")),
    ("alliance partner", QT_TRANSLATE_NOOP("Choices", "Alliance partner"),
     QT_TRANSLATE_NOOP("Catalogue", "Alliance partner: a company we co-sell or co-create with "
                                    "(a third party).")),
)
_KINDS: Vocabulary = (
    ("brand", QT_TRANSLATE_NOOP("Choices", "Brand"),
     QT_TRANSLATE_NOOP("Catalogue", "Brand: a brand or campaign platform the customer can share.")),
    ("product", QT_TRANSLATE_NOOP("Choices", "Product"),
     QT_TRANSLATE_NOOP("Catalogue", "Product: something we make and sell.")),
    ("service", QT_TRANSLATE_NOOP("Choices", "Service"),
     QT_TRANSLATE_NOOP("Catalogue", "Service: something we do for the customer.")),
    ("capability", QT_TRANSLATE_NOOP("Choices", "Capability"),
     QT_TRANSLATE_NOOP("Catalogue", "Capability: skills, teams, financing or know-how we can bring.")),
    ("insight", QT_TRANSLATE_NOOP("Choices", "Insight"),
     QT_TRANSLATE_NOOP("Catalogue", "Insight: research, benchmarks or a market view we can share.")),
    ("alliance", QT_TRANSLATE_NOOP("Choices", "Alliance"),
     QT_TRANSLATE_NOOP("Catalogue", "Alliance: a partner company we can bring in.")),
    ("emerging business", QT_TRANSLATE_NOOP("Choices", "Emerging business"),
     QT_TRANSLATE_NOOP("Catalogue", "Emerging business: a new business of ours, still being built.")),
    ("data", QT_TRANSLATE_NOOP("Choices", "Data"),
     QT_TRANSLATE_NOOP("Catalogue", "Data: data sets or data services we can share.")),
)


class TeamPage(CataloguePage):
    """Team & partners: the people on our side and the third parties we bring to customers."""

    TABLE = "team_members"
    TITLE = QT_TRANSLATE_NOOP("Catalogue", "Team & partners")
    SUBTITLE = QT_TRANSLATE_NOOP("Catalogue", "Our people and the third parties we bring to customers. "
                                              "Shared by all accounts.")
    NEW_NAME = QT_TRANSLATE_NOOP("Catalogue", "New team member")
    UNDO = (QT_TRANSLATE_NOOP("Catalogue", "Add team member"),
            QT_TRANSLATE_NOOP("Catalogue", "Edit team member"),
            QT_TRANSLATE_NOOP("Catalogue", "Delete team member"),
            QT_TRANSLATE_NOOP("Catalogue", "Delete %1 team members"))
    COUNT = (QT_TRANSLATE_NOOP("Catalogue", "1 person"), QT_TRANSLATE_NOOP("Catalogue", "%1 people"))
    GROUPS: tuple[Group, ...] = (
        (QT_TRANSLATE_NOOP("Catalogue", "Everyone"), {}),
        (QT_TRANSLATE_NOOP("Catalogue", "Our people"), {"third_party": 0}),
        (QT_TRANSLATE_NOOP("Catalogue", "Third parties"), {"third_party": 1}),
        ("", {}),
        *((label, {"function": value}) for value, label, _meaning in _FUNCTIONS),
    )
    USES: tuple[Use, ...] = (
        ("accounts", "owner_id", QT_TRANSLATE_NOOP("Catalogue", "accounts they own")),
        ("coverage", "team_member_id", QT_TRANSLATE_NOOP("Catalogue", "stakeholders they cover")),
        ("meeting_attendees", "team_member_id", QT_TRANSLATE_NOOP("Catalogue", "meetings they attend")),
        ("idea_people", "team_member_id", QT_TRANSLATE_NOOP("Catalogue", "ideas they work on")),
        ("assets", "owner_id", QT_TRANSLATE_NOOP("Catalogue", "assets they own")),
        ("action_items", "owner_team_member_id", QT_TRANSLATE_NOOP("Catalogue", "action items they own")),
        ("touchpoints", "team_member_id", QT_TRANSLATE_NOOP("Catalogue", "touchpoints they made")),
    )
    HEADER_TIPS: ClassVar[dict[str, str]] = {
        "function": QT_TRANSLATE_NOOP("Catalogue", "What the person brings to customers: sales, marketing, "
                                                   "operations, supply chain, finance, service, executive "
                                                   "sponsorship; or, from a third party, an agency or an "
                                                   "alliance partner."),
        "third_party": QT_TRANSLATE_NOOP("Catalogue", "Ticked for people outside our company whom we bring "
                                                      "to customers: agencies, creative teams, alliance "
                                                      "partners."),
    }

    def columns(self, team: list[tuple[str, str]]) -> list[Column]:
        outside = Catalogue.tr("Outside our company: an agency, a creative team or an alliance partner.")
        return [
            Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), editable=True, required=True, width=22),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), editable=True, width=30,
                   tooltip=_full("title")),
            Column("function", QT_TRANSLATE_NOOP("Columns", "Function"), "choice", editable=True,
                   required=True, width=16, choices=_choices(_FUNCTIONS),
                   tooltip=_meaning(_FUNCTIONS, "function")),
            Column("organisation", QT_TRANSLATE_NOOP("Columns", "Organisation"), editable=True, width=18),
            Column("third_party", QT_TRANSLATE_NOOP("Columns", "Third party"), "bool", editable=True,
                   width=11, tooltip=lambda row: outside if row.get("third_party") else ""),
            Column("email", QT_TRANSLATE_NOOP("Columns", "Email"), editable=True, width=28),
            Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"), editable=True, tooltip=_full("notes")),
        ]


class AssetsPage(CataloguePage):
    """Assets: what our enterprise can bring to a customer, from brands and products to data and alliances."""

    TABLE = "assets"
    TITLE = QT_TRANSLATE_NOOP("Catalogue", "Assets")
    SUBTITLE = QT_TRANSLATE_NOOP("Catalogue", "What our enterprise can bring to customers, beyond products. "
                                              "Shared by all accounts.")
    NEW_NAME = QT_TRANSLATE_NOOP("Catalogue", "New asset")
    UNDO = (QT_TRANSLATE_NOOP("Catalogue", "Add asset"), QT_TRANSLATE_NOOP("Catalogue", "Edit asset"),
            QT_TRANSLATE_NOOP("Catalogue", "Delete asset"),
            QT_TRANSLATE_NOOP("Catalogue", "Delete %1 assets"))
    COUNT = (QT_TRANSLATE_NOOP("Catalogue", "1 asset"), QT_TRANSLATE_NOOP("Catalogue", "%1 assets"))
    GROUPS: tuple[Group, ...] = (
        (QT_TRANSLATE_NOOP("Catalogue", "All kinds"), {}),
        ("", {}),
        *((label, {"kind": value}) for value, label, _meaning in _KINDS),
    )
    USES: tuple[Use, ...] = (
        ("idea_assets", "asset_id", QT_TRANSLATE_NOOP("Catalogue", "ideas that use it")),
    )
    HEADER_TIPS: ClassVar[dict[str, str]] = {
        "kind": QT_TRANSLATE_NOOP("Catalogue", "What sort of asset: brand, product, service, capability, "
                                               "insight, alliance, emerging business or data."),
        "owner_id": QT_TRANSLATE_NOOP("Catalogue", "Who on our side looks after the asset "
                                                   "(from Team & partners)."),
    }

    def columns(self, team: list[tuple[str, str]]) -> list[Column]:
        return [
            Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), editable=True, required=True, width=40,
                   tooltip=_full("name")),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), "choice", editable=True, required=True,
                   width=18, choices=_choices(_KINDS), tooltip=_meaning(_KINDS, "kind")),
            Column("owner_id", QT_TRANSLATE_NOOP("Columns", "Owner"), "choice", editable=True, width=20,
                   choices=((None, "—"), *team)),
            Column("description", QT_TRANSLATE_NOOP("Columns", "Description"), editable=True,
                   tooltip=_full("description")),
        ]

    def new_values(self) -> dict[str, Any]:
        return {"kind": "product", **super().new_values()}
