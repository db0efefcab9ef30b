"""Per-note memos on disk (`.mdnet_cache/KIND-...-N.msgpack`): what a phase derived from
each note, kept with the stamp of the note's file, so that the next run redoes that phase
for changed notes only. The touches memo (touchstore.py) and the per-note rules' findings
(findingmemo.py) are kept so.

An entry holds the file's stamp (size, mtime, ctime; only notes unchanged for
`replay.SETTLE_NS` get one) and the value. Entries are spread over `SHARDS` files, as the
notes cache is, so that an edit rewrites one or two. A file's name carries a digest of the
settings its values depend on; the file carries mdnet's code stamp and the context its
values were derived in (what they depend on beyond the note, such as the vault's link
targets). Files are MessagePack, decoded by msgspec straight into the value's type with
every field's type checked, as the notes cache is: a foreign, corrupt or older file is
ignored, never run. A value MessagePack cannot hold (text that is not UTF-8) is left out,
and derived again next time."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

import msgspec

from mdnet import forked
from mdnet.cache import CACHE_DIR, SHARDS, code_stamp, shard_of, shard_path, write_shards

V = TypeVar("V")
E = TypeVar("E")
File = tuple[int, int, int]
"""A note file's size, mtime and ctime (ns)."""

_ENCODER = msgspec.msgpack.Encoder()


class Loaded(Generic[V]):
    """The stored entries, and the context they were derived in ("" when the shards do not
    agree: then no entry can be trusted without checking it)."""

    __slots__ = ("context", "entries")

    def __init__(self, context: str, entries: Mapping[str, tuple[File, V]]) -> None:
        self.context = context
        self.entries = entries


class NoteStore(Generic[V]):
    """The shard files of one kind of per-note value (`kind`: touches, findings...)."""

    def __init__(self, kind: str, value_type: Any) -> None:
        self.kind = kind
        self._decoder = msgspec.msgpack.Decoder(tuple[str, str, dict[str, tuple[File, value_type]]])

    def _prefix(self, settings: str) -> str:
        digest = hashlib.blake2b(settings.encode("utf-8", "surrogatepass"), digest_size=8)
        return f"{self.kind}-{digest.hexdigest()}"

    def load(self, root: Path, settings: str) -> Loaded[V] | None:
        """The stored entries for these settings; None when there are none to read."""
        folder, prefix, code = root / CACHE_DIR, self._prefix(settings), code_stamp()
        contexts: set[str] = set()
        entries: dict[str, tuple[File, V]] = {}
        for number in range(SHARDS):
            try:
                stamp, context, stored = self._decoder.decode(
                    shard_path(folder, prefix, number).read_bytes()
                )
            except Exception:  # missing, corrupt, truncated, foreign or too deep: derived afresh
                continue
            if stamp != code:
                continue
            entries.update(stored)
            contexts.add(context)
        if not entries:
            return None
        return Loaded(contexts.pop() if len(contexts) == 1 else "", entries)

    def store(
        self,
        root: Path,
        settings: str,
        context: str,
        entries: Mapping[str, E],
        value: Callable[[E], tuple[object, V]],
        dirty: Collection[str] | None,
    ) -> None:
        """Write the shards of the `dirty` paths (added, changed or removed since the entries
        were loaded; None: every shard). `value(entry)`: the file stamp and value to keep;
        an entry whose stamp is not a file's (a note held in memory, or changed too recently
        to be told apart from a later write) is not stored, nor is its shard rewritten for
        it: the stored entry it replaces no longer matches the note's stamp either.
        The shards are encoded and written through `forked.later`."""
        if dirty is None:
            numbers = set(range(SHARDS))
        else:  # an entry not kept (its stamp is no file's) needs no shard written for it
            numbers = {
                shard_of(p)
                for p in dirty
                if (entry := entries.get(p)) is None or type(value(entry)[0]) is tuple
            }
        if not numbers:
            return
        shards: dict[int, dict[str, tuple[object, V]]] = {n: {} for n in numbers}
        for path, entry in entries.items():
            shard = shards.get(shard_of(path))
            if shard is not None:
                kept = value(entry)
                if type(kept[0]) is tuple:
                    shard[path] = kept
        code, folder, prefix = code_stamp(), root / CACHE_DIR, self._prefix(settings)
        data = ((n, _encode((code, context, found))) for n, found in shards.items())
        forked.later(lambda: write_shards(folder, prefix, data))


def _encode(shard: tuple[str, str, dict[str, tuple[object, Any]]]) -> bytes:
    try:
        return _ENCODER.encode(shard)
    except UnicodeEncodeError:  # a lone surrogate in some note's text: leave those out
        pass
    code, context, entries = shard
    kept = {}
    for path, entry in entries.items():
        with contextlib.suppress(UnicodeEncodeError):
            _ENCODER.encode((path, entry))
            kept[path] = entry
    return _ENCODER.encode(cast(tuple[str, str, dict[str, Any]], (code, context, kept)))
