"""`mdnet due`: who to reach out to now, most overdue first, and who to reconnect with."""

from __future__ import annotations

import textwrap
from datetime import date

from msgspec import Struct

from mdnet.analysis import Analysis
from mdnet.derive import Relationship
from mdnet.derive.occasions import Occasion, within
from mdnet.errors import UsageError
from mdnet.render.safe import terminal_safe
from mdnet.report.build import contact_row, sorted_relationships
from mdnet.report.data import json_text, to_json
from mdnet.textscan import nearest


class DueList(Struct, frozen=True):
    today: date
    within: int
    due: tuple[Relationship, ...]
    lapsed: tuple[Relationship, ...]
    never: tuple[Relationship, ...]
    occasions: tuple[Occasion, ...] = ()
    """Birthdays and anniversaries within `within` days (today included)."""


def check_network(analysis: Analysis, network: str) -> None:
    """Refuse `--network NAME` when no network of that name is declared in mdnet.toml or
    written on a contact, with the nearest name (declared or used) when there is one."""
    used = {c.network for c in analysis.model.contacts.values() if c.network}
    if network in analysis.config.networks or network in used:
        return
    names = [*analysis.config.networks, *sorted(used - set(analysis.config.networks))]
    near = nearest(network, names)
    if near:
        hint = f"; did you mean {near!r}?"
    elif names:
        hint = f" (networks: {', '.join(names)})"
    else:
        hint = " (no contact has a network, and mdnet.toml declares none)"
    raise UsageError(f"no network {network!r} in {analysis.vault.root}{hint}")


def due_list(analysis: Analysis, within_days: int, network: str | None) -> DueList:
    """Contacts due within `within_days` days (overdue first), lapsed and never-contacted
    ones, and the birthdays and anniversaries of the same days."""
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
        and (r.due - today).days <= within_days
    ]
    return DueList(
        today=today,
        within=within_days,
        due=tuple(sorted_relationships(due)),
        lapsed=tuple(sorted_relationships([r for r in rels if r.state == "lapsed"])),
        never=tuple(sorted_relationships([r for r in rels if r.state == "never"])),
        occasions=within(analysis.occasions, within_days, network),
    )


def render_due_json(analysis: Analysis, result: DueList) -> str:
    """`--format json`: each entry with the fields of a report's contact."""
    rows = {
        key: [to_json(contact_row(analysis, r)) for r in rels]
        for key, rels in (("due", result.due), ("lapsed", result.lapsed), ("never", result.never))
    }
    occasions = [occasion_json(o) for o in result.occasions]
    return json_text(
        {
            "today": result.today.isoformat(),
            "within_days": result.within,
            **rows,
            "occasions": occasions,
        }
    )


def occasion_json(occasion: Occasion) -> dict[str, object]:
    """One birthday or anniversary as `due --format json` lists it."""
    return {
        "name": occasion.contact.name,
        "path": occasion.contact.path,
        "network": occasion.contact.network,
        "kind": occasion.kind,
        "date": occasion.day.isoformat(),
        "days": occasion.days,
        "years": occasion.years,
        "written": occasion.yearly.text(),
    }


def occasion_line(occasion: Occasion) -> str:
    """`Dana Whitfield · birthday in 3 days (Thu 2026-11-26, turns 40)`."""
    day = occasion.day
    parts = [f"{_WEEKDAYS[day.weekday()]} {day.isoformat()}"] if occasion.days else []
    if occasion.years:
        n = occasion.years
        parts.append(f"turns {n}" if occasion.kind == "birthday" else f"{n} year{'s' * (n != 1)}")
    tail = f" ({', '.join(parts)})" if parts else ""
    return f"{occasion.contact.name} · {occasion.when()}{tail}"


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


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
        ago = (analysis.today - rel.last.date).days  # a reconnection: how long it has been
        since = f" ({ago} days ago)" if rel.state == "lapsed" else ""
        add("last", f"{rel.last.date.isoformat()}{since} {rel.last.text}")
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
    if result.occasions:
        out.extend([f"Birthdays and anniversaries ({len(result.occasions)})", ""])
        for occasion in result.occasions:
            line = terminal_safe(occasion_line(occasion))
            out.extend(textwrap.wrap(line, width=width, subsequent_indent="    "))
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
