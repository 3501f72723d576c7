"""The briefing's sections after the people: where we stand, ideas, money, what changed, questions, coaching
and the follow-up lists. Each returns its HTML, or "" when it has nothing to say and is left out.

Internal-only figures (mutual value, revenue estimates, money) are None in the customer edition's data, and
these functions print them only when they are there.
"""

from __future__ import annotations

from collections.abc import Mapping

from immersion.report.format import Report, count, day, esc, fill, label_of, money, share, text, word
from immersion.report.html_common import (
    NUM,
    ChartRef,
    action_tail,
    chart,
    empty,
    heading,
    keep,
    overdue_flag,
    sub,
    table,
)
from immersion.report.model import ActionLine, Briefing, IdeaMove, InsightLine


def standing(b: Briefing, charts: Mapping[str, ChartRef]) -> str:
    """The alignment index with what it means, the category profile and the gaps."""
    s = b.standing
    if s is None:
        return ""
    figure = "—" if s.index is None else f"{s.index:.0f}"
    if s.index is None:
        reason = s.reason or ""
        reading = Report.tr("The index cannot be computed yet: %1.").replace("%1", reason[:1].lower() + reason[1:])
    else:
        reading = Report.tr("Alignment measures how closely our ideas and money follow the customer's priorities: "
                            "100 means our effort is spread exactly like their agenda.")
    of_100 = esc(Report.tr("of 100"))
    out = [keep(f'<table class="index" width="100%" cellspacing="0"><tr><td width="18%"><p class="index-figure">'
                f'{esc(figure)}</p><p class="muted">{of_100}</p></td>'
                f'<td><p class="lead">{esc(reading)}</p>{_profile_summary(b)}</td></tr></table>'
                + chart(charts.get("profile"), Report.tr("Category profile: customer emphasis beside our effort")))]
    out.append(heading(Report.tr("Gaps")))
    out.append("".join(f'<p class="bullet">•&nbsp;&nbsp;{esc(g)}</p>' for g in s.gaps)
               or empty(Report.tr("No gaps: the top of the agenda is covered and every key person is in touch.")))
    return "\n".join(out)


def _profile_summary(b: Briefing) -> str:
    """One line on the category we over-serve most and the one we under-serve most."""
    assert b.standing is not None
    bars = [bar for bar in b.standing.profile.bars if bar.category is not None]
    if not bars or b.standing.index is None:
        return ""
    over = max(bars, key=lambda bar: (bar.effort - bar.emphasis, bar.category.value))
    under = min(bars, key=lambda bar: (bar.effort - bar.emphasis, bar.category.value))
    parts = []
    if over.effort - over.emphasis >= 0.05:
        parts.append(fill("Most over-served: {category} ({effort} of our effort against {emphasis} of their emphasis).",
                          category=label_of(over.category.value), effort=share(over.effort),
                          emphasis=share(over.emphasis)))
    if under.emphasis - under.effort >= 0.05:
        parts.append(fill("Most under-served: {category} ({effort} against {emphasis}).",
                          category=label_of(under.category.value), effort=share(under.effort),
                          emphasis=share(under.emphasis)))
    return f'<p>{" ".join(parts)}</p>' if parts else ""


