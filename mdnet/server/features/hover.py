"""Hover on a link: a contact's relationship, or a goal's progress (Markdown text)."""

from __future__ import annotations

from pathlib import Path

from mdnet.analysis import Analysis
from mdnet.derive import GoalState, Relationship


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _state(rel: Relationship, analysis: Analysis) -> str:
    if rel.state in ("overdue", "lapsed"):
        text = f"overdue by {_days(rel.days_overdue)}"
        return text + " (lapsed: reconnect)" if rel.state == "lapsed" else text
    if rel.state == "never":
        return "never contacted"
    if rel.due is not None and rel.state in ("due soon", "ok"):
        days = (rel.due - analysis.today).days
        return "due today" if days == 0 else f"{rel.state}, due in {_days(days)}"
    return rel.state


def contact_hover(rel: Relationship, analysis: Analysis, root: Path) -> str:
    """State, last contact (date and source note), due date, cadence, gives/asks, offer."""
    c = rel.contact
    head = f"**{c.name}** · contact"
    if c.network:
        head += f" · {c.network}"
    if c.role or c.company:
        head += " · " + " at ".join(x for x in (c.role, c.company) if x)
    lines = [head, "", f"- state: {_state(rel, analysis)}"]
    if rel.last is not None:
        where = (root / rel.last.path).as_uri()
        text = rel.last.text.replace("\n", " ")
        lines.append(
            f"- last contact: {rel.last.date.isoformat()} in "
            f"[{rel.last.path}:{rel.last.line}]({where}#L{rel.last.line}): {text}"
        )
    if rel.due is not None:
        lines.append(f"- due: {rel.due.isoformat()}")
    lines.append(f"- cadence: every {_days(rel.cadence_days)}")
    lines.append(f"- gives / asks: {rel.gives} / {rel.asks}")
    network = analysis.config.networks.get(c.network or "")
    if network is not None and network.value:
        lines.append(f"- offer: {network.value}")
    for plan in rel.planned[:3]:
        lines.append(f"- planned: {plan.text}")
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{value:g}"


def goal_hover(state: GoalState, analysis: Analysis) -> str:
    """Progress, pace, deadline and milestones of a goal."""
    g = state.goal
    lines = [f"**{g.name}** · goal" + (f" · {g.horizon}" if g.horizon else ""), ""]
    if g.statement and g.statement != g.name:
        lines += [g.statement, ""]
    progress = _number(state.progress)
    if g.target is not None:
        progress += f" of {_number(g.target)}" + (f" {g.unit}" if g.unit else "")
    if state.percent is not None:
        progress += f" ({state.percent:.0f}%)"
    lines.append(f"- progress: {progress}")
    pace = state.state
    if state.expected is not None:
        pace += f" (expected {_number(round(state.expected, 1))} by today)"
    lines.append(f"- pace: {pace}")
    if g.deadline is not None:
        left = f", {_days(state.days_left)} left" if state.days_left is not None else ""
        lines.append(f"- deadline: {g.deadline.isoformat()}{left}")
    if state.streak is not None:
        lines.append(f"- streak: {state.streak}")
    if state.parent:
        lines.append(f"- serves: {analysis.notes[state.parent].stem}")
    for path in state.milestones:
        child = analysis.goals.get(path)
        shown = analysis.notes[path].stem if path in analysis.notes else path
        lines.append(f"- milestone: {shown}" + (f" ({child.state})" if child else ""))
    return "\n".join(lines)


def hover_text(analysis: Analysis, target: str, root: Path) -> str | None:
    """Hover text for a resolved link target, or None when it is no contact or goal."""
    rel = analysis.relationships.get(target)
    if rel is not None:
        return contact_hover(rel, analysis, root)
    state = analysis.goals.get(target)
    if state is not None:
        return goal_hover(state, analysis)
    note = analysis.notes.get(target)
    if note is not None:
        return f"**{note.stem}** · {note.kind}"
    return None
