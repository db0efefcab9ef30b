"""Positions: mdnet's 1-based line/character columns to LSP ranges, and where links are."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types as lsp
from msgspec import Struct

from mdnet.body import WIKILINK
from mdnet.diagnostics import Diagnostic
from mdnet.note import Link

_MARKDOWN = re.compile(
    r"!?\[[^\[\]\n]*\]\((?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)[^)\n]*\)"
)
_QUOTED = re.compile(r"'([^'\n]+)'|`([^`\n]+)`|(\[\[[^\[\]\n]+\]\])")
_WORD = re.compile(r"\S+")


class Codec:
    """Character columns to the client's units (UTF-16 unless it chose UTF-8 or UTF-32)."""

    def __init__(self, encoding: str | None) -> None:
        self.encoding = (encoding or "utf-16").lower()

    def units(self, text: str) -> int:
        if self.encoding == "utf-8":
            return len(text.encode("utf-8", "surrogatepass"))
        if self.encoding == "utf-32":
            return len(text)
        return len(text.encode("utf-16-le", "surrogatepass")) // 2

    def to_client(self, lines: Sequence[str], line: int, char: int) -> lsp.Position:
        """A 0-based (line, character index) as an LSP position."""
        text = lines[line] if 0 <= line < len(lines) else ""
        return lsp.Position(line=max(line, 0), character=self.units(text[: max(char, 0)]))

    def from_client(self, lines: Sequence[str], position: lsp.Position) -> tuple[int, int]:
        """An LSP position as a 0-based (line, character index)."""
        text = lines[position.line] if 0 <= position.line < len(lines) else ""
        if self.encoding == "utf-32":
            return position.line, min(position.character, len(text))
        count = 0
        for i, ch in enumerate(text):
            if count >= position.character:
                return position.line, i
            count += self.units(ch)
        return position.line, len(text)

    def range(self, lines: Sequence[str], line: int, start: int, end: int) -> lsp.Range:
        return lsp.Range(self.to_client(lines, line, start), self.to_client(lines, line, end))


class Span(Struct, frozen=True):
    """Where a link is written: 0-based line, character start and end."""

    link: Link
    line: int
    start: int
    end: int


def link_spans(links: Sequence[Link], lines: Sequence[str]) -> list[Span]:
    """Each link with the extent of its text (`[[...]]` or `[...](...)`) on its line."""
    out = []
    for link in links:
        text = lines[link.line - 1] if 0 < link.line <= len(lines) else ""
        start = max(link.col - 1, 0)
        pattern = _MARKDOWN if link.style == "markdown" else WIKILINK
        found = pattern.match(text, start)
        if found is None and start > 0 and text[start - 1 : start] == "!":
            found = pattern.match(text, start - 1)
        if found is None:  # a link inside a quoted property value or a table
            found = pattern.search(text, start)
        end = found.end() if found else len(text)
        out.append(Span(link, link.line - 1, found.start() if found else start, end))
    return out


def span_at(spans: Sequence[Span], line: int, char: int) -> Span | None:
    """The link under a 0-based position."""
    for span in spans:
        if span.line == line and span.start <= char <= span.end:
            return span
    return None


def diagnostic_extent(diag: Diagnostic, lines: Sequence[str]) -> tuple[int, int, int]:
    """(0-based line, start, end) of the text a finding is about.

    In order: its fix's edit, a quoted word of the message found at its column, a link
    at its column, the word there; a whole-note finding (1:1) covers the first line."""
    line = diag.line - 1
    text = lines[line] if 0 <= line < len(lines) else ""
    start = min(max(diag.column - 1, 0), len(text))
    if diag.fix is not None:
        for edit in diag.fix.edits:
            if edit.line == edit.end_line == diag.line and edit.col <= diag.column < edit.end_col:
                return line, edit.col - 1, edit.end_col - 1
    rest = text[start:].lower()
    for found in _QUOTED.finditer(diag.message):
        quoted = next(g for g in found.groups() if g)
        if quoted and rest.startswith(quoted.lower()):
            return line, start, start + len(quoted)
    for pattern in (WIKILINK, _MARKDOWN):
        link = pattern.match(text, start)
        if link:
            return line, start, link.end()
    if diag.line == 1 and diag.column == 1:
        return line, 0, len(text)
    if not text[:start].strip():  # at the start of a list item or paragraph: all of it
        return line, start, len(text.rstrip())
    word = _WORD.match(text, start)
    if word:
        return line, start, word.end()
    return line, start, len(text)
