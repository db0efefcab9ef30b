"""Cached notes, decoded in two steps: the head of a note (its path, kind, front matter,
suppressions and problems) when the cache is loaded, the rest (its body: list items,
links, tags, prose; its headings, key lines and daily date) on first use.

A warm run reads the body of few notes: each note's interactions and per-note findings are
kept apart (touchstore.py, findingmemo.py), and the model, the link index and most rules
read only front matter. Decoding every body was most of loading the cache.

A `LazyNote` is a `Note` in every way code can tell (equal to the same note parsed afresh,
pickled as a plain `Note`, encoded by msgspec with every field) but whose body fields are
filled from the note's MessagePack on first read."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, get_type_hints

import msgspec

from mdnet.errors import MdnetError
from mdnet.note import Note

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
_EAGER = tuple(name for name in _FIELDS if name not in LAZY)


def _filler() -> Callable[[Any, Any], None]:
    """`fill(note, head)`: a note's slots set from its decoded head, one statement a field
    (as dataclasses and namedtuple write their methods: a loop over the fields costs twice
    as much, 6 ms for the 10k benchmark vault's notes)."""
    lines = [f"    _set_{name}(note, head.{name})" for name in _EAGER]
    scope = {f"_set_{name}": _SLOTS[name].__set__ for name in _EAGER}
    exec("def fill(note, head):\n" + "\n".join(lines), scope)
    fill: Callable[[Any, Any], None] = scope["fill"]
    return fill


_FILL = _filler()


class LazyNote(Note):
    """A cached note whose body fields are decoded when first read."""

    __slots__ = ("_data", "_head", "_reparse")
    _data: msgspec.Raw
    _head: Any
    _reparse: Callable[[str], Note]

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
        try:
            value = decoder.decode(getattr(self._head, name))
        except msgspec.MsgspecError:  # a damaged cache file: read the note afresh
            value = getattr(self._reparse(self.path), name)
        slot.__set__(self, value)
        return value

    return property(read, doc=f"The note's `{name}`, decoded on first read.")


for _name in LAZY:
    setattr(LazyNote, _name, _lazy(_name))


def lazy_note(data: msgspec.Raw, reparse: Callable[[str], Note]) -> Note:
    """The note encoded in `data` (as `stored` gives it), its head decoded
    now and its body on first use; `reparse(path)` reads the note afresh, should its body
    not decode then. Raises msgspec.MsgspecError when the head does not decode."""
    head = _HEAD.decode(data)
    note = object.__new__(LazyNote)
    _FILL(note, head)
    object.__setattr__(note, "_data", data)
    object.__setattr__(note, "_head", head)
    object.__setattr__(note, "_reparse", reparse)
    return note


def stored(note: Note) -> tuple[Any, ...] | msgspec.Raw:
    """What the cache writes for a note, which `lazy_note` reads: its fields in order (an
    array, quicker to decode than a map of their names), or a cached note's MessagePack as
    it was read."""
    return note._data if type(note) is LazyNote else _STATE(note)


def unreadable(path: str) -> Note:
    """For a cached note whose body does not decode and whose file is not known."""
    raise MdnetError(f"{path}: the cache holds a damaged note; run `mdnet clean`")
