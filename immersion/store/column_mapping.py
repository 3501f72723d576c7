"""Which fields each importable table takes, and matching a file's column names to them automatically.

Six tables take imports one by one: accounts, stakeholders, goals, ideas, investments and financials. Every
column of those tables is a field (so an exported table maps onto itself), plus a few fields that people's files
have instead of our ids: the account by name, a contact's first and last name, whom a stakeholder reports to
and an account's owner.

Matching compares names folded to lower-case words without accents or punctuation, so "E-Mail Address",
"email_address" and "Email address" are one name. Ours ("first_name"), the UI's ("First name") and those of
common CRM exports (Salesforce, HubSpot, Dynamics 365, Pipedrive, Zoho: "First Name", "Account Name",
"Job Title", "Company", "Business Phone" …) are known, and a few German and French ones ("Vorname",
"Umsatz", "Zeitraum", "Société"). Id columns are matched only by their exact name, so a
CRM's "Account ID" is never taken for one of ours.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from immersion.domain import enums as E

IMPORTABLE: tuple[str, ...] = ("accounts", "stakeholders", "goals", "ideas", "investments", "financials")

# Kinds of field: how a cell is read (see importing.py) -----------------------------------------------------------
TEXT, WHOLE, NUMBER, CHOICE, DATE, STAMP, PERIOD, ID, REF = (
    "text", "whole", "number", "choice", "date", "stamp", "period", "id", "ref")
ACCOUNT, PERSON, MEMBER, FIRST_NAME, LAST_NAME = "account", "person", "member", "first_name", "last_name"


@dataclass(frozen=True)
class Field:
    """One thing a column can be imported as.

    Attributes:
        name: the field's key: a column name of the table, or a virtual field ("account", "first_name" …).
        label: shown in the mapping combo and in messages ("Influence").
        kind: how cells are read (TEXT, WHOLE, NUMBER, CHOICE …).
        column: the table column written (None for fields that are resolved into another column).
        required: a new row needs a value (an existing row keeps its own when the cell is empty).
        choices: the enum for CHOICE fields.
        low, high: the range of WHOLE and NUMBER fields.
        ref: the table an id of a REF field points into.
        aliases: further names, besides the key and the label, that match this field.
        exact_only: matched only by the column's exact name (ids and time stamps).
    """

    name: str
    label: str
    kind: str = TEXT
    column: str | None = None
    required: bool = False
    choices: type[StrEnum] | None = None
    low: float | None = None
    high: float | None = None
    ref: str | None = None
    aliases: tuple[str, ...] = ()
    exact_only: bool = False

    @property
    def writes(self) -> str | None:
        return self.column


def _f(name: str, label: str, kind: str = TEXT, *aliases: str, virtual: bool = False, **options: object) -> Field:
    return Field(name, label, kind, None if virtual else name, aliases=aliases, **options)  # type: ignore[arg-type]


_STAMPS = (
    _f("created_at", "Created at", STAMP, exact_only=True),
    _f("updated_at", "Updated at", STAMP, exact_only=True),
)
_ID = _f("id", "Id", ID, exact_only=True)
_ACCOUNT = (
    _f("account", "Account (name)", ACCOUNT, "account name", "company", "company name", "organization",
       "organisation", "organization name", "organisation name", "customer", "customer name", "associated company",
       "parent account", "person organization", "client", "kunde", "firma", "unternehmen", "societe", "client name",
       virtual=True),
    _f("account_id", "Account id", REF, ref="accounts", exact_only=True),
)
_OWNER = _f("owner", "Owner (team member)", MEMBER, "account owner", "owner name", "account manager",
            "key account manager", virtual=True)

FIELDS: dict[str, tuple[Field, ...]] = {
    "accounts": (
        _ID,
        _f("name", "Name", TEXT, "account name", "account", "company", "company name", "organization",
           "organisation", "organization name", "customer", "customer name", "client", "full name", required=True),
        _f("industry", "Industry", TEXT, "sector", "industry sector", "vertical"),
        _f("tier", "Tier", CHOICE, "account tier", "segment", "account type", choices=E.Tier),
        _f("mutual_purpose", "Mutual purpose", TEXT, "purpose", "mutual purpose statement"),
        _f("objectives", "Objectives", TEXT, "account objectives", "goals"),
        _OWNER,
        _f("owner_id", "Owner id", REF, ref="team_members", exact_only=True),
        _f("currency", "Currency", TEXT, "account currency", "currency code", "currency iso code"),
        _f("notes", "Notes", TEXT, "description", "comments", "about", "background"),
        *_STAMPS,
    ),
    "stakeholders": (
        _ID,
        *_ACCOUNT,
        _f("name", "Name", TEXT, "full name", "contact name", "contact", "person name", "person", "display name",
           required=True),
        _f("first_name", "First name (joined into Name)", FIRST_NAME, "first", "given name", "firstname",
           "forename", "vorname", "prenom", virtual=True),
        _f("last_name", "Last name (joined into Name)", LAST_NAME, "last", "surname", "family name", "lastname",
           "nachname", "nom", virtual=True),
        _f("title", "Title", TEXT, "job title", "position", "role", "job role", "job position", "designation",
           "funktion", "fonction"),
        _f("level", "Level", CHOICE, "seniority", "job level", "management level", choices=E.Level),
        _f("buying_role", "Buying role", CHOICE, "buying center role", "buying centre role", "contact role",
           "decision role", choices=E.BuyingRole),
        _f("influence", "Influence", WHOLE, "influence score", "power", low=1, high=5),
        _f("stance", "Stance", CHOICE, "attitude", "sentiment", "relationship status", choices=E.Stance),
        _f("personal_wins", "Personal wins", TEXT, "personal win", "win", "wins", "motivations", "what s in it for them"),
        _f("reports_to", "Reports to (name or email)", PERSON, "manager", "reports to name", "line manager",
           "boss", virtual=True),
        _f("reports_to_id", "Reports to id", REF, ref="stakeholders", exact_only=True),
        _f("email", "Email", TEXT, "e mail", "email address", "e mail address", "work email", "email work",
           "business email", "primary email", "person email", "mail", "e mail adresse", "courriel"),
        _f("phone", "Phone", TEXT, "phone number", "telephone", "business phone", "work phone", "phone work",
           "direct phone", "office phone", "mobile", "mobile phone", "cell", "cell phone", "person phone", "telefon",
           "mobil", "telephone number"),
        _f("last_contact", "Last contact", DATE, "last contacted", "last contact date", "last activity",
           "last activity date", "last activity time", "last engagement date", "last meeting"),
        _f("notes", "Notes", TEXT, "description", "comments", "comment", "about", "background"),
        *_STAMPS,
    ),
    "goals": (
        _ID,
        *_ACCOUNT,
        _f("title", "Title", TEXT, "goal", "goal title", "name", "objective", "summary", required=True),
        _f("description", "Description", TEXT, "details", "notes"),
        _f("category", "Category", CHOICE, "type", "goal type", "goal category", choices=E.GoalCategory,
           required=True),
        _f("priority", "Priority", WHOLE, "weight", "priority weight", low=1, high=5),
        _f("rank", "Rank", WHOLE, "agenda rank", "position", "order", low=0),
        _f("status", "Status", CHOICE, "validation", "state", choices=E.GoalStatus),
        _f("horizon", "Horizon", CHOICE, "time horizon", "timeframe", choices=E.Horizon),
        _f("kpi", "KPI", TEXT, "measure", "metric", "key performance indicator"),
        _f("target", "Target", TEXT, "target value"),
        _f("source_stakeholder_id", "Source stakeholder id", REF, ref="stakeholders", exact_only=True),
        _f("source_meeting_id", "Source meeting id", REF, ref="meetings", exact_only=True),
        _f("owner_stakeholder_id", "Owner stakeholder id", REF, ref="stakeholders", exact_only=True),
        _f("status_changed_at", "Status changed at", STAMP, exact_only=True),
        *_STAMPS,
    ),
    "ideas": (
        _ID,
        *_ACCOUNT,
        _f("title", "Title", TEXT, "idea", "idea title", "name", "summary", required=True),
        _f("description", "Description", TEXT, "details", "notes"),
        _f("stage", "Stage", CHOICE, "status", "idea stage", choices=E.IdeaStage),
        _f("origin", "Origin", CHOICE, "source", choices=E.IdeaOrigin),
        _f("origin_meeting_id", "Origin meeting id", REF, ref="meetings", exact_only=True),
        _f("customer_value", "Customer value", WHOLE, "value to customer", "customer benefit", low=1, high=5),
        _f("our_value", "Our value", WHOLE, "value to us", "our benefit", low=1, high=5),
        _f("effort", "Effort", WHOLE, "effort score", low=1, high=5),
        _f("confidence", "Confidence", WHOLE, "confidence score", low=1, high=5),
        _f("estimated_revenue", "Estimated revenue", NUMBER, "revenue", "est revenue", "potential revenue",
           "value", low=0),
        _f("board_order", "Board order", NUMBER, exact_only=True),
        _f("stage_reason", "Stage reason", TEXT, "reason"),
        _f("stage_changed_at", "Stage changed at", STAMP, exact_only=True),
        _f("merged_into_id", "Merged into id", REF, ref="ideas", exact_only=True),
        *_STAMPS,
    ),
    "investments": (
        _ID,
        *_ACCOUNT,
        _f("name", "Name", TEXT, "investment", "investment name", "title", "description", required=True),
        _f("kind", "Kind", CHOICE, "type", "investment type", "category", choices=E.InvestmentKind, required=True),
        _f("status", "Status", CHOICE, "state", choices=E.InvestmentStatus),
        _f("amount", "Amount", NUMBER, "cost", "spend", "budget", "value", low=0, required=True),
        _f("currency", "Currency", TEXT, "currency code"),
        _f("period", "Period", PERIOD, "quarter", "month", "date", required=True),
        _f("expected_return", "Expected return", NUMBER, "expected", "expected value", "planned return", low=0),
        _f("actual_return", "Actual return", NUMBER, "actual", "actual value", "realised return",
           "realized return", low=0),
        _f("idea_id", "Idea id", REF, ref="ideas", exact_only=True),
        _f("notes", "Notes", TEXT, "comments", "comment"),
        *_STAMPS,
    ),
    "financials": (
        _ID,
        *_ACCOUNT,
        _f("period", "Period", PERIOD, "quarter", "month", "fiscal period", "periode", "zeitraum", "quartal",
           required=True),
        _f("revenue", "Revenue", NUMBER, "sales", "net sales", "turnover", "net revenue", "umsatz",
           "chiffre d affaires"),
        _f("cost_of_goods", "Cost of goods", NUMBER, "cogs", "cost of goods sold", "cost of sales", "wareneinsatz",
           "herstellkosten"),
        _f("cost_to_serve", "Cost to serve", NUMBER, "cts", "service cost", "serving cost", "servicekosten",
           "betreuungskosten"),
        _f("other_costs", "Other costs", NUMBER, "other cost", "other", "other expenses", "sonstige kosten"),
        *_STAMPS,
    ),
}

# The tables that belong to an account: their rows need one, from a column or from the account imported into.
ACCOUNT_TABLES = frozenset(t for t in IMPORTABLE if t != "accounts")


def fields(table: str) -> tuple[Field, ...]:
    """The fields of an importable table.

    Raises:
        KeyError: the table takes no imports.
    """
    return FIELDS[table]


def lookup(table: str, name: str) -> Field:
    for candidate in FIELDS[table]:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def fold(name: str) -> str:
    """A column name as matching sees it: lower case, no accents, words of letters and digits."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", plain)
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def _names(item: Field) -> tuple[str, ...]:
    return (fold(item.name), fold(item.label), *(fold(a) for a in item.aliases))


