"""Each interaction counted once (one written in two notes, say a contact's log and the daily
note of that day, is one interaction), and each contact's interactions."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from itertools import chain, compress, count, islice
from operator import itemgetter, le, ne

from mdnet.derive.records import Interaction

_Key = tuple[str, date, str | None]
"""What makes two lines the same interaction: contact, date and kind."""
_DATE, _PATH, _CONTACTS = itemgetter(0), itemgetter(1), itemgetter(4)


def by_contact(interactions: Iterable[Interaction]) -> dict[str, tuple[Interaction, ...]]:
    """Each contact's interactions, in the order given."""
    out: dict[str, list[Interaction]] = {}
    get = out.get
    for interaction in interactions:
        for path in interaction[4]:  # contacts
            found = get(path)
            if found is None:
                out[path] = [interaction]
            else:
                found.append(interaction)
    return {path: tuple(found) for path, found in out.items()}


def count_once(interactions: Sequence[Interaction]) -> tuple[Interaction, ...]:
    """The interactions with each one written in two notes counted once.

    Lines of two notes name the same interaction with a contact when they share the
    contact, the date and the kind (give, ask or neither): a contact's log and the daily
    note of that day, say. Lines of one note are never merged. Of the notes, the one with
    the most such lines counts, then the contact's own note, then the later path (the one
    shown as the last contact). An interaction with several contacts keeps those it is not
    a copy for, and is dropped when it is a copy for all of them."""
    slots = _slots(interactions)
    first: dict[_Key, str] = {}
    shared: set[_Key] = set()  # written in more than one note: the rare case
    seen = first.setdefault
    for n, contact in slots:
        interaction = interactions[n]
        key = (contact, interaction[0], interaction[6])  # contact, date, kind
        if seen(key, interaction[1]) != interaction[1]:
            shared.add(key)
    if not shared:
        return tuple(interactions)
    groups: dict[_Key, dict[str, list[int]]] = defaultdict(dict)
    for n, contact in slots:
        interaction = interactions[n]
        key = (contact, interaction[0], interaction[6])
        if key in shared:
            groups[key].setdefault(interaction[1], []).append(n)
    dropped: dict[int, set[str]] = defaultdict(set)
    for (contact, _, _), by_path in groups.items():
        _drop(contact, by_path, dropped)
    return tuple(filter(None, _trimmed(interactions, dropped)))


def _drop(contact: str, by_path: Mapping[str, list[int]], dropped: dict[int, set[str]]) -> None:
    """One interaction with a contact, written in several notes (their lines by path): the
    note with the most lines keeps it, then the contact's own, then the later path."""
    keep = max(by_path, key=lambda p: (len(by_path[p]), p == contact, p))
    for path, found in by_path.items():
        if path != keep:
            for n in found:
                dropped[n].add(contact)


def _trimmed(
    interactions: Sequence[Interaction], dropped: Mapping[int, set[str]]
) -> list[Interaction | None]:
    """The interactions without the contacts dropped from each (None: none left)."""
    out: list[Interaction | None] = list(interactions)
    for n, gone in dropped.items():
        interaction = interactions[n]
        who = tuple(c for c in interaction.contacts if c not in gone)
        out[n] = interaction._replace(contacts=who) if who else None
    return out


def _slots(interactions: Sequence[Interaction]) -> list[tuple[int, str]]:
    """(number, contact) of each contact of each interaction that may be written in two
    notes, in order: all of them, unless the interactions are sorted by date (as collected);
    then only the contacts named twice on a date with lines of two notes, a few of them."""
    dates = list(map(_DATE, interactions))
    if not all(map(le, dates, islice(dates, 1, None))):
        return [(n, c) for n, interaction in enumerate(interactions) for c in interaction[4]]
    runs = [0, *compress(count(1), map(ne, dates, islice(dates, 1, None))), len(dates)]
    slots: list[tuple[int, str]] = []
    for start, end in zip(runs, islice(runs, 1, None), strict=False):  # those of one date
        if end - start < 2:
            continue
        found = interactions[start:end]
        path = found[0][1]
        if found[-1][1] == path and list(map(_PATH, found)).count(path) == end - start:
            continue  # the lines of one note: never merged
        who = list(chain.from_iterable(map(_CONTACTS, found)))
        if len(who) != len(set(who)):
            twice = {c for c, times in Counter(who).items() if times > 1}
            slots.extend(
                (n, c)
                for n, interaction in enumerate(found, start)
                for c in interaction[4]
                if c in twice
            )
    return slots
