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
from mdnet.dates import parse

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


OLD_DATE_AT_START = r"""
    [ \t]*
    (?P<open>!?\[\[(?:[^\]|#\n]*/)?)?          # [[ or [[Daily/
    (?P<date>(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2}))
    (?(open)(?:\.md)?(?:[|#][^\]\n]*)?\]\]     # ]] or |alias]] closes a link
      |(?=$|\s|[:,;—–]|-(?![0-9])))          # a bare date ends at a separator
    [ \t]*(?:[:,;—–]|-{1,2}(?![0-9]))?[ \t]*   # optional separator: - — – : , ;
    """
OLD_BARE_DATE = r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?=$|\s|[:,;—–]|-(?![0-9]))"
"""parse.DATE_AT_START and body._BARE_DATE before: the dashes in one class with `:,;`."""


def test_a_date_at_the_start_of_an_item_ends_at_the_same_separators() -> None:
    assert runs("[:,;—–]") == runs("[:,;]|[–—]")  # the classes, over every code point
    old_start, old_bare = re.compile(OLD_DATE_AT_START, re.VERBOSE), re.compile(OLD_BARE_DATE)
    bmp = EVERY[:0x10000] + "\U0001f600\U0010ffff"
    for old, new, texts in (
        (old_start, parse.DATE_AT_START, ("2026-11-02{}x", "[[2026-11-02]]{}x", "2026-11-02 {} x")),
        (old_bare, body._BARE_DATE, ("2026-11-02{}x", "2026-11-02{}")),
    ):
        for text in texts:
            for c in bmp:
                line = text.format(c)
                was, now = old.match(line), new.match(line)
                assert (was and (was.span(), was.groupdict())) == (
                    now and (now.span(), now.groupdict())
                ), line
    assert parse.leading_date("2026-11-02 — met Sam")[1] == 13  # type: ignore[index]
    assert parse.leading_date("2026-11-02—x") is not None
    assert parse.leading_date("2026-11-02x") is None
