"""The memo of each note's touches on disk (`.mdnet_cache/touches-*.msgpack`), so that a run
after a few changed notes collects interactions from those notes only.

An entry holds, besides the note file's stamp, the contact each of the note's links
resolved to, and its interactions and plans (see `mdnet.derive.interactions.Memo`). The
file name carries the settings touches depend on (give and ask tags, attendee keys, how
notes are classified); the context is the vault's link targets and contacts. How entries
are kept, and why a foreign or older file is never run: mdnet/notestore.py."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import msgspec

from mdnet.config import Config
from mdnet.derive.interactions import Entry, Memo, Touches
from mdnet.notestore import NoteStore

FORMAT = 4

_Value = tuple[tuple[str | None, ...], msgspec.Raw]
"""A note's signature, and its touches as stored (decoded when read)."""
_STORE: NoteStore[_Value] = NoteStore("touches", _Value)
_TOUCHES = msgspec.msgpack.Decoder(Touches)


class _Kept:
    """A note's touches as stored: decoded, with every field's type checked, when first read
    (a warm run after a few changed notes reads those of the notes it needs only)."""

    __slots__ = ("_touches", "raw")

    def __init__(self, raw: msgspec.Raw) -> None:
        self.raw = raw
        self._touches: Touches | None = None

    def open(self) -> Touches | None:
        if self._touches is None:
            try:
                self._touches = _TOUCHES.decode(self.raw)
            except (msgspec.DecodeError, RecursionError):  # damaged or foreign: collected again
                return None
        return self._touches


def _settings(config: Config) -> str:
    return "\n".join(
        [
            str(FORMAT),
            config.parse_fingerprint(),
            *sorted(config.give_tags),
            "",
            *sorted(config.ask_tags),
            "",
            *sorted(k.lower() for k in config.attendee_keys),
        ]
    )


def load(root: Path, config: Config) -> Memo | None:
    """The stored memo for these settings; None when there is none that can be read."""
    loaded = _STORE.load(root, _settings(config))
    if loaded is None:
        return None
    entries: dict[str, Entry] = {
        path: (file, signature, _Kept(raw))
        for path, (file, (signature, raw)) in loaded.entries.items()
    }
    # Shards written under other link targets: every entry's signature is checked.
    return Memo(loaded.context, entries)


def store(root: Path, config: Config, old: Memo | None, new: Memo) -> None:
    """Write the shards whose entries changed (all of them when the context did: a note
    added or removed changes it, as it holds the vault's file list)."""
    dirty: set[str] | None = None
    if old is not None and old.context == new.context:
        before = old.entries
        dirty = {
            p for p, e in new.entries.items() if (b := before.get(p)) is None or b[2] is not e[2]
        }
    _STORE.store(root, _settings(config), new.context, new.entries, _value, dirty)


def _value(entry: Entry) -> tuple[object, _Value]:
    """A note's entry as stored: its touches as they were read, or (collected in this run)
    the Touches itself, which MessagePack writes as the same array (one encoding for the
    shard, not one a note)."""
    stamp, signature, share = entry
    touches = share.raw if type(share) is _Kept else share
    return stamp, (signature, cast(msgspec.Raw, touches))
