"""`mdnet due`: who to reach out to now, most overdue first, and who to reconnect with."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

from mdnet.analysis import Analysis
from mdnet.derive import Relationship
from mdnet.render.safe import terminal_safe
from mdnet.report.build import contact_row, sorted_relationships
from mdnet.report.data import json_text, to_json


@dataclass(frozen=True, slots=True)
class DueList:
    today: date
    within: int
    due: tuple[Relationship, ...]
    lapsed: tuple[Relationship, ...]
    never: tuple[Relationship, ...]


def due_list(analysis: Analysis, within: int, network: str | None) -> DueList:
    """Contacts due within `within` days (overdue first), lapsed and never-contacted ones."""
    today = analysis.today
    rels = [
        r
        for r in analysis.derived.relationships.values()
        if network is None or r.contact.network == network
    ]
    due = [
        r
        for r in rels
        if r.state in ("overdue", "due soon", "ok")
        and r.due is not None
        and (r.due - today).days <= within
    ]
    return DueList(
        today=today,
        within=within,
        due=tuple(sorted_relationships(due)),
        lapsed=tuple(sorted_relationships([r for r in rels if r.state == "lapsed"])),
        never=tuple(sorted_relationships([r for r in rels if r.state == "never"])),
    )


def render_due_json(analysis: Analysis, result: DueList) -> str:
    """`--format json`: each entry with the fields of a report's contact."""
    rows = {
        key: [to_json(contact_row(analysis, r)) for r in rels]
        for key, rels in (("due", result.due), ("lapsed", result.lapsed), ("never", result.never))
    }
    return json_text({"today": result.today.isoformat(), "within_days": result.within, **rows})


def _when(rel: Relationship, today: date) -> str:
    if rel.state in ("overdue", "lapsed"):
        n = rel.days_overdue
        return f"overdue {n} day{'s' if n != 1 else ''}"
    assert rel.due is not None
    days = (rel.due - today).days
    return "due today" if days == 0 else f"due in {days} day{'s' if days != 1 else ''}"


def _entry(analysis: Analysis, rel: Relationship, width: int) -> list[str]:
    contact = rel.contact
    network = analysis.config.networks.get(contact.network or "")
    head = f"{contact.name} · {contact.network or 'no network'} · {_when(rel, analysis.today)}"
    lines = textwrap.wrap(terminal_safe(head), width=width, subsequent_indent="    ")
    wrap = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="    ")

    def add(label: str, text: str) -> None:
        lines.extend(wrap.wrap(terminal_safe(f"{label}: {text}")))

    if rel.last:
        add("last", f"{rel.last.date.isoformat()} {rel.last.text}")
    if network and network.value:
        add("offer", network.value)
    for plan in rel.planned:
        add(f"planned for {plan.when.isoformat()}" if plan.when else "planned", plan.text)
    return lines


def render_due(analysis: Analysis, result: DueList, width: int = 80) -> str:
    out: list[str] = []
    today = result.today.isoformat()
    if result.due:
        out.append(
            f"Reach out now ({len(result.due)}) as of {today}, due within {result.within} days"
        )
        out.append("")
        for rel in result.due:
            out.extend(_entry(analysis, rel, width))
            out.append("")
    else:
        out.extend([f"No one is due within {result.within} days as of {today}.", ""])
    if result.lapsed:
        out.extend(
            [f"Reconnect: lapsed for more than twice their cadence ({len(result.lapsed)})", ""]
        )
        for rel in result.lapsed:
            out.extend(_entry(analysis, rel, width))
            out.append("")
    if result.never:
        names = ", ".join(r.contact.name for r in result.never)
        out.extend(
            textwrap.wrap(
                terminal_safe(f"Never contacted ({len(result.never)}): {names}"), width=width
            )
        )
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
