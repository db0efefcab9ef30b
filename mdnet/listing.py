"""The files of a vault as discovery lists them, and how the replay key's walk hands its
listing to the discovery of the same run, so that a run walks the vault once (issue 18).

Light: the replay key (mdnet/replay.py) makes a listing before it knows whether the run will
read a note."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from msgspec import Struct

Stamp = tuple[int, int, int]
"""A file's size, mtime and ctime in nanoseconds (links followed)."""
Found = tuple[str, Stamp | OSError, bool]
"""A file: its vault-relative path, its stamp or why it could not be read, and, when it
could not, whether the file is a symbolic link."""


class Listing(Struct, frozen=True):
    """Every folder and file of a vault, hidden ones and what is in hidden folders left out,
    named as the file system gave them (not necessarily UTF-8), in no particular order."""

    root: Path
    folders: tuple[str, ...]
    """Vault-relative, each ending in `/`. A link to a folder is in neither tuple: mdnet never
    follows one."""
    files: tuple[Found, ...]


def list_vault(root: Path) -> Listing:
    """Walk the vault as it is now; an entry whose type cannot be told is left out."""
    folders: list[str] = []
    files: list[Found] = []
    stack = [("", str(root))]
    while stack:
        rel_dir, abs_dir = stack.pop()
        try:
            with os.scandir(abs_dir) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = rel_dir + name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                folders.append(rel + "/")
                stack.append((rel + "/", entry.path))
                continue
            try:
                st = entry.stat()
            except OSError as exc:
                files.append((rel, exc, entry.is_symlink()))  # no system call: known by now
                continue
            if not stat.S_ISDIR(st.st_mode):  # a link to a folder: never followed
                files.append((rel, (st.st_size, st.st_mtime_ns, st.st_ctime_ns), False))
    return Listing(root, tuple(folders), tuple(files))


_HANDED: ContextVar[Listing | None] = ContextVar("mdnet_listing", default=None)
"""The listing the replay key made in this run, until its discovery takes it."""


@contextmanager
def handed(listing: Listing) -> Iterator[None]:
    """While the block runs, the first discovery of `listing.root` uses this listing instead
    of walking the vault again. Nothing outlives the block: the language server, which loads
    the vault again and again in one process, never runs in one."""
    token = _HANDED.set(listing)
    try:
        yield
    finally:
        _HANDED.reset(token)


def take(root: Path) -> Listing | None:
    """The listing handed over for this root, once; None when there is none (walk the vault)."""
    listing = _HANDED.get()
    if listing is None or listing.root != root:
        return None
    _HANDED.set(None)
    return listing
