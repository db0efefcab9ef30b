"""The derived state as plain data: what `report --format json` prints and reports render."""

from __future__ import annotations

from collections import Counter
from typing import Any

from mdnet.analysis import Analysis
from mdnet.derive import GoalState, Relationship
from mdnet.diagnostics import Diagnostic

STATE_ORDER = {
    s: i
    for i, s in enumerate(("overdue", "lapsed", "due soon", "never", "ok", "paused", "archived"))
}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def contact_data(analysis: Analysis, rel: Relationship) -> dict[str, Any]:
    contact = rel.contact
    network = analysis.config.networks.get(contact.network or "")
    return {
        "name": contact.name,
        "path": contact.path,
        "network": contact.network,
        "cadence_days": rel.cadence_days,
        "last_contact": _iso(rel.last.date if rel.last else None),
        "last_note": rel.last.text if rel.last else None,
        "last_source": rel.last.path if rel.last else None,
        "due": _iso(rel.due),
        "state": rel.state,
        "days_overdue": rel.days_overdue,
        "gives": rel.gives,
        "asks": rel.asks,
        "first_met": _iso(rel.first_met),
        "planned": [p.text for p in rel.planned],
        "offer": network.value if network else None,
        "private": contact.private,
        "status": contact.status,
    }


def sorted_relationships(rels: list[Relationship]) -> list[Relationship]:
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


def goal_data(state: GoalState) -> dict[str, Any]:
    goal = state.goal
    return {
        "name": goal.name,
        "path": goal.path,
        "statement": goal.statement,
        "horizon": goal.horizon or ("long" if not state.parent else "short"),
        "parent": state.parent,
        "progress": _number(state.progress),
        "progress_source": state.source,
        "target": _number(goal.target),
        "unit": goal.unit,
        "percent": round(state.percent, 1) if state.percent is not None else None,
        "start": _iso(goal.start),
        "deadline": _iso(goal.deadline),
        "days_left": state.days_left,
        "expected": round(state.expected, 2) if state.expected is not None else None,
        "state": state.state,
        "status": goal.status,
        "every": goal.every,
        "periods": [
            {
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "count": _number(p.count),
                "met": p.met,
            }
            for p in state.periods
        ],
        "streak": state.streak,
        "milestones": list(state.milestones),
        "private": goal.private,
    }


def build_state(analysis: Analysis, diagnostics: list[Diagnostic]) -> dict[str, Any]:
    """Everything a report shows, as JSON-ready data (dates as ISO strings)."""
    derived = analysis.derived
    rels = sorted_relationships(list(derived.relationships.values()))
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
    activity = derived.activity()
    return {
        "today": analysis.today.isoformat(),
        "title": analysis.config.report_title,
        "public": False,
        "vault": analysis.vault.root.name,
        "summary": {
            "contacts": len(rels),
            "overdue": states["overdue"],
            "due_soon": states["due soon"],
            "lapsed": states["lapsed"],
            "never": states["never"],
            "goals": len(goals),
            "goals_on_track": goal_states["on track"],
            "goals_behind": goal_states["behind"],
            "goals_achieved": goal_states["achieved"],
            "goals_missed": goal_states["missed"],
        },
        "contacts": [contact_data(analysis, r) for r in rels],
        "goals": [goal_data(g) for g in goals],
        "networks": [
            {
                "name": n.name,
                "value": n.value,
                "cadence_days": n.cadence_days,
                "contacts": n.contacts,
                "within_cadence": n.within_cadence,
                "share": round(n.share, 3) if n.share is not None else None,
            }
            for n in derived.network_health()
        ],
        "activity": [
            {"week": monday.isoformat(), "interactions": total, "gives": gives, "asks": asks}
            for monday, total, gives, asks in activity
        ],
        "balance": {"gives": sum(r.gives for r in rels), "asks": sum(r.asks for r in rels)},
        "findings": {
            "total": len(diagnostics),
            "by_severity": dict(Counter(str(d.severity) for d in diagnostics)),
            "by_code": [
                {"code": c, "name": n, "severity": s, "count": k}
                for (c, n, s), k in sorted(by_code.items())
            ],
        },
    }
