"""The briefing as HTML for QTextDocument: the cover, then each section the options ask for.

Every workbook string goes through `format.esc()`/`text()`/`fill()`; markup comes only from this module and
`html_sections.py`. Pictures are referenced by the internal `briefing:` URLs of the rendered charts, never by a
file path; the document that prints this HTML refuses to load anything else (`pdf.BriefingDocument`).
Sections are numbered in print order and follow the cover on its page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.resources import files

from immersion.report import html_sections as sections
from immersion.report.format import Report, clock, day, days_ago, dots, esc, text, weekday, word
from immersion.report.html_common import (
    ChartRef,
    action_tail,
    empty,
    heading,
    meeting_kind,
    stance,
    sub,
    table,
)
from immersion.report.markdown import notes_html
from immersion.report.model import Briefing, Card, GoalLine
from immersion.report.options import Section

_CSS: str | None = None


def stylesheet() -> str:
    """The briefing's stylesheet, `resources/briefing.css` (shipped as `immersion.resources`)."""
    global _CSS
    if _CSS is None:
        _CSS = (files("immersion.resources") / "briefing.css").read_text(encoding="utf-8")
    return _CSS


def briefing_html(b: Briefing, charts: Mapping[str, ChartRef] | None = None) -> str:
    """The whole briefing as one HTML document (the stylesheet is set on the document separately)."""
    charts = charts or {}
    parts = [cover(b)]
    number = 0
    renderers: dict[Section, Callable[[Briefing, Mapping[str, ChartRef]], str]] = {
        Section.AGENDA: lambda b, _c: agenda(b), Section.PEOPLE: lambda b, _c: people(b),
        Section.PLAN: lambda b, _c: plan(b), Section.STANDING: sections.standing,
        Section.IDEAS: lambda b, _c: sections.ideas(b), Section.FINANCE: sections.finance,
        Section.CHANGES: lambda b, _c: sections.changes(b), Section.QUESTIONS: lambda b, _c: sections.questions(b),
        Section.COACHING: lambda b, _c: sections.coaching(b), Section.FOLLOW_UP: lambda b, _c: sections.follow_up(b),
    }
    for section in Section:
        if not b.options.shows(section):
            continue
        body = renderers[section](b, charts)
        if not body:
            continue
        number += 1
        title = (Report.tr(section.title) if b.internal or section != Section.FOLLOW_UP
                 else Report.tr("Open commitments"))
        parts.append(f"<h2>{number}&nbsp;&nbsp;{esc(title)}</h2>\n{body}")
    return "<html><body>\n" + "\n".join(parts) + "\n</body></html>"


# -- cover -------------------------------------------------------------------------------------------------------


def mark(b: Briefing) -> str:
    """The confidentiality mark of the edition (plain text, not escaped)."""
    if b.internal:
        return Report.tr("Internal — confidential")
    return Report.tr("Prepared for %1").replace("%1", b.account_name)


def cover(b: Briefing) -> str:
    """The cover: account, meeting, date and place, attendees, the figures at a glance and who prepared it."""
    kicker = Report.tr("INTERNAL BRIEFING · CONFIDENTIAL") if b.internal else Report.tr("MEETING BRIEFING")
    out = [f'<p class="{"kicker" if b.internal else "kicker-customer"}">{esc(kicker)}</p>',
           f"<h1>{esc(b.account_name)}</h1>"]
    m = b.meeting
    subtitle = m.title if m else Report.tr("Account briefing")
    out.append(f'<p class="subtitle">{esc(subtitle)}</p>')
    facts: list[tuple[str, str]] = []
    if m is not None:
        end = ""
        if m.duration_minutes:
            minutes = int(m.starts_at[11:13] or 0) * 60 + int(m.starts_at[14:16] or 0) + m.duration_minutes
            end = f"–{minutes // 60 % 24:02d}:{minutes % 60:02d}" if minutes < 24 * 60 else ""
        facts.append((Report.tr("WHEN"), f"{weekday(m.starts_at)}, {clock(m.starts_at)}{end}"))
        if m.location:
            facts.append((Report.tr("WHERE"), esc(m.location)))
        facts.append((Report.tr("MEETING"), esc(meeting_kind(m.kind))))
        if m.purpose:
            facts.append((Report.tr("PURPOSE"), text(m.purpose)))
    elif b.industry:
        facts.append((Report.tr("INDUSTRY"), esc(b.industry)))
    if facts:
        rows = "".join(f'<tr><td class="fact-label" width="18%">{esc(k)}</td><td>{v}</td></tr>' for k, v in facts)
        out.append(f'<table class="facts" width="100%" cellspacing="0">{rows}</table>')
    if m is not None and (b.cards_are_attendees or b.team):
        out.append(_sides(b))
    if b.glance is not None:
        out.append(_glance(b))
    who = b.prepared_by or Report.tr("the account team")
    if b.prepared_title:
        who = f"{who}, {b.prepared_title}"
    prepared = Report.tr("Prepared by {who} · {day}").format(who=esc(who), day=day(b.prepared_on))
    out.append(f'<p class="prepared">{prepared}</p>')
    return "\n".join(out)


