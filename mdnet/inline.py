"""Links and tags in one line of prose: the body scanner's last step, once code spans and
comments are blanked.

The regular expressions start with their literal (`[[`, `[`, `#`), so that the regex engine
jumps from one candidate to the next instead of trying the pattern at every position (5-10x
faster than starting with `(!?)` or a lookbehind): a wikilink's `!` is read from the
character before its `[[`, and a tag's "not glued to a word" test looks back from after its
`#`."""

from __future__ import annotations

import re
from urllib.parse import unquote

from mdnet.mdlinks import find_markdown_links
from mdnet.noteparts import Link, wiki_target

WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]*?)\]\]")
"""A wikilink or embed as the scanner reads it: group 1 the `!`, group 2 what is inside."""
_WIKI_BRACKETS = re.compile(WIKILINK.pattern.removeprefix("(!?)"))
_TAG = re.compile(r"#(?<![\w/&#\\]#)([\w/-]*[^\W\d][\w/-]*)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")

_new = tuple.__new__
"""Builds a Link from all its fields in order, without NamedTuple's slower keyword handling."""


def _md_target(raw: str) -> str | None:
    """An unescaped destination -> the vault path it names, or None for URLs and anchors."""
    if not raw or raw.startswith("#") or _SCHEME.match(raw):
        return None
    raw = raw.split("#", 1)[0].split("?", 1)[0]
    return unquote(raw).strip() or None


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span, in order and apart, replaced by spaces."""
    parts: list[str] = []
    kept = 0
    for start, end in spans:
        parts.extend((text[kept:start], " " * (end - start)))
        kept = end
    parts.append(text[kept:])
    return "".join(parts)


def scan_links(
    text: str, lineno: int, links: list[Link], found: list[tuple[str, int]]
) -> tuple[str, ...]:
    """Wikilinks, then Markdown links, then tags in what is left, of one line: links are
    added to `links`, (tag, line) pairs to `found`, and the line's tags are returned."""
    spans: list[tuple[int, int]] = []
    if "[" in text and "[[" in text:
        for m in _WIKI_BRACKETS.finditer(text):
            start, end = m.span()
            if start and text[start - 1] == "!":
                start -= 1  # an embed: `![[...]]`
            inner = m.group(1)
            name = inner.strip() if "|" not in inner and "#" not in inner else wiki_target(inner)
            if name:
                links.append(_new(Link, (name, lineno, start + 1, "wiki", None)))
            spans.append((start, end))
    if "]" in text and "](" in text:
        wiki_spans = len(spans)
        if wiki_spans:
            text = blank_spans(text, spans)  # `[x [[a]] y](b)`: a wikilink is link text
        for md in find_markdown_links(text):
            target = _md_target(md.destination)
            if target:
                links.append(_new(Link, (target, lineno, md.start + 1, "markdown", None)))
            spans.append((md.start, md.end))
        if wiki_spans and len(spans) > wiki_spans:
            spans.sort()
    if "#" not in text:
        return ()
    if not spans:  # no link on the line: every tag found is one
        tags = [tag.lower() for tag in _TAG.findall(text)]
        if not tags:
            return ()
        found.extend([(tag, lineno) for tag in tags])
        return tuple(tags)
    # What is a link is no tag. A tag cannot reach into or out of a link (its characters
    # are no brackets), so a tag starting outside every link is one as it stands. Tags and
    # links both come left to right: one walk over the two (linear, however many).
    tags = []
    k, n = 0, len(spans)
    for m in _TAG.finditer(text):
        at = m.start()
        while k < n and spans[k][1] <= at:
            k += 1
        if k == n or at < spans[k][0]:
            tags.append(m.group(1).lower())
    if not tags:
        return ()
    found.extend([(tag, lineno) for tag in tags])
    return tuple(tags)
