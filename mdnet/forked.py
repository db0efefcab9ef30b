"""Work done by a forked copy of this process while this one goes on: a cold check's per-note
rules run on the second CPU while this process derives the vault's state (issue 18).

A fork shares everything already loaded (notes, link index, model) without copying or
pickling it; only the result comes back, through a pipe, in MessagePack. Used only where it
is safe and pays: by the console script's `check` and `report` (`ALLOWED`, set by
`mdnet.cli.main`), which run no threads and end soon, never by the language server, `check
--watch` or a program that imports mdnet (a test runner); on Linux only (macOS does not
support fork without exec in every framework; Windows has no fork); where this process may
use two CPUs or more. Should the copy fail in any way (it cannot fork, dies, or sends back
what does not decode), this process does the work itself: the result is the same.

What it saves was measured on the 10k benchmark vault, cold (`check --no-cache`): 0.12 s of
the main process's time (its CPU time and the run's, the best of six), the copy taking 0.33 s
of CPU for what took 0.18 s here: pages written after the fork are copied, and the copy
resolves the links that collecting interactions resolves here. After a few changed notes,
sending the goal and event rules to a copy made a run 0.1-0.2 s slower: not done.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

ALLOWED = False
"""Set by the console script for a `check` or `report`: one thread, a short life."""


def available() -> bool:
    """Whether work may be handed to a forked copy of this process."""
    return ALLOWED and sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1


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
    if pid == 0:  # the copy: do the work, send it, leave without running anything else
        code = 1
        try:
            os.close(read)
            data = msgspec.msgpack.encode(work())
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
        return work()

    return join
