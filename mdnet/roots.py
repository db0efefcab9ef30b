"""Where a vault's root is: the nearest folder marked as a vault, else a git work tree.

Light on purpose (no note, configuration or parser imports): `mdnet check` finds the root
before it knows whether its stored output can be replayed (see mdnet/replay.py)."""

from __future__ import annotations

from pathlib import Path

VAULT_MARKERS = ("mdnet.toml", ".obsidian")


def find_vault_above(folder: Path) -> Path | None:
    """The folder itself when it is marked as a vault, else the nearest marked one above."""
    start = folder.resolve()
    for candidate in (start, *start.parents):
        if any((candidate / marker).exists() for marker in VAULT_MARKERS):
            return candidate
    return None


def find_root(path: Path) -> Path:
    """The vault holding `path`: the nearest folder upward with mdnet.toml or .obsidian,
    else the nearest git work tree, else the path's own folder."""
    start = (path if path.is_dir() else path.parent).resolve()
    found = find_vault_above(start)
    if found is not None:
        return found
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start