def _sides(b: Briefing) -> str:
    """The attendees of both sides, in two columns."""
    none_recorded = esc(Report.tr("None recorded"))
    our_team = esc(Report.tr("OUR TEAM"))
    none = f'<p class="muted">{none_recorded}</p>'
    theirs = "".join(f'<p class="person"><b>{esc(c.name)}</b>{sub(c.title, br=True)}</p>'
                     for c in b.cards) if b.cards_are_attendees else none
    ours = "".join(f'<p class="person"><b>{esc(t.name)}</b>{sub(t.title, br=True)}</p>' for t in b.team) or none
    return (f'<table class="side" width="100%" cellspacing="0"><tr>'
            f'<td width="50%"><p class="side-head">{esc(b.account_name.upper())}</p>{theirs}</td>'
            f'<td width="50%"><p class="side-head">{our_team}</p>{ours}</td></tr></table>')


def _glance(b: Briefing) -> str:
    g = b.glance
    assert g is not None
    index = "—" if g.index is None else f"{g.index:.0f}"
    tiles = [(index, Report.tr("alignment index, of 100")),
             (str(g.open_goals), Report.tr("open goals, %1 unconfirmed").replace("%1", str(g.unconfirmed_goals))),
             (str(g.active_ideas), Report.tr("active ideas")),
             (str(g.overdue_actions), Report.tr("overdue action items")),
             ("—" if g.days_since_last_meeting is None else str(g.days_since_last_meeting),
              Report.tr("days since the last meeting"))]
    cells = '<td class="gap" width="2%"></td>'.join(
        f'<td class="tile" width="18.4%"><p class="glance-figure">{esc(figure)}</p><p class="glance-label">{esc(label)}</p></td>'
        for figure, label in tiles)
    return f'<table class="glance" width="100%" cellspacing="0"><tr>{cells}</tr></table>'


# -- agenda ------------------------------------------------------------------------------------------------------


def agenda(b: Briefing) -> str:
    """The mutual purpose statement, our objectives (internal) and the boardroom agenda."""
    out = []
    if b.mutual_purpose:
        out.append(f'<p class="quote">“{text(b.mutual_purpose)}”</p>')
    if b.objectives:
        label = esc(Report.tr("OUR OBJECTIVES (INTERNAL)"))
        out.append(f'<p><span class="label">{label}</span><br/>{text(b.objectives)}</p>')
    if not b.goals:
        out.append(empty(Report.tr("No open goals are recorded for this account yet.")))
    else:
        head = [("4%", "#", False), ("48%", Report.tr("Goal and measure"), False),
                ("13%", Report.tr("Category"), False), ("11%", Report.tr("Priority"), False),
                ("15%", Report.tr("Status"), False), ("9%", Report.tr("Ideas"), True)]
        out.append(table(head, [_goal_row(g) for g in b.goals]))
    closed = [(Report.tr("Achieved"), [g for g in b.closed_goals if g.status == "achieved"]),
              (Report.tr("Dropped"), [g for g in b.closed_goals if g.status == "dropped"])]
    lines = [f"{esc(label)}: {'; '.join(esc(g.title) for g in goals)}." for label, goals in closed if goals]
    if lines:
        out.append(f'<p class="note">{" ".join(lines)}</p>')
    return "\n".join(out)


def _goal_row(g: GoalLine) -> str:
    measure = sub(" · ".join(part for part in (g.kpi, g.target) if part), br=True)
    status = f"<b>{word(g.status)}</b>" if g.status == "unconfirmed" else word(g.status)
    return (f'<tr><td>{g.place}</td><td><span class="title">{esc(g.title)}</span>{measure}</td>'
            f'<td>{word(g.category)}</td><td><span class="dots">{dots(g.priority)}</span></td>'
            f'<td>{status}</td><td class="num">{len(g.ideas)}</td></tr>')


