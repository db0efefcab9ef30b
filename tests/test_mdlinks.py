"""Markdown link destinations are read as CommonMark (markdown-it-py) reads them."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from conftest import MakeVault, vault_rows
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mdnet.config import daily_pattern_regex
from mdnet.mdlinks import find_markdown_links
from mdnet.note import parse_note

MD = MarkdownIt("commonmark")


def reference_targets(line: str) -> list[tuple[bool, str]]:
    """(image?, target) of each link markdown-it finds: its href without `#...` or `?...`,
    percent-decoded; links to an anchor only are no file."""
    found = []
    for token in MD.parse(line):
        for child in token.children or []:
            if child.type not in ("link_open", "image"):
                continue
            href = str(child.attrs.get("href" if child.type == "link_open" else "src", ""))
            target = unquote(href.split("#", 1)[0].split("?", 1)[0]).strip()
            if target and not href.startswith("#"):
                found.append((child.type == "image", target))
    return found


def mdnet_targets(text: str) -> list[tuple[bool, str]]:
    note = parse_note(
        "n.md",
        text.encode(),
        folders={},
        daily=daily_pattern_regex("YYYY-MM-DD"),
        max_front_matter_size=100_000,
    )
    lines = text.split("\n")  # an image's link starts at its `!`
    return [
        (lines[link.line - 1][link.col - 1] == "!", link.target)
        for link in note.links
        if link.style == "markdown"
    ]


# The pieces a destination and a title are made of, with every character CommonMark
# treats specially in them.
PIECES = st.sampled_from(
    [
        *"aBé/ \t()\\<>\"'%![]",
        ".md",
        "%20",
        "#x",
        "?q",
        "&amp;",
        "&lt;",
        "&#40;",
        "&#x29;",
        "&bogus;",
        "\\(",
        "\\)",
        "\\ ",
    ]
)
TEXT = st.text(alphabet="abc XYZ", min_size=0, max_size=6)


@st.composite
def link_lines(draw: st.DrawFn) -> str:
    parts = ["x "]
    for _ in range(draw(st.integers(1, 3))):
        bang = draw(st.sampled_from(["", "!"]))
        text = draw(TEXT)
        rest = "".join(draw(st.lists(PIECES, max_size=12)))
        close = draw(st.sampled_from([")", "", ") ", " )"]))
        parts.append(f"{bang}[{text}]({rest}{close} y ")
    line = "".join(parts)
    assume("%%" not in line)  # an Obsidian comment, which hides what follows
    assume("[[" not in line)  # an Obsidian wikilink, which CommonMark does not know
    return line


@settings(max_examples=1500, deadline=None)
@given(link_lines())
def test_markdown_link_targets_equal_markdown_it(line: str) -> None:
    assert mdnet_targets(line) == reference_targets(line)


@pytest.mark.parametrize(
    "line",
    [
        r"\[x](a)",  # an escaped bracket opens no link
        r"x [](\[](a) y ",  # nor when a link before it failed
        r"[a]\[b](c)",
        r"\\[x](a)",  # an escaped backslash, then a link
        r"\![x](a)",  # an escaped `!`: a link, not an image
        r"\\![x](a)",
        r"!\[x](a)",
    ],
)
def test_backslash_escapes_as_markdown_it_reads_them(line: str) -> None:
    assert mdnet_targets(line) == reference_targets(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("![](hadoop-(hdfs)_write.png)", [(True, "hadoop-(hdfs)_write.png")]),
        (
            "[x](Personal%20Knowledge%20Management%20(PKM).md)",
            [(False, "Personal Knowledge Management (PKM).md")],
        ),
        ("[x](<My Note.md>)", [(False, "My Note.md")]),
        (
            "[x](a.md \"a title\") and [y](b.md 't') and [z](c.md (t))",
            [(False, "a.md"), (False, "b.md"), (False, "c.md")],
        ),
        (r"[x](a\(b\).md)", [(False, "a(b).md")]),
        ("[x](a&amp;b.md)", [(False, "a&b.md")]),
        ("[x](a(b.md)", []),  # unbalanced: not a link
        ("[x](<a b.md)", []),
        ('[x](a.md "open title)', []),
    ],
)
def test_destinations(line: str, expected: list[tuple[bool, str]]) -> None:
    assert mdnet_targets(line) == expected
    assert reference_targets(line) == expected


def test_urls_and_anchors_are_no_files() -> None:
    assert mdnet_targets("[x](https://example.com/a_(b)) [y](#heading) [z](<mailto:a@b.c>)") == []


def test_links_with_parentheses_spaces_and_titles_resolve(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Notes/Personal Knowledge Management (PKM).md": "PKM\n",
            "Notes/assets/hadoop-(hdfs)_write.png": b"\x89PNG",
            "Notes/My Note.md": "x\n",
            "Notes/Index.md": (
                "See [PKM](Personal%20Knowledge%20Management%20(PKM).md).\n"
                "![](assets/hadoop-(hdfs)_write.png)\n"
                "[mine](<My Note.md> \"my note\") and [t](My%20Note.md 'title')\n"
                "[gone](Missing%20(old).md)\n"
            ),
        }
    )
    rows = [(r["code"], r["path"], r["line"], r["column"]) for r in vault_rows(vault)]
    assert rows == [("L001", "Notes/Index.md", 4, 1)]
    (message,) = [r["message"] for r in vault_rows(vault)]
    assert "Missing (old).md" in message


def test_a_vault_of_such_links_is_clean(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "A (1).md": '[b](<B 2.md> "B") ![](<img (x).png>)\n',
            "B 2.md": "[a](A%20(1).md)\n",
            "img (x).png": b"\x89PNG",
        }
    )
    assert vault_rows(vault) == []


def test_an_image_starts_at_its_bang() -> None:
    line = "x![a](b.png) !![c](d.md) ![e](f g h) [i](j.md)"
    found = [(link.start, link.end, link.destination) for link in find_markdown_links(line)]
    assert found == [(1, 12, "b.png"), (14, 24, "d.md"), (37, 46, "j.md")]
