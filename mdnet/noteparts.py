"""The small records a parsed note is made of: problems, links, headings, list items.

A note holds them by the hundred thousand, so they are typed NamedTuples: immutable like
frozen dataclasses, and several times faster to load from the cache."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Problem(NamedTuple):
    """A finding detected while reading one file (codes F001-F006 and friends)."""

    code: str
    line: int
    col: int
    message: str


class Link(NamedTuple):
    """A link to another file, from the body or a front-matter property."""

    target: str
    """The link target with `#heading`, `^block` and `|shown` removed, percent-decoded."""
    line: int
    col: int
    style: str
    """`wiki`, `markdown` or `property`."""
    key: str | None = None
    """The front-matter key the link sits under (property links only)."""


class Heading(NamedTuple):
    """A Markdown ATX heading."""

    line: int
    level: int
    text: str
    col: int = 1
    """Where the heading's text starts."""


class Item(NamedTuple):
    """A list item: its text, task state, leading date and completion date."""

    line: int
    col: int
    text: str
    """The text after the bullet (and after the task box for tasks)."""
    task: str | None = None
    """None for a plain item, else the character in the box: ' ' open, 'x' done."""
    date: dt.date | None = None
    """The date the item starts with (`2026-11-02 ...` or `[[2026-11-02]] ...`)."""
    done: dt.date | None = None
    """The completion date of a task (`✅ 2026-11-02`)."""
    tags: tuple[str, ...] = ()
    section: str | None = None
    """The text of the nearest heading above the item."""

    @property
    def is_open_task(self) -> bool:
        return self.task is not None and self.task not in "xX-"


def wiki_target(inner: str) -> str:
    """`Note#Heading|shown` -> `Note` (also `\\|` as written inside tables)."""
    if "|" not in inner and "#" not in inner:
        return inner.strip()  # the common case, without building three strings
    target = inner.replace("\\|", "|").split("|", 1)[0]
    target = target.split("#", 1)[0]
    return target.strip()
