"""Replay: the whole output of a read-only command, reused while none of its inputs changed.

The key covers everything a `check`, `due` or `report` run reads: mdnet's version and code
(every file of the package) and the installed packages, the request (command, options, paths
as given and as resolved, the current folder, `today`), every file of the vault (path, size,
mtime and ctime in nanoseconds, inode; hidden folders but `.obsidian/` and `.mdnet/` skipped,
as mdnet skips them), every folder, the root's own hidden files (the baseline), and the
config files and markers mdnet looks for in the root's parents. On a hit the stored output is
printed without reading a note, the configuration or the rules; on a miss the run's discovery
lists the vault from this walk (mdnet/listing.py) instead of walking it again.

A result is stored only when every file it read was last changed at least `SETTLE_NS` before
the run started. A file rewritten in place within one tick of the file system's clock with
the same size keeps its size, mtime, ctime and inode; only a file that old can no longer be
rewritten unseen. Entries are a JSON header and text: nothing in them can run code.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import sysconfig
import time
import warnings
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from mdnet import __version__

if TYPE_CHECKING:
    from mdnet.listing import Found, Listing

FOLDER = ".mdnet_cache"
"""Shared with the cache of parsed notes (`mdnet clean` removes both)."""
FORMAT = 1
KEEP = 6
"""Results kept per vault, the least recently used dropped first: the whole vault, the last
pre-commit file sets, a report and a due list do not evict each other."""
SETTLE_NS = 3_000_000_000
"""Files changed more recently than this before a run keep its result from being stored
(FAT's mtime has a resolution of two seconds; ext4's and tmpfs's, a clock tick)."""
MARKERS = ("mdnet.toml", "pyproject.toml", ".obsidian", ".git")
"""What mdnet looks for in the root and its parents (the vault, its config, the notice)."""
SETTINGS = ".obsidian"
CHURN = frozenset({"workspace.json", "workspace-mobile.json"})
"""`.obsidian/` files Obsidian rewrites as you click around, which mdnet never reads."""

Output = tuple[str, str, int]
"""stdout, stderr, exit code."""


def covers(rel: str) -> bool:
    """Whether the fingerprint stats the file at this vault-relative path."""
    parts = rel.split("/")
    if parts[0] == SETTINGS:
        if len(parts) == 2:
            return parts[1] not in CHURN
        return len(parts) == 4 and parts[1] == "plugins" and parts[3] == "data.json"
    if parts[0] == ".mdnet":
        return True  # templates of the report
    if len(parts) == 1:
        return True  # the root's own files, hidden ones too (the baseline)
    return not any(p.startswith(".") for p in parts)


def _enters(rel: str) -> bool:
    """Whether the walk goes into this folder: hidden ones only for what mdnet reads there."""
    parts = rel.split("/")
    if parts[0] == SETTINGS:
        return len(parts) == 1 or (parts[1] == "plugins" and len(parts) <= 3)
    return parts[0] == ".mdnet" or not any(p.startswith(".") for p in parts)


def _stat_line(rel: str, full: str) -> tuple[str, int]:
    """One file's identity and when it last changed (0 when it cannot be read)."""
    try:
        st = os.stat(full)
    except OSError as exc:
        return f"{rel}\0!{exc.errno}", 0
    if stat.S_ISDIR(st.st_mode):
        return f"{rel}\0d", 0  # what is in it is walked, or not read (.git)
    line = f"{rel}\0f{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}"
    return line, max(st.st_mtime_ns, st.st_ctime_ns)


def _listing(
    root: Path, lines: list[str], files: list[Found], aside: dict[str, Found | None]
) -> Listing:
    """The vault as discovery lists it (`listing.list_vault`), from the walk's lines (its
    folders), the files it stat'ed outside hidden folders, and what discovery needs that
    they do not say (`aside`: the files that could not be read, the entries whose type could
    not be told): made only when the run reads notes, so a replay pays nothing for it."""
    from mdnet.listing import Listing  # only here: a replay does not import it

    # The root's hidden entries and what the hidden folders hold start with a dot.
    folders = [line for line in lines if line[-1] == "/" and line[0] != "."]
    if aside:
        files = [f for f in files if f[0] not in aside]
        files += [f for rel, f in aside.items() if f is not None and rel[0] != "."]
    return Listing(root, tuple(folders), tuple(files))


def _walk(root: Path) -> tuple[list[str], int, list[Found], dict[str, Found | None]]:
    """Every file and folder of the vault the key covers, the newest change among them, and
    what discovery needs to list the vault from them (see `_listing`): the stamps of the
    files outside hidden folders, and `aside`.

    The same choice as `covers` and `_enters`, asked of them only in the root and the hidden
    folders mdnet reads: below the root, in any other folder (none of its parts hidden, or it
    would not be entered), an entry is covered unless its own name is hidden."""
    lines: list[str] = []
    newest = 0
    files: list[Found] = []
    aside: dict[str, Found | None] = {}
    stack = [("", str(root))]
    while stack:
        rel_dir, abs_dir = stack.pop()
        try:
            with os.scandir(abs_dir) as listing:
                entries = list(listing)
        except OSError as exc:
            lines.append(f"{rel_dir}\0!{exc.errno}")
            continue
        plain = rel_dir != "" and not rel_dir.startswith((f"{SETTINGS}/", ".mdnet/"))
        for entry in entries:
            name = entry.name
            rel = rel_dir + name
            if plain and name[0] == ".":
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
                aside[rel] = None  # what it is cannot be told: discovery leaves it out
            if is_dir:
                if plain or _enters(rel):
                    lines.append(rel + "/")
                    stack.append((rel + "/", entry.path))
                continue
            if not (plain or covers(rel)):
                continue
            try:
                st = os.stat(entry.path)
            except OSError as exc:
                lines.append(f"{rel}\0!{exc.errno}")
                if rel not in aside:
                    aside[rel] = (rel, exc, entry.is_symlink())  # known by now: no system call
                continue
            if stat.S_ISDIR(st.st_mode):
                lines.append(f"{rel}\0d")  # a link to a folder: not walked
                continue
            size, mtime, ctime = st.st_size, st.st_mtime_ns, st.st_ctime_ns
            lines.append(f"{rel}\0f{size}\0{mtime}\0{ctime}\0{st.st_ino}")
            if rel[0] != ".":
                files.append((rel, (size, mtime, ctime), False))
            if mtime > newest or ctime > newest:
                newest = max(mtime, ctime)
    lines.sort()
    return lines, newest, files, aside


@cache
def code_lines() -> tuple[str, ...]:
    """mdnet's version, each file of the package, Python and its installed packages: read
    once a process (the replay key and each store of `.mdnet_cache/` ask; the code a
    process runs is the code it read at start)."""
    lines = [__version__, sys.version, sys.executable]
    folders = [os.path.dirname(__file__)]
    while folders:  # depth first, names in order: as os.walk with sorted names, but quicker
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is left out
        inner = []
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__" and not entry.is_symlink():
                    inner.append(entry.path)
            elif not entry.name.endswith((".pyc", ".pyo")):
                lines.append(_stat_line(entry.path, entry.path)[0])
        folders.extend(reversed(inner))
    paths = sysconfig.get_paths()
    for where in sorted({paths["purelib"], paths["platlib"]}):  # sorted: the same every run
        lines.append(_stat_line(where, where)[0])  # changes when a package is (un)installed
    return tuple(lines)


def _around(root: Path, extra: Iterable[Path]) -> tuple[list[str], int]:
    """The markers and config files in the root's parents, and files named by the request."""
    lines, newest = [], 0
    full = root.resolve()
    for folder in (full, *full.parents):
        for marker in MARKERS:
            line, changed = _stat_line(str(folder / marker), str(folder / marker))
            lines.append(line)
            newest = max(newest, changed)
    for path in extra:
        line, changed = _stat_line(str(path), str(path))
        lines.append(line)
        newest = max(newest, changed)
    return lines, newest


def key(root: Path, request: str, extra: Iterable[Path] = ()) -> tuple[str, bool]:
    """The replay key of a request on this vault, and whether its result may be stored
    (no file it covers changed within `SETTLE_NS` before now)."""
    digest, settled, _ = _key(root, request, extra)
    return digest, settled


def _key(
    root: Path, request: str, extra: Iterable[Path]
) -> tuple[str, bool, Callable[[], Listing]]:
    """`key`, and how to list the vault from its walk (for the discovery of the same run)."""
    import hashlib  # only here: a run that does not replay does not import it

    start = time.time_ns()
    lines, newest, files, aside = _walk(root)
    around, newest_around = _around(root, extra)
    text = "\n".join([f"mdnet-replay {FORMAT}", request, *code_lines(), *around, "", *lines])
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    settled = max(newest, newest_around) < start - SETTLE_NS
    return digest, settled, lambda: _listing(root, lines, files, aside)


def _entry(root: Path, digest: str) -> Path:
    return root / FOLDER / f"replay-{digest[:32]}.bin"


def load(root: Path, digest: str) -> tuple[Output, tuple[str, ...]] | None:
    """The stored output and settings warnings for this key; None when there is none, or it
    is corrupt, foreign or of another format."""
    path = _entry(root, digest)
    try:
        data = path.read_bytes()
        head, _, rest = data.partition(b"\n")
        meta = json.loads(head)
        if not (isinstance(meta, dict) and meta.get("format") == FORMAT):
            return None
        if meta.get("key") != digest:
            return None
        code, out, err, notes = meta["code"], meta["stdout"], meta["stderr"], meta["warnings"]
        if not (type(code) is int and type(out) is int and type(err) is int):
            return None
        if not (isinstance(notes, list) and all(isinstance(n, str) for n in notes)):
            return None
        if out < 0 or err < 0 or len(rest) != out + err:
            return None
        stdout = rest[:out].decode("utf-8", "surrogatepass")
        stderr = rest[out:].decode("utf-8", "surrogatepass")
    except (OSError, ValueError, KeyError, TypeError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return (stdout, stderr, code), tuple(notes)


def store(root: Path, digest: str, output: Output, notes: tuple[str, ...]) -> None:
    """Write an entry atomically and drop the least recently used beyond `KEEP`."""
    import tempfile  # only here: a replayed run does not import it

    stdout, stderr, code = output
    out = stdout.encode("utf-8", "surrogatepass")
    err = stderr.encode("utf-8", "surrogatepass")
    meta = {"format": FORMAT, "key": digest, "code": code, "stdout": len(out), "stderr": len(err)}
    meta["warnings"] = list(notes)
    folder = root / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by mdnet\n*\n", encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".bin")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(json.dumps(meta).encode("ascii") + b"\n" + out + err)
            os.replace(tmp, _entry(root, digest))
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        entries = []
        for old in folder.glob("replay-*.bin"):
            with contextlib.suppress(OSError):
                entries.append((old.stat().st_mtime_ns, old))
        for _, old in sorted(entries, reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only vault is still checked, only never replayed


def replay(
    root: Path, request: str, compute: Callable[[], Output], extra: Iterable[Path] = ()
) -> Output:
    """`compute()`, or its stored result when nothing it reads has changed since.

    Settings warnings (`SettingsWarning`) raised while computing are stored and raised again
    on a replay; a result that raised any other warning is not stored."""
    from mdnet.errors import SettingsWarning

    digest, settled, listed = _key(root, request, tuple(extra))
    found = load(root, digest)
    if found is not None:
        output, notes = found
        for message in notes:
            warnings.warn(message, SettingsWarning, stacklevel=2)
        return output
    from mdnet.listing import handed

    with warnings.catch_warnings(record=True) as caught, handed(listed()):
        warnings.simplefilter("always")
        output = compute()  # its discovery takes the listing: the vault is walked once
    others = [w for w in caught if not issubclass(w.category, SettingsWarning)]
    for w in caught:
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if settled and not others:
        store(root, digest, output, tuple(str(w.message) for w in caught))
    return output
