"""Cached notes, decoded in three steps: a note's path, kind, aliases and parse problems
when the cache is loaded (they are written beside it); its head (front matter,
suppressions) when first read; each body field (list items, links, tags, prose, headings,
key lines, daily date) when first read.

A warm run reads the body of few notes and the head of few: each note's interactions,
per-note findings and part of the model are kept apart (touchstore.py, findingmemo.py,
modelstore.py), the link index reads every note's aliases, and the rules read the front
matter of the notes they report on. Decoding every head was most of loading the cache.

A `LazyNote` is a `Note` in every way code can tell (equal to the same note parsed afresh,
pickled as a plain `Note`, encoded by msgspec with every field) but whose fields are
filled from the note's MessagePack on first read."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, get_type_hints

import msgspec

from mdnet.errors import MdnetError
from mdnet.note import Note
from mdnet.noteparts import Problem

LAZY = (
    "items",
    "links",
    "tags",
    "link_lines",
    "prose",
    "headings",
    "key_lines",
    "field_lines",
    "daily_date",
)
"""The fields decoded on first use: the bulk of a note (its body), and what a warm run reads
of few notes (headings: goals' statements; key and field lines: where a finding on a key
goes; a daily note's date: collecting its touches, kept apart). Decoding the others' takes
45 -> 19 ms for the 10k benchmark vault's heads; `problems` (read for every note, mostly
empty) and `meta` (the model and link index read it) stay eager."""

_FIELDS = tuple(f.name for f in dataclasses.fields(Note))
_HINTS = get_type_hints(Note)
_SLOTS: dict[str, Any] = {name: Note.__dict__[name] for name in _FIELDS}

# A note as the cache writes it (`stored`: an array of its fields in order), with its body
# fields left as raw MessagePack. Built from Note's own fields, so the two cannot drift apart.
_Head = msgspec.defstruct(
    "NoteHead",
    [(name, msgspec.Raw if name in LAZY else _HINTS[name]) for name in _FIELDS],
    array_like=True,
)
_STATE = attrgetter(*_FIELDS)
_HEAD = msgspec.msgpack.Decoder(_Head)
_KNOWN = ("path", "kind", "problems")
"""Set when the cache is loaded (the path is the entry's key, the kind and the problems found
reading the note, read for every note, are written beside it)."""
_IN_HEAD = tuple(name for name in _FIELDS if name not in LAZY and name not in _KNOWN)
"""Set from the head when one of them is first read."""
_REPARSED = object()
"""`_head` of a note read from its file again (its head did not decode): every slot set."""


def _filler() -> Callable[[Any, Any], None]:
    """`fill(note, head)`: a note's slots set from its decoded head, one statement a field
    (as dataclasses and namedtuple write their methods: a loop over the fields costs twice
    as much, 6 ms for the 10k benchmark vault's notes)."""
    lines = [f"    _set_{name}(note, head.{name})" for name in _IN_HEAD]
    scope = {f"_set_{name}": _SLOTS[name].__set__ for name in _IN_HEAD}
    exec("def fill(note, head):\n" + "\n".join(lines), scope)
    fill: Callable[[Any, Any], None] = scope["fill"]
    return fill


_FILL = _filler()


class LazyNote(Note):
    """A cached note whose head and body fields are decoded when first read."""

    __slots__ = ("_aliases", "_data", "_head", "_reparse")
    _aliases: tuple[str, ...]
    _data: msgspec.Raw
    _head: Any
    _reparse: Callable[[str], Note]

    def _opened(self) -> Any:
        """The decoded head (its fields set on the note); None when the note was read from
        its file again, which set every field."""
        head = self._head
        if head is None:
            try:
                head = _HEAD.decode(self._data)
            except msgspec.MsgspecError:  # a damaged cache file: read the note afresh
                fresh = self._reparse(self.path)
                for name in _FIELDS:
                    _SLOTS[name].__set__(self, getattr(fresh, name))
                head = _REPARSED
            else:
                _FILL(self, head)
            object.__setattr__(self, "_head", head)
        return None if head is _REPARSED else head

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Note):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _FIELDS)

    __hash__ = Note.__hash__

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)
        return f"Note({fields})"

    def __reduce__(self) -> tuple[type[Note], tuple[Any, ...]]:
        return Note, tuple(getattr(self, name) for name in _FIELDS)


def _lazy(name: str) -> property:
    slot = _SLOTS[name]
    decoder = msgspec.msgpack.Decoder(_HINTS[name])

    def read(self: LazyNote) -> Any:
        try:
            return slot.__get__(self, Note)
        except AttributeError:  # not read yet
            pass
        head = self._opened()
        if head is None:
            return slot.__get__(self, Note)
        try:
            value = decoder.decode(getattr(head, name))
        except msgspec.MsgspecError:  # a damaged cache file: read the note afresh
            value = getattr(self._reparse(self.path), name)
        slot.__set__(self, value)
        return value

    return property(read, doc=f"The note's `{name}`, decoded on first read.")


def _in_head(name: str) -> property:
    slot = _SLOTS[name]

    def read(self: LazyNote) -> Any:
        if self._head is None:  # not read yet
            self._opened()
        return slot.__get__(self, Note)

    return property(read, doc=f"The note's `{name}`, set when its head is first read.")


for _name in LAZY:
    setattr(LazyNote, _name, _lazy(_name))
for _name in _IN_HEAD:
    setattr(LazyNote, _name, _in_head(_name))


def lazy_note(
    path: str,
    kind: str,
    aliases: tuple[str, ...],
    problems: tuple[Problem, ...],
    data: msgspec.Raw,
    reparse: Callable[[str], Note],
) -> Note:
    """The note encoded in `data` (as `stored` gives it), whose path, kind, aliases (as
    `note_aliases` reads them) and problems are known: its head decoded on first read of a
    field of it, each body field on its own first read; `reparse(path)` reads the note
    afresh, should what is read not decode then."""
    note = object.__new__(LazyNote)
    _set_path(note, path)
    _set_kind(note, kind)
    _set_problems(note, problems)
    _set(note, "_aliases", aliases)
    _set(note, "_data", data)
    _set(note, "_head", None)
    _set(note, "_reparse", reparse)
    return note


_set_path, _set_kind, _set_problems = (_SLOTS[name].__set__ for name in _KNOWN)
_set = object.__setattr__


def kept_aliases(note: Note) -> tuple[str, ...] | None:
    """A cached note's aliases, as written beside it (None for a note parsed in this run)."""
    return note._aliases if type(note) is LazyNote else None


def stored(note: Note) -> tuple[Any, ...] | msgspec.Raw:
    """What the cache writes for a note, which `lazy_note` reads: its fields in order (an
    array, quicker to decode than a map of their names), or a cached note's MessagePack as
    it was read."""
    return note._data if type(note) is LazyNote else _STATE(note)


def unreadable(path: str) -> Note:
    """For a cached note whose body does not decode and whose file is not known."""
    raise MdnetError(f"{path}: the cache holds a damaged note; run `mdnet clean`")