def ideas(b: Briefing) -> str:
    """Active ideas ranked by mutual value, with the goals they serve."""
    if not b.ideas:
        return empty(Report.tr("No active ideas on the board yet."))
    head = [("4%", "#", False), ("54%" if b.internal else "66%", Report.tr("Idea and the goals it serves"), False),
            ("14%", Report.tr("Stage"), False)]
    if b.internal:
        head += [("12%", Report.tr("Mutual value"), True), ("16%", Report.tr("Est. revenue"), True)]
    else:
        head += [("16%", Report.tr("Goals served"), True)]
    serves_tag = esc(Report.tr("Serves"))
    rows = []
    for n, idea in enumerate(b.ideas, start=1):
        serves = (f'<br/><span class="tag">{serves_tag}:</span> <span class="sub">'
                  f'{"; ".join(esc(g) for g in idea.goals)}</span>') if idea.goals else ""
        cells = [str(n), f'<span class="title">{esc(idea.title)}</span>{sub(idea.description, br=True)}{serves}',
                 word(idea.stage)]
        if b.internal:
            cells.append(f"<b>{idea.mutual_value}</b>"
                         f'<br/><span class="sub">{idea.customer_value} × {idea.our_value}</span>')
            cells.append(money(idea.estimated_revenue, b.currency) if idea.estimated_revenue else "—")
        else:
            cells.append(str(len(idea.goals)))
        rows.append("<tr>" + "".join(f"<td{NUM if i >= 3 else ''}>{c}</td>" for i, c in enumerate(cells)) + "</tr>")
    out = [table(head, rows)]
    if b.internal:
        rule = esc(Report.tr("Mutual value = customer value × our value (1–25)."))
        out.append(f'<p class="note">{rule}</p>')
    if b.more_ideas:
        more = count(b.more_ideas, "1 more active idea on the board.", "%1 more active ideas on the board.")
        out.append(f'<p class="note">{esc(more)}</p>')
    return "\n".join(out)


def finance(b: Briefing, charts: Mapping[str, ChartRef]) -> str:
    """The P&L summary of the latest period with its chart, and the main investments with their ROI."""
    f = b.finance
    if f is None:
        return ""
    out = []
    if f.period is not None:
        margin = share(f.contribution / f.revenue) if f.revenue and f.contribution is not None else "—"
        parts = [Report.tr("In {period}, revenue was {revenue} and the account contributed {contribution} ({margin} of "
                           "revenue).").format(period=esc(f.period), revenue=money(f.revenue, f.currency),
                                               contribution=money(f.contribution, f.currency), margin=margin)]
        if f.previous_period and f.previous_contribution is not None and f.contribution is not None:
            parts.append(Report.tr("The period before ({period}) contributed {contribution}.").format(
                period=esc(f.previous_period), contribution=money(f.previous_contribution, f.currency)))
        out.append(keep(f'<p class="lead">{" ".join(parts)}</p>'
                        + chart(charts.get("pnl"),
                                Report.tr("Account P&L: waterfall of the period and contribution trend"))))
    else:
        out.append(empty(Report.tr("No P&L has been entered for this account yet.")))
    summary = Report.tr("Committed and spent: {invested}, of which {orphan} serves no goal. ROI of the investments "
                        "with a return recorded: {roi}.").format(invested=money(f.invested, f.currency),
                                                                 orphan=money(f.orphan, f.currency),
                                                                 roi=share(f.roi, signed=True))
    out.append(heading(Report.tr("Main investments")) + f"<p>{summary}</p>")
    if not f.investments:
        out.append(empty(Report.tr("No investments are recorded.")))
        return "\n".join(out)
    head = [("34%", Report.tr("Investment"), False), ("13%", Report.tr("Status"), False),
            ("11%", Report.tr("Period"), False), ("15%", Report.tr("Amount"), True),
            ("15%", Report.tr("Return"), True), ("12%", Report.tr("ROI"), True)]
    rows = []
    for v in f.investments:
        basis = sub(Report.tr("expected"), br=True) if v.roi_basis == "expected" else ""
        goals = sub("; ".join(v.goals), br=True) if v.goals else sub(Report.tr("linked to no goal"), br=True)
        rows.append(f'<tr><td><span class="title">{esc(v.name)}</span>{goals}</td><td>{word(v.status)}</td>'
                    f"<td>{esc(v.period)}</td><td{NUM}>{money(v.amount, f.currency)}</td>"
                    f"<td{NUM}>{money(v.returned, f.currency)}</td><td{NUM}>{share(v.roi, signed=True)}{basis}</td>"
                    "</tr>")
    out.append(table(head, rows))
    if f.more_investments:
        more = count(f.more_investments, "1 smaller investment not shown.", "%1 smaller investments not shown.")
        out.append(f'<p class="note">{esc(more)}</p>')
    return "\n".join(out)


