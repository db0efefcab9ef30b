"""One file -> Note: decoding, then its front matter and its body, and what kind it is.

The work is done in `mdnet.frontmatter` (the YAML block) and `mdnet.body` (the line
scanner); this module puts their results together into one frozen `Note`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any

from mdnet.body import scan_body
from mdnet.frontmatter import FrontMatter, parse_front_matter, split_front_matter
from mdnet.noteparts import Heading, Item, Link, Problem
from mdnet.textscan import nearest

__all__ = [
    "KINDS",
    "MODELLED_KINDS",
    "Heading",
    "Item",
    "Link",
    "Note",
    "Problem",
    "classify",
    "decode",
    "parse_note",
]

#: The kinds mdnet builds records of (model.Contact, Goal, Event): what `mdnet new` creates.
MODELLED_KINDS = ("contact", "goal", "event")
KINDS = (*MODELLED_KINDS, "meeting", "daily", "note")

_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _getstate(self: Any) -> tuple[Any, ...]:
    getter = _GETTERS.get(type(self))
    if getter is None:
        getter = _GETTERS[type(self)] = attrgetter(*self.__slots__)
    return getter(self)


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    # dataclasses' own __setstate__ calls fields() for every object: too slow for the cache.
    for put, value in zip(_SETTERS, state, strict=True):
        put(self, value)


@dataclass(frozen=True, slots=True)
class Note:
    """Everything mdnet needs from one Markdown file, read once."""

    __getstate__ = _getstate
    __setstate__ = _setstate

    path: str
    """Path relative to the vault root, with `/` separators."""
    kind: str
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Front-matter key -> (line, column) of its value in the file."""
    headings: tuple[Heading, ...] = ()
    items: tuple[Item, ...] = ()
    links: tuple[Link, ...] = ()
    tags: tuple[tuple[str, int], ...] = ()
    """(tag, line) pairs from the body, lower-case without `#`."""
    link_lines: tuple[tuple[int, str], ...] = ()
    """(line, text) of paragraph lines (not list items) that hold a link."""
    prose: tuple[tuple[int, int, str], ...] = ()
    """(line, col, text) of non-list text lines, kept for contact notes only."""
    suppress_lines: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """Line -> codes disabled on that line (from `mdnet-disable-next-line`)."""
    suppress_from: tuple[tuple[int, str], ...] = ()
    """(line, code) from `mdnet-disable`: off from that line on, and for whole-note findings."""
    field_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Property -> (line, column) of the Dataview inline field (`met:: ...`) it came from."""
    front_matter_failed: bool = False
    """The front matter, or a value in it, could not be read (F002, F003): its other
    findings would all stem from that one cause, so rules other than F report none."""
    body_line: int = 1
    problems: tuple[Problem, ...] = ()
    daily_date: date | None = None

    @property
    def stem(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name[:-3] if name.lower().endswith(".md") else name

    def all_tags(self) -> set[str]:
        """The note's tags, lower case without `#`: from its body, and from every
        front-matter key matching `/^tags?$/i` (`tags`, `Tags`, `tag`), as Obsidian reads
        them (a list, or a string of tags separated by commas or spaces)."""
        tags = {t for t, _ in self.tags}
        for key, value in self.meta.items():
            if not (isinstance(key, str) and key.lower() in ("tags", "tag")):
                continue
            if isinstance(value, str):
                tags.update(t.strip().lstrip("#").lower() for t in value.replace(",", " ").split())
            elif isinstance(value, list):
                tags.update(str(t).strip().lstrip("#").lower() for t in value)
        return tags

    def key_line(self, key: str) -> tuple[int, int]:
        """The (line, column) of a property's value (front matter or inline field), else the
        file start."""
        return self.key_lines.get(key) or self.field_lines.get(key) or (1, 1)


# --------------------------------------------------------------------------- decoding


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """Bytes -> text; a BOM is fine, anything that is not UTF-8 text is an F001 problem."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem("F001", 1, 1, "file is UTF-16 text; save it as UTF-8")
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return None, Problem("F001", line, 1, "file looks binary (NUL byte); not a Markdown note")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        return None, Problem(
            "F001",
            line,
            col,
            f"file is not UTF-8 (byte 0x{byte:02x}); re-save it as UTF-8",
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


# --------------------------------------------------------------------------- the note


def classify(
    path: str, meta: dict[str, Any], folders: dict[str, str], daily: re.Pattern[str]
) -> tuple[str, date | None]:
    """A note's kind: `type:` first, else its folder, tag or category, else a daily note.

    `folders` maps selectors (`Config.kind_selectors`: `folder:people`, `tag:person`,
    `category:people`, tried in order) to a kind; a plain `contacts` -> `People` pair is a
    folder too. `daily` (`Config.daily_regex`) is matched against the path without `.md`."""
    from mdnet.config import listed_names  # local: the rest of this module needs neither
    from mdnet.dates import daily_match_date

    dm = daily.match(path[:-3] if path.lower().endswith(".md") else path)
    daily_date = daily_match_date(dm) if dm else None
    kind_value = meta.get("type")
    if isinstance(kind_value, str) and kind_value.strip().lower() in KINDS:
        return kind_value.strip().lower(), daily_date
    lowered = path.lower()
    tags: set[str] | None = None
    categories: set[str] | None = None
    for selector, kind in folders.items():
        how, _, wanted = selector.partition(":")
        if not _:  # the plain form: kind (plural) -> folder
            how, wanted, kind = "folder", kind.lower(), selector
        if how == "folder":
            if wanted and lowered.startswith(wanted + "/"):
                return kind.rstrip("s"), daily_date
        elif how == "tag":
            tags = listed_names(meta, ("tags", "tag")) if tags is None else tags
            if any(t == wanted or t.startswith(wanted + "/") for t in tags):
                return kind, daily_date
        elif how == "category":
            if categories is None:
                categories = listed_names(meta, ("categories", "category"))
            if wanted in categories:
                return kind, daily_date
    if daily_date is not None:
        return "daily", daily_date
    return "note", None


def parse_note(
    path: str,
    data: bytes,
    *,
    folders: dict[str, str],
    daily: re.Pattern[str],
    max_front_matter_size: int,
) -> Note:
    """Parse one file's bytes into a Note. Never raises on any input."""
    text, problem = decode(data)
    if text is None:
        assert problem is not None
        kind, daily_date = classify(path, {}, folders, daily)
        return Note(path=path, kind=kind, problems=(problem,), daily_date=daily_date)
    block, body_line, fm_line, problems = split_front_matter(text, max_front_matter_size)
    unread = bool(problems)  # TOML, never closed, or too large: not read at all
    fm = parse_front_matter(block, fm_line) if block is not None else FrontMatter()
    problems.extend(fm.problems)
    kind, daily_date = classify(path, fm.meta, folders, daily)
    if "type" in fm.meta:
        value = fm.meta["type"]
        # A list-valued `type` (kepano's vault: `type: ["[[Authors]]"]`) is another scheme's
        # property, not a kind mdnet should read or judge.
        if isinstance(value, str) and "[[" not in value and value.strip().lower() not in KINDS:
            line, col = fm.key_lines["type"]
            near = nearest(value, KINDS)
            hint = f"; did you mean {near!r}?" if near else f" (known: {', '.join(KINDS)})"
            problems.append(Problem("F006", line, col, f"unknown type {value!r}{hint}"))
    lines = text.split("\n")
    body = scan_body(lines, body_line, keep_prose=kind == "contact")
    field_lines: dict[str, tuple[int, int]] = {}
    if kind == "contact" and body.fields:
        field_lines = _inline_properties(fm.meta, body.fields)
    return _note(
        (
            path,
            kind,
            fm.meta,
            fm.key_lines,
            tuple(body.headings),
            tuple(body.items),
            tuple(fm.links + body.links) if fm.links else tuple(body.links),
            tuple(body.tags),
            tuple(body.link_lines),
            tuple(body.prose),
            body.suppress_lines,
            tuple(body.suppress_from),
            field_lines,
            fm.failed or unread,
            body_line + 1,
            tuple(problems),
            daily_date,
        )
    )


_SETTERS = tuple(Note.__dict__[name].__set__ for name in Note.__slots__)
"""How to set each of a Note's fields, in order, past the frozen dataclass's guard (for
`_note` and unpickling)."""


def _note(values: tuple[Any, ...]) -> Note:
    """A Note from all its fields in order (as `Note(...)` would make it, less than half
    the time: its frozen `__init__` sets each field through `object.__setattr__`)."""
    note: Note = object.__new__(Note)
    _setstate(note, values)
    return note


CONTACT_FIELDS = (
    "name",
    "network",
    "cadence",
    "met",
    "status",
    "snooze",
    "last_contact",
    "private",
    "company",
    "role",
)
"""The properties of a contact note mdnet reads (the key-case rule F007 knows them too)."""
INLINE_FIELDS = frozenset(CONTACT_FIELDS)
"""The contact properties a Dataview inline field (`met:: 2026-11-02`) may set."""


def _inline_properties(
    meta: dict[str, Any], fields: list[tuple[str, str, int, int]]
) -> dict[str, tuple[int, int]]:
    """Add a contact's inline fields to `meta` where the front matter has no value; the
    first field of a key counts. Returns where each added property was written."""
    lines: dict[str, tuple[int, int]] = {}
    for key, value, line, col in fields:
        if key not in INLINE_FIELDS or key in lines or meta.get(key) is not None or not value:
            continue
        low = value.lower()
        meta[key] = low == "true" if low in ("true", "false") else value
        lines[key] = (line, col)
    return lines
