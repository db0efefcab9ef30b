"""L001: a broken wikilink whose target is a typo away from exactly one note name."""

from __future__ import annotations

import re

from mdnet.body import WIKILINK
from mdnet.diagnostics import Diagnostic, Fix
from mdnet.fixes import FixContext, fixer, replace_edit
from mdnet.links import note_aliases

_ATTACHMENT = re.compile(
    r"\.(md|pdf|png|jpe?g|gif|svg|webp|canvas|base|excalidraw|mp[34]|m4a|wav|mov|webm)$", re.I
)
MAX_EDITS = 2
"""A near match is a typo away: at most two typed characters in all (one in a name of
under 16 characters, or in a word of up to six letters), every word starting with the same
letter; numbers, words of up to three letters and words with capitals inside (WinPE) exact.
`Gettings Things Done` -> `Getting Things Done`, `Sam Ortis` -> `Sam Ortiz`; not `GitHub
API` -> `GitHub Apps`, `container` -> `Portainer`, `AI` -> `API` or `S3` -> `S7`."""


_Shape = tuple[int, str]
"""A name's length and the first letter of each of its words (lower-case): a name a typo
away from another has the same first letters (see `is_near`) and about its length."""


def _shape(low: str) -> _Shape:
    return len(low), "".join(word[0] for word in low.split())


def _names(ctx: FixContext) -> dict[_Shape, dict[str, str]]:
    """Every note name and alias by shape, lower-case -> as written; a name two notes share
    is left out (a link to it would be ambiguous)."""
    names: dict[_Shape, dict[str, str]] | None = ctx.memo.get("names")
    if names is None:
        seen: dict[str, list[str]] = {}
        for note in ctx.analysis.vault.notes:
            for name in {note.stem, *note_aliases(note)} - {""}:
                if _ATTACHMENT.search(name):
                    continue
                seen.setdefault(name.lower(), []).append(name)
        names = {}
        for low, spelled in seen.items():
            if len(spelled) == 1:
                names.setdefault(_shape(low), {})[low] = spelled[0]
        ctx.memo["names"] = names
    return names


def edits(a: str, b: str, limit: int) -> int:
    """Typed-character edits from a to b (insert, delete, replace, swap two neighbours),
    or limit + 1 when there are more than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        new = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            new[j] = min(new[j - 1] + 1, row[j] + 1, row[j - 1] + cost)
            swapped = i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]
            if swapped and before is not None:
                new[j] = min(new[j], before[j - 2] + 1)
        if min(new) > limit:
            return limit + 1
        before, row = row, new
    return row[-1]


def _exact(word: str) -> bool:
    """A word a near name must have as it is: an acronym or a product name (AI, WinPE, MEGA,
    S3) is another thing when one letter changes, and so is a number."""
    low = word.lower()
    return len(low) <= 3 or any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in low)


def is_near(target: str, name: str) -> bool:
    """True when `name` (lower-case) is a typo away from `target`, as MAX_EDITS says."""
    limit = min(MAX_EDITS, max(1, len(target) // 8))
    total = 0
    for written, b in zip(target.split(), name.split(), strict=True):
        a = written.lower()
        if a == b:
            continue
        if _exact(written) or a[0] != b[0] or any(c.isdigit() for c in b):
            return False
        allowed = min(limit - total, 1 if max(len(a), len(b)) <= 6 else 2)
        found = edits(a, b, allowed)
        if found > allowed:
            return False
        total += found
    return total > 0


def near_match(ctx: FixContext, target: str) -> str | None:
    """The one note name (or alias) near `target`, else None (none, or several)."""
    memo: dict[str, str | None] = ctx.memo.setdefault("near", {})
    low = target.lower()
    if low not in memo and all(_exact(word) for word in target.split()):
        memo[low] = None  # only the same name would do (a date, a number, an acronym)
    if low not in memo:
        names, (length, initials) = _names(ctx), _shape(low)
        found = [
            spelled
            for size in range(length - MAX_EDITS, length + MAX_EDITS + 1)
            for name, spelled in names.get((size, initials), {}).items()
            if is_near(target, name)
        ]
        memo[low] = found[0] if len(found) == 1 else None
    return memo[low]


@fixer("L001")
def link_to_near_note(ctx: FixContext, diag: Diagnostic) -> Fix | None:
    line = ctx.source.line(diag.line)
    if line is None:
        return None
    m = WIKILINK.match(line, diag.column - 1)
    if m is None:
        return None
    inner = m[2]
    cut = min(
        (i for i in (inner.find("|"), inner.find("#"), inner.find("\\|")) if i >= 0),
        default=len(inner),
    )
    written = inner[:cut]
    target = written.strip()
    if not target or "/" in target or _ATTACHMENT.search(target):
        return None
    near = near_match(ctx, target)
    if near is None:
        return None
    col = m.start(2) + 1 + written.index(target)
    edit = replace_edit(diag.line, col, target, near)
    return Fix(f"link to [[{near}]]", "unsafe", (edit,))
