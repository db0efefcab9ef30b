"""L001: a broken wikilink whose target is one letter or two away from exactly one note."""

from __future__ import annotations

import difflib
import re

from mdnet.diagnostics import Diagnostic, Fix
from mdnet.fixes import FixContext, fixer, replace_edit
from mdnet.links import note_aliases

_WIKI = re.compile(r"!?\[\[([^\[\]\n]*?)\]\]")
CUTOFF = 0.85
"""How close a name must be to count as a near match (difflib's ratio)."""


def _names(ctx: FixContext) -> dict[str, str]:
    """Every note name and alias, lower-case -> as written; a name two notes share is
    left out (a link to it would be ambiguous)."""
    names: dict[str, str] | None = ctx.memo.get("names")
    if names is None:
        seen: dict[str, list[str]] = {}
        for note in ctx.analysis.vault.notes:
            for name in {note.stem, *note_aliases(note)}:
                seen.setdefault(name.lower(), []).append(name)
        names = {low: spelled[0] for low, spelled in seen.items() if len(spelled) == 1}
        ctx.memo["names"] = names
    return names


def near_match(ctx: FixContext, target: str) -> str | None:
    """The one note name (or alias) close to `target`, else None (none, or several)."""
    memo: dict[str, str | None] = ctx.memo.setdefault("near", {})
    low = target.lower()
    if low not in memo:
        names = _names(ctx)
        close = difflib.get_close_matches(low, list(names), n=2, cutoff=CUTOFF)
        memo[low] = names[close[0]] if len(close) == 1 else None
    return memo[low]


@fixer("L001")
def link_to_near_note(ctx: FixContext, diag: Diagnostic) -> Fix | None:
    line = ctx.source.line(diag.line)
    if line is None:
        return None
    m = _WIKI.match(line, diag.column - 1)
    if m is None:
        return None
    inner = m[1]
    cut = min(
        (i for i in (inner.find("|"), inner.find("#"), inner.find("\\|")) if i >= 0),
        default=len(inner),
    )
    written = inner[:cut]
    target = written.strip()
    if not target or "/" in target or target.lower().endswith(".md"):
        return None
    near = near_match(ctx, target)
    if near is None:
        return None
    col = m.start(1) + 1 + written.index(target)
    edit = replace_edit(diag.line, col, target, near)
    return Fix(f"link to [[{near}]]", "unsafe", (edit,))
