"""Tests for mdnet.body: the line scanner's two ways through a note.

A note without a backtick, a `%%` or `<!--` comment, or a line starting with whitespace
or `~` is read by a shorter loop; any of those sends it through the full scanner. Both
must find the same links, tags, items and headings at the same places."""

from __future__ import annotations

import time
from datetime import date

import pytest

from mdnet.config import daily_pattern_regex
from mdnet.note import Note, parse_note

DAILY = daily_pattern_regex("YYYY-MM-DD")

BASE = (
    "---\n"
    "type: contact\n"
    "---\n"
    "# Plan #q1 [[Goal A]]\n"  # line 4
    "- 2026-11-02 Met [[Dana]] at ![[pic.png]] #met\n"  # line 5
    "- [x] Sent [[Eve|E]] notes ✅ 2026-11-03\n"  # line 6
    "Prose with [a link](Notes/Lisbon%20trip.md) and #idea, a#b, [[#Heading]] and [c](#x).\n"
    "met:: 2026-10-01\n"  # line 8
    "1. [[A]]#after and (#paren) and &#35;entity ![[B]]![[C]] !![[D]]\n"  # line 9
    "## Done ##\n"  # line 10
)
BASE_LINKS = [
    ("Goal A", 4, 12, "wiki"),
    ("Dana", 5, 18, "wiki"),
    ("pic.png", 5, 30, "wiki"),
    ("Eve", 6, 12, "wiki"),
    ("Notes/Lisbon trip.md", 7, 12, "markdown"),
    ("A", 9, 4, "wiki"),
    ("B", 9, 45, "wiki"),
    ("C", 9, 51, "wiki"),
    ("D", 9, 59, "wiki"),
]
BASE_TAGS = [("q1", 4), ("met", 5), ("idea", 7), ("after", 9), ("paren", 9)]

# Each sends the note through the full scanner: (extra text, the link it must find).
TRIGGERS = {
    "none": ("", None),
    "code span": ("`[[Hidden]]` and [[Real]]\n", ("Real", 12, 18)),
    "percent comment": ("%% [[Hidden]] %% [[Real]]\n", ("Real", 12, 18)),
    "html comment": ("<!-- [[Hidden]] --> [[Real]]\n", ("Real", 12, 21)),
    "indented code": ("    [[Hidden]]\n\n[[Real]]\n", ("Real", 14, 1)),
    "tilde fence": ("~~~\n[[Hidden]]\n~~~\n[[Real]]\n", ("Real", 15, 1)),
    "backtick fence": ("```\n[[Hidden]]\n```\n[[Real]]\n", ("Real", 15, 1)),
    "no-break space": ("\u00a0[[Real]]\n", ("Real", 12, 2)),
    "list continuation": ("- item\n  [[Real]]\n", ("Real", 13, 3)),
}


def parse(text: str) -> Note:
    return parse_note(
        "People/Dana.md", text.encode(), folders={}, daily=DAILY, max_front_matter_size=100_000
    )


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_plain_and_full_scanner_agree(trigger: str) -> None:
    extra, real = TRIGGERS[trigger]
    note = parse(BASE + "\n" + extra)
    links = [(lk.target, lk.line, lk.col, lk.style) for lk in note.links]
    assert links == BASE_LINKS + ([(*real, "wiki")] if real else [])
    assert list(note.tags) == BASE_TAGS
    assert [(h.line, h.level, h.text, h.col) for h in note.headings] == [
        (4, 1, "Plan #q1 [[Goal A]]", 3),
        (10, 2, "Done", 4),
    ]
    assert [(i.line, i.col, i.task, i.date, i.done, i.tags, i.section) for i in note.items][:3] == [
        (5, 3, None, date(2026, 11, 2), None, ("met",), "Plan #q1 [[Goal A]]"),
        (6, 7, "x", None, date(2026, 11, 3), (), "Plan #q1 [[Goal A]]"),
        (9, 4, None, None, None, ("after", "paren"), "Plan #q1 [[Goal A]]"),
    ]
    assert note.meta["met"] == "2026-10-01"  # the inline field of a contact
    assert note.field_lines == {"met": (8, 7)}
    assert (7, 1) in [(line, col) for line, col, _ in note.prose]
    assert [line for line, _ in note.link_lines][:1] == [7]


@pytest.mark.parametrize("slow", [False, True])
def test_embeds_and_glued_tags(slow: bool) -> None:
    note = parse("---\n---\n![[A]]![[B]] x!![[C]] #t#u\n" + ("`x`\n" if slow else ""))
    assert [(lk.target, lk.col) for lk in note.links] == [("A", 1), ("B", 7), ("C", 16)]
    assert list(note.tags) == [("t", 3)]


@pytest.mark.parametrize("slow", [False, True])
def test_leading_dates_that_do_not_exist_are_no_dates(slow: bool) -> None:
    note = parse("- 2026-02-30 x\n- 2026-02-28 y\n- [[2024-02-29]] z\n" + ("`x`\n" if slow else ""))
    assert [i.date for i in note.items] == [None, date(2026, 2, 28), date(2024, 2, 29)]


def test_a_note_without_links_or_tags_has_none() -> None:
    note = parse("# Title\n\nJust text.\n- an item\n")
    assert note.links == ()
    assert note.tags == ()
    assert [i.text for i in note.items] == ["an item"]


@pytest.mark.parametrize("start", ["- ", "x ", "[x](y) "])
def test_a_line_of_many_links_and_tags_is_read_in_linear_time(start: str) -> None:
    line = start + "[[a]] [b](c.md) #t " * 40_000
    began = time.perf_counter()
    note = parse(line + "\n")
    assert time.perf_counter() - began < 3  # quadratic in the links took minutes
    assert len(note.links) == 80_000 + (start == "[x](y) ")
    assert len(note.tags) == 40_000


def test_lines_inside_an_html_comment_hold_nothing() -> None:
    note = parse(
        "<!--\n[[Hidden]] #hidden\n- [[AlsoHidden]]\n# Not a heading\n--> [[Shown]] #shown\n"
        "<!-- mdnet-disable-next-line L001 -->\n[[Next]]\n"
    )
    assert [(lk.target, lk.line, lk.col) for lk in note.links] == [("Shown", 5, 5), ("Next", 7, 1)]
    assert list(note.tags) == [("shown", 5)]
    assert note.items == ()
    assert note.headings == ()
    assert note.suppress_lines == {7: ("L001",)}
