"""Work done by a forked copy of this process while this one goes on (issue 18): in a cold
check, the notes are parsed on the second CPU as well as here, each process taking the next
chunk of notes from a shared queue (mdnet/parallel.py), then the per-note rules run there,
followed by the notes cache's write (`later`), while this process derives the vault's state.

A fork shares everything already loaded (notes, link index, model) without copying or
pickling it; only the result comes back, through a pipe, in MessagePack. Used only where it
is safe and pays: by the console script's `check` and `report` (`ALLOWED`, set by
`mdnet.cli.main`), which run no threads and end soon, never by the language server, `check
--watch` or a program that imports mdnet (a test runner); on Linux only (macOS does not
support fork without exec in every framework; Windows has no fork); where this process may
use two CPUs or more, with twice its size of memory free. Should the copy fail in any way
(it cannot fork, dies, or sends back what does not decode), this process does the work
itself: the result is the same.

Measured cold (`check --no-cache`): at 10k notes 1.315 → 1.188 s (medians of nine runs in
turns), the copy taking 0.33 s of CPU for what takes 0.18 s here (pages written after the
fork are copied, and the copy resolves links that collecting interactions resolves here);
at 50k 7.7 → 6.7 s, with the memory of the process tree 0.58 → 0.93 GB. After a few
changed notes, sending the contact rules to a copy made a run slower (0.70 → 0.75 s at
10k): forking a process that holds the whole vault's state costs more than they do.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

ALLOWED = False
"""Set by the console script for a `check` or `report`: one thread, a short life."""

_LATER: list[Callable[[], None]] = []
"""Cache files to write before the process ends (see `later`)."""


def later(write: Callable[[], None]) -> None:
    """Have `write` done (a cache file for the next run, which nothing in this one reads) by
    the next forked copy, after its work, or else by this process when its run ends
    (`finish`); at once where no copy may be forked.

    A cold check's copy runs the per-note rules in less time than this process takes to
    derive the vault's state, so writing the notes cache and the model's file (built before
    forking) there takes them off the time the user waits (at 10k notes, 0.1 s of a 1.2 s
    run). The memos made after forking (each note's touches, the per-note findings) are
    written when the run ends. A later load reads what is on disk: a memo not written yet
    is derived again, never wrong (every entry is checked against its note's stamp)."""
    if ALLOWED:
        _LATER.append(write)
    else:
        write()


def finish() -> None:
    """Do the writes `later` left to this process (the console script, before it exits)."""
    while _LATER:
        _LATER.pop(0)()


def available() -> bool:
    """Whether work may be handed to a forked copy of this process: allowed, on Linux, two
    CPUs to run on, and memory for the copy (see `_memory`)."""
    if not (ALLOWED and sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1):
        return False
    free, used = _memory()
    return free > 2 * used


def _memory() -> tuple[int, int]:
    """The memory the system can give without swapping (MemAvailable) and this process's
    resident size, in kB; (0, 0) when they cannot be read.

    The copy shares this process's pages until either writes one; reading an object writes
    its reference count, so the copy ends up holding about as much again as what it reads
    (at 50,000 notes, 0.4 GB beside this process's 0.56 GB). Without twice this process's
    size free, the work is done here: a slower run beats a machine that swaps."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            free = next(int(line.split()[1]) for line in handle if line.startswith("MemAvailable:"))
        with open("/proc/self/statm", encoding="ascii") as handle:
            used = int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError, StopIteration):
        return 0, 0
    return free, used


def start(work: Callable[[], T], kind: Any) -> Callable[[], T]:
    """Start `work()` in a forked copy of this process (`kind`: the type of its result, as
    msgspec decodes it), or here when that is not available; returns how to get the result
    (call it once, after doing other work)."""
    if not available():
        result = work()
        return lambda: result
    import msgspec  # only here: the console script imports this module on every run

    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no more processes allowed: do it here
        os.close(read)
        os.close(write)
        result = work()
        return lambda: result
    handed = _LATER[:]  # the copy writes them (or, should it fail, this process)
    _LATER.clear()
    if pid == 0:  # the copy: do the work and the writes, send the result, leave
        # (a write the work itself leaves for later is not made here: what the copy derives,
        # this process derives too, and writes)
        code = 1
        try:
            os.close(read)
            data = msgspec.msgpack.encode(work())
            for pending in handed:
                pending()
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)

    def join() -> T:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == 0:
            try:
                decoded: T = msgspec.msgpack.decode(data, type=kind)
                return decoded
            except msgspec.MsgspecError:
                pass
        for pending in handed:
            pending()
        return work()

    return join
