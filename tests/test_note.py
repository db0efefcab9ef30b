"""Tests for mdnet.note: one file's bytes -> Note (front matter, key lines, body facts)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import MakeVault, run
from hypothesis import given, settings
from hypothesis import strategies as st

from mdnet.config import daily_pattern_regex
from mdnet.note import Note, parse_note

DAILY = daily_pattern_regex("YYYY-MM-DD")


def parse(text: str | bytes, path: str = "Note.md", folders: dict[str, str] | None = None) -> Note:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_note(path, data, folders=folders or {}, daily=DAILY, max_front_matter_size=100_000)


def codes(note: Note) -> list[str]:
    return [p.code for p in note.problems]


def wiki_targets(note: Note) -> list[str]:
    return [link.target for link in note.links if link.style == "wiki"]


def body(text: str) -> Note:
    """A note with an empty front matter block, so body lines start at line 3."""
    return parse("---\n---\n" + text)


# --------------------------------------------------------------------------- key lines


def test_key_lines_count_the_opening_fence_as_line_one() -> None:
    note = parse(
        "---\n"
        "type: goal\n"
        'goal: "Meet 10 bloggers"\n'
        "deadline: 2026-12-31\n"
        "target:   30\n"
        "why: 'single quoted'\n"
        "---\n"
    )
    assert note.problems == ()
    assert note.key_lines == {
        "type": (2, 7),
        "goal": (3, 8),  # inside the double quotes
        "deadline": (4, 11),
        "target": (5, 11),
        "why": (6, 7),  # inside the single quotes
    }
    assert note.meta["deadline"] == "2026-12-31"  # dates stay text so F004 can judge them
    assert note.meta["target"] == 30
    assert note.key_line("missing") == (1, 1)


def test_key_line_of_a_block_list_is_its_first_item() -> None:
    note = parse("---\naliases:\n  - Dana\n  - DW\n---\n")
    assert note.meta["aliases"] == ["Dana", "DW"]
    assert note.key_lines["aliases"] == (3, 3)


def test_body_line() -> None:
    note = parse("---\ntype: note\n---\nfirst body line\nsecond\n")
    assert note.body_line == 4


def test_note_without_front_matter_is_all_body() -> None:
    note = parse("# Title\n[[Link]]\n")
    assert note.meta == {}
    assert note.problems == ()
    assert [(h.line, h.text) for h in note.headings] == [(1, "Title")]
    assert [(link.target, link.line, link.col) for link in note.links] == [("Link", 2, 1)]


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("path", "text", "kind"),
    [
        ("x.md", "---\ntype: contact\n---\n", "contact"),
        ("x.md", "---\ntype: Goal\n---\n", "goal"),
        ("People/x.md", "", "contact"),
        ("people/sub/x.md", "", "contact"),
        ("Goals/x.md", "", "goal"),
        ("Events/x.md", "", "event"),
        ("People/x.md", "---\ntype: goal\n---\n", "goal"),  # type: wins over the folder
        ("Daily/2026-11-02.md", "", "daily"),
        ("2026-11-02.md", "", "daily"),
        ("2026-13-45.md", "", "note"),  # not a real date
        ("Notes/x.md", "", "note"),
    ],
)
def test_kind(path: str, text: str, kind: str) -> None:
    folders = {"contacts": "People", "goals": "Goals", "events": "Events"}
    note = parse(text, path=path, folders=folders)
    assert note.kind == kind


def test_daily_date_from_the_file_name() -> None:
    assert parse("", path="Daily/2026-11-02.md").daily_date == date(2026, 11, 2)


# --------------------------------------------------------------------------- wikilinks


def test_every_obsidian_wikilink_form() -> None:
    note = body(
        "See [[Note]] and [[Note2|shown]] and [[Note3#Heading]] and [[Note4#^block]].\n"
        "Path [[folder/Note5]] embed ![[embed.png]].\n"
        "| a | b |\n"
        "|---|---|\n"
        "| [[Table Note\\|alias]] | x |\n"
        "[[Note6#Heading|shown text]]\n"
    )
    found = [(link.target, link.line, link.col) for link in note.links]
    assert found == [
        ("Note", 3, 5),
        ("Note2", 3, 18),
        ("Note3", 3, 38),
        ("Note4", 3, 60),
        ("folder/Note5", 4, 6),
        ("embed.png", 4, 29),
        ("Table Note", 7, 3),
        ("Note6", 8, 1),
    ]
    assert all(link.style == "wiki" for link in note.links)


@pytest.mark.parametrize(
    "text",
    [
        "Code `[[Nope]]` here\n",
        "Code ``[[Nope]] with ` inside`` here\n",
        "```\n[[Nope]]\n```\n",
        "```python\nx = '[[Nope]]'\n```\n",
        "~~~\n[[Nope]]\n~~~\n",
        "````\n```\n[[Nope]]\n```\n````\n",
        "Para\n\n    [[Nope]] indented code\n",
        "\tTab-indented [[Nope]] code\n",
        "Inline %%[[Nope]]%% comment\n",
        "%%\n[[Nope]]\nstill comment [[Nope]]\n%%\n",
        "Inline <!-- [[Nope]] --> comment\n",
        "<!--\n[[Nope]]\n-->\n",
        "[[]]\n",
    ],
)
def test_not_links(text: str) -> None:
    note = body(text + "After [[Real]]\n")
    assert wiki_targets(note) == ["Real"]


@pytest.mark.parametrize(
    "text",
    [
        "Use `%%` to start a comment. [[A]]\n[[B]]\n",
        "Type `<!--` to start an HTML comment. [[A]]\n[[B]]\n",
        "- `%%` in an item\n- [[A]]\n[[B]]\n",
    ],
)
def test_comment_markers_in_code_spans_open_no_comment(text: str) -> None:
    assert wiki_targets(body(text)) == ["A", "B"]


def test_suppression_comment_in_a_code_span_is_not_a_suppression() -> None:
    note = body("Write `<!-- mdnet-disable C004 -->` to silence C004.\n")
    assert note.suppress_from == ()


def test_fenced_code_inside_a_list_item() -> None:
    note = body("- [ ] task\n    ```\n    [[Nope]]\n    ```\n[[Real]]\n")
    assert wiki_targets(note) == ["Real"]


def test_code_block_closes_and_links_after_it_count() -> None:
    note = body("```\n[[Nope]]\n```\n[[After]]\n")
    assert [(link.target, link.line) for link in note.links] == [("After", 6)]


def test_indented_list_continuation_is_not_code() -> None:
    note = body("- item\n\n    continued [[Linked]]\n")
    assert wiki_targets(note) == ["Linked"]


def test_link_after_a_comment_on_the_same_line_keeps_its_column() -> None:
    note = body("%%hidden [[Nope]]%% then [[Real]]\n")
    assert [(link.target, link.col) for link in note.links] == [("Real", 26)]


# --------------------------------------------------------------------------- markdown links


def test_markdown_links() -> None:
    note = body(
        "[Dana](People/Dana%20Whitfield.md) and [up](../Other.md#part)\n"
        "[site](https://example.com/x.md) [mail](mailto:a@b.c) [top](#heading)\n"
        "![img](Attachments/card%20front.png)\n"
        "[spaced](<People/Sam Ortiz.md>)\n"
    )
    found = [(link.target, link.line, link.col) for link in note.links]
    assert found == [
        ("People/Dana Whitfield.md", 3, 1),
        ("../Other.md", 3, 40),
        ("Attachments/card front.png", 5, 1),
        ("People/Sam Ortiz.md", 6, 1),
    ]
    assert all(link.style == "markdown" for link in note.links)


def test_markdown_link_in_code_is_not_a_link() -> None:
    assert body("`[x](People/Dana.md)`\n").links == ()


# --------------------------------------------------------------------------- tags


def test_tags() -> None:
    note = body(
        "# Heading\n"
        "## Second heading\n"
        "Tags #tag1 and #Tag/Sub-part and #2026 and a#b and issue#3\n"
        "https://example.com/page#anchor and [[Note#Section]] and [x](Note.md#frag)\n"
        "`#code` and #last\n"
    )
    assert note.tags == (("tag1", 5), ("tag/sub-part", 5), ("last", 7))


def test_tags_are_not_read_in_code_or_comments() -> None:
    note = body("```\n#nope\n```\n%% #nope %%\n<!-- #nope -->\n#yes\n")
    assert note.tags == (("yes", 8),)


# --------------------------------------------------------------------------- headings


def test_headings() -> None:
    note = body("# One\n##Not a heading\n### Three ###\n####### seven\n  ## Indented\n")
    assert [(h.line, h.level, h.text) for h in note.headings] == [
        (3, 1, "One"),
        (5, 3, "Three"),
        (7, 2, "Indented"),
    ]


def test_heading_in_a_code_block_is_not_a_heading() -> None:
    assert body("```\n# not\n```\n").headings == ()


# --------------------------------------------------------------------------- list items


def test_list_items_with_leading_dates_and_tasks() -> None:
    note = body(
        "## Log\n"
        "- 2026-11-02 Coffee with [[Dana]] #give\n"
        "- [[2026-10-01]] Asked for feedback #ask\n"
        "* plain item\n"
        "1. numbered 2026-01-01 not leading\n"
        "- [ ] call [[Sam]]\n"
        "- [x] sent the deck ✅ 2026-11-03\n"
        "- [X] done without a date\n"
        "  - [ ] nested open task\n"
    )
    items = [(i.line, i.text, i.task, i.date, i.done, i.tags, i.section) for i in note.items]
    assert items == [
        (
            4,
            "2026-11-02 Coffee with [[Dana]] #give",
            None,
            date(2026, 11, 2),
            None,
            ("give",),
            "Log",
        ),
        (
            5,
            "[[2026-10-01]] Asked for feedback #ask",
            None,
            date(2026, 10, 1),
            None,
            ("ask",),
            "Log",
        ),
        (6, "plain item", None, None, None, (), "Log"),
        (7, "numbered 2026-01-01 not leading", None, None, None, (), "Log"),
        (8, "call [[Sam]]", " ", None, None, (), "Log"),
        (9, "sent the deck ✅ 2026-11-03", "x", None, date(2026, 11, 3), (), "Log"),
        (10, "done without a date", "X", None, None, (), "Log"),
        (11, "nested open task", " ", None, None, (), "Log"),
    ]
    open_tasks = [i.line for i in note.items if i.is_open_task]
    assert open_tasks == [8, 11]
    assert note.items[0].col == 3
    assert note.items[4].col == 7  # after "- [ ] "


def test_item_with_an_impossible_leading_date_has_no_date() -> None:
    (item,) = body("- 2026-13-45 nothing\n").items
    assert item.date is None


def test_items_in_code_blocks_are_ignored() -> None:
    assert body("```\n- 2026-11-02 not an item\n```\n").items == ()


# --------------------------------------------------------------------------- property links


def test_property_links_in_any_quoted_key() -> None:
    note = parse(
        "---\n"
        'parent: "[[Publish 30 guest posts]]"\n'
        'goal: "[[Meet 10 bloggers#Why|the goal]]"\n'
        'attendees: ["[[Dana Whitfield]]", "[[Sam Ortiz]]"]\n'
        "related:\n"
        '  - "[[First]]"\n'
        '  - "[[Second]]"\n'
        "plain: just text\n"
        "---\n"
    )
    assert note.problems == ()
    found = sorted((link.key, link.target, link.line) for link in note.links)
    assert found == [
        ("attendees", "Dana Whitfield", 4),
        ("attendees", "Sam Ortiz", 4),
        ("goal", "Meet 10 bloggers", 3),
        ("parent", "Publish 30 guest posts", 2),
        ("related", "First", 6),
        ("related", "Second", 7),
    ]
    assert all(link.style == "property" for link in note.links)
    assert note.meta["parent"] == "[[Publish 30 guest posts]]"


def test_unquoted_link_in_a_property_is_f005_but_still_a_link() -> None:
    note = parse("---\ntype: goal\nparent: [[Publish 30 guest posts]]\n---\n")
    (problem,) = note.problems
    assert (problem.code, problem.line, problem.col) == ("F005", 3, 9)
    assert '"[[Publish 30 guest posts]]"' in problem.message
    assert "parent" in problem.message
    assert [(link.target, link.key) for link in note.links] == [
        ("Publish 30 guest posts", "parent")
    ]


# --------------------------------------------------------------------------- front matter problems


@pytest.mark.parametrize(
    ("text", "code", "line", "col", "words"),
    [
        ("---\ntype: contact\nrole: CEO: Acme\n---\n", "F002", 3, 10, ""),
        ("---\ntype: contact\nname: [unclosed\n---\n", "F002", 4, 1, "invalid YAML"),
        ("---\n- a\n- b\n---\n", "F003", 2, 1, "a list"),
        ("---\njust a value\n---\n", "F003", 2, 1, "a single value"),
        ("---\nnetwork: a\nname: x\nnetwork: b\n---\n", "F003", 4, 1, "duplicate key `network`"),
        ("---\ntype: contact\nname: x\n", "F003", 1, 1, "never closed"),
        ("---", "F003", 1, 1, "never closed"),
        ("+++\ntitle = 'x'\n+++\nbody\n", "F003", 1, 1, "TOML"),
        ("---\ncreated: {{date}}\n---\n", "F002", 2, 10, "template"),
    ],
)
def test_front_matter_problems(text: str, code: str, line: int, col: int, words: str) -> None:
    note = parse(text)
    assert [(p.code, p.line, p.col) for p in note.problems] == [(code, line, col)]
    assert words in note.problems[0].message


def test_duplicate_key_names_the_first_line() -> None:
    note = parse("---\nnetwork: a\nname: x\nnetwork: b\n---\n")
    assert "first on line 2" in note.problems[0].message


def test_unsafe_yaml_tag_is_reported_and_never_executed(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    text = f'---\nx: !!python/object/apply:os.system ["echo pwned > {target}"]\ny: 1\n---\n'
    note = parse(text)
    assert not target.exists()
    (problem,) = note.problems
    assert (problem.code, problem.line, problem.col) == ("F005", 2, 4)
    assert "python/object/apply" in problem.message
    assert note.meta["y"] == 1
    assert note.meta["x"] == [f"echo pwned > {target}"]  # kept as plain text


def test_billion_laughs_is_refused_fast() -> None:
    rows = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    note = parse("---\n" + "\n".join(rows) + "\n---\n")
    assert time.perf_counter() - start < 2
    assert codes(note) == ["F002"]
    assert "alias" in note.problems[0].message
    assert note.meta == {}


@pytest.mark.parametrize("prefix", ["", "a: "])
def test_deep_nesting_is_refused_without_recursion_error(prefix: str) -> None:
    """One F002 on the front matter (lines 1-3), whether mdnet or PyYAML (>= 6.0.4) refuses it."""
    note = parse("---\n" + prefix + "[" * 5000 + "]" * 5000 + "\n---\nSee [[Dana]]\n")
    assert codes(note) == ["F002"]
    assert 1 <= note.problems[0].line <= 3
    assert note.meta == {}
    assert [link.target for link in note.links] == ["Dana"]


def test_utf8_bom_is_fine() -> None:
    note = parse(b"\xef\xbb\xbf---\ntype: goal\ngoal: Meet 5 people\n---\n")
    assert note.problems == ()
    assert note.meta == {"type": "goal", "goal": "Meet 5 people"}
    assert note.key_lines["goal"] == (3, 7)


def test_crlf_is_fine() -> None:
    note = parse(b"---\r\ntype: goal\r\ngoal: Meet 5\r\n---\r\nSee [[Dana]]\r\n")
    assert note.problems == ()
    assert note.meta == {"type": "goal", "goal": "Meet 5"}
    assert [(link.target, link.line, link.col) for link in note.links] == [("Dana", 5, 5)]


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        ("---\nname: Zoë\n---\n".encode("latin-1"), 2, "not UTF-8"),
        ("---\nname: Zoë\n---\n".encode("utf-16"), 1, "UTF-16"),
        ("---\nname: Zoë\n---\n".encode("utf-16-be"), 1, ""),  # no BOM: looks binary
        (b"line one\n\x00\x01\x02binary", 2, "binary"),
    ],
)
def test_undecodable_files_are_f001(data: bytes, line: int, words: str) -> None:
    note = parse(data)
    assert codes(note) == ["F001"]
    assert note.problems[0].line == line
    assert words in note.problems[0].message
    assert note.meta == {}


def test_latin1_column_points_at_the_bad_byte() -> None:
    note = parse("---\nname: Zoë\n---\n".encode("latin-1"))
    assert (note.problems[0].line, note.problems[0].col) == (2, 9)


def test_template_placeholder_mentions_template() -> None:
    note = parse("---\ntype: contact\ncreated: {{date}}\n---\n")
    (problem,) = note.problems
    assert (problem.code, problem.line) == ("F002", 3)
    assert "template" in problem.message.lower()


def test_empty_file_and_empty_front_matter() -> None:
    assert parse("").problems == ()
    assert parse("---\n---\n").problems == ()
    assert parse("---\n---\n").meta == {}


# --------------------------------------------------------------------------- never raises


FRONT_MATTER_PREFIXES = st.sampled_from(
    [
        "",
        "---\n",
        "---\ntype: goal\n",
        "---\ntype: contact\nname: ",
        "---\naliases: [",
        "---\nparent: [[",
        "---\n- ",
        "+++\n",
        "\ufeff---\n",
        "---\r\nkey: &a ",
        "---\na: !!python/object:x ",
        '---\ngoal: "',
        "```\n",
        "%%\n",
        "<!--\n",
    ]
)
FRONT_MATTER_SUFFIXES = st.sampled_from(["", "\n---\n", "\n---\n- [x] done ✅ 2026-11-02\n"])


def _check_problem_lines(note: Note, data: bytes) -> None:
    lines = max(1, data.count(b"\n") + 1)
    for problem in note.problems:
        assert 1 <= problem.line <= lines, problem
        assert problem.col >= 1, problem
    for link in note.links:
        assert 1 <= link.line <= lines


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_parse_note_never_raises_on_bytes(data: bytes) -> None:
    note = parse(data)
    _check_problem_lines(note, data)


@settings(max_examples=250, deadline=None)
@given(FRONT_MATTER_PREFIXES, st.text(max_size=300), FRONT_MATTER_SUFFIXES)
def test_parse_note_never_raises_on_text(prefix: str, text: str, suffix: str) -> None:
    data = (prefix + text + suffix).encode("utf-8", "surrogatepass")
    note = parse(data)
    _check_problem_lines(note, data)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "---",
                "key: value",
                "[[",
                "]]",
                "`",
                "```",
                "%%",
                "<!--",
                "-->",
                "- ",
                "#tag",
                "  ",
                "\t",
                ": ",
                "{{date}}",
                "&a",
                "*a",
                "!!str",
                "'",
                '"',
                "\n",
                "\r\n",
            ]
        ),
        max_size=40,
    )
)
def test_parse_note_never_raises_on_markdownish_tokens(tokens: list[str]) -> None:
    data = "".join(tokens).encode("utf-8")
    note = parse(data)
    _check_problem_lines(note, data)


def test_tags_are_read_from_any_case_key(make_vault: MakeVault) -> None:
    """Obsidian reads tags from any key matching /^tags?$/i: a goal that counts the
    contacts tagged `investor` counts `Tags: [investor]` and `tag: investor` too."""
    vault = make_vault(
        {
            "People/A.md": "---\nTags: [investor]\nnetwork: work\nmet: 2026-11-02\n---\n",
            "People/B.md": "---\ntag: '#investor, angel'\nnetwork: work\nmet: 2026-11-03\n---\n",
            "People/C.md": "---\ntags: [other]\nnetwork: work\nmet: 2026-11-04\n---\n",
            "People/D.md": "---\nnetwork: work\nmet: 2026-11-05\n---\nAn #investor too\n",
            "Goals/G.md": (
                "---\ndeadline: 2026-12-31\ntarget: 5\n"
                "measure: {count: contacts, tag: investor}\n---\n# Meet 5 investors\n"
            ),
        },
        config='[folders]\ncontacts = "People"\ngoals = "Goals"\n',
    )
    result = run("report", str(vault), "--format", "json")
    (goal,) = json.loads(result.stdout)["goals"]
    assert goal["progress"] == 3
