"""The findings of the per-note rules, kept per note, so that a run after a few changed notes
runs those rules on the changed notes only.

A per-note rule (`Rule.per_note`: broken and ambiguous links, assumptions, key case, bad
suppressions) finds on a note what that note alone, the vault's link targets and contacts,
and the settings give. So a note's findings still hold while its file's stamp (or, in the
language server, the parsed note itself), the link context (`Memo.context` of the touches)
and the settings are unchanged; `key` digests the last two. Kept in memory by the language
server and on disk (`.mdnet_cache/findings-*.msgpack`, see mdnet/notestore.py) by `check`
and `report`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import cast

from msgspec import Struct

from mdnet.config import Config
from mdnet.derive.interactions import Stamp
from mdnet.notestore import NoteStore

FORMAT = 1

Found = tuple[str, int, int, str]
"""A finding kept for its note: rule code, line, column, message."""
_Value = tuple[tuple[str, ...], tuple[Found, ...]]
"""The codes of the rules that ran on the note, and what they found there."""
_STORE: NoteStore[_Value] = NoteStore("findings", _Value)


class FindingMemo(Struct, frozen=True):
    """Each note's per-note findings, derived under `key` (settings and link context)."""

    key: str
    entries: Mapping[str, tuple[Stamp, _Value]]
    dirty: frozenset[str] | None = None
    """The paths whose entries changed since the memo was read (None: all of them)."""

    def holding(self, key: str, stamps: Mapping[str, Stamp]) -> dict[str, tuple[Stamp, _Value]]:
        """The entries that still hold under this key for notes of these stamps."""
        if key != self.key:
            return {}
        held = {}
        for path, entry in self.entries.items():
            stamp = stamps.get(path)
            if stamp is not None and (
                entry[0] is stamp or (type(stamp) is tuple and stamp == entry[0])
            ):
                held[path] = entry
        return held

    def updated(
        self,
        key: str,
        held: dict[str, tuple[Stamp, _Value]],
        stamps: Mapping[str, Stamp],
        codes: tuple[str, ...],
        fresh: Iterable[str],
        found: Iterable[tuple[str, Found]],
    ) -> FindingMemo:
        """The memo of the `held` entries (see `holding`) and of the `fresh` notes, for
        which the rules `codes` found `found` ((path, finding) pairs)."""
        by_path: dict[str, list[Found]] = {path: [] for path in fresh}
        for path, finding in found:
            if path in by_path:
                by_path[path].append(finding)
        entries = dict(held)
        for path, kept in by_path.items():
            entries[path] = (stamps[path], (codes, tuple(kept)))
        # A note added or removed changes the key (it holds the vault's file list).
        return FindingMemo(key, entries, frozenset(by_path) if key == self.key else None)


EMPTY = FindingMemo("", {})


def reusable(entry: tuple[Stamp, _Value] | None, codes: tuple[str, ...]) -> bool:
    """Whether a held entry has the findings of every one of these rules."""
    if entry is None:
        return False
    ran = entry[1][0]
    return ran == codes or all(code in ran for code in codes)


def memo_key(config: Config, context: str) -> str:
    """What every note's per-note findings depend on beyond the note: the settings (all of
    them: a rule may read any) and the link context."""
    import hashlib

    text = f"{FORMAT}\0{config!r}\0{context}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def load(root: Path) -> FindingMemo:
    """The memo kept in the vault's cache folder (EMPTY when none can be read)."""
    loaded = _STORE.load(root, str(FORMAT))
    if loaded is None:
        return EMPTY
    entries = cast(Mapping[str, tuple[Stamp, _Value]], loaded.entries)
    return FindingMemo(loaded.context, entries, frozenset())


def store(root: Path, memo: FindingMemo) -> None:
    """Write the shards whose entries changed (all of them when the key did)."""
    _STORE.store(root, str(FORMAT), memo.key, memo.entries, _stored, memo.dirty)


def _stored(entry: tuple[Stamp, _Value]) -> tuple[object, _Value]:
    return entry
