"""Tests for mdnet.frontmatter: the shortcuts taken on plain YAML keep every guarantee.

Front matter without an alias (`*`) is a tree, checked in one pass; texts and lists of
texts are read straight from the nodes; plain scalars' tags are remembered. Tags, anchors,
aliases, merge keys, deep nesting and huge lists must still give the same findings."""

from __future__ import annotations

from typing import Any

import pytest

from mdnet.config import daily_pattern_regex
from mdnet.note import Note, parse_note

DAILY = daily_pattern_regex("YYYY-MM-DD")


def parse(yaml_text: str) -> Note:
    data = ("---\n" + yaml_text + "---\nbody\n").encode()
    return parse_note("n.md", data, folders={}, daily=DAILY, max_front_matter_size=200_000)


def problems(note: Note) -> list[tuple[str, int, int]]:
    return [(p.code, p.line, p.col) for p in note.problems]


def test_plain_values_keep_their_types_and_places() -> None:
    note = parse(
        "a: true\nb: 'true'\nc: 1_000\nd: 2026-11-02\ne: ~\nf: ''\ng:\nh: 0x1F\nj: 1:30\n"
        "t: [a, \"b\", 'c']\nu: [a, 1, true, null, 2026-11-02]\n"
    )
    expected: dict[str, Any] = {
        "a": True,
        "b": "true",
        "c": 1000,
        "d": "2026-11-02",  # dates stay text
        "e": None,
        "f": "",
        "g": None,
        "h": 31,
        "j": 90,  # YAML 1.1 sexagesimal
        "t": ["a", "b", "c"],
        "u": ["a", 1, True, None, "2026-11-02"],
    }
    assert note.meta == expected
    assert note.key_lines["b"] == (3, 5)
    assert note.key_lines["u"] == (12, 4)
    assert note.problems == ()
    again = parse("x: true\ny: 2026-11-02\n")  # the same texts a second time
    assert again.meta == {"x": True, "y": "2026-11-02"}


def test_the_commonest_lines_are_read_as_yaml_reads_them() -> None:
    # Every line a key and a text, a quoted text or a list of either: read without YAML.
    note = parse(
        "type: contact\n"
        'name: "Ada Ramírez — #1: [x]"\n'
        'aliases: ["Ada R.", "A, R",""]\n'
        "tags: [newsletter,  saas, 2026-10]\n"
        "met:   2026-10-01\n"
        "empty: []\n"
        "last-contact: 2026-11-02 by phone\n"
    )
    assert note.meta == {
        "type": "contact",
        "name": "Ada Ramírez — #1: [x]",
        "aliases": ["Ada R.", "A, R", ""],
        "tags": ["newsletter", "saas", "2026-10"],
        "met": "2026-10-01",
        "empty": [],
        "last-contact": "2026-11-02 by phone",
    }
    assert list(note.key_lines.items()) == [
        ("type", (2, 7)),
        ("name", (3, 8)),
        ("aliases", (4, 10)),
        ("tags", (5, 7)),
        ("met", (6, 8)),
        ("empty", (7, 8)),
        ("last-contact", (8, 15)),
    ]
    assert note.problems == ()
    assert note.links == ()


def test_lists_one_item_a_line_bools_and_nulls_are_read_as_yaml_reads_them() -> None:
    # The shape of obsidian-hub's notes: read without YAML too.
    note = parse(
        "aliases:\n"
        "- Ulises Santana\n"
        '- "U. S."\n'
        "tags:\n"
        "- \n"
        "publish: true\n"
        "draft: No\n"
        "empty:\n"
        "none:   \n"
        "nested:\n"
        "  - a/b\n"
        "  -\n"
        "permalink: bases/functions\n"
    )
    assert note.meta == {
        "aliases": ["Ulises Santana", "U. S."],
        "tags": [None],
        "publish": True,
        "draft": False,
        "empty": None,
        "none": None,
        "nested": ["a/b", None],
        "permalink": "bases/functions",
    }
    assert list(note.key_lines.items()) == [
        ("aliases", (3, 1)),
        ("tags", (6, 1)),
        ("publish", (7, 10)),
        ("draft", (8, 8)),
        ("empty", (9, 7)),
        ("none", (10, 6)),
        ("nested", (12, 3)),
        ("permalink", (14, 12)),
    ]
    assert note.problems == ()


@pytest.mark.parametrize(
    ("text", "found", "meta"),
    [
        ("a:\n- x\n  - y\n", [], {"a": ["x - y"]}),  # one text over two lines
        ("a:\n  - x\n- y\n", [("F002", 4, 1)], {}),
        ("a:\n- 12\n", [], {"a": [12]}),
        ("a:\n- x: y\n", [], {"a": [{"x": "y"}]}),
        ("a:\n-x\n", [("F002", 4, 1)], {}),
        ("a: x\n- y\n", [("F002", 3, 1)], {}),
    ],
)
def test_lines_of_items_yaml_reads_otherwise_are_left_to_it(
    text: str, found: list[tuple[str, int, int]], meta: dict[str, Any]
) -> None:
    note = parse(text)
    assert problems(note) == found
    assert note.meta == meta


