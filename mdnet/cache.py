"""The on-disk cache of parsed notes (`.mdnet_cache/`)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import time
import zlib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from mdnet import forked, replay
from mdnet.config import Config
from mdnet.links import note_aliases
from mdnet.note import Note
from mdnet.notecodec import lazy_note, stored, unreadable
from mdnet.noteparts import Problem
from mdnet.parallel import parse_all
from mdnet.vault import FileEntry, NoteLoader, read_note

CACHE_DIR = replay.FOLDER
FORMAT = 7
SHARDS = 16
SETTLE_NS = replay.SETTLE_NS
"""A note changed this recently is parsed again next time: it may be rewritten within the
same tick of the file system's clock, keeping its size, mtime and ctime (see replay.py)."""

Entry = tuple[int, int, int, Note]
"""A cached note: the size, mtime and ctime (ns) of its file when it was parsed, and the note."""

# A shard file is one MessagePack array: [code stamp, {path: entry}, odd entries], an entry
# [size, mtime, ctime, kind, aliases, problems, note]. msgspec decodes each note's head and body
# fields into a Note's, checking every field's type, when first read (mdnet/notecodec.py),
# so a foreign or damaged file is an error, never code run or a malformed note; a note
# whose fields do not decode then is read from its file again. The few entries MessagePack
# cannot hold (an integer beyond 64 bits in the front matter, a file name with bytes that
# are not UTF-8) go, as plain values, into a pickle that may name no class at all.
_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(
    tuple[
        str,
        dict[str, tuple[int, int, int, str, tuple[str, ...], tuple[Problem, ...], msgspec.Raw]],
        bytes,
    ]
)


@cache
def code_stamp() -> str:
    """A digest of mdnet's version and every file of its package (as replay keys them): an
    edited mdnet, or another Python or set of installed packages, starts afresh. Every file
    of `.mdnet_cache/` carries it."""
    text = "\n".join(replay.code_lines())
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _prefix(config: Config) -> str:
    return f"notes-{FORMAT}-{config.parse_fingerprint()}"


def shard_of(path: str) -> int:
    """Notes are spread over SHARDS files so that a few changed notes rewrite only a few."""
    number = _SHARD_OF.get(path)
    if number is None:
        number = _SHARD_OF[path] = zlib.crc32(path.encode("utf-8", "surrogateescape")) % SHARDS
    return number


_SHARD_OF: dict[str, int] = {}
"""Each path's shard, worked out once a process: the notes cache and both stores ask."""


def shard_path(folder: Path, prefix: str, number: int) -> Path:
    return folder / f"{prefix}-{number:x}.msgpack"


def _encode(stamp: str, entries: dict[str, Entry]) -> bytes:
    stored = {p: _as_stored(e) for p, e in entries.items()}
    try:
        return _ENCODER.encode((stamp, stored, b""))
    except (OverflowError, UnicodeEncodeError, TypeError):
        pass  # some note holds what MessagePack cannot: find it and store it apart
    plain: dict[str, tuple[int, int, int, str, list[str], tuple[Problem, ...], Any]] = {}
    odd: dict[str, tuple[int, int, int, Any]] = {}
    for path, entry in entries.items():
        try:
            _ENCODER.encode((path, stored[path]))
            plain[path] = stored[path]
        except (OverflowError, UnicodeEncodeError):  # a big integer; text that is not UTF-8
            odd[path] = (*entry[:3], msgspec.to_builtins(entry[3]))
        except TypeError:
            pass  # a value of a type the parser does not make: parsed again next time
    import pickle  # here, not at start-up: odd entries are rare

    return _ENCODER.encode((stamp, plain, pickle.dumps(odd, pickle.HIGHEST_PROTOCOL)))


def _as_stored(entry: Entry) -> tuple[int, int, int, str, list[str], tuple[Problem, ...], Any]:
    """An entry as written: the note's kind, aliases and problems, and its fields in order
    (see notecodec.stored)."""
    note = entry[3]
    return (*entry[:3], note.kind, note_aliases(note), note.problems, stored(note))


def _decode_odd(data: bytes) -> dict[str, Entry]:
    import pickle  # here, not at start-up: odd entries are rare

    class PlainUnpickler(pickle.Unpickler):
        """Plain values only (str, int, float, bool, None, bytes, lists, tuples, dicts): a
        pickle that names any class or function is refused before anything is called."""

        def find_class(self, module: str, name: str) -> Any:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")

    odd = PlainUnpickler(io.BytesIO(data)).load()
    entries: dict[str, Entry] = {}
    for path, value in odd.items() if isinstance(odd, dict) else ():
        with contextlib.suppress(msgspec.ValidationError):
            if isinstance(path, str):
                entries[path] = msgspec.convert(value, Entry)
    return entries


