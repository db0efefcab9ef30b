"""Each note's part of the model kept on disk (`.mdnet_cache/model-*.msgpack`), so that a run
after a few changed notes builds the contacts, goals and events of those notes only, and
opens no other note's front matter for them.

A note's part (its contact, goal or event, and the problems found building it: F004, F005,
C007) depends on the note alone and on the settings named in the file name (how notes are
classified, the birthday and anniversary keys). How entries are kept, and why a foreign or
older file is never run: mdnet/notestore.py."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from mdnet.config import Config
from mdnet.model import Part
from mdnet.notestore import NoteStore

FORMAT = 1

_STORE: NoteStore[Part] = NoteStore("model", Part)


def _settings(config: Config) -> str:
    return "\n".join(
        [str(FORMAT), config.parse_fingerprint(), config.birthday_key, config.anniversary_key]
    )


def load(root: Path, config: Config) -> Mapping[str, tuple[object, Part]]:
    """The kept parts by note path, each with its note's file stamp (none when none can
    be read)."""
    loaded = _STORE.load(root, _settings(config))
    return loaded.entries if loaded is not None else {}


def store(
    root: Path,
    config: Config,
    old: Mapping[str, tuple[object, Part]],
    new: Mapping[str, tuple[object, Part]],
) -> None:
    """Write the shards whose entries were added, changed or removed since `old`."""
    dirty = {p for p, e in new.items() if old.get(p) is not e} | (old.keys() - new.keys())
    if dirty:
        _STORE.store(root, _settings(config), "", new, _entry, dirty)


def _entry(entry: tuple[object, Part]) -> tuple[object, Part]:
    return entry
