"""Code actions: the fixes of `check --fix` and "suppress for this line"."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types as lsp

from mdnet.analysis import Analysis
from mdnet.diagnostics import Diagnostic, Edit
from mdnet.fixes import FixContext, Source, fixers
from mdnet.note import Note
from mdnet.server.text import Codec


def _text_edit(edit: Edit, lines: Sequence[str], codec: Codec) -> lsp.TextEdit:
    start = codec.to_client(lines, edit.line - 1, edit.col - 1)
    end = codec.to_client(lines, edit.end_line - 1, edit.end_col - 1)
    return lsp.TextEdit(range=lsp.Range(start, end), new_text=edit.content)


def fix_actions(
    analysis: Analysis,
    note: Note,
    text: str,
    found: Sequence[Diagnostic],
    codec: Codec,
    uri: str,
) -> list[tuple[Diagnostic, lsp.CodeAction]]:
    """The fix `check --fix` would apply to each finding, as an edit of the editor's text."""
    table = fixers()
    wanted = [d for d in found if d.code in table]
    source = Source.read(note.path, text.encode("utf-8", "surrogatepass")) if wanted else None
    if source is None:
        return []
    context = FixContext(analysis, note, source, list(found))
    lines = source.lines
    out = []
    for d in wanted:
        fix = table[d.code](context, d)
        if fix is None or source.apply(fix.edits) is None:
            continue
        edits = [_text_edit(e, lines, codec) for e in fix.edits]
        action = lsp.CodeAction(
            title=f"{d.code}: {fix.message}" + (" (unsafe)" if fix.applicability != "safe" else ""),
            kind=lsp.CodeActionKind.QuickFix,
            edit=lsp.WorkspaceEdit(changes={uri: edits}),
            is_preferred=fix.applicability == "safe",
        )
        out.append((d, action))
    return out


def suppress_action(
    d: Diagnostic, note: Note, lines: Sequence[str], codec: Codec, uri: str
) -> lsp.CodeAction | None:
    """Insert `<!-- mdnet-disable-next-line CODE -->` above the finding's line, indented as
    it is. Not offered inside the front matter, where an HTML comment would break the YAML."""
    if d.line < note.body_line and note.body_line > 1:
        return None
    text = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    at = codec.to_client(lines, d.line - 1, 0)
    edit = lsp.TextEdit(
        range=lsp.Range(at, at), new_text=f"{indent}<!-- mdnet-disable-next-line {d.code} -->\n"
    )
    return lsp.CodeAction(
        title=f"Suppress {d.code} for this line",
        kind=lsp.CodeActionKind.QuickFix,
        edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
    )
