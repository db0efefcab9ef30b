"""The memo of each note's touches on disk (`.mdnet_cache/touches-*.pickle`), so that a run
after a few changed notes collects interactions from those notes only.

An entry holds a note's file stamp (size, mtime, ctime; only notes unchanged for
`replay.SETTLE_NS` get one), the contact each of its links resolved to, and its
interactions and plans (see `mdnet.derive.interactions.Memo`). Entries are spread over
`SHARDS` files, as the notes cache is, so that an edit rewrites one or two. The file name
carries the settings touches depend on (give and ask tags, attendee keys, how notes are
classified); every file carries mdnet's code stamp. Only mdnet's own records and dates can
be read back: a foreign, corrupt or older file is ignored, never run."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import tempfile
import zlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from mdnet import replay
from mdnet.config import Config
from mdnet.derive import records
from mdnet.derive.interactions import Memo, Touches

FORMAT = 1
SHARDS = 16
FOLDER = replay.FOLDER

_Entry = tuple[tuple[int, int, int], tuple[str | None, ...], Touches]
_Stored = tuple[object, tuple[str | None, ...], tuple[Any, ...], tuple[Any, ...]]
_ALLOWED = {("datetime", "date"): date} | {
    ("mdnet.derive.records", name): getattr(records, name) for name in ("Interaction", "Planned")
}


class _SafeUnpickler(pickle.Unpickler):
    """Only interactions, plans and dates: a foreign file can never run code."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return found


def _prefix(config: Config) -> str:
    settings = "\n".join(
        [
            config.parse_fingerprint(),
            *sorted(config.give_tags),
            "",
            *sorted(config.ask_tags),
            "",
            *sorted(k.lower() for k in config.attendee_keys),
        ]
    )
    digest = hashlib.blake2b(settings.encode("utf-8", "surrogatepass"), digest_size=8)
    return f"touches-{FORMAT}-{digest.hexdigest()}"


def _shard(path: str) -> int:
    return zlib.crc32(path.encode("utf-8", "surrogateescape")) % SHARDS


def _code() -> str:
    return "\n".join(replay.code_lines())


def load(root: Path, config: Config) -> Memo | None:
    """The stored memo for these settings; None when there is none that can be read."""
    folder, prefix, code = root / FOLDER, _prefix(config), _code()
    contexts: set[str] = set()
    entries: dict[str, _Entry] = {}
    for number in range(SHARDS):
        try:
            data = (folder / f"{prefix}-{number:x}.pickle").read_bytes()
            stamp, context, stored = _SafeUnpickler(io.BytesIO(data)).load()
            if stamp != code or not isinstance(context, str) or not isinstance(stored, dict):
                continue
            for path, (file, signature, interactions, planned) in stored.items():
                if not all(type(v) is tuple for v in (file, signature, interactions, planned)):
                    raise TypeError(path)
                entries[path] = (file, signature, Touches(interactions, planned))
        except Exception:  # missing, corrupt, truncated or foreign: those notes are collected
            continue
        contexts.add(context)
    if not entries:
        return None
    # Shards written under other link targets: every entry's signature is checked.
    return Memo(contexts.pop() if len(contexts) == 1 else "", entries)


def store(root: Path, config: Config, old: Memo | None, new: Memo) -> None:
    """Write the shards whose entries changed (all of them when the context did)."""
    kept = {
        path: entry
        for path, entry in new.entries.items()
        if type(entry[0]) is tuple  # a file stamp; a note kept in memory is never stored
    }
    before: Mapping[str, tuple[object, object, Touches]] = old.entries if old else {}
    if old is not None and old.context == new.context:
        changed = {
            _shard(p) for p, e in kept.items() if p not in before or before[p][2] is not e[2]
        }
        changed |= {_shard(p) for p in before.keys() - kept.keys()}
    else:
        changed = set(range(SHARDS))
    if not changed:
        return
    shards: dict[int, dict[str, _Stored]] = {n: {} for n in changed}
    for path, (file, signature, share) in kept.items():
        number = _shard(path)
        if number in shards:
            shards[number][path] = (file, signature, share.interactions, share.planned)
    folder, prefix, code = root / FOLDER, _prefix(config), _code()
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by mdnet\n*\n", encoding="utf-8")
        for number, entries in shards.items():
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump((code, new.context, entries), handle, pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, folder / f"{prefix}-{number:x}.pickle")
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        for stale in folder.glob("touches-*.pickle"):
            if not stale.name.startswith(prefix + "-"):
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only vault is still checked, only slower next time
