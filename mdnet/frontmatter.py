"""A note's front matter: finding the YAML block, reading it, each key's place.

A block whose every line has one of the commonest shapes (a key and a text, a quoted text,
a bool, nothing, or a list of texts) is read here without YAML, with the values, places
and tags YAML's reading gives; any other goes to mdnet/yamlfront.py. Values keep the text
of dates (mdnet judges them itself), every key keeps the line and column of its value, and
`"[[...]]"` links in properties become property links."""

from __future__ import annotations

import re
from typing import Any

from msgspec import Struct, field

from mdnet.noteparts import Link, Problem
from mdnet.yamlscalars import STR, plain_tag

MAX_YAML_NODES = 20_000
MAX_YAML_DEPTH = 64


_FM_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$", re.M)
TEMPLATE = re.compile(r"\{\{|<%")
"""A Templater (`<% tp.date.now() %>`) or core Templates (`{{date}}`) placeholder."""


class FrontMatter(Struct):
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False
    """The YAML, or a value in it, could not be read (F002), or it is no mapping (F003)."""


TEMPLATE_HINT = (
    "fill it in, or if this note is a template, name its folder in Obsidian's Templates "
    'settings or in mdnet.toml (templates = ["Templates"])'
)
"""Templates are not notes: their folders come from .obsidian/ or `templates` in mdnet.toml."""


def split_front_matter(text: str, max_size: int) -> tuple[str | None, int, int, list[Problem]]:
    """Find the YAML block.

    Returns (YAML text or None, index of the first body line, first YAML line, problems)."""
    first_nl = text.find("\n")
    first = text if first_nl < 0 else text[:first_nl]
    opener = first.rstrip(" \t")
    if opener == "+++":
        end = text.find("\n+++", first_nl)
        body_line = text.count("\n", 0, end + 1) + 1 if end >= 0 else 0
        return (
            None,
            body_line,
            0,
            [
                Problem(
                    "F003",
                    1,
                    1,
                    "TOML front matter (+++) is not read; mdnet reads YAML between --- lines",
                )
            ],
        )
    if opener != "---":
        return None, 0, 0, []
    if first_nl < 0:
        return (
            None,
            1,
            0,
            [Problem("F003", 1, 1, "front matter is opened with --- but never closed")],
        )
    match = _FM_CLOSE.search(text, first_nl + 1)
    if match is None:
        return (
            None,
            0,
            0,
            [Problem("F003", 1, 1, "front matter is opened with --- but never closed")],
        )
    block = text[first_nl + 1 : match.start()]
    body_line = text.count("\n", 0, match.end()) + 1
    if len(block) > max_size:
        return (
            None,
            body_line,
            0,
            [
                Problem(
                    "F003",
                    1,
                    1,
                    f"front matter is {len(block):,} characters, over the limit of {max_size:,}",
                )
            ],
        )
    return block, body_line, 1, []


_WORD = r"[A-Za-z0-9][A-Za-z0-9_./-]*"
_QUOTED = r'"[^\x00-\x1f"\\\x7f-\x9f\u2028\u2029\ud800-\U0010ffff]*"'
"""A text in double quotes without `"`, `\\`, a control character, a character YAML reads as
a line break, or one from U+D800 up. Written as the characters it leaves out: the same set
written as the ones it takes (space to `~` and U+00A0 to U+D7FF, less four) makes Python's
`re` fill a map of those 55,000 characters, 1.7 ms more per use at every start
(tests/test_pattern_rewrites.py checks that the set is the same)."""
_KEY = r"([A-Za-z_][A-Za-z0-9_-]{0,199}):"
"""A key (YAML reads one of up to 1,024 characters on one line) and its colon."""
_SIMPLE_LINE = re.compile(
    rf"""
    {_KEY}(?:(\ +)(?:                      # 2: the spaces before the value
      ({_WORD}(?:\ {_WORD})*)              # 3: plain words
    | ({_QUOTED})                           # 4: a text in double quotes
    | \[((?:{_WORD}(?:,\ *{_WORD})*)?)\]    # 5: a list of plain words
    | \[({_QUOTED}(?:,\ *{_QUOTED})*)\]      # 6: a list of texts in double quotes
    )|\ *)\Z                               # or no value: null, or the items below
    """,
    re.VERBOSE,
)
"""A front-matter line of the commonest shape: a key, and a text, a text in double quotes,
or a list of either in brackets, or nothing; ASCII but inside the quotes."""
_ITEM_LINE = re.compile(rf"(\ {{0,8}})-(?:\ +({_WORD}(?:\ {_WORD})*|{_QUOTED}))?\ *\Z")
"""An item of a list written one per line: `- text`, `- "text"`, or `-` alone (null)."""
_IN_QUOTES = re.compile(r'"([^"]*)"')
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
"""What YAML's safe constructor makes of the texts its resolver tags bool, lower case."""


