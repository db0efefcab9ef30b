"""The body scanner agrees with markdown-it-py (CommonMark) on which links are outside code."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from mdnet.config import daily_pattern_regex
from mdnet.note import parse_note

WIKI = re.compile(r"\[\[([^\[\]\n]*?)\]\]")
MD = MarkdownIt("commonmark")


def markdown_it_links(text: str) -> Counter[str]:
    """Wikilink targets in text that CommonMark renders as prose (not code or raw HTML)."""
    found: Counter[str] = Counter()

    def walk(tokens: list[Token]) -> None:
        for token in tokens:
            if token.type == "inline" and token.children is not None:
                parts = []
                for child in token.children:
                    if child.type == "text":
                        parts.append(child.content)
                    elif child.type in ("softbreak", "hardbreak"):
                        parts.append("\n")
                    else:
                        parts.append(" ")
                targets = WIKI.findall("".join(parts))
                found.update(t.split("|")[0].split("#")[0].strip() for t in targets)

    walk(MD.parse(text))
    return found


def scanner_links(text: str) -> Counter[str]:
    note = parse_note(
        "n.md",
        text.encode(),
        folders={},
        daily=daily_pattern_regex("YYYY-MM-DD"),
        max_front_matter_size=100_000,
    )
    return Counter(link.target for link in note.links if link.style == "wiki")


BLOCKS = [
    "A paragraph with [[{n}]] in it.",
    "```\ncode [[{n}]]\n```",
    "~~~python\n[[{n}]]\n~~~",
    "\n    indented code [[{n}]]\n",
    "- item with [[{n}]]",
    "- item\n    - nested [[{n}]]",
    "1. numbered [[{n}]]",
    "Text `code [[{n}]]` after.",
    "Text ``a ` [[{n}]] b`` after.",
    "# Heading [[{n}]]",
    "> quoted [[{n}]]",
    "",
    "<!-- hidden [[{n}]] -->",
    "Two [[{n}a]] and [[{n}b|shown]].",
    "````\n```\n[[{n}]]\n```\n````",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(range(len(BLOCKS))), max_size=12))
def test_scanner_and_markdown_it_agree_on_links_outside_code(choice: list[int]) -> None:
    text = "\n\n".join(BLOCKS[i].format(n=f"N{k}") for k, i in enumerate(choice)) + "\n"
    assert scanner_links(text) == markdown_it_links(text), text


def test_the_reference_sees_code_as_code() -> None:
    text = "Prose [[A]].\n\n```\n[[B]]\n```\n\n    [[C]]\n\nMore `[[D]]`.\n"
    assert markdown_it_links(text) == Counter({"A": 1})
    assert scanner_links(text) == Counter({"A": 1})
