"""Go to definition and document links, resolved exactly as `check` resolves links."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types as lsp

from mdnet.analysis import Analysis
from mdnet.note import Note
from mdnet.server.text import Codec, Span, link_spans, span_at


def _target(analysis: Analysis, note: Note, span: Span) -> str | None:
    resolution = analysis.index.resolve(span.link, note.path)
    if resolution.path is None or resolution.path.endswith("/"):
        return None
    return resolution.path


def definition(
    analysis: Analysis, note: Note, lines: Sequence[str], line: int, char: int
) -> str | None:
    """The vault-relative path the link under (line, char) goes to."""
    span = span_at(link_spans(note.links, lines), line, char)
    return _target(analysis, note, span) if span else None


def document_links(
    analysis: Analysis, note: Note, lines: Sequence[str], codec: Codec, root: Path
) -> list[lsp.DocumentLink]:
    out = []
    for span in link_spans(note.links, lines):
        target = _target(analysis, note, span)
        if target is None:
            continue
        out.append(
            lsp.DocumentLink(
                range=codec.range(lines, span.line, span.start, span.end),
                target=(root / target).as_uri(),
            )
        )
    return out


def contact_at(
    analysis: Analysis, note: Note, lines: Sequence[str], line: int, char: int
) -> str | None:
    """The contact a position is about: the one linked under it, else the note itself."""
    target = definition(analysis, note, lines, line, char)
    if target is not None and target in analysis.relationships:
        return target
    return note.path if note.path in analysis.relationships else None


def references(
    analysis: Analysis, contact: str, root: Path, declaration: bool
) -> list[lsp.Location]:
    """Every interaction with a contact (each line that counts as one), oldest first."""
    out = []
    if declaration:
        start = lsp.Position(0, 0)
        out.append(lsp.Location(uri=(root / contact).as_uri(), range=lsp.Range(start, start)))
    for i in analysis.by_contact.get(contact, ()):
        line = max(i.line - 1, 0)
        whole = lsp.Range(lsp.Position(line, 0), lsp.Position(line + 1, 0))
        out.append(lsp.Location(uri=(root / i.path).as_uri(), range=whole))
    return out
