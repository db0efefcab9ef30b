"""Reading each note's touches from the memo `update` makes: every interaction, sorted
(what counting once, relationships and goals read), those written in some notes, and one
contact's (a focused run reads the notes that name it only)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from operator import itemgetter

from msgspec import Struct

from mdnet.derive.interactions import Memo, Touches
from mdnet.derive.records import Interaction, Planned
from mdnet.model import Model
from mdnet.note import Note

_DATE, _LINE, _DATE_PATH_LINE = itemgetter(0), itemgetter(2), itemgetter(0, 1, 2)
_new = tuple.__new__


class Collected(Struct, frozen=True):
    """Every interaction (sorted by date, path and line) and every contact's plans."""

    interactions: tuple[Interaction, ...]
    planned: Mapping[str, tuple[Planned, ...]]


def gather(memo: Memo, notes: Sequence[Note], model: Model) -> Collected:
    """Every interaction (sorted by date, path and line) and plan of these notes, from the
    memo `update` made for them."""
    found: list[Interaction] = []
    planned: dict[str, list[Planned]] = defaultdict(list)
    entries, extend, dated = memo.entries, found.extend, _dated_contacts(model)
    ascending, before = True, ""
    for note in notes:
        path = note.path
        share = entries[path][2].open() or memo.touches(path)
        if before >= path:
            ascending = False
        before = path
        if dated and path in dated:
            extend(_with_front(share, note, dated[path]))
        else:
            extend(share.interactions)
        if share.planned:
            for contact, plan in share.planned:
                planned[contact].append(plan)
    # Each note's lines are in line order (see Touches): with the notes in path order, what
    # is found is in (path, line) order already, and a stable sort by date alone puts it in
    # (date, path, line) order; equal ones stay in the order written, as the full sort has it.
    found.sort(key=_DATE if ascending else _DATE_PATH_LINE)
    return Collected(tuple(found), {path: tuple(plans) for path, plans in planned.items()})


def written_in(memo: Memo, notes: Iterable[Note], model: Model) -> list[Interaction]:
    """The interactions written in these notes (`last_contact:` included), sorted as
    `gather` sorts every interaction."""
    found: list[Interaction] = []
    dated = _dated_contacts(model)
    for note in notes:
        share = memo.touches(note.path)
        when = dated.get(note.path)
        found.extend(share.interactions if when is None else _with_front(share, note, when))
    found.sort(key=_DATE_PATH_LINE)
    return found


def naming(
    memo: Memo, contacts: Collection[str], notes: Iterable[Note], model: Model
) -> dict[str, tuple[list[Interaction], list[Planned]]]:
    """Each of these contacts' interactions (sorted as `gather` sorts every interaction)
    and plans (in `gather`'s order), read from its own note and the notes whose signature
    names it only: the same as picking them from every note's."""
    wanted = frozenset(contacts)
    out: dict[str, tuple[list[Interaction], list[Planned]]] = {c: ([], []) for c in wanted}
    entries, dated = memo.entries, _dated_contacts(model)
    for note in notes:
        path = note.path
        if path not in wanted and wanted.isdisjoint(entries[path][1]):
            continue
        share = memo.touches(path)
        when = dated.get(path)
        for interaction in share.interactions if when is None else _with_front(share, note, when):
            for contact in interaction.contacts:
                if contact in out:
                    out[contact][0].append(interaction)
        for contact, plan in share.planned:
            if contact in out:
                out[contact][1].append(plan)
    for found, _ in out.values():
        found.sort(key=_DATE_PATH_LINE)
    return out


def _dated_contacts(model: Model) -> dict[str, date]:
    """Contact path -> its `last_contact:` date, for the contacts that have one."""
    return {path: c.last_contact for path, c in model.contacts.items() if c.last_contact}


def _with_front(share: Touches, note: Note, when: date) -> list[Interaction]:
    """A contact note's interactions with its `last_contact:` among them, after those on
    its line."""
    line = note.key_line("last_contact")[0]
    front = _new(
        Interaction, (when, note.path, line, "last_contact", (note.path,), "front matter", None, ())
    )
    return sorted((*share.interactions, front), key=_LINE)
