"""Note names as file names, and writing a file that must not exist yet."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from mdnet.errors import UsageError
from mdnet.fsutil import write_atomic

_FORBIDDEN = set('/\\:*?"<>|#^[]')
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def note_filename(name: str) -> str:
    """A note name as a file name (`Dana Whitfield` -> `Dana Whitfield.md`), or UsageError.

    Names are refused rather than silently changed: a character that cannot be in a file
    name on some system, or that breaks an Obsidian link (`# ^ [ ] |`), a control
    character, a leading dot (a hidden file, also `..`), or a trailing dot or space."""
    stem = name.strip()
    if stem.lower().endswith(".md"):
        stem = stem[:-3].rstrip()
    if not stem:
        raise UsageError("the note needs a name")
    bad = sorted({c for c in stem if c in _FORBIDDEN})
    if bad:
        shown = " ".join(bad)
        raise UsageError(
            f"a note name cannot contain {shown} (it is a file name and a link target): {name!r}"
        )
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in stem):
        raise UsageError(f"a note name cannot contain control characters: {name!r}")
    if stem.startswith("."):
        raise UsageError(f"a note name cannot start with a dot (a hidden file): {name!r}")
    if stem.endswith("."):
        raise UsageError(f"a note name cannot end with a dot: {name!r}")
    if stem.split(".")[0].lower() in _RESERVED:
        raise UsageError(f"{stem!r} is a reserved file name on Windows; choose another name")
    if len(stem.encode("utf-8")) > 200:
        raise UsageError("a note name must be shorter than 200 bytes")
    return stem + ".md"


def inside(root: Path, path: Path) -> bool:
    """True when `path` (symbolic links followed) is in the folder `root`."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, atomically, with the usual permissions."""
    if path.exists() or path.is_symlink():
        raise UsageError(f"{path} exists; not overwriting it")
    write_atomic(path, text)
