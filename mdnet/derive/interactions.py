"""Interactions and plans, collected note by note (log items, daily notes, done tasks,
events, meeting notes) into a memo that keeps each note's share for the next run; reading
them from it (with `last_contact:`): gathering.py; each counted once: counting.py."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from operator import itemgetter
from typing import NamedTuple, Protocol

from msgspec import Struct

from mdnet.config import Config
from mdnet.derive.counting import by_contact as by_contact
from mdnet.derive.counting import count_once as count_once
from mdnet.derive.records import Interaction, Planned, readable
from mdnet.links import LinkIndex
from mdnet.model import Model
from mdnet.note import Item, Note

_LINE = itemgetter(2)
_new = tuple.__new__
"""Builds an Interaction from all its fields in order, as `_Context.touch` would, without
NamedTuple's slower keyword handling: a vault has tens of thousands."""

# The Tasks plugin's dates, in its emoji form and its Dataview form: scheduled, then due.
_SCHEDULED = re.compile(
    r"(?:⏳|⌛)\ufe0f?\s*(\d{4}-\d{2}-\d{2})|\[scheduled::\s*(\d{4}-\d{2}-\d{2})\]"
)
_DUE = re.compile(r"(?:📅|📆|🗓)\ufe0f?\s*(\d{4}-\d{2}-\d{2})|\[due::\s*(\d{4}-\d{2}-\d{2})\]")


class _Context(Struct, frozen=True):
    model: Model
    index: LinkIndex
    give: frozenset[str]
    ask: frozenset[str]
    attendee_keys: frozenset[str]
    """Lower case: the properties of an event or meeting note that list who was there."""

    def kind(self, tags: tuple[str, ...]) -> str | None:
        if not tags:
            return None
        if not self.give.isdisjoint(tags):
            return "give"
        if not self.ask.isdisjoint(tags):
            return "ask"
        return None

    def touch(
        self,
        when: date,
        note: Note,
        line: int,
        raw: str,
        who: Iterable[str],
        source: str,
        tags: tuple[str, ...] = (),
    ) -> Interaction:
        """An interaction, its kind from its tags (`_item_touches` builds its own the same
        way, field by field, for the tens of thousands of list items)."""
        return Interaction(when, note.path, line, raw, tuple(who), source, self.kind(tags), tags)


Stamp = object
"""What identifies a note's content: its file's (size, mtime, ctime) as the cache keys it,
or, in a long-lived process, the parsed Note itself (compared by identity)."""


class Touches(NamedTuple):
    """What one note contributes: its interactions, in line order (lines written on one line
    in the order found), and its plans (contact path, plan). (A NamedTuple: loading the memo
    makes one per note.)"""

    interactions: tuple[Interaction, ...]
    planned: tuple[tuple[str, Planned], ...]

    def open(self) -> Touches:
        """These touches (see `Share`)."""
        return self


class Share(Protocol):
    """A note's touches as a memo holds them: collected (`Touches`), or kept on disk and
    decoded when first read (mdnet/touchstore.py)."""

    def open(self) -> Touches | None:
        """The touches; None when what was kept cannot be read (they are collected again)."""


Entry = tuple[Stamp, tuple[str | None, ...], Share]
"""A note's stamp, the contact each of its links resolves to (its signature), its touches."""


class Memo(Struct, frozen=True):
    """Each note's touches, to reuse for unchanged notes and to read from.

    A note's touches depend on the note itself, on which contact each of its links resolves
    to (its `signature`), and on settings that are part of the memo's key elsewhere (give,
    ask and attendee keys, how notes are classified). `context` names the vault's link
    targets and contacts when the memo was made: while it is unchanged, so is every
    signature, and an unchanged note's touches are reused without resolving its links or
    reading them. Every contact a note's touches name is in its signature, or is the note
    itself (a contact's own log names it without a link)."""

    context: str
    entries: dict[str, Entry]
    again: Callable[[str], Touches] | None = None
    """How to collect one note's touches afresh (the memos `update` makes have it)."""

    def touches(self, path: str) -> Touches:
        """One note's touches: those kept, else (they cannot be read) collected again."""
        stamp, signature, share = entry = self.entries[path]
        found = share.open()
        if found is None:
            if self.again is None:
                raise KeyError(path)
            found = self.again(path)
            if self.entries.get(path) is entry:
                self.entries[path] = (stamp, signature, found)
        return found