@dataclass
class Mapping:
    """Which field each of a file's columns goes to (None: not imported), in the file's column order."""

    table: str
    columns: list[str]
    fields: dict[str, str | None] = field(default_factory=dict)

    def field_of(self, column: str) -> str | None:
        return self.fields.get(column)

    def column_of(self, name: str) -> str | None:
        for column in self.columns:
            if self.fields.get(column) == name:
                return column
        return None

    def set(self, column: str, name: str | None) -> None:
        """Map `column` to the field `name`; a field takes one column, so another column on it is unmapped."""
        if column not in self.columns:
            raise KeyError(column)
        if name is not None:
            lookup(self.table, name)  # raises KeyError for a field the table does not have
            for other, current in self.fields.items():
                if current == name and other != column:
                    self.fields[other] = None
        self.fields[column] = name

    def mapped(self) -> list[tuple[str, Field]]:
        """(column, field) for every mapped column, in column order."""
        return [(c, lookup(self.table, self.fields[c])) for c in self.columns if self.fields.get(c)]  # type: ignore[arg-type]

    def problems(self, default_account: bool) -> list[str]:
        """What keeps this mapping from importing anything at all."""
        names = {f.name for _, f in self.mapped()}
        found = []
        if not names:
            found.append("No column is mapped to a field.")
        if self.table in ACCOUNT_TABLES and not default_account and not names & {"account", "account_id"}:
            found.append("Choose the account to import into, or map a column to Account.")
        return found

    def unfed(self) -> list[Field]:
        """Required fields that no column feeds: then only rows that exist already can be updated."""
        names = {f.name for _, f in self.mapped()}
        missing = []
        for item in FIELDS[self.table]:
            if not item.required or item.name in names:
                continue
            if item.name == "name" and self.table == "stakeholders" and names & {"first_name", "last_name"}:
                continue
            missing.append(item)
        return missing


