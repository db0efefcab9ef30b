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

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from mdnet.config import Config
from mdnet.derive.interactions import Stamp
from mdnet.notestore import File, Loaded, NoteStore

FORMAT = 1

Found = tuple[str, int, int, str]
"""A finding kept for its note: rule code, line, column, message."""
_Value = tuple[tuple[str, ...], tuple[Found, ...]]
"""The codes of the rules that ran on the note, and what they found there."""
_STORE: NoteStore[_Value] = NoteStore("findings", _Value)


@dataclass(frozen=True, slots=True)
class FindingMemo:
    """Each note's per-note findings, derived under `key` (settings and link context)."""

    key: str
    entries: Mapping[str, tuple[Stamp, _Value]]

    def reusable(self, key: str, path: str, stamp: Stamp, codes: Collection[str]) -> bool:
        """Whether the note's entry holds for this stamp and these rules under this key."""
        hit = self.entries.get(path) if key == self.key else None
        return hit is not None and _same(hit[0], stamp) and all(c in hit[1][0] for c in codes)

    def updated(
        self,
        key: str,
        stamps: Mapping[str, Stamp],
        codes: tuple[str, ...],
        fresh: Iterable[str],
        found: Iterable[tuple[str, Found]],
    ) -> FindingMemo:
        """This memo with the entries of the `fresh` notes replaced by what the rules
        `codes` found there (`found`: (path, finding)), and those of removed or changed
        notes dropped."""
        entries: dict[str, tuple[Stamp, _Value]] = {}
        if key == self.key:
            for path, entry in self.entries.items():
                stamp = stamps.get(path)
                if stamp is not None and _same(entry[0], stamp):
                    entries[path] = entry
        by_path: dict[str, list[Found]] = {path: [] for path in fresh}
        for path, finding in found:
            if path in by_path:
                by_path[path].append(finding)
        for path, kept in by_path.items():
            stamp = stamps.get(path)
            if stamp is not None:
                entries[path] = (stamp, (codes, tuple(kept)))
        return FindingMemo(key, entries)


EMPTY = FindingMemo("", {})


def _same(kept: Stamp, stamp: Stamp) -> bool:
    """A file's stamp (a tuple) equal to the kept one, or the very note kept in memory."""
    return kept is stamp or (type(stamp) is tuple and stamp == kept)


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
    return FindingMemo(loaded.context, cast(Mapping[str, tuple[Stamp, _Value]], loaded.entries))


def store(root: Path, old: FindingMemo, new: FindingMemo) -> None:
    """Write the shards whose entries changed (all of them when the key did)."""
    before = Loaded(old.key, cast(Mapping[str, tuple[File, _Value]], old.entries))
    _STORE.store(root, str(FORMAT), new.key, new.entries, before if old.entries else None)