def update(
    notes: Sequence[Note],
    model: Model,
    index: LinkIndex,
    config: Config,
    memo: Memo | None = None,
    stamps: Mapping[str, Stamp] | None = None,
) -> Memo:
    """Each note's touches. With a memo, a note whose stamp (`stamps`, else the Note object)
    matches is not collected again when the vault's link targets and contacts are unchanged,
    or when its links still resolve to the same contacts (what is reused is not read here);
    the result is the same as without."""
    ctx = _Context(
        model,
        index,
        frozenset(config.give_tags),
        frozenset(config.ask_tags),
        frozenset(k.lower() for k in config.attendee_keys),
    )
    context = context_key(index, model)
    same_context = memo is not None and memo.context == context
    old = memo.entries if memo is not None else {}
    entries: dict[str, Entry] = {}
    known, earlier = (stamps.get if stamps else None), old.get
    for note in notes:
        path = note.path
        stamp = (known(path) if known else None) or note
        hit = earlier(path)
        if (
            same_context
            and hit is not None
            and (hit[0] is stamp or (type(stamp) is tuple and stamp == hit[0]))  # _same
        ):
            entries[path] = hit if hit[0] is stamp else (stamp, hit[1], hit[2])
        else:
            reused, signature = _reused(hit, stamp, same_context, note, ctx)
            if signature is None:
                signature = _signature(note, ctx)
            share = reused if reused is not None else _note_touches(note, signature, ctx)
            entries[path] = (stamp, signature, share)
    by_path = {note.path: note for note in notes}

    def again(path: str) -> Touches:
        note = by_path[path]
        return _note_touches(note, _signature(note, ctx), ctx)

    return Memo(context, entries, again)


def _reused(
    hit: Entry | None,
    stamp: Stamp,
    same_context: bool,
    note: Note,
    ctx: _Context,
) -> tuple[Share | None, tuple[str | None, ...] | None]:
    """A memo entry's touches when they still hold for this note, and its signature when
    known (None, None: collect the note)."""
    if hit is None or not _same(hit[0], stamp):
        return None, None
    if same_context:
        return hit[2], hit[1]
    signature = _signature(note, ctx)
    return (hit[2] if signature == hit[1] else None), signature


def _same(old: Stamp, stamp: Stamp) -> bool:
    """Whether a memo entry's stamp is this note's: the same note, or equal file stamps."""
    return old is stamp or (type(stamp) is tuple and stamp == old)


