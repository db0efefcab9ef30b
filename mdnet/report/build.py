"""Build the report data from an analysed vault: the one place its records are made."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from mdnet.analysis import Analysis
from mdnet.derive import GoalState, Relationship
from mdnet.derive.occasions import REPORT_DAYS, within
from mdnet.diagnostics import Diagnostic
from mdnet.report.chains import event_rows, points_rows, points_target, strategy_rows
from mdnet.report.data import (
    ActivityWeek,
    Balance,
    ContactRow,
    FindingCount,
    Findings,
    GoalRow,
    NetworkRow,
    Number,
    OccasionRow,
    PeriodRow,
    Report,
    Summary,
)

STATE_ORDER = {
    s: i
    for i, s in enumerate(("overdue", "lapsed", "due soon", "never", "ok", "paused", "archived"))
}


def _measure(value: float) -> Number:
    """`3.0` -> `3`; other measures rounded to two places."""
    return int(value) if float(value).is_integer() else round(value, 2)


def _number(value: float | None) -> Number | None:
    return None if value is None else _measure(value)


def sorted_relationships(rels: Iterable[Relationship]) -> list[Relationship]:
    """Most urgent first: by state, then most days overdue, then earliest due."""
    return sorted(
        rels,
        key=lambda r: (
            STATE_ORDER[r.state],
            -r.days_overdue,
            r.due.toordinal() if r.due else 0,
            r.contact.name.lower(),
        ),
    )


def contact_row(analysis: Analysis, rel: Relationship) -> ContactRow:
    contact = rel.contact
    network = analysis.config.networks.get(contact.network or "")
    return ContactRow(
        name=contact.name,
        path=contact.path,
        network=contact.network,
        cadence_days=rel.cadence_days,
        last_contact=rel.last.date if rel.last else None,
        last_note=rel.last.text if rel.last else None,
        last_source=rel.last.path if rel.last else None,
        due=rel.due,
        state=rel.state,
        days_overdue=rel.days_overdue,
        gives=rel.gives,
        asks=rel.asks,
        first_met=rel.first_met,
        planned=tuple(p.text for p in rel.planned),
        offer=network.value if network else None,
        private=contact.private,
        status=contact.status,
    )


def goal_row(state: GoalState) -> GoalRow:
    goal = state.goal
    return GoalRow(
        name=goal.name,
        path=goal.path,
        statement=goal.statement,
        horizon=goal.horizon or ("long" if not state.parent else "short"),
        parent=state.parent,
        progress=_number(state.progress),
        progress_source=state.source,
        target=_number(goal.target),
        unit=goal.unit,
        percent=round(state.percent, 1) if state.percent is not None else None,
        start=goal.start,
        deadline=goal.deadline,
        days_left=state.days_left,
        expected=round(state.expected, 2) if state.expected is not None else None,
        state=state.state,
        status=goal.status,
        every=goal.every,
        periods=tuple(
            PeriodRow(start=p.start, end=p.end, count=_measure(p.count), met=p.met)
            for p in state.periods
        ),
        streak=state.streak,
        milestones=tuple(state.milestones),
        private=goal.private,
    )


def build_report(analysis: Analysis, diagnostics: list[Diagnostic]) -> Report:
    """Everything a report shows, most urgent contacts first, goals by deadline."""
    derived = analysis.derived
    rels = sorted_relationships(derived.relationships.values())
    goals = sorted(
        derived.goals.values(),
        key=lambda g: (
            g.goal.deadline is None,
            g.goal.deadline or analysis.today,
            g.goal.name.lower(),
        ),
    )
    states = Counter(r.state for r in rels)
    goal_states = Counter(g.state for g in goals)
    by_code = Counter((d.code, d.name, str(d.severity)) for d in diagnostics)
    events = event_rows(analysis)
    return Report(
        today=analysis.today,
        title=analysis.config.report_title,
        public=False,
        vault=analysis.vault.root.name,
        summary=Summary(
            contacts=len(rels),
            overdue=states["overdue"],
            due_soon=states["due soon"],
            lapsed=states["lapsed"],
            never=states["never"],
            goals=len(goals),
            goals_on_track=goal_states["on track"],
            goals_behind=goal_states["behind"],
            goals_achieved=goal_states["achieved"],
            goals_missed=goal_states["missed"],
        ),
        contacts=tuple(contact_row(analysis, r) for r in rels),
        goals=tuple(goal_row(g) for g in goals),
        occasions=tuple(
            OccasionRow(
                name=o.contact.name,
                path=o.contact.path,
                kind=o.kind,
                date=o.day,
                days=o.days,
                years=o.years,
            )
            for o in within(analysis.occasions, REPORT_DAYS)
        ),
        networks=tuple(
            NetworkRow(
                name=n.name,
                value=n.value,
                cadence_days=n.cadence_days,
                contacts=n.contacts,
                within_cadence=n.within_cadence,
                share=round(n.share, 3) if n.share is not None else None,
            )
            for n in derived.network_health()
        ),
        activity=tuple(
            ActivityWeek(week=monday, interactions=total, gives=gives, asks=asks)
            for monday, total, gives, asks in derived.activity()
        ),
        balance=Balance(gives=sum(r.gives for r in rels), asks=sum(r.asks for r in rels)),
        findings=Findings(
            total=len(diagnostics),
            by_severity=dict(Counter(str(d.severity) for d in diagnostics)),
            by_code=tuple(
                FindingCount(code=c, name=n, severity=s, count=k)
                for (c, n, s), k in sorted(by_code.items())
            ),
        ),
        strategy=strategy_rows(analysis, goals, events),
        events=events,
        points=points_rows(analysis),
        points_target=points_target(analysis),
    )
