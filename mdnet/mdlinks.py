"""Markdown inline links as CommonMark reads them: `[text](destination "title")`.

The destination and title rules are those of markdown-it-py, which the tests compare with:
balanced parentheses (`(PKM).md`), `<...>` destinations with spaces, titles in `"`, `'` or
`(...)`, backslash escapes and entity references. Scanning is linear in the line's length
(no regex here can backtrack), and importing markdown-it itself would cost more start-up
time than all of mdnet's parser."""

from __future__ import annotations

import re
from typing import NamedTuple

# `[text](`: the text may hold escaped brackets and one level of balanced brackets. It
# starts with its literal `[` so that the regex engine jumps from one `[` to the next; an
# image's `!` is read from the character before.
_OPEN = re.compile(r"\[(?:[^\[\]\n\\]|\\.|\[[^\[\]\n]*\])*+\]\(")
_DEST_STOP = re.compile(r"[\x00-\x20\x7f()\\]")
_POINTY = re.compile(r"<((?:[^<>\n\\]|\\.)*+)>")
_TITLES = {
    '"': re.compile(r'"((?:[^"\\]|\\.)*+)"'),
    "'": re.compile(r"'((?:[^'\\]|\\.)*+)'"),
    "(": re.compile(r"\(((?:[^()\\]|\\.)*+)\)"),
}
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|&([A-Za-z#][A-Za-z0-9]{1,31});")
_NUMERIC = re.compile(r"#(?:([0-9]{1,8})|[xX]([0-9a-fA-F]{1,8}))")
_MAX_NESTING = 32
"""Parentheses nested deeper than this end the destination (as in markdown-it)."""


class MarkdownLink(NamedTuple):
    """One inline link or image: its span in the line and its unescaped destination."""

    start: int
    end: int
    destination: str


def find_markdown_links(text: str) -> list[MarkdownLink]:
    """Every `[text](destination)` and `![alt](destination)` in one line, left to right."""
    found: list[MarkdownLink] = []
    pos = 0
    while True:
        m = _OPEN.search(text, pos)
        if m is None:
            return found
        start = m.start()
        parsed = None if _escaped(text, start) else _after_open(text, m.end())
        if parsed is None:  # `\[` is a bracket, not a link's
            pos = start + 1
            continue
        if start > pos and text[start - 1] == "!" and not _escaped(text, start - 1):
            start -= 1  # an image: `![alt](...)`
        end, destination = parsed
        found.append(MarkdownLink(start, end, destination))
        pos = end


def _after_open(text: str, pos: int) -> tuple[int, str] | None:
    """Parse `  destination  "title"  )` from `pos`: (end of the link, destination)."""
    n = len(text)
    pos = _skip_spaces(text, pos)
    if pos >= n:
        return None
    destination = ""
    parsed = _destination(text, pos)
    if parsed is not None:
        pos, destination = parsed
        start = pos
        pos = _skip_spaces(text, pos)
        title = _TITLES.get(text[pos]) if pos < n and pos != start else None
        found = title.match(text, pos) if title else None
        if found:
            pos = _skip_spaces(text, found.end())
    if pos >= n or text[pos] != ")":
        return None
    return pos + 1, destination


def _skip_spaces(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " \t":
        pos += 1
    return pos


def _destination(text: str, pos: int) -> tuple[int, str] | None:
    """A destination at `pos`: (its end, its unescaped text), or None when there is none."""
    if text[pos] == "<":
        pointy = _POINTY.match(text, pos)
        return (pointy.end(), unescape(pointy.group(1))) if pointy else None
    start, n, level = pos, len(text), 0
    while True:
        stop = _DEST_STOP.search(text, pos)
        if stop is None:
            pos = n
            break
        pos = stop.start()
        char = text[pos]
        if char == "\\" and pos + 1 < n:
            if text[pos + 1] == " ":
                break
            pos += 2
        elif char == "\\":
            pos += 1
        elif char == "(":
            level += 1
            if level > _MAX_NESTING:
                return None
            pos += 1
        elif char == ")" and level:
            level -= 1
            pos += 1
        else:  # a space, a control character or an unbalanced `)`
            break
    if pos == start or level:
        return None
    return pos, unescape(text[start:pos])


def unescape(text: str) -> str:
    """Backslash escapes and entity references, as CommonMark reads them in a destination."""
    if "\\" not in text and "&" not in text:
        return text
    return _UNESCAPE.sub(_unescape_one, text)


def _unescape_one(m: re.Match[str]) -> str:
    if m.group(1):
        return m.group(1)
    name = m.group(2)
    number = _NUMERIC.fullmatch(name)
    if number:
        code = int(number[1], 10) if number[1] else int(number[2], 16)
        return chr(code) if _valid_code(code) else m.group()
    from html.entities import html5  # a named entity in a link is rare: not at every start

    return html5.get(name + ";", m.group())


def _valid_code(code: int) -> bool:
    """markdown-it's isValidEntityCode: no surrogates, non-characters or most controls."""
    if 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFF in (0xFFFF, 0xFFFE):
        return False
    if code <= 0x08 or code in (0x0B,) or 0x0E <= code <= 0x1F or 0x7F <= code <= 0x9F:
        return False
    return code <= 0x10FFFF


def _escaped(text: str, pos: int) -> bool:
    """Whether the character at `pos` follows an odd number of backslashes."""
    start = pos
    while start and text[start - 1] == "\\":
        start -= 1
    return (pos - start) % 2 == 1
