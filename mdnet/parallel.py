"""Parsing many notes at once (a cold run) across processes, with the same result as
parsing them one by one: on two CPUs this process and a forked copy (mdnet/forked.py) take
chunks of notes from one queue; on more, a pool of workers takes shares of them."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import msgspec

from mdnet import forked
from mdnet.config import Config
from mdnet.note import Note
from mdnet.vault import FileEntry, read_note

PARALLEL_MIN = 1500
"""Below this many notes to parse, starting worker processes costs more than it saves."""
_ENCODER = msgspec.msgpack.Encoder()
_NOTES = msgspec.msgpack.Decoder(list[Note])


def _parse_chunk(args: tuple[Path, list[FileEntry], Config]) -> bytes:
    """A worker's notes, sent back in MessagePack (a few times cheaper to encode and decode
    than a pickle), or pickled when one of them holds what MessagePack cannot; the first
    byte says which."""
    root, entries, config = args
    notes = [read_note(root, e, config) for e in entries]
    try:
        return b"M" + _ENCODER.encode(notes)
    except (OverflowError, UnicodeEncodeError):
        import pickle  # here, not at start-up: such notes are rare

        return b"P" + pickle.dumps(notes, pickle.HIGHEST_PROTOCOL)


def _received(part: bytes) -> list[Note]:
    """The notes `_parse_chunk` sent (from a process this one started: a pickle is safe)."""
    if part[:1] == b"M":
        return _NOTES.decode(part[1:])
    import pickle

    notes: list[Note] = pickle.loads(part[1:])
    return notes


def _chunks(items: list[FileEntry], n: int) -> Iterator[list[FileEntry]]:
    size = max(1, -(-len(items) // n))
    for start in range(0, len(items), size):
        yield items[start : start + size]


def parse_all(root: Path, entries: list[FileEntry], config: Config) -> list[Note]:
    """Parse notes, across processes when there are many (same result as a serial run).

    This process parses its own share while the others parse theirs: on two CPUs a forked
    copy (mdnet/forked.py) where the console script allows one, else a pool of workers."""
    workers = min(os.cpu_count() or 1, 8)
    if len(entries) < PARALLEL_MIN or workers < 2:
        return [read_note(root, e, config) for e in entries]
    if workers == 2 and forked.available():  # one copy: no pool to start and shut down
        return _parse_shared(root, entries, config)
    from concurrent.futures import ProcessPoolExecutor  # only cold runs of large vaults

    # Workers send their notes back in MessagePack, which this process decodes in a small
    # fraction of the time parsing them takes; so every process takes an equal share.
    # Shares are interleaved (kinds of notes cluster by folder, and some kinds cost more to
    # parse).
    mine_idx = list(range(0, len(entries), workers))
    rest_idx = [i for i in range(len(entries)) if i % workers]
    rest = [entries[i] for i in rest_idx]
    jobs = [(root, chunk, config) for chunk in _chunks(rest, (workers - 1) * 2)]
    notes: list[Note | None] = [None] * len(entries)
    try:
        with ProcessPoolExecutor(max_workers=workers - 1) as pool:
            futures = pool.map(_parse_chunk, jobs)
            for i in mine_idx:
                notes[i] = read_note(root, entries[i], config)
            theirs = [n for part in futures for n in _received(part)]
    except (OSError, RuntimeError):  # no processes allowed here: parse in this one
        return [read_note(root, e, config) for e in entries]
    for i, parsed in zip(rest_idx, theirs, strict=True):
        notes[i] = parsed
    return [n for n in notes if n is not None]


CHUNK = 32
"""Notes a process takes from the shared queue at a time (`_parse_shared`): a few ms of
parsing, so that neither process waits long for the other's last chunk."""


def _parse_shared(root: Path, entries: list[FileEntry], config: Config) -> list[Note]:
    """Parse notes in this process and a forked copy, both taking the next chunk of notes
    from one queue until none is left, so each parses as many as it has time for (a copy
    may run slower: its CPU shares a core, or it copies the pages it touches).

    The queue is a pipe holding each chunk's number in 4 bytes, closed for writing before
    the copy is forked: Linux reads a pipe under a lock, so a 4-byte read takes one whole
    number and the two processes never take the same chunk; an empty pipe reads as its end.
    The copy sends each chunk's notes, in MessagePack, through a second pipe as soon as it
    has parsed them, and this process decodes what has come between its own chunks: the
    queue shares out decoding too, and what is left when the queue is empty is the copy's
    last chunk. Any chunk the copy took and did not send (it failed) is parsed here."""
    size = max(CHUNK, -(-len(entries) // 4096))  # at most 16 KB of numbers: a pipe holds 64
    chunks = [entries[start : start + size] for start in range(0, len(entries), size)]
    queue, filling = os.pipe()
    try:
        os.write(filling, b"".join(k.to_bytes(4, "little") for k in range(len(chunks))))
    finally:
        os.close(filling)
    inbox, sending = os.pipe()
    with contextlib.suppress(OSError):  # the copy then waits less for this process to read
        import fcntl

        fcntl.fcntl(sending, fcntl.F_SETPIPE_SZ, 1 << 20)
    here = os.getpid()

    def taken() -> Iterator[int]:
        while number := os.read(queue, 4):
            yield int.from_bytes(number, "little")

    def theirs() -> list[tuple[int, bytes]]:
        kept = []
        for k in taken():
            part = _parse_chunk((root, chunks[k], config))
            if os.getpid() == here:  # no copy could be forked: the work is done here
                kept.append((k, part))
            else:
                _send(sending, len(part).to_bytes(4, "little") + k.to_bytes(4, "little") + part)
        return kept

    parsed: dict[int, list[Note]] = {}
    frames = _Frames(inbox)
    try:
        pending = forked.start(theirs, list[tuple[int, bytes]])
        os.close(sending)  # the copy holds its own: the inbox ends when the copy does
        sending = -1
        for k in taken():
            parsed[k] = [read_note(root, e, config) for e in chunks[k]]
            parsed.update((j, _received(part)) for j, part in frames.read(wait=False))
        parsed.update((j, _received(part)) for j, part in frames.read(wait=True))
        parsed.update((k, _received(part)) for k, part in pending())
    finally:
        for fd in (queue, inbox, sending):
            if fd >= 0:
                os.close(fd)
    for k, chunk in enumerate(chunks):
        if k not in parsed:  # taken by a copy that failed
            parsed[k] = [read_note(root, e, config) for e in chunk]
    return [note for k in range(len(chunks)) for note in parsed[k]]


def _send(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class _Frames:
    """The (chunk number, notes) frames a parsing copy sends, as they come: each a 4-byte
    length, a 4-byte chunk number and what `_parse_chunk` made. A frame cut short (the copy
    died while sending it) is left out."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = bytearray()
        os.set_blocking(fd, False)

    def read(self, wait: bool) -> Iterator[tuple[int, bytes]]:
        """The whole frames that have come (wait: all until the copy ends)."""
        if wait:
            os.set_blocking(self.fd, True)
        while True:
            try:
                data = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                break
            if not data:
                break
            self.buffer += data
        buffer, at = self.buffer, 0
        while len(buffer) - at >= 8:
            size = int.from_bytes(buffer[at : at + 4], "little")
            end = at + 8 + size
            if end > len(buffer):
                break
            yield int.from_bytes(buffer[at + 4 : at + 8], "little"), bytes(buffer[at + 8 : end])
            at = end
        del buffer[:at]
