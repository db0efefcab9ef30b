"""Code actions: the fixes of `check --fix`, "suppress for this line", and "log an
interaction today" on a contact link (the edit `mdnet log` makes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lsprotocol import types as lsp

from mdnet.analysis import Analysis
from mdnet.diagnostics import Diagnostic, Edit
from mdnet.errors import MdnetError
from mdnet.fixes import FixContext, Source, fixers
from mdnet.note import Note
from mdnet.scaffold.log import insert_log, log_line
from mdnet.server.features.definition import definition
from mdnet.server.state import split_lines
from mdnet.server.text import Codec

LOG_PLACEHOLDER = "…"
"""The text of the line "log an interaction today" adds, for the user to write over."""


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


def _insertion(old: str, new: str) -> tuple[int, str] | None:
    """Where `new` is `old` with one piece of text inserted: (offset, inserted), else None."""
    same = (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b)
    p = next(same, min(len(old), len(new)))
    inserted = new[p : p + len(new) - len(old)]
    ends_in_cr = p > 0 and old[p - 1] == "\r" and old[p : p + 1] == "\n"
    if ends_in_cr or old[:p] + inserted + old[p:] != new:
        return None
    return p, inserted


def log_action(
    analysis: Analysis,
    note: Note,
    lines: Sequence[str],
    line: int,
    char: int,
    read: Callable[[str], str | None],
    codec: Codec,
) -> lsp.CodeAction | None:
    """On a link to a contact: add `- TODAY …` to the contact's `## Log`, as `mdnet log`
    does, computed from the contact note's current text (`read`: the editor's if open)."""
    target = definition(analysis, note, lines, line, char)
    rel = analysis.relationships.get(target) if target else None
    if target is None or rel is None:
        return None
    old = read(target)
    if old is None:
        return None
    bom = "\ufeff" if old.startswith("\ufeff") else ""
    try:
        entry = log_line(LOG_PLACEHOLDER, analysis.today, ())
        data = insert_log(old.encode("utf-8", "surrogatepass"), entry, analysis.config, target)
        new = data.decode("utf-8")
    except (MdnetError, UnicodeError):
        return None
    old, new = old[len(bom) :], new[len(bom) :]
    uri = (analysis.vault.root / target).as_uri()
    old_lines = split_lines(old)
    found = _insertion(old, new)
    if found is None:  # the whole text, replaced
        end = codec.to_client(old_lines, len(old_lines) - 1, len(old_lines[-1]))
        edit = lsp.TextEdit(lsp.Range(lsp.Position(0, 0), end), new)
    else:
        offset, inserted = found
        before = split_lines(old[:offset])
        at = codec.to_client(old_lines, len(before) - 1, len(before[-1]))
        edit = lsp.TextEdit(lsp.Range(at, at), inserted)
    return lsp.CodeAction(
        title=f"Log an interaction with {rel.contact.name} today",
        kind=lsp.CodeActionKind.RefactorRewrite,
        edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
    )
