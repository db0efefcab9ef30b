"""The strategy behind the goals: what → who → where. Each goal's people (`who:`), the
events (platforms) that serve it, where each contact was first met, each event's return
(new people met, follow-ups, gives since) and reconnections with lapsed contacts."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from operator import itemgetter

from msgspec import Struct

from mdnet.derive.interactions import Memo
from mdnet.derive.records import Interaction, Relationship
from mdnet.links import LinkIndex
from mdnet.model import Event, Goal, Model
from mdnet.note import Note

_DATE = itemgetter(0)
_LINE = itemgetter(0, 1, 2)
"""Which line an interaction is: its date, path and line."""


class Who(Struct, frozen=True):
    """The people a goal is about: networks, tags and contacts (paths)."""

    networks: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.networks or self.tags or self.contacts)

    def label(self) -> str:
        """`bankers, #fintech, 2 people`: what a message shows."""
        parts = [*self.networks, *(f"#{t}" for t in self.tags)]
        if self.contacts:
            n = len(self.contacts)
            parts.append(f"{n} {'person' if n == 1 else 'people'}")
        return ", ".join(parts)


class EventReturn(Struct, frozen=True):
    """What one event gave back: who was there, who was new, who was followed up."""

    event: Event
    goal: str | None
    """The path of the goal its `goal:` links, if it resolves to one."""
    attendees: tuple[str, ...]
    new: tuple[str, ...]
    """Contacts first met there (`met_at:` it, or `met:` its date while attending)."""
    followed_up: tuple[str, ...]
    """New contacts with an interaction in the `follow_up_days` after the event."""
    gives: int
    """Gives to its attendees and new contacts after the event, up to today."""


class Reconnection(Struct, frozen=True):
    """An interaction with a contact who had lapsed: silent for more than twice their cadence."""

    date: date
    contact: str
    interaction: Interaction
    silent_days: int
    """Days since the touch before."""


def who_of_goals(
    model: Model,
    notes: Mapping[str, Note],
    index: LinkIndex,
    parents: Mapping[str, str | None],
) -> dict[str, Who]:
    """Goal path -> its people: `who:`, its `measure`'s network (and tag, for a measure
    that counts contacts: an interaction's tag names no people); a goal that names
    none takes its parent's (a milestone serves the long-term goal's people)."""
    own = {path: _own_who(goal, notes[path], model, index) for path, goal in model.goals.items()}
    out: dict[str, Who] = {}
    for path in model.goals:
        found, seen, at = own[path], {path}, parents.get(path)
        while not found and at and at not in seen and at in own:
            seen.add(at)
            found, at = own[at], parents.get(at)
        out[path] = found
    return out


def _own_who(goal: Goal, note: Note, model: Model, index: LinkIndex) -> Who:
    networks: list[str] = []
    tags: list[str] = []
    for value in goal.who:
        if "[[" in value:
            continue
        if value.startswith("#"):
            tags.append(value.lstrip("#").lower())
        else:
            networks.append(value)
    contacts = [
        target
        for link in note.links
        if link.key == "who" and (target := index.resolve(link, note.path).path) in model.contacts
    ]
    if goal.measure:  # its network counts people; its tag only when it counts contacts
        if goal.measure.network:
            networks.append(goal.measure.network)
        if goal.measure.tag and goal.measure.count == "contacts":
            tags.append(goal.measure.tag)
    return Who(
        tuple(dict.fromkeys(networks)), tuple(dict.fromkeys(tags)), tuple(dict.fromkeys(contacts))
    )


def members(who: Who, model: Model, notes: Mapping[str, Note]) -> tuple[str, ...]:
    """The contacts (paths) a goal's people include."""
    return tuple(path for path in model.contacts if is_member(path, who, model, notes))


def is_member(path: str, who: Who, model: Model, notes: Mapping[str, Note]) -> bool:
    """Whether this contact is among a goal's people (by name, network or tag)."""
    contact = model.contacts.get(path)
    if contact is None:
        return False
    return (
        path in who.contacts
        or (contact.network is not None and contact.network in who.networks)
        or (bool(who.tags) and not set(who.tags).isdisjoint(notes[path].all_tags()))
    )


def event_goals(model: Model, notes: Mapping[str, Note], index: LinkIndex) -> dict[str, str]:
    """Event path -> the goal path its `goal:` links (events whose link resolves)."""
    out: dict[str, str] = {}
    for path in model.events:
        for link in notes[path].links:
            if link.key == "goal":
                target = index.resolve(link, path).path
                if target in model.goals:
                    out[path] = target
                    break
    return out


