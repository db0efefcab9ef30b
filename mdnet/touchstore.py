"""The memo of each note's touches on disk (`.mdnet_cache/touches-*.msgpack`), so that a run
after a few changed notes collects interactions from those notes only.

An entry holds a note's file stamp (size, mtime, ctime; only notes unchanged for
`replay.SETTLE_NS` get one), the contact each of its links resolved to, and its
interactions and plans (see `mdnet.derive.interactions.Memo`). Entries are spread over
`SHARDS` files, as the notes cache is, so that an edit rewrites one or two. The file name
carries the settings touches depend on (give and ask tags, attendee keys, how notes are
classified); every file carries mdnet's code stamp. Files are MessagePack, decoded by
msgspec straight into interactions and plans with every field's type checked, as the notes
cache is: a foreign, corrupt or older file is ignored, never run. A note whose touches
MessagePack cannot hold (text that is not UTF-8) is left out, and collected next time."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import cast

import msgspec

from mdnet.cache import CACHE_DIR, SHARDS, code_stamp, shard_of, shard_path, write_shards
from mdnet.config import Config
from mdnet.derive.interactions import Memo, Touches
from mdnet.derive.records import Interaction, Planned

FORMAT = 2

_File = tuple[int, int, int]
_Stored = tuple[
    _File, tuple[str | None, ...], tuple[Interaction, ...], tuple[tuple[str, Planned], ...]
]
_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(tuple[str, str, dict[str, _Stored]])


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


def load(root: Path, config: Config) -> Memo | None:
    """The stored memo for these settings; None when there is none that can be read."""
    folder, prefix, code = root / CACHE_DIR, _prefix(config), code_stamp()
    contexts: set[str] = set()
    entries: dict[str, tuple[_File, tuple[str | None, ...], Touches]] = {}
    for number in range(SHARDS):
        try:
            stamp, context, stored = _DECODER.decode(
                shard_path(folder, prefix, number).read_bytes()
            )
        except Exception:  # missing, corrupt, truncated, foreign or too deep: collected afresh
            continue
        if stamp != code:
            continue
        for path, (file, signature, interactions, planned) in stored.items():
            entries[path] = (file, signature, Touches(interactions, planned))
        contexts.add(context)
    if not entries:
        return None
    # Shards written under other link targets: every entry's signature is checked.
    return Memo(contexts.pop() if len(contexts) == 1 else "", entries)


def _encode(code: str, context: str, entries: dict[str, _Stored]) -> bytes:
    try:
        return _ENCODER.encode((code, context, entries))
    except UnicodeEncodeError:  # a lone surrogate in some note's text: leave those out
        pass
    kept = {}
    for path, entry in entries.items():
        with contextlib.suppress(UnicodeEncodeError):
            _ENCODER.encode((path, entry))
            kept[path] = entry
    return _ENCODER.encode((code, context, kept))


def store(root: Path, config: Config, old: Memo | None, new: Memo) -> None:
    """Write the shards whose entries changed (all of them when the context did)."""
    kept: dict[str, tuple[_File, tuple[str | None, ...], Touches]] = {}
    for path, (stamp, signature, share) in new.entries.items():
        if type(stamp) is tuple:  # a file stamp; a note kept in memory is never stored
            kept[path] = (cast(_File, stamp), signature, share)
    before: Mapping[str, tuple[object, object, Touches]] = old.entries if old else {}
    if old is not None and old.context == new.context:
        changed = {
            shard_of(p) for p, e in kept.items() if p not in before or before[p][2] is not e[2]
        }
        changed |= {shard_of(p) for p in before.keys() - kept.keys()}
    else:
        changed = set(range(SHARDS))
    if not changed:
        return
    shards: dict[int, dict[str, _Stored]] = {n: {} for n in changed}
    for path, (file, signature, share) in kept.items():
        number = shard_of(path)
        if number in shards:
            shards[number][path] = (file, signature, share.interactions, share.planned)
    code = code_stamp()
    data = {n: _encode(code, new.context, entries) for n, entries in shards.items()}
    write_shards(root / CACHE_DIR, _prefix(config), data)
