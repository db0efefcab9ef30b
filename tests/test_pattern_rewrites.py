"""Patterns rewritten to compile faster at start-up (issue 18) accept exactly what they did.

Python's `re` compiles a character class that names characters above U+00FF by filling a
map of 65,536 entries in Python, one per character of its ranges; the classes below are
written another way (as the characters they leave out, or compiled on first use). Each test
compares the pattern as it is now with the pattern as it was, kept here as text, over every
code point (0 to U+10FFFF) where a character class changed."""

from __future__ import annotations

import re
from collections.abc import Callable

from mdnet import body, frontmatter

EVERY = "".join(map(chr, range(0x110000)))
"""Every code point, surrogates included (Python strings hold them)."""


def taken(accepts: Callable[[str], bool]) -> list[int]:
    """The code points a test accepts, tried one by one."""
    return [i for i, c in enumerate(EVERY) if accepts(c)]


def runs(pattern: str) -> list[tuple[int, int]]:
    """The runs of code points a one-character pattern accepts, found over EVERY at once."""
    return [m.span() for m in re.finditer(f"(?:{pattern})+", EVERY)]


def spans(points: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in points:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


OLD_QUOTED_CLASS = r"[\ !\#-\[\]-~\xa0-\u2027\u202a-\ud7ff]"
"""frontmatter._QUOTED's class before: the characters it takes."""


def test_the_quoted_text_of_a_simple_front_matter_line_takes_the_same_characters() -> None:
    before = runs(OLD_QUOTED_CLASS)
    assert before[0] == (0x20, 0x22) and before[-1] == (0x202A, 0xD800)  # the control
    simple, item = frontmatter._SIMPLE_LINE, frontmatter._ITEM_LINE
    for accepts in (
        lambda c: simple.match(f'k: "{c}"') is not None,
        lambda c: simple.match(f'k: ["a", "{c}"]') is not None,
        lambda c: simple.match(f'k: ["{c}", "a"]') is not None,
        lambda c: item.match(f'  - "{c}"') is not None,
    ):
        assert spans(taken(accepts)) == before


def test_a_simple_front_matter_line_outside_quotes_is_unchanged() -> None:
    simple, item = frontmatter._SIMPLE_LINE, frontmatter._ITEM_LINE
    assert simple.match('name: "Dana Smith"')[4] == '"Dana Smith"'  # type: ignore[index]
    assert simple.match('aliases: ["D. S", "Dana"]')[6] == '"D. S", "Dana"'  # type: ignore[index]
    assert item.match('  - "café ☕"')[2] == '"café ☕"'  # type: ignore[index]
    for line in ('k: "a"b"', 'k: "a\\"', 'k: "\u2028"', 'k: "\U0001f600"', 'k: "\ue000"'):
        assert simple.match(line) is None, line


def test_the_characters_that_make_a_body_line_not_plain_are_the_fences_and_whitespace() -> None:
    """body._NOT_PLAIN, written out: what it was computed from at import before."""
    computed = frozenset("`~") | frozenset(c for c in map(chr, range(0x3001)) if c.isspace())
    assert computed == body._NOT_PLAIN
    assert {c for c in EVERY if c.isspace()} < body._NOT_PLAIN  # none above U+3000