# -- people ------------------------------------------------------------------------------------------------------


def people(b: Briefing) -> str:
    """Cards of the customer's people, two to a row, then our side and whom each of us covers."""
    if not b.cards:
        return empty(Report.tr("No stakeholders are recorded for this account yet."))
    intro = Report.tr("The customer's people in the room.") if b.cards_are_attendees else Report.tr(
        "No customer attendees are recorded, so these are the account's most influential people.")
    out = [f'<p class="muted">{esc(intro)}</p>']
    for n in range(0, len(b.cards), 2):
        pair = b.cards[n:n + 2]
        cells = '<td class="gap" width="2%"></td>'.join(
            f'<td class="card" width="49%">{_card(c, b.internal)}</td>' for c in pair)
        if len(pair) == 1:
            cells += '<td class="gap" width="2%"></td><td class="gap" width="49%"></td>'
        out.append(f'<table class="cards" width="100%" cellspacing="0" style="margin-top: {0 if n == 0 else 4}px">'
                   f"<tr>{cells}</tr></table>")
    if b.team:
        out.append(heading(Report.tr("Our side")))
        head = [("30%", Report.tr("Name"), False), ("38%", Report.tr("Role"), False),
                ("32%", Report.tr("Covers"), False)]
        rows = [f"<tr><td><b>{esc(t.name)}</b></td><td>{esc(t.title or '')}{sub(t.organisation, br=True)}</td>"
                f"<td>{'<br/>'.join(_covers(name, strength) for name, strength in t.covers) or '—'}</td></tr>"
                for t in b.team]
        out.append(table(head, rows))
    return "\n".join(out)


def _covers(name: str, strength: int | None) -> str:
    return esc(name) if strength is None else f'{esc(name)} <span class="muted">({strength}/5)</span>'


def _card(c: Card, internal: bool) -> str:
    lines = [f'<p class="card-name">{esc(c.name)}</p>']
    role = " · ".join(part for part in (word(c.level), esc(c.buying_role) if c.buying_role else "") if part)
    lines.append(f'<p class="card-title">{esc(c.title or "")}{"<br/>" if c.title else ""}'
                 f'<span class="sub">{role}</span></p>')
    if internal:
        influence = esc(Report.tr("influence"))
        lines.append(f'<p class="card-line">{stance(c.stance)} &nbsp;·&nbsp; {influence} '
                     f'<span class="dots">{dots(c.influence or 0)}</span> {c.influence}/5</p>')
        if c.personal_wins:
            lines.append(_card_line(Report.tr("PERSONAL WINS"), text(c.personal_wins), below=True))
        if c.notes:
            lines.append(_card_line(Report.tr("NOTES"), text(c.notes), below=True))
        contact = (esc(Report.tr("never")) if c.days_since_contact is None
                   else f"{day(c.last_contact)} ({esc(days_ago(c.days_since_contact))})")
        lines.append(_card_line(Report.tr("LAST CONTACT"), contact))
        covered = ", ".join(_covers(n, s) for n, s in c.covered_by) or esc(Report.tr("nobody yet"))
        lines.append(_card_line(Report.tr("COVERED BY"), covered))
    label = Report.tr("OUR OPEN PROMISES") if internal else Report.tr("OUR OPEN COMMITMENTS")
    if c.promises:
        items = "<br/>".join(f"•&nbsp;{esc(p.text)} {action_tail(p)}" for p in c.promises)
        lines.append(_card_line(label, items, below=True))
    return "".join(lines)


def _card_line(label: str, value: str, below: bool = False) -> str:
    """A labelled line of a card: the translated label (escaped here), then `value` (HTML) after a space, or on
    the next line when `below`."""
    return f'<p class="card-line"><span class="label">{esc(label)}</span>{"<br/>" if below else " "}{value}</p>'


# -- our plan ----------------------------------------------------------------------------------------------------


def plan(b: Briefing) -> str:
    """Our notes for the meeting (internal), as safe markdown."""
    if b.meeting is None or not (b.meeting.notes or "").strip():
        return ""
    return notes_html(b.meeting.notes or "")


__all__ = ["briefing_html", "cover", "mark", "stylesheet"]
