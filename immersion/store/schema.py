"""The workbook schema: tables, constraints, indexes and the full-text search index.

Table and column names are a documented, stable format (see README, "The workbook format"). Every table has a
text UUID key and `created_at`/`updated_at` in UTC ISO-8601, so rows made on different machines can be merged.
"""

from __future__ import annotations

from enum import StrEnum

from immersion.domain import enums as E

APPLICATION_ID = 0x494D4D52  # "IMMR"
SCHEMA_VERSION = 1


def _in(enum: type[StrEnum], column: str, nullable: bool = False) -> str:
    values = ", ".join(f"'{member.value}'" for member in enum)
    check = f"{column} IN ({values})"
    return f"CHECK ({column} IS NULL OR {check})" if nullable else f"CHECK ({check})"


def _range(column: str, low: int, high: int, nullable: bool = False) -> str:
    check = f"{column} BETWEEN {low} AND {high}"
    return f"CHECK ({column} IS NULL OR {check})" if nullable else f"CHECK ({check})"


_STAMPS = """
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"""

_PERIOD_CHECK = (
    "CHECK ((period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]') OR "
    "(period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND substr(period, 6, 2) BETWEEN '01' AND '12'))"
)

TABLES: dict[str, str] = {
    "meta": f"""
CREATE TABLE meta (
    id TEXT PRIMARY KEY NOT NULL,
    key TEXT NOT NULL UNIQUE,
    value TEXT,{_STAMPS}
)""",
    "team_members": f"""
CREATE TABLE team_members (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title TEXT,
    function TEXT NOT NULL DEFAULT 'sales' {_in(E.TeamFunction, 'function')},
    organisation TEXT,
    third_party INTEGER NOT NULL DEFAULT 0 CHECK (third_party IN (0, 1)),
    email TEXT,
    notes TEXT,{_STAMPS}
)""",
    "assets": f"""
CREATE TABLE assets (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL {_in(E.AssetKind, 'kind')},
    description TEXT,
    owner_id TEXT REFERENCES team_members(id) ON DELETE SET NULL,{_STAMPS}
)""",
    "accounts": f"""
CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    industry TEXT,
    tier TEXT NOT NULL DEFAULT 'key' {_in(E.Tier, 'tier')},
    mutual_purpose TEXT,
    objectives TEXT,
    owner_id TEXT REFERENCES team_members(id) ON DELETE SET NULL,
    currency TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
    notes TEXT,{_STAMPS}
)""",
    "stakeholders": f"""
CREATE TABLE stakeholders (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title TEXT,
    level TEXT NOT NULL DEFAULT 'manager' {_in(E.Level, 'level')},
    buying_role TEXT {_in(E.BuyingRole, 'buying_role', nullable=True)},
    influence INTEGER NOT NULL DEFAULT 3 {_range('influence', 1, 5)},
    stance TEXT NOT NULL DEFAULT 'neutral' {_in(E.Stance, 'stance')},
    personal_wins TEXT,
    reports_to_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,
    email TEXT,
    phone TEXT,
    last_contact TEXT,
    notes TEXT,{_STAMPS},
    CHECK (reports_to_id IS NULL OR reports_to_id <> id)
)""",
    "stakeholder_influences": f"""
CREATE TABLE stakeholder_influences (
    id TEXT PRIMARY KEY NOT NULL,
    from_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    to_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    strength INTEGER NOT NULL DEFAULT 2 {_range('strength', 1, 3)},
    note TEXT,{_STAMPS},
    UNIQUE (from_id, to_id),
    CHECK (from_id <> to_id)
)""",
    "coverage": f"""
CREATE TABLE coverage (
    id TEXT PRIMARY KEY NOT NULL,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    team_member_id TEXT NOT NULL REFERENCES team_members(id) ON DELETE CASCADE,
    strength INTEGER NOT NULL DEFAULT 3 {_range('strength', 1, 5)},
    note TEXT,{_STAMPS},
    UNIQUE (stakeholder_id, team_member_id)
)""",
    "meetings": f"""
CREATE TABLE meetings (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'discovery' {_in(E.MeetingKind, 'kind')},
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    starts_at TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 0 AND 10080),
    location TEXT,
    purpose TEXT,
    notes TEXT,
    outcome TEXT,{_STAMPS}
)""",
    "goals": f"""
CREATE TABLE goals (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT,
    category TEXT NOT NULL {_in(E.GoalCategory, 'category')},
    priority INTEGER NOT NULL DEFAULT 3 {_range('priority', 1, 5)},
    rank INTEGER NOT NULL DEFAULT 0 CHECK (rank >= 0),
    status TEXT NOT NULL DEFAULT 'unconfirmed' {_in(E.GoalStatus, 'status')},
    horizon TEXT {_in(E.Horizon, 'horizon', nullable=True)},
    kpi TEXT,
    target TEXT,
    source_stakeholder_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,
    source_meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    owner_stakeholder_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,
    status_changed_at TEXT,{_STAMPS}
)""",
    "meeting_attendees": f"""
CREATE TABLE meeting_attendees (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    stakeholder_id TEXT REFERENCES stakeholders(id) ON DELETE CASCADE,
    team_member_id TEXT REFERENCES team_members(id) ON DELETE CASCADE,{_STAMPS},
    CHECK ((stakeholder_id IS NULL) <> (team_member_id IS NULL)),
    UNIQUE (meeting_id, stakeholder_id, team_member_id)
)""",
    "insights": f"""
CREATE TABLE insights (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'observation' {_in(E.InsightKind, 'kind')},
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    goal_id TEXT REFERENCES goals(id) ON DELETE SET NULL,
    stakeholder_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,{_STAMPS}
)""",
    "action_items": f"""
CREATE TABLE action_items (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    owner_stakeholder_id TEXT REFERENCES stakeholders(id) ON DELETE SET NULL,
    owner_team_member_id TEXT REFERENCES team_members(id) ON DELETE SET NULL,
    due_date TEXT,
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    done_at TEXT,{_STAMPS},
    CHECK (owner_stakeholder_id IS NULL OR owner_team_member_id IS NULL)
)""",
    "touchpoints": f"""
CREATE TABLE touchpoints (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
    team_member_id TEXT REFERENCES team_members(id) ON DELETE SET NULL,
    date TEXT NOT NULL,
    channel TEXT NOT NULL DEFAULT 'email' {_in(E.Channel, 'channel')},
    content TEXT NOT NULL CHECK (length(trim(content)) > 0),
    insight_id TEXT REFERENCES insights(id) ON DELETE SET NULL,
    response TEXT NOT NULL DEFAULT 'none' {_in(E.Response, 'response')},{_STAMPS}
)""",
    "ideas": f"""
CREATE TABLE ideas (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT,
    stage TEXT NOT NULL DEFAULT 'captured' {_in(E.IdeaStage, 'stage')},
    origin TEXT NOT NULL DEFAULT 'internal' {_in(E.IdeaOrigin, 'origin')},
    origin_meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    customer_value INTEGER NOT NULL DEFAULT 3 {_range('customer_value', 1, 5)},
    our_value INTEGER NOT NULL DEFAULT 3 {_range('our_value', 1, 5)},
    effort INTEGER NOT NULL DEFAULT 3 {_range('effort', 1, 5)},
    confidence INTEGER NOT NULL DEFAULT 3 {_range('confidence', 1, 5)},
    estimated_revenue REAL CHECK (estimated_revenue IS NULL OR estimated_revenue >= 0),
    board_order REAL NOT NULL DEFAULT 0,
    stage_reason TEXT,
    stage_changed_at TEXT,
    merged_into_id TEXT REFERENCES ideas(id) ON DELETE SET NULL,{_STAMPS},
    CHECK (merged_into_id IS NULL OR merged_into_id <> id)
)""",
    "idea_goals": f"""
CREATE TABLE idea_goals (
    id TEXT PRIMARY KEY NOT NULL,
    idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    strength INTEGER NOT NULL DEFAULT 2 {_range('strength', 1, 3)},{_STAMPS},
    UNIQUE (idea_id, goal_id)
)""",
    "idea_assets": f"""
CREATE TABLE idea_assets (
    id TEXT PRIMARY KEY NOT NULL,
    idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,{_STAMPS},
    UNIQUE (idea_id, asset_id)
)""",
    "idea_people": f"""
CREATE TABLE idea_people (
    id TEXT PRIMARY KEY NOT NULL,
    idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    stakeholder_id TEXT REFERENCES stakeholders(id) ON DELETE CASCADE,
    team_member_id TEXT REFERENCES team_members(id) ON DELETE CASCADE,{_STAMPS},
    CHECK ((stakeholder_id IS NULL) <> (team_member_id IS NULL)),
    UNIQUE (idea_id, stakeholder_id, team_member_id)
)""",
    "idea_tags": f"""
CREATE TABLE idea_tags (
    id TEXT PRIMARY KEY NOT NULL,
    idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    tag TEXT NOT NULL CHECK (length(trim(tag)) > 0),{_STAMPS},
    UNIQUE (idea_id, tag)
)""",
    "idea_stage_history": f"""
CREATE TABLE idea_stage_history (
    id TEXT PRIMARY KEY NOT NULL,
    idea_id TEXT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    from_stage TEXT {_in(E.IdeaStage, 'from_stage', nullable=True)},
    to_stage TEXT NOT NULL {_in(E.IdeaStage, 'to_stage')},
    changed_at TEXT NOT NULL,
    reason TEXT,{_STAMPS}
)""",
    "investments": f"""
CREATE TABLE investments (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL {_in(E.InvestmentKind, 'kind')},
    status TEXT NOT NULL DEFAULT 'planned' {_in(E.InvestmentStatus, 'status')},
    amount REAL NOT NULL CHECK (amount >= 0),
    currency TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
    period TEXT NOT NULL {_PERIOD_CHECK},
    expected_return REAL CHECK (expected_return IS NULL OR expected_return >= 0),
    actual_return REAL CHECK (actual_return IS NULL OR actual_return >= 0),
    idea_id TEXT REFERENCES ideas(id) ON DELETE SET NULL,
    notes TEXT,{_STAMPS}
)""",
    "investment_goals": f"""
CREATE TABLE investment_goals (
    id TEXT PRIMARY KEY NOT NULL,
    investment_id TEXT NOT NULL REFERENCES investments(id) ON DELETE CASCADE,
    goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    share REAL NOT NULL CHECK (share > 0 AND share <= 1),{_STAMPS},
    UNIQUE (investment_id, goal_id)
)""",
    "financials": f"""
CREATE TABLE financials (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    period TEXT NOT NULL {_PERIOD_CHECK},
    revenue REAL NOT NULL DEFAULT 0,
    cost_of_goods REAL NOT NULL DEFAULT 0,
    cost_to_serve REAL NOT NULL DEFAULT 0,
    other_costs REAL NOT NULL DEFAULT 0,{_STAMPS},
    UNIQUE (account_id, period)
)""",
}

