"""`mdnet show NAME`: one contact's whole picture, from the derived state of the vault."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from msgspec import Struct

from mdnet.analysis import Analysis
from mdnet.derive import GoalState, Interaction, Relationship
from mdnet.derive.occasions import Occasion, occasions
from mdnet.model import Goal
from mdnet.note import Note
from mdnet.render.safe import terminal_safe
from mdnet.scaffold import find_contact


class CountingGoal(Struct, frozen=True):
    """A goal whose `measure:` counts this contact (or some of their interactions)."""

    state: GoalState
    counted: int
    """1 for a contacts measure; the number of their interactions for an interactions one."""


class Attended(Struct, frozen=True):
    path: str
    name: str
    date: date


class MetAt(Struct, frozen=True):
    """The event where you first met a contact."""

    path: str
    name: str
    date: date | None


class Picture(Struct, frozen=True):
    today: date
    relationship: Relationship
    offer: str | None
    interactions: tuple[Interaction, ...]
    """Newest first."""
    goals: tuple[CountingGoal, ...]
    events: tuple[Attended, ...]
    occasions: tuple[Occasion, ...] = ()
    """The next birthday and anniversary, soonest first."""
    met_at: MetAt | None = None
    """The event where you first met (`met_at:`, or the event on the `met` date)."""


def show_contact(analysis: Analysis, name: str) -> Picture:
    """The picture of the contact called `name` (name, alias, file name; any case);
    UsageError with the nearest name when none matches."""
    path = find_contact(analysis, name)
    rel = analysis.derived.relationships[path]
    network = analysis.config.networks.get(rel.contact.network or "")
    newest = sorted(rel.interactions, key=lambda i: (i.date, i.path, i.line), reverse=True)
    events: dict[str, Attended] = {}
    for i in rel.interactions:
        event = analysis.model.events.get(i.path)
        if i.source == "event" and event and event.date:
            events[i.path] = Attended(i.path, event.name, event.date)
    goals = [
        CountingGoal(state, counted)
        for state in analysis.derived.goals.values()
        if (counted := _counted(state.goal, rel, analysis.notes[path], analysis.today))
    ]
    goals.sort(key=lambda g: (g.state.goal.name.lower(), g.state.goal.path))
    where = analysis.derived.met_at.get(path)
    event = analysis.model.events.get(where) if where else None
    met_at = MetAt(event.path, event.name, event.date) if event else None
    return Picture(
        today=analysis.today,
        relationship=rel,
        offer=network.value if network else None,
        interactions=tuple(newest),
        goals=tuple(goals),
        events=tuple(sorted(events.values(), key=lambda e: (e.date, e.path), reverse=True)),
        occasions=occasions([rel.contact], analysis.today),
        met_at=met_at,
    )


def _in_window(goal: Goal, day: date, today: date) -> bool:
    return (
        day <= today
        and (goal.start is None or day >= goal.start)
        and (goal.deadline is None or day <= goal.deadline)
    )


def _tags(note: Note) -> set[str]:
    return note.all_tags()


def _counted(goal: Goal, rel: Relationship, note: Note, today: date) -> int:
    """How much of this contact the goal's measure counts (as mdnet.derive.goals does)."""
    m = goal.measure
    contact = rel.contact
    if m is None or (m.network and contact.network != m.network):
        return 0
    if m.count == "interactions":
        return sum(
            1
            for i in rel.interactions
            if (not m.tag or m.tag in i.tags) and _in_window(goal, i.date, today)
        )
    if m.count != "contacts" or (m.tag and m.tag not in _tags(note)):
        return 0
    if m.new:
        return int(rel.first_met is not None and _in_window(goal, rel.first_met, today))
    touched = [i.date for i in rel.interactions] + ([contact.met] if contact.met else [])
    return int(any(_in_window(goal, d, today) for d in touched))