def attendees(interactions: Iterable[Interaction], model: Model) -> dict[str, tuple[str, ...]]:
    """Event path -> the contacts its attendee properties list, by path (in the order of
    the interactions: by date, path and line)."""
    return {
        i.path: tuple(sorted(i.contacts))
        for i in interactions
        if i.source == "event" and i.path in model.events
    }


def event_attendees(memo: Memo, model: Model) -> dict[str, tuple[str, ...]]:
    """`attendees` of every interaction, from the event notes' own only (`memo`: each
    note's touches): the same, without reading them all."""
    own = [
        i
        for path in model.events
        if path in memo.entries
        for i in memo.touches(path).interactions
        if i.source == "event"
    ]
    own.sort(key=_LINE)  # by date, path and line, as every interaction is
    return attendees(own, model)


def met_at(
    model: Model,
    notes: Mapping[str, Note],
    index: LinkIndex,
    present: Mapping[str, tuple[str, ...]],
) -> dict[str, str]:
    """Contact path -> the event where it was first met: the earliest event its `met_at:`
    links, else the one event on its `met:` date that lists it as an attendee."""
    out: dict[str, str] = {}
    by_day: dict[date, list[str]] = defaultdict(list)
    for path, event in model.events.items():
        if event.date:
            by_day[event.date].append(path)
    for path, contact in model.contacts.items():
        linked = []
        if contact.met_at:
            for link in notes[path].links:
                if link.key == "met_at":
                    target = index.resolve(link, path).path
                    if target in model.events:
                        linked.append(target)
        if linked:
            out[path] = min(linked, key=lambda e: (model.events[e].date or date.max, e))
        elif contact.met:
            there = [e for e in by_day.get(contact.met, ()) if path in present.get(e, ())]
            if len(there) == 1:
                out[path] = there[0]
    return out


def event_returns(
    model: Model,
    goals: Mapping[str, str],
    present: Mapping[str, tuple[str, ...]],
    first_met: Mapping[str, str],
    by_contact: Mapping[str, tuple[Interaction, ...]],
    follow_up_days: int,
    today: date,
) -> dict[str, EventReturn]:
    """Event path -> its return, for every event. Each contact's interactions are sorted by
    date (as `by_contact` has them)."""
    new_at: dict[str, list[str]] = defaultdict(list)
    for contact, where in sorted(first_met.items()):
        new_at[where].append(contact)
    given: dict[str, tuple[list[date], list[Interaction]]] = {}
    out: dict[str, EventReturn] = {}
    for path, event in model.events.items():
        new = tuple(new_at.get(path, ()))
        there = present.get(path, ())
        followed: list[str] = []
        gives = 0
        if event.date:
            day = event.date
            for contact in new:  # no date arithmetic: an event may be on 9999-12-31
                touches = by_contact.get(contact, ())
                if any(0 < (i.date - day).days <= follow_up_days for i in touches):
                    followed.append(contact)
            seen: set[tuple[date, str, int]] = set()
            for contact in dict.fromkeys((*there, *new)):
                hit = given.get(contact)
                if hit is None:
                    hit = given[contact] = _gives(by_contact.get(contact, ()))
                dates, found = hit  # gives after the event, up to today: a slice of them
                seen.update(
                    map(_LINE, found[bisect_right(dates, day) : bisect_right(dates, today)])
                )
            gives = len(seen)
        out[path] = EventReturn(event, goals.get(path), there, new, tuple(followed), gives)
    return out


def _gives(history: tuple[Interaction, ...]) -> tuple[list[date], list[Interaction]]:
    """A contact's gives, by date, and their dates."""
    found = [i for i in history if i[6] == "give"]  # kind
    return list(map(_DATE, found)), found


def reconnections(
    relationships: Mapping[str, Relationship], today: date
) -> tuple[Reconnection, ...]:
    """Each interaction with a contact who was lapsed on that date (more than twice their
    cadence since the touch before, or since `met`), up to today, sorted by date; at most
    one per contact and day."""
    found: list[Reconnection] = []
    for rel in relationships.values():
        gap = 2 * rel.cadence_days
        previous = rel.contact.met
        for i in rel.interactions:
            if i.date > today:
                break
            if previous is not None and (i.date - previous).days > gap:
                found.append(Reconnection(i.date, rel.contact.path, i, (i.date - previous).days))
            previous = i.date if previous is None else max(previous, i.date)
    found.sort(key=lambda r: (r.date, r.contact))
    return tuple(found)
