"""Discovery of a vault's files and loading each note once."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from msgspec import Struct

from mdnet import replay
from mdnet.config import Config
from mdnet.listing import Listing, list_vault, take
from mdnet.note import Note, Problem, classify, parse_note
from mdnet.roots import VAULT_MARKERS as VAULT_MARKERS  # light: the CLI finds roots
from mdnet.roots import find_root as find_root
from mdnet.roots import find_vault_above as find_vault_above


class FileEntry(NamedTuple):
    """A file found in the vault: its relative path and identity (for the cache). (A
    NamedTuple: discovery makes one per note on every run that reads notes, three times
    quicker than a frozen dataclass.)"""

    path: str
    size: int
    mtime_ns: int
    problem: str | None = None
    """Why the file cannot be read, found while listing it (dangling link, permissions)."""
    ctime_ns: int = 0
    """Changes with every write, also one that sets the mtime back (for the cache)."""


class Vault(Struct, frozen=True):
    """The notes of a vault and the names of all its files."""

    root: Path
    notes: tuple[Note, ...]
    files: tuple[str, ...]
    """Every file (notes and attachments) and folder (ending in `/`), relative paths;
    excluded ones too, for links."""
    stamps: Mapping[str, tuple[int, int, int] | None] | None = None
    """Note path -> its file's (size, mtime, ctime) when read from disk, None when it changed
    too recently to be told apart from a later write (see replay.SETTLE_NS); None for a
    vault put together in memory (the language server's), whose notes are compared by
    identity."""


@lru_cache(maxsize=64)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-like glob (`**`, `*`, `?`) as a regex over `/`-separated paths.

    As in gitignore, a pattern without a `/` (`*.excalidraw.md`) matches at any depth.
    `re:REGEX` (an Obsidian "Excluded files" `/regex/`) is searched for in the path."""
    if pattern.startswith("re:"):
        try:
            return re.compile(f".*(?:{pattern[3:]})")
        except re.error:
            return re.compile(r"(?!)")  # checked when read; never matches
    out = []
    i = 0
    pattern = pattern.strip()
    if "/" not in pattern.rstrip("/"):
        out.append("(?:.*/)?")
    pattern = pattern.lstrip("/")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("^" + "".join(out) + "(?:/.*)?$", re.IGNORECASE)


def is_excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    return any(glob_regex(p).match(rel) for p in patterns)


def left_out(config: Config) -> tuple[str, ...]:
    """The patterns of files that are not notes: `exclude`, and the template folders."""
    return (*config.exclude, *("/" + folder for folder in config.templates))


def discover(
    root: Path, exclude: tuple[str, ...], listing: Listing | None = None
) -> tuple[list[FileEntry], list[str]]:
    """The Markdown files to check and every file name (for resolving links): of the vault
    as listed (by the replay key's walk in this run), else as `list_vault` finds it now.
    Directory symlinks are not followed; hidden folders are skipped."""
    if listing is None:
        listing = list_vault(root)
    excluded = [glob_regex(pattern).match for pattern in exclude]  # as is_excluded
    only: Callable[[str], object] = _never

    def any_of(rel: str) -> bool:
        return any(match(rel) for match in excluded)

    if excluded:
        only = excluded[0] if len(excluded) == 1 else any_of
    notes: list[FileEntry] = []
    every = [_shown(folder)[0] for folder in listing.folders]  # a link may point at one
    names = [name for name, _, _ in listing.files]
    try:
        "".join(names).encode("utf-8")
        every += names  # every name is valid UTF-8: shown as it is (the usual case)
        shown = None
    except UnicodeEncodeError:
        shown = [_shown(name) for name in names]
        every += [rel for rel, _ in shown]
    for n, (name, found, is_link) in enumerate(listing.files):
        if not name.lower().endswith(".md"):
            continue
        rel, bad_name = (name, False) if shown is None else shown[n]
        if only(rel):
            continue
        if isinstance(found, OSError):
            size = mtime = ctime = 0
            problem = (
                "dangling symbolic link" if is_link else f"cannot read file ({found.strerror})"
            )
        else:
            problem, (size, mtime, ctime) = None, found
        if bad_name:
            # The shown path cannot be opened, and the real one cannot be printed.
            problem = "file name is not valid UTF-8; rename the file"
        notes.append(FileEntry(rel, size, mtime, problem, ctime))
    notes.sort()  # by path: no two entries have one
    every.sort()
    return notes, every


def _never(rel: str) -> bool:
    return False


def _shown(rel: str) -> tuple[str, bool]:
    """A path as listed, as text, and whether some name in it is not valid UTF-8."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return "/".join(_printable_name(name) for name in rel.split("/")), True
    return rel, False


def _printable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates, which
    no output can encode) are shown as `\\xff`."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate that is no escaped byte (Windows)
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return name


def read_note(root: Path, entry: FileEntry, config: Config) -> Note:
    """Read and parse one note; any I/O problem becomes an F001 finding on it."""
    folders, daily = _how_to_classify(config)
    problem = entry.problem
    if problem is None and entry.size > config.max_file_size:
        problem = f"file is {entry.size:,} bytes, over the limit of {config.max_file_size:,}"
    if problem is None:
        try:
            data = _read(f"{root}/{entry.path}", entry.size, config.max_file_size + 1)
        except OSError as exc:
            problem = f"cannot read file ({exc.strerror})"
        else:
            if len(data) > config.max_file_size:
                problem = f"file is over the size limit of {config.max_file_size:,} bytes"
            else:
                return parse_note(
                    entry.path,
                    data,
                    folders=folders,
                    daily=daily,
                    max_front_matter_size=config.max_front_matter_size,
                )
    kind, daily_date = classify(entry.path, {}, folders, daily)
    return Note(
        path=entry.path,
        kind=kind,
        problems=(Problem("F001", 1, 1, problem),),
        daily_date=daily_date,
    )


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)
_CLASSIFY: list[tuple[Config, dict[str, str], re.Pattern[str]]] = []
"""The settings notes were last read with, and what `classify` takes from them."""


def _how_to_classify(config: Config) -> tuple[dict[str, str], re.Pattern[str]]:
    """`config`'s kind selectors and daily-note pattern, made once for all its notes."""
    if not _CLASSIFY or _CLASSIFY[0][0] is not config:
        _CLASSIFY[:] = [(config, config.kind_selectors(), config.daily_regex())]
    return _CLASSIFY[0][1], _CLASSIFY[0][2]


def _read(path: str, size: int, limit: int) -> bytes:
    """A file's bytes: the size seen when listing and a byte more to notice growth (reading
    `limit` at once allocates that much for every note), then, if it grew, up to `limit`.
    Read with the file descriptor alone: a buffered file object costs more to make than
    reading a note does."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        data = _read_up_to(fd, size + 1)
        if len(data) > size:
            data += _read_up_to(fd, limit - len(data))
    finally:
        os.close(fd)
    return data


def _read_up_to(fd: int, want: int) -> bytes:
    """Up to `want` bytes, fewer only at the end of the file (as a buffered read gives)."""
    data = os.read(fd, want)
    while 0 < len(data) < want:
        more = os.read(fd, want - len(data))
        if not more:
            break
        data += more
    return data


NoteLoader = Callable[[Path, list[FileEntry], Config], list[Note]]


def load_serial(root: Path, entries: list[FileEntry], config: Config) -> list[Note]:
    return [read_note(root, entry, config) for entry in entries]


def load_vault(root: Path, config: Config, loader: NoteLoader = load_serial) -> Vault:
    """Discover and parse every note of the vault (from the listing the replay key made in
    this run, if it made one)."""
    entries, every = discover(root, left_out(config), take(root))
    notes = loader(root, entries, config)
    settled = time.time_ns() - replay.SETTLE_NS
    stamps = {
        e.path: (e.size, e.mtime_ns, e.ctime_ns)
        if e.problem is None and max(e.mtime_ns, e.ctime_ns) < settled
        else None
        for e in entries
    }
    return Vault(root=root, notes=tuple(notes), files=tuple(every), stamps=stamps)