# --------------------------------------------------------------------------- output


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def picture_data(p: Picture) -> dict[str, Any]:
    """The picture as JSON-ready data (dates as ISO strings)."""
    rel = p.relationship
    c = rel.contact
    return {
        "today": p.today.isoformat(),
        "name": c.name,
        "path": c.path,
        "aliases": list(c.aliases),
        "network": c.network,
        "company": c.company,
        "role": c.role,
        "status": c.status,
        "private": c.private,
        "met": _iso(c.met),
        "cadence_days": rel.cadence_days,
        "state": rel.state,
        "last_contact": _iso(rel.last.date if rel.last else None),
        "due": _iso(rel.due),
        "days_overdue": rel.days_overdue,
        "snooze": _iso(c.snooze),
        "offer": p.offer,
        "gives": rel.gives,
        "asks": rel.asks,
        "first_give": _iso(rel.first_give.date if rel.first_give else None),
        "first_ask": _iso(rel.first_ask.date if rel.first_ask else None),
        "interactions": [
            {
                "date": i.date.isoformat(),
                "text": i.text,
                "kind": i.kind,
                "tags": list(i.tags),
                "source": i.source,
                "path": i.path,
                "line": i.line,
            }
            for i in p.interactions
        ],
        "scheduled": _iso(rel.scheduled),
        "planned": [
            {"text": x.text, "path": x.path, "line": x.line, "when": _iso(x.when)}
            for x in rel.planned
        ],
        "goals": [
            {
                "name": g.state.goal.name,
                "path": g.state.goal.path,
                "statement": g.state.goal.statement,
                "counts": g.state.goal.measure.count if g.state.goal.measure else None,
                "counted": g.counted,
                "progress": g.state.progress,
                "target": g.state.goal.target,
                "state": g.state.state,
            }
            for g in p.goals
        ],
        "events": [{"name": e.name, "path": e.path, "date": e.date.isoformat()} for e in p.events],
        "met_at": (
            {"name": p.met_at.name, "path": p.met_at.path, "date": _iso(p.met_at.date)}
            if p.met_at
            else None
        ),
        "occasions": [
            {"kind": o.kind, "date": o.day.isoformat(), "days": o.days, "years": o.years}
            for o in p.occasions
        ],
    }


def render_json(p: Picture) -> str:
    return json.dumps(picture_data(p), indent=2, ensure_ascii=False) + "\n"


def _days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def _when(p: Picture) -> str:
    rel = p.relationship
    if rel.state in ("overdue", "lapsed"):
        return f"{rel.state} by {_days(rel.days_overdue)}"
    return rel.state


def _due(p: Picture) -> str | None:
    due = p.relationship.due
    if due is None:
        return None
    days = (due - p.today).days
    if days == 0:
        return f"{due.isoformat()} (today)"
    return f"{due.isoformat()} ({'in ' + _days(days) if days > 0 else _days(-days) + ' ago'})"


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _count(n: int, first: Interaction | None) -> str:
    return f"{n} (first {first.date.isoformat()})" if first else str(n)


def _occasion(o: Occasion) -> str:
    """`2027-04-12 (in 12 days, turns 41)`."""
    when = "today" if o.days == 0 else f"in {_days(o.days)}"
    years = ""
    if o.years is not None:
        years = f", turns {o.years}" if o.kind == "birthday" else f", {o.years} years"
    return f"{o.day.isoformat()} ({when}{years})"


def render_text(p: Picture) -> str:
    rel = p.relationship
    c = rel.contact
    out = [f"{c.name} ({c.path})"]

    def facts(*pairs: tuple[str, object]) -> None:
        shown = [f"{k}: {v}" for k, v in pairs if v not in (None, "", ())]
        if shown:
            out.append("  " + " · ".join(shown))

    facts(("network", c.network or "none"), ("cadence", _days(rel.cadence_days)))
    facts(("role", c.role), ("company", c.company))
    facts(("aliases", ", ".join(c.aliases)), ("met", _iso(c.met)), ("status", c.status))
    facts(("met at", p.met_at.name if p.met_at else None))
    facts(*((o.kind, _occasion(o)) for o in p.occasions))
    facts(
        ("state", _when(p)),
        ("last contact", _iso(rel.last.date if rel.last else None)),
        ("next due", _due(p)),
        ("scheduled", _iso(rel.scheduled)),
    )
    facts(("gives", _count(rel.gives, rel.first_give)), ("asks", _count(rel.asks, rel.first_ask)))
    facts(("offer", p.offer))
    out.append("")
    out.append(f"Interactions ({len(p.interactions)}), newest first")
    for i in p.interactions:
        kind = f"{i.kind}: " if i.kind else ""
        out.append(f"  {i.date.isoformat()}  {kind}{i.text}  ({i.path}:{i.line})")
    if not p.interactions:
        out.append("  none yet")
    if rel.planned:
        out += ["", f"Open plans ({len(rel.planned)})"]
        out += [
            f"  {x.when.isoformat() + '  ' if x.when else ''}{x.text}  ({x.path}:{x.line})"
            for x in rel.planned
        ]
    if p.goals:
        out += ["", f"Goals that count {c.name} ({len(p.goals)})"]
        for g in p.goals:
            goal, state = g.state.goal, g.state
            what = (
                "them"
                if goal.measure and goal.measure.count == "contacts"
                else (f"{g.counted} of their interactions")
            )
            progress = f"{_number(state.progress)}/{_number(goal.target)}"
            out.append(f"  {goal.statement}: {progress}, {state.state}; counts {what}")
            out.append(f"    ({goal.path})")
    if p.events:
        out += ["", f"Events attended ({len(p.events)})"]
        out += [f"  {e.date.isoformat()}  {e.name}  ({e.path})" for e in p.events]
    return "\n".join(terminal_safe(line) for line in out) + "\n"