INDEXES: tuple[str, ...] = (
    "CREATE INDEX idx_accounts_name ON accounts(name COLLATE NOCASE)",
    "CREATE INDEX idx_stakeholders_account ON stakeholders(account_id)",
    "CREATE INDEX idx_stakeholders_reports_to ON stakeholders(reports_to_id)",
    "CREATE INDEX idx_influences_to ON stakeholder_influences(to_id)",
    "CREATE INDEX idx_coverage_member ON coverage(team_member_id)",
    "CREATE INDEX idx_goals_account_rank ON goals(account_id, rank)",
    "CREATE INDEX idx_meetings_account_start ON meetings(account_id, starts_at)",
    "CREATE INDEX idx_attendees_stakeholder ON meeting_attendees(stakeholder_id)",
    "CREATE INDEX idx_attendees_member ON meeting_attendees(team_member_id)",
    "CREATE INDEX idx_insights_account ON insights(account_id)",
    "CREATE INDEX idx_insights_meeting ON insights(meeting_id)",
    "CREATE INDEX idx_insights_goal ON insights(goal_id)",
    "CREATE INDEX idx_actions_account_due ON action_items(account_id, done, due_date)",
    "CREATE INDEX idx_actions_meeting ON action_items(meeting_id)",
    "CREATE INDEX idx_touchpoints_account ON touchpoints(account_id, date)",
    "CREATE INDEX idx_touchpoints_stakeholder ON touchpoints(stakeholder_id)",
    "CREATE INDEX idx_ideas_account_stage ON ideas(account_id, stage)",
    "CREATE INDEX idx_ideas_origin_meeting ON ideas(origin_meeting_id)",
    "CREATE INDEX idx_ideas_merged ON ideas(merged_into_id)",
    "CREATE INDEX idx_idea_goals_goal ON idea_goals(goal_id)",
    "CREATE INDEX idx_idea_assets_asset ON idea_assets(asset_id)",
    "CREATE INDEX idx_idea_tags_tag ON idea_tags(tag)",
    "CREATE INDEX idx_idea_history_idea ON idea_stage_history(idea_id, changed_at)",
    "CREATE INDEX idx_investments_account ON investments(account_id, period)",
    "CREATE INDEX idx_investments_idea ON investments(idea_id)",
    "CREATE INDEX idx_investment_goals_goal ON investment_goals(goal_id)",
)