def auto_map(table: str, columns: Sequence[str]) -> Mapping:
    """Match `columns` to the fields of `table`; each field takes at most the first column that matches.

    Exact names come first (our own export), then folded names and aliases, then, for what is left, a column
    whose name starts with a field's name ("Email - Work", "Phone (mobile)").
    """
    mapping = Mapping(table, list(columns), {c: None for c in columns})
    available = list(FIELDS[table])
    taken: set[str] = set()

    def take(column: str, item: Field) -> None:
        mapping.fields[column] = item.name
        taken.add(item.name)

    for column in columns:
        for item in available:
            if item.name not in taken and column.strip() == item.name:
                take(column, item)
                break
    folded = {c: fold(c) for c in columns}
    for column in columns:
        if mapping.fields[column] is not None:
            continue
        for item in available:
            if item.name in taken or item.exact_only:
                continue
            if folded[column] in _names(item):
                take(column, item)
                break
    for column in columns:
        if mapping.fields[column] is not None or not folded[column]:
            continue
        for item in available:
            if item.name in taken or item.exact_only or item.kind in (ID, REF):
                continue
            if any(folded[column].startswith(name + " ") for name in _names(item)[:2]):
                take(column, item)
                break
    return mapping


def match_score(table: str, cells: Iterable[str]) -> int:
    """How many of `cells` name a field of `table` (used to find the header row of a sheet)."""
    known = {name for item in FIELDS[table] for name in _names(item)}
    exact = {item.name for item in FIELDS[table]}
    return sum(1 for cell in cells if cell and (cell.strip() in exact or fold(cell) in known))
