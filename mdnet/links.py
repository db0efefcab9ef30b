"""Resolving links as Obsidian does: paths, file names, aliases, ambiguity."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable

from msgspec import Struct

from mdnet.note import Link, Note
from mdnet.notecodec import kept_aliases


class Resolution(Struct, frozen=True):
    """Where a link goes: the chosen file, and every candidate when it is ambiguous."""

    path: str | None
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


class LinkIndex:
    """Every file of the vault by path, by name and (for notes) by alias."""

    def __init__(self, files: Iterable[str], notes: Iterable[Note]) -> None:
        self.files = tuple(files)
        """Every file and folder (`name/`) of the vault: what the tables below are made of."""
        self.by_path: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.by_alias: dict[str, list[str]] = defaultdict(list)
        self.folders: dict[str, str] = {}
        by_path, by_name = self.by_path, self.by_name
        for path in self.files:
            low = path.lower()
            if low.endswith("/"):
                self.folders[low.rstrip("/")] = path.rstrip("/")
                continue
            by_path[low] = path
            name = low.rpartition("/")[2]
            by_name[name].append(path)
            if name.endswith(".md"):
                by_name[name[:-3]].append(path)
                by_path.setdefault(low[:-3], path)
        for note in notes:
            for alias in note_aliases(note):
                self.by_alias[alias.lower()].append(note.path)
        self._cache: dict[str, dict[str | tuple[str, str], Resolution]] = {}
        """Folder of the linking note -> link (its target for a wikilink, else its target
        and style) -> where it goes."""
        self._per_note: dict[str, tuple[Resolution, ...]] = {}
        self._by_name_only: dict[str, Resolution] = {}
        """A wikilink target (as written) that names no file or one file or alias: where it
        goes from any folder (`_choose` looks at the folder only among several)."""

    def forget(self, paths: Iterable[str]) -> LinkIndex:
        """This index, for the same files and aliases, with the resolutions of these notes'
        links forgotten (their text changed)."""
        for path in paths:
            self._per_note.pop(path, None)
        return self

    def resolve(self, link: Link, source: str) -> Resolution:
        """Resolve a link written in the note at `source` (a vault-relative path)."""
        folder = source.rsplit("/", 1)[0] if "/" in source else ""
        cache = self._cache.get(folder)
        if cache is None:
            cache = self._cache[folder] = {}
        target, style = link.target, link.style
        key = target if style == "wiki" else (target, style)
        hit = cache.get(key)
        if hit is None:
            hit = cache[key] = self._resolve(target, folder, style)
        return hit

    def resolve_note(self, note: Note) -> tuple[Resolution, ...]:
        """The resolution of each of a note's links, in order; computed once per note."""
        path = note.path
        hit = self._per_note.get(path)
        if hit is None:
            # As `resolve` does for each link, with the folder found once for the note.
            folder = path.rsplit("/", 1)[0] if "/" in path else ""
            cache = self._cache.get(folder)
            if cache is None:
                cache = self._cache[folder] = {}
            get, found = cache.get, []
            for link in note.links:
                target, style = link.target, link.style
                key = target if style == "wiki" else (target, style)
                resolution = get(key)
                if resolution is None:
                    resolution = cache[key] = self._resolve(target, folder, style)
                found.append(resolution)
            hit = self._per_note[path] = tuple(found)
        return hit

    def _by_path(self, path: str) -> str | None:
        low = posixpath.normpath(path).lower().lstrip("/")
        return self.by_path.get(low)

    def _resolve(self, target: str, folder: str, style: str) -> Resolution:
        if style != "markdown":
            named = self._by_name_only.get(target)
            if named is not None:
                return named
        written = target
        target = target.strip()
        relative = target.startswith(("./", "../"))
        if style == "markdown":
            # A Markdown link is a path from the linking note's folder first (GitHub reads
            # it so), and may name a folder; then it is resolved like a wikilink.
            joined = posixpath.normpath(posixpath.join(folder, target)).lower().rstrip("/")
            found = self._by_path(joined) or self.folders.get(joined)
            if found:
                return Resolution(found, (found,))
        if "/" in target or relative:
            found = None
            if style == "markdown" or relative:
                found = self._by_path(posixpath.join(folder, target))
            found = found or self._by_path(target)
            if found:
                return Resolution(found, (found,))
            if relative:
                return Resolution(None)
            # Obsidian also matches a partial path at the end of a longer one.
            tail = "/" + target.lower().lstrip("/")
            last = tail.rsplit("/", 1)[-1]
            matches = {
                p
                for p in self.by_name.get(last, ())
                if ("/" + p.lower()).endswith(tail)
                or (p.lower().endswith(".md") and ("/" + p.lower()[:-3]).endswith(tail))
            }
            return self._choose(sorted(matches), folder)
        low = target.lower()
        candidates = sorted(set(self.by_name.get(low) or self.by_alias.get(low) or ()))
        resolution = self._choose(candidates, folder)
        if len(candidates) < 2 and style != "markdown":
            self._by_name_only[written] = resolution  # the same from every folder
        return resolution

    @staticmethod
    def _choose(candidates: list[str], folder: str) -> Resolution:
        if not candidates:
            return Resolution(None)
        if len(candidates) == 1:
            return Resolution(candidates[0], (candidates[0],))
        local = [c for c in candidates if (c.rsplit("/", 1)[0] if "/" in c else "") == folder]
        if len(local) == 1:
            return Resolution(local[0], (local[0],))
        best = min(candidates, key=lambda c: (len(c), c))
        return Resolution(best, tuple(candidates))


def note_aliases(note: Note) -> list[str]:
    """The aliases of a note, read as Obsidian reads them: from every key matching
    `/^alias(es)?$/i` (`aliases`, `Aliases`, `alias`, `Alias`), a list or a single string.
    A cached note's were read so when it was parsed, and written beside it."""
    kept = kept_aliases(note)
    if kept is not None:
        return list(kept)
    found: list[str] = []
    for key, value in note.meta.items():
        named = _NAMES_ALIASES.get(key)
        if named is None:
            named = isinstance(key, str) and key.lower() in _ALIAS_KEYS
            if len(_NAMES_ALIASES) < 4096:  # a vault has a few hundred keys at most
                _NAMES_ALIASES[key] = named
        if not named:
            continue
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            found.extend(v for v in value if isinstance(v, str) and v.strip())
    return found


_ALIAS_KEYS = frozenset(("alias", "aliases"))
_NAMES_ALIASES: dict[object, bool] = {}
"""Whether a front-matter key names aliases, by key (keys repeat from note to note)."""