def changes(b: Briefing) -> str:
    """What changed since the last meeting, by kind."""
    c = b.changes
    out = []
    if c.since is None:
        since = esc(Report.tr("There has been no meeting with this account yet."))
    else:
        since = Report.tr("Since “{title}” on {day}.").format(title=esc(c.since.title), day=day(c.since.starts_at))
    out.append(f'<p class="muted">{since}</p>')
    groups = [
        (Report.tr("New ideas"), [_move(m) for m in c.new_ideas]),
        (Report.tr("Ideas that moved"), [_move(m) for m in c.moved_ideas]),
        (Report.tr("Goal status changes"),
         [f"{esc(g.title)} → <b>{word(g.status)}</b> <span class=\"sub\">{day(g.date)}</span>" for g in c.goals]),
        (Report.tr("New insights"), [_insight(i) for i in c.insights]),
        (Report.tr("New investments"), [f"{esc(v.name)} — {money(v.amount, b.currency)} ({word(v.status)}) "
                                        f'<span class="sub">{day(v.date)}</span>' for v in c.investments]),
        (Report.tr("Action items completed"), [f"{esc(a.text)} {action_tail(a)}" for a in c.completed]),
        (Report.tr("Action items overdue"), [f"{esc(a.text)} {action_tail(a)}" for a in c.overdue]),
    ]
    shown = [(title, lines) for title, lines in groups if lines]
    if c.since is not None and not shown:
        out.append(empty(Report.tr("Nothing has been recorded since then.")))
    for title, lines in shown:
        out.append(heading(title) + "".join(f'<p class="bullet">•&nbsp;&nbsp;{line}</p>' for line in lines))
    return "\n".join(out)


def _move(m: IdeaMove) -> str:
    if m.from_stage is None:
        return f'{esc(m.title)} <span class="sub">— {word(m.to_stage)}, {day(m.date)}</span>'
    return f'{esc(m.title)} <span class="sub">— {word(m.from_stage)} → {word(m.to_stage)}, {day(m.date)}</span>'


def _insight(i: InsightLine) -> str:
    source = ", ".join(esc(part) for part in (i.person, i.meeting) if part)
    return (f'<span class="tag">{word(i.kind)}</span>&nbsp; {esc(i.text)} '
            f'<span class="sub">— {source + ", " if source else ""}{day(i.date)}</span>')


def questions(b: Briefing) -> str:
    """The suggested questions, numbered."""
    if not b.questions:
        return empty(Report.tr("No open questions: every goal is confirmed, covered, and every key person is in "
                               "touch."))
    return "".join(f'<p class="bullet"><b>{n}.</b>&nbsp;&nbsp;{fill(q.template, **dict(q.values))}</p>'
                   for n, q in enumerate(b.questions, start=1))


def coaching(b: Briefing) -> str:
    """The coaching rules that fire for the account (internal)."""
    if not b.internal:
        return ""
    if not b.coaching:
        return empty(Report.tr("No coaching notes: none of the rules fires for this account."))
    return "".join(f'<p class="bullet">•&nbsp;&nbsp;{esc(tip)}</p>' for tip in b.coaching)


def follow_up(b: Briefing) -> str:
    """Recent insights (internal) and the open action items (all of them; the customer edition without flags)."""
    out = []
    if b.internal:
        out.append(heading(Report.tr("Recent insights")))
        out.append("".join(f'<p class="bullet">•&nbsp;&nbsp;{_insight(i)}</p>' for i in b.insights)
                   or empty(Report.tr("No insights recorded yet.")))
    if b.internal:
        out.append(heading(Report.tr("Open action items")))
    if not b.actions:
        out.append(empty(Report.tr("Nothing is open.")))
        return "\n".join(out)
    head = [("56%", Report.tr("Action"), False), ("22%", Report.tr("Owner"), False), ("22%", Report.tr("Due"), False)]
    out.append(table(head, [_action_row(a) for a in b.actions]))
    return "\n".join(out)


def _action_row(a: ActionLine) -> str:
    owner = esc(a.owner or Report.tr("unassigned"))
    return (f"<tr><td>{text(a.text)}{sub(a.meeting, br=True)}</td><td>{owner}</td>"
            f"<td>{day(a.due_date) or '—'}{overdue_flag(a)}</td></tr>")