def _plain(text: str) -> tuple[bool, Any]:
    """A plain scalar's value as YAML reads it, when it is text, a bool or null: (True,
    value), else (False, None)."""
    tag = plain_tag(text)
    if tag == STR:
        return True, text
    if tag == _BOOL:
        return True, _BOOLS[text.lower()]
    if tag == _NULL:
        return True, None
    return False, None


def _simple_front_matter(block: str, first_line: int) -> FrontMatter | None:
    """The front matter `parse_front_matter` reads from a block of `_SIMPLE_LINE`s (and
    their `_ITEM_LINE`s) only, read without YAML; None for any other block (and for a link,
    which YAML's reading collects). Every key must be what YAML reads as text, every plain
    value text, a bool or null (`_plain_tag`): `12` or `0x1F` send the block to YAML."""
    if not block.endswith("\n") or "[[" in block:
        return None
    out = FrontMatter()
    meta, key_lines, offset = out.meta, out.key_lines, first_line + 1
    values = 1  # the mapping
    lines = block[:-1].split("\n")
    index, count = 0, len(lines)
    while index < count:
        m = _SIMPLE_LINE.match(lines[index])
        if m is None:
            return None
        key, spaces, plain, quoted, words, texts = m[1], m[2], m[3], m[4], m[5], m[6]
        if key in meta or plain_tag(key) != STR:
            return None  # a duplicate key, or one that is no text
        values += 2
        if spaces is None:  # no value on the line: null, or the items on the lines below
            items: list[Any] = []
            indent = None
            while index + 1 < count:
                item = _ITEM_LINE.match(lines[index + 1])
                if item is None or (indent is not None and item[1] != indent):
                    break
                if indent is None:
                    indent = item[1]
                    key_lines[key] = (index + 1 + offset, len(indent) + 1)
                text = item[2]
                if text is None:
                    items.append(None)
                elif text[0] == '"':
                    items.append(text[1:-1])
                else:
                    known, value = _plain(text)
                    if not known:
                        return None
                    items.append(value)
                index += 1
            if indent is None:
                meta[key] = None
                key_lines[key] = (index + offset, len(key) + 2)
            else:
                meta[key] = items
                values += len(items)
            index += 1
            continue
        col = len(key) + len(spaces) + 2  # where the value starts, counted from 1
        if plain is not None:
            known, value = _plain(plain)
            if not known:
                return None
            meta[key] = value
        elif quoted is not None:
            meta[key] = quoted[1:-1]
            col += 1  # inside the quotes, where the text starts
        else:
            if texts is not None:
                items = _IN_QUOTES.findall(texts)
            else:
                items = words.replace(" ", "").split(",") if words else []
                if any(plain_tag(item) != STR for item in items):
                    return None
            meta[key] = items
            values += len(items)
        key_lines[key] = (index + offset, col)
        index += 1
    return out if values <= MAX_YAML_NODES else None


def parse_front_matter(block: str, first_line: int) -> FrontMatter:
    """A front-matter block's properties, each key's place, its property links and
    problems: read without YAML when every line has one of the commonest shapes (most
    notes), else with YAML's C loader (mdnet/yamlfront.py, imported then: a run whose
    changed notes are all simple does not import PyYAML)."""
    simple = _simple_front_matter(block, first_line)
    if simple is not None:
        return simple
    from mdnet.yamlfront import parse_yaml

    return parse_yaml(block, first_line)
