"""Relationship state of each contact on a date: cadence, last touch, due, state; network
health and weekly activity."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from operator import itemgetter

from mdnet.config import Config
from mdnet.derive.records import Interaction, NetworkHealth, Planned, Relationship
from mdnet.model import Contact
from mdnet.note import Note

_DATE, _KIND = itemgetter(0), itemgetter(6)


def cadence(contact: Contact, config: Config) -> int:
    """The contact's own cadence, else its network's, else the vault's."""
    if contact.cadence_days:
        return contact.cadence_days
    network = config.networks.get(contact.network or "")
    if network and network.cadence_days:
        return network.cadence_days
    return config.cadence_days


def relationships(
    contacts: Iterable[Contact],
    notes: Mapping[str, Note],
    history: Mapping[str, tuple[Interaction, ...]],
    planned: Mapping[str, tuple[Planned, ...]],
    config: Config,
    today: date,
) -> dict[str, Relationship]:
    """Every contact's relationship on `today`, by contact path."""
    return {
        c.path: relationship(
            c, notes[c.path], history.get(c.path, ()), planned.get(c.path, ()), config, today
        )
        for c in contacts
    }


def relationship(
    contact: Contact,
    note: Note,
    history: tuple[Interaction, ...],
    planned: tuple[Planned, ...],
    config: Config,
    today: date,
) -> Relationship:
    """One contact's state on `today` from its interactions (sorted by date)."""
    past = history
    if history and history[-1].date > today:  # sorted: those up to today come first
        past = history[: bisect_right(history, today, key=_DATE)]
    days = cadence(contact, config)
    last = past[-1] if past else None
    last_date = last.date if last else None
    if contact.met and contact.met <= today and (last_date is None or contact.met > last_date):
        line = note.key_line("met")[0]
        last = Interaction(contact.met, contact.path, line, "first met", (contact.path,), "met")
        last_date = contact.met
    due = last_date + timedelta(days=days) if last_date is not None else None
    scheduled = None
    if planned:
        scheduled = min((p.when for p in planned if p.when and p.when >= today), default=None)
    for later in (contact.snooze, scheduled):  # a snooze or a scheduled touch puts it off
        if later and (due is None or later > due):
            due = later
    if contact.status in ("paused", "archived"):
        state = contact.status
        due = None  # not due at all: only active contacts have a next due date (SPEC §3)
    else:
        held = bool(scheduled and scheduled > today)
        state = _state(contact, last_date, due, days, config.due_soon_days, today, held)
    days_overdue = (today - due).days if state in ("overdue", "lapsed") and due else 0
    kinds = list(map(_KIND, past))
    gives, asks = kinds.count("give"), kinds.count("ask")
    return Relationship(
        contact=contact,
        cadence_days=days,
        last=last,
        due=due,
        state=state,
        days_overdue=days_overdue,
        gives=gives,
        asks=asks,
        first_met=contact.met or (history[0].date if history else None),
        first_give=past[kinds.index("give")] if gives else None,
        first_ask=past[kinds.index("ask")] if asks else None,
        planned=planned,
        interactions=history,
        scheduled=scheduled,
    )


def _state(
    contact: Contact,
    last: date | None,
    due: date | None,
    days: int,
    soon: int,
    today: date,
    scheduled: bool,
) -> str:
    """never, lapsed, overdue, due soon or ok, for an active contact; `scheduled` when a
    touch is planned after today (it holds off lapsed as a snooze does)."""
    if last is None:
        return "never" if due is None or due <= today else "ok"
    snoozed = scheduled or bool(contact.snooze and contact.snooze > today)
    if (today - last).days > 2 * days and not snoozed:
        return "lapsed"
    assert due is not None
    if today > due:
        return "overdue"
    if (due - today).days <= soon:
        return "due soon"
    return "ok"


def network_health(rels: Iterable[Relationship], config: Config) -> list[NetworkHealth]:
    """For each network (configured ones first, then those only contacts name)."""
    rels = list(rels)
    names = list(config.networks)
    for rel in rels:
        name = rel.contact.network
        if name and name not in names:
            names.append(name)
    out = []
    for name in names:
        members = [
            r for r in rels if r.contact.network == name and r.state not in ("paused", "archived")
        ]
        network = config.networks.get(name)
        out.append(
            NetworkHealth(
                name=name,
                value=network.value if network else None,
                cadence_days=(
                    network.cadence_days
                    if network and network.cadence_days
                    else config.cadence_days
                ),
                contacts=len(members),
                within_cadence=sum(r.state in ("ok", "due soon") for r in members),
            )
        )
    return out


def activity(
    interactions: Iterable[Interaction], today: date, weeks: int = 26
) -> list[tuple[date, int, int, int]]:
    """(Monday, interactions, gives, asks) for the last `weeks` weeks, oldest first."""
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    counts = {first + timedelta(weeks=w): [0, 0, 0] for w in range(weeks)}
    for i in interactions:
        if first <= i.date <= today:
            bucket = counts[i.date - timedelta(days=i.date.weekday())]
            bucket[0] += 1
            bucket[1] += i.kind == "give"
            bucket[2] += i.kind == "ask"
    return [(monday, g, a, k) for monday, (g, a, k) in counts.items()]