def context_key(index: LinkIndex, model: Model) -> str:
    """A digest of what every note's links resolve against: the vault's files and folders
    (what the index's tables of paths, names and folders are made of), every alias, and
    which notes are contacts."""
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    for part in (
        sorted(index.files),
        sorted(f"{alias}\0{chr(1).join(paths)}" for alias, paths in index.by_alias.items()),
        sorted(model.contacts),
    ):
        digest.update("\0".join(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\1")
    return digest.hexdigest()


def _signature(note: Note, ctx: _Context) -> tuple[str | None, ...]:
    """The contact each of the note's links resolves to (None: not a contact)."""
    if not note.links:
        return ()
    contacts = ctx.model.contacts
    return tuple([p if (p := r.path) in contacts else None for r in ctx.index.resolve_note(note)])


def _note_touches(note: Note, signature: tuple[str | None, ...], ctx: _Context) -> Touches:
    """One note's interactions and plans (`signature`: the contact of each of its links)."""
    planned: list[tuple[str, Planned]] = []
    by_line = _contacts_by_line(note, signature) if signature else {}
    found = list(_item_touches(note, by_line, ctx, planned))
    if note.kind == "daily" and note.daily_date is not None:
        found.extend(_daily_line_touches(note, note.daily_date, by_line, ctx))
    if note.kind in ("event", "meeting"):
        found.extend(_event_touches(note, ctx))
    found.sort(key=_LINE)  # stable: what gathering's sort relies on
    return Touches(tuple(found), tuple(planned))


def _contacts_by_line(note: Note, signature: tuple[str | None, ...]) -> dict[int, list[str]]:
    """The contacts linked from each body line, in order, once each (lines that link
    none are left out)."""
    out: dict[int, list[str]] = {}
    for link, target in zip(note.links, signature, strict=True):
        if target is None or link.style == "property":
            continue
        line = link.line
        linked = out.get(line)
        if linked is None:
            out[line] = [target]
        elif target not in linked:
            linked.append(target)
    return out


def _item_touches(
    note: Note,
    by_line: Mapping[int, list[str]],
    ctx: _Context,
    planned: list[tuple[str, Planned]],
) -> Iterator[Interaction]:
    """List items: a dated item or done task with its contacts (the note's own contact
    first in a contact note); an undated item linking a contact in a daily note; open
    tasks become plans."""
    own = note.path if note.kind == "contact" else None
    items: Iterable[Item] = note.items
    if own is None:
        if not by_line:
            return  # an item that links no contact touches no one outside a contact note
        items = [item for item in items if item.line in by_line]
    path, kind, no_one = note.path, ctx.kind, ()
    for item in items:
        line, text, tags = item.line, item.text, item.tags
        linked = by_line.get(line, no_one)
        if own is None:
            who = tuple(linked)
        elif linked:
            who = (own, *[p for p in linked if p != own])
        else:
            who = (own,)
        if item.task is not None:
            if item.is_open_task:
                if who:
                    plan = Planned(path, line, readable(text), planned_date(text))
                    planned.extend((contact, plan) for contact in who)
                continue
            when = item.done or item.date
            if when is None and note.kind == "daily":
                when = note.daily_date  # a done task in a daily note: on the note's date
            if when and who and item.task in "xX":
                yield _new(Interaction, (when, path, line, text, who, "task", kind(tags), tags))
            continue
        if item.date is not None and who:
            source = "log" if own else "item"
            yield _new(Interaction, (item.date, path, line, text, who, source, kind(tags), tags))
        elif note.daily_date is not None and note.kind == "daily" and linked:
            day = note.daily_date
            yield _new(Interaction, (day, path, line, text, who, "daily", kind(tags), tags))


def _daily_line_touches(
    note: Note, day: date, by_line: Mapping[int, list[str]], ctx: _Context
) -> Iterator[Interaction]:
    """Paragraph lines of a daily note that link a contact: on the note's date."""
    tags_by_line: dict[int, list[str]] = defaultdict(list)
    for tag, line in note.tags:
        tags_by_line[line].append(tag)
    for line, text in note.link_lines:
        linked = by_line.get(line, [])
        if linked:
            tags = tuple(tags_by_line.get(line, ()))
            yield ctx.touch(day, note, line, text, linked, "daily", tags)


def _event_touches(note: Note, ctx: _Context) -> Iterator[Interaction]:
    """Who an event or meeting note lists (`attendees:`, `people:`; `attendee_keys` in the
    configuration), on its `date:`."""
    event = ctx.model.events.get(note.path) or ctx.model.meetings.get(note.path)
    if not (event and event.date):
        return
    attendees: list[str] = []
    for link in note.links:
        if link.key is None or link.key.lower() not in ctx.attendee_keys:
            continue
        target = ctx.index.resolve(link, note.path).path
        if target in ctx.model.contacts and target not in attendees:
            attendees.append(target)
    if attendees:
        keys = [k for k in note.key_lines if k.lower() in ctx.attendee_keys]
        line = min(note.key_line(k)[0] for k in keys) if keys else 1
        text = f"Attended {event.name}" if note.kind == "event" else event.name
        yield ctx.touch(event.date, note, line, text, attendees, "event")


def planned_date(text: str) -> date | None:
    """The date a task is planned for: the Tasks plugin's scheduled date (`⏳ 2026-11-30`,
    `[scheduled:: 2026-11-30]`), else its due date (`📅 2026-11-30`, `[due:: 2026-11-30]`)."""
    if not any(mark in text for mark in ("⏳", "⌛", "📅", "📆", "🗓", "::")):
        return None
    for pattern in (_SCHEDULED, _DUE):
        m = pattern.search(text)
        if m:
            try:
                return date.fromisoformat(m.group(1) or m.group(2))
            except ValueError:
                continue  # 2026-02-30: no date
    return None
