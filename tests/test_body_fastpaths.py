"""The parser's shortcuts find what the general reading finds: leading dates read by a
pattern chosen from the item's first character, tags of a line without links, property
links of lists of plain texts, and notes built field by field."""

from __future__ import annotations

from datetime import date

import pytest

from mdnet.config import daily_pattern_regex
from mdnet.note import Note, parse_note

DAILY = daily_pattern_regex("YYYY-MM-DD")
SLOW = "`code` sends the note through the full scanner\n"


def parse(text: str, path: str = "Notes/n.md") -> Note:
    return parse_note(path, text.encode(), folders={}, daily=DAILY, max_front_matter_size=100_000)


ITEMS = {
    "- 2026-11-02 bare": date(2026, 11, 2),
    "- 2026-11-03: colon": date(2026, 11, 3),
    "- 2026-11-04—dash": date(2026, 11, 4),
    "- 2026-11-05 - spaced dash": date(2026, 11, 5),
    "- 2026-11-06": date(2026, 11, 6),
    "- 2026-11-071 glued digit": None,
    "- 2026-11-08x glued letter": None,
    "- 2026-11-09-10 a range": None,
    "- 2026-13-01 no such month": None,
    "- [[2026-11-11]] linked": date(2026, 11, 11),
    "- [[Daily/2026/2026-11-12|Thu]] in a folder, shown as": date(2026, 11, 12),
    "- [[2026-11-13.md#Log]] with a heading": date(2026, 11, 13),
    "- ![[2026-11-14]] embedded": date(2026, 11, 14),
    "- [[2026-11-15 notes]] a longer name": None,
    "- [[a|b/2026-11-16]] shown text only": None,
    "- [link](2026-11-17) markdown": None,
    "- [x] 2026-11-18 done task": date(2026, 11, 18),
    "- [ ] [[2026-11-19]] open task": date(2026, 11, 19),
    "-\t2026-11-20 after a tab": date(2026, 11, 20),
    "1. 2026-11-21 numbered": date(2026, 11, 21),
}


@pytest.mark.parametrize("slow", [False, True])
def test_leading_dates_from_each_first_character(slow: bool) -> None:
    note = parse("\n".join(ITEMS) + "\n" + (SLOW if slow else ""))
    assert [i.date for i in note.items] == list(ITEMS.values())


@pytest.mark.parametrize("slow", [False, True])
def test_tags_of_lines_with_and_without_links(slow: bool) -> None:
    note = parse(
        "Text #Alpha #beta-2 a#b #1 #x1 &#35;no (#paren)\n"  # line 1: no link
        "[[#Heading]] #t and [x](#anchor) [[Note#Part]] #U\n"  # line 2: links with `#`
        "- item #One [[L]] #two\n"  # line 3
        "- item #three\n"  # line 4
        "Nothing here\n" + (SLOW if slow else "")
    )
    assert list(note.tags) == [
        ("alpha", 1),
        ("beta-2", 1),
        ("x1", 1),
        ("paren", 1),
        ("t", 2),
        ("u", 2),
        ("one", 3),
        ("two", 3),
        ("three", 4),
    ]
    assert [(i.line, i.tags) for i in note.items] == [(3, ("one", "two")), (4, ("three",))]
    assert [(lk.target, lk.line, lk.col) for lk in note.links] == [
        ("Note", 2, 34),
        ("L", 3, 13),
    ]


def test_property_links_in_lists_of_texts_and_others() -> None:
    note = parse(
        "---\n"
        'related: ["[[A]]", plain, "[[B|b]]"]\n'  # line 2
        "tags: [x, y]\n"  # line 3: no link
        "people:\n"
        '  - "[[C]]"\n'  # line 5
        "  - d\n"
        "up: [[D]]\n"  # line 7: unquoted, a nested list
        'mixed: [1, "[[E]]"]\n'  # line 8: not all texts
        "map: {k: '[[F]]'}\n"  # line 9
        "---\n"
    )
    # Within one property the links come last to first (as they always have).
    assert [(lk.target, lk.line, lk.col, lk.key) for lk in note.links] == [
        ("B", 2, 28, "related"),
        ("A", 2, 12, "related"),
        ("C", 5, 6, "people"),
        ("D", 7, 5, "up"),
        ("E", 8, 13, "mixed"),
        ("F", 9, 11, "map"),
    ]
    assert note.meta["related"] == ["[[A]]", "plain", "[[B|b]]"]
    assert note.meta["tags"] == ["x", "y"]
    assert note.meta["mixed"] == [1, "[[E]]"]
    assert [(p.code, p.line) for p in note.problems] == [("F005", 7)]


def test_a_parsed_note_has_every_field() -> None:
    note = parse("---\ntype: contact\naliases: [Dee]\n---\n# Dana\n- 2026-11-02 Met [[Eve]]\n")
    assert note == Note(
        path="Notes/n.md",
        kind="contact",
        meta={"type": "contact", "aliases": ["Dee"]},
        key_lines={"type": (2, 7), "aliases": (3, 10)},
        headings=note.headings,
        items=note.items,
        links=note.links,
        prose=(),
        body_line=5,
    )
    assert [(h.line, h.text) for h in note.headings] == [(5, "Dana")]
    assert [(i.line, i.date) for i in note.items] == [(6, date(2026, 11, 2))]
    assert [(lk.target, lk.line, lk.col) for lk in note.links] == [("Eve", 6, 18)]