def _load(
    path: Path, stamp: str | None = None, reparse: Callable[[str], Note] = unreadable
) -> dict[str, Entry]:
    """The notes of one shard (`reparse`: how to read a note whose body does not decode)."""
    try:
        got, raw, odd = _DECODER.decode(path.read_bytes())
        if got != (code_stamp() if stamp is None else stamp):
            return {}
        entries: dict[str, Entry] = {
            p: (size, mtime, ctime, lazy_note(p, kind, aliases, problems, data, reparse))
            for p, (size, mtime, ctime, kind, aliases, problems, data) in raw.items()
        }
        if odd:
            entries.update(_decode_odd(odd))
    except Exception:  # corrupt, truncated, foreign or of another version: start afresh
        return {}
    return entries


def _store(folder: Path, prefix: str, shards: dict[int, dict[str, Entry]], stamp: str) -> None:
    """Write the given shards of notes."""
    write_shards(folder, prefix, ((n, _encode(stamp, entries)) for n, entries in shards.items()))


def write_shards(folder: Path, prefix: str, shards: Iterable[tuple[int, bytes]]) -> None:
    """Write shard files atomically (`PREFIX-N.msgpack`), then drop the files of the same
    kind (the prefix up to its first `-`) written by other versions or settings. Each
    shard is encoded as it is written (`shards` may be a generator): the whole notes cache
    of a 50k vault is 80 MB, one shard a sixteenth of it."""
    import tempfile  # here, not at start-up: a run that writes nothing does not need it

    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by mdnet\n*\n", encoding="utf-8")
        for number, data in shards:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".msgpack")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, shard_path(folder, prefix, number))
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        kind = prefix.split("-", 1)[0]
        for stale in folder.glob(f"{kind}-*"):
            if not stale.name.startswith(prefix + "-"):
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only vault still gets checked, only slower next time


def cached_loader(use_cache: bool) -> NoteLoader:
    """A note loader that reuses parsed notes whose path, size, mtime and ctime are unchanged
    (and were so for `SETTLE_NS` when they were parsed)."""

    def load(root: Path, entries: list[FileEntry], config: Config) -> list[Note]:
        if not use_cache:
            return parse_all(root, entries, config)
        forked.finish()  # what an earlier load of this process left to write, first
        settled = time.time_ns() - SETTLE_NS
        folder, prefix, stamp = root / CACHE_DIR, _prefix(config), code_stamp()
        old: dict[str, Entry] = {}

        def reparse(path: str) -> Note:
            return read_note(root, next(e for e in entries if e.path == path), config)

        for number in range(SHARDS):
            old.update(_load(shard_path(folder, prefix, number), stamp, reparse))
        fresh: dict[str, Entry] = {}
        notes: dict[str, Note] = {}
        todo: list[FileEntry] = []
        for entry in entries:
            hit = old.get(entry.path)
            if (
                hit
                and entry.problem is None
                and hit[0] == entry.size
                and hit[1] == entry.mtime_ns
                and hit[2] == entry.ctime_ns
            ):
                fresh[entry.path] = hit
                notes[entry.path] = hit[3]
            else:
                todo.append(entry)
        kept: list[str] = []  # parsed, and old enough to be told apart from a later write
        for entry, parsed in zip(todo, parse_all(root, todo, config), strict=True):
            notes[entry.path] = parsed
            if entry.problem is None:  # an unreadable name: tried each time
                old_enough = max(entry.mtime_ns, entry.ctime_ns) < settled
                fresh[entry.path] = (
                    entry.size,
                    entry.mtime_ns if old_enough else -1,
                    entry.ctime_ns,
                    parsed,
                )
                if old_enough:
                    kept.append(entry.path)
        # A note changed too recently is written (as parsed again next time) only with its
        # shard's other changes: the entry it replaces no longer matches its stamp either, so
        # a pre-commit right after an edit rewrites no shard for it.
        changed = {shard_of(p) for p in kept} | {shard_of(p) for p in old.keys() - fresh.keys()}
        if changed:
            shards: dict[int, dict[str, Entry]] = {n: {} for n in changed}
            for path, value in fresh.items():
                number = shard_of(path)
                if number in shards:
                    shards[number][path] = value
            forked.later(lambda: _store(folder, prefix, shards, stamp))
        return [notes[e.path] for e in entries]

    return load


def clean(root: Path) -> bool:
    """Remove the vault's cache folder; True when there was one."""
    folder = root / CACHE_DIR
    if not folder.is_dir():
        return False
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    return True