# Which text each searchable table feeds into the full-text index: kind, table, account expression, title
# expression, body expression. The index is one FTS5 table kept current by triggers; see store/search.py.
SEARCH_SOURCES: tuple[tuple[str, str, str, str, str], ...] = (
    ("account", "accounts", "{r}.id", "{r}.name",
     "coalesce({r}.mutual_purpose, '') || ' ' || coalesce({r}.objectives, '') || ' ' || coalesce({r}.industry, '')"),
    ("goal", "goals", "{r}.account_id", "{r}.title",
     "coalesce({r}.description, '') || ' ' || coalesce({r}.kpi, '') || ' ' || coalesce({r}.target, '')"),
    ("stakeholder", "stakeholders", "{r}.account_id", "{r}.name",
     "coalesce({r}.title, '') || ' ' || coalesce({r}.personal_wins, '') || ' ' || coalesce({r}.notes, '')"),
    ("meeting", "meetings", "{r}.account_id", "{r}.title",
     "coalesce({r}.purpose, '') || ' ' || coalesce({r}.notes, '') || ' ' || coalesce({r}.outcome, '')"),
    ("insight", "insights", "{r}.account_id", "substr({r}.text, 1, 80)", "{r}.text"),
    ("idea", "ideas", "{r}.account_id", "{r}.title", "coalesce({r}.description, '')"),
)

SEARCH_TABLE = """
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, kind UNINDEXED, ref_id UNINDEXED, account_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
)"""