@pytest.mark.parametrize(
    ("text", "found", "meta"),
    [
        ("a: x\nb: 10\n", [], {"a": "x", "b": 10}),
        ("a: x\nb: no\n", [], {"a": "x", "b": False}),
        ("a: [x, 1, null]\n", [], {"a": ["x", 1, None]}),
        ("a: x\ntrue: y\n", [("F005", 3, 1)], {"a": "x"}),
        ("a: x\na: y\n", [("F003", 3, 1)], {"a": "y"}),
        ('a: "x\u2028 y"\n', [], {"a": "x\u2028y"}),  # YAML folds a line break
        ('a: "x"  \n', [], {"a": "x"}),
        ("a: x\n\nb: y\n", [], {"a": "x", "b": "y"}),
        ("a: [" + ", ".join(["w"] * 19_998) + "]\n", [("F002", 1, 1)], {}),
    ],
)
def test_lines_yaml_reads_otherwise_are_left_to_it(
    text: str, found: list[tuple[str, int, int]], meta: dict[str, Any]
) -> None:
    note = parse(text)
    assert problems(note) == found
    assert note.meta == meta


def test_a_quoted_link_in_a_simple_line_is_a_property_link() -> None:
    note = parse('type: event\nattendees: ["[[Dana]]", "Sam"]\n')
    assert [(lk.target, lk.line, lk.col, lk.key) for lk in note.links] == [
        ("Dana", 3, 14, "attendees")
    ]


@pytest.mark.parametrize(
    ("text", "found", "meta"),
    [
        ("key: =\n", [("F005", 2, 6)], {"key": "="}),  # YAML's `value` tag
        ('x: !custom [a, "[[B]]"]\n', [("F005", 2, 4)], {"x": ["a", "[[B]]"]}),
        ("x: !!str 123\n", [], {"x": "123"}),
        ("base: {a: 1}\n<<: {b: 2}\n", [("F005", 3, 1)], {"base": {"a": 1}, "<<": {"b": 2}}),
        ("x: !!str [a]\n", [("F002", 2, 4)], {}),
    ],
)
def test_tags_and_merge_keys_are_still_reported(
    text: str, found: list[tuple[str, int, int]], meta: dict[str, Any]
) -> None:
    note = parse(text)
    assert problems(note) == found
    assert note.meta == meta


def test_an_alias_shares_its_anchor_value_and_its_links() -> None:
    note = parse('a: &x "[[A]]"\nb: *x\nc: &l [1]\nd: [*l, *l]\n')
    assert note.meta == {"a": "[[A]]", "b": "[[A]]", "c": [1], "d": [[1], [1]]}
    assert [(lk.target, lk.line, lk.col, lk.key) for lk in note.links] == [
        ("A", 2, 5, "a"),
        ("A", 2, 5, "b"),
    ]
    assert note.problems == ()


@pytest.mark.parametrize(("levels", "fails"), [(62, False), (63, True)])
def test_nesting_limit_is_exact(levels: int, fails: bool) -> None:
    note = parse("a: " + "[" * levels + "x" + "]" * levels + "\n")
    assert note.front_matter_failed is fails
    assert ("F002", 1, 1) in problems(note) if fails else "a" in note.meta


@pytest.mark.parametrize(("items", "fails"), [(19_997, False), (19_998, True)])
def test_value_count_limit_is_exact(items: int, fails: bool) -> None:
    note = parse("a: [" + ",".join(["1"] * items) + "]\n")
    assert note.front_matter_failed is fails
    assert problems(note) == ([("F002", 1, 1)] if fails else [])


@pytest.mark.parametrize(("pairs", "fails"), [(9_998, False), (9_999, True)])
def test_value_count_limit_counts_keys_and_values_of_mappings(pairs: int, fails: bool) -> None:
    note = parse("a: {" + ", ".join(f"k{n}: 1" for n in range(pairs)) + "}\n")
    assert note.front_matter_failed is fails
    assert problems(note) == ([("F002", 1, 1)] if fails else [])


@pytest.mark.parametrize(("levels", "fails"), [(62, False), (63, True)])
def test_nesting_limit_counts_mappings(levels: int, fails: bool) -> None:
    note = parse("a: " + "{k: " * levels + "x" + "}" * levels + "\n")
    assert note.front_matter_failed is fails


def test_a_value_that_cannot_be_built_is_f002_and_left_out() -> None:
    note = parse("a: ok\nc: {[x]: 1}\n")
    assert problems(note) == [("F002", 3, 4)]
    assert note.meta == {"a": "ok"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("type: goal\n0\r\x85\n", (5, 1)),  # U+0085 breaks a YAML line, not a file line
        ("a: x\u2028b: y\nc: [\n", (4, 1)),
        ("a: x\nc: [\n", (4, 1)),
    ],
)
def test_invalid_yaml_is_placed_by_file_lines(text: str, place: tuple[int, int]) -> None:
    note = parse(text)
    assert problems(note) == [("F002", *place)]
