"""Fixes: the edits that make findings go away, and applying them byte-exactly.

A fixer is registered per rule code. It looks at the raw text of the note at the finding's
line and column and returns a Fix (edits with the text each expects to replace), or None
when the text is not what it expects. Applying keeps every other byte as it was: line
endings, a byte-order mark, key order and comments."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from mdnet.diagnostics import Diagnostic, Edit, Fix

if TYPE_CHECKING:
    from mdnet.analysis import Analysis
    from mdnet.note import Note

BOM = "\ufeff"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Source(Struct, frozen=True):
    """A note's bytes as read for fixing, split into lines as the parser counts them."""

    path: str
    data: bytes
    text: str
    """The decoded text without the byte-order mark."""
    bom: bool
    starts: tuple[int, ...]
    """The offset in `text` where each line starts."""
    lines: tuple[str, ...]
    """Each line without its line break."""

    @classmethod
    def read(cls, path: str, data: bytes) -> Source | None:
        bom = data.startswith(b"\xef\xbb\xbf")
        try:
            text = data[3 if bom else 0 :].decode("utf-8")
        except UnicodeDecodeError:
            return None
        starts, lines, at = [], [], 0
        for m in _LINE_BREAK.finditer(text):
            starts.append(at)
            lines.append(text[at : m.start()])
            at = m.end()
        starts.append(at)
        lines.append(text[at:])
        return cls(path, data, text, bom, tuple(starts), tuple(lines))

    def line(self, number: int) -> str | None:
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else None

    def offset(self, line: int, col: int) -> int | None:
        text = self.line(line)
        if text is None or not 1 <= col <= len(text) + 1:
            return None
        return self.starts[line - 1] + col - 1

    def apply(self, edits: Iterable[Edit]) -> str | None:
        """The whole file's new text (with its BOM), or None when an edit does not fit."""
        out, at = [], 0
        for edit in sorted(edits, key=lambda e: (e.line, e.col)):
            start, end = self.offset(edit.line, edit.col), self.offset(edit.end_line, edit.end_col)
            if start is None or end is None or start < at or self.text[start:end] != edit.old:
                return None
            out += [self.text[at:start], edit.content]
            at = end
        out.append(self.text[at:])
        return (BOM if self.bom else "") + "".join(out)


class FixContext(Struct):
    """What a fixer may look at: the analysed vault, the note, its raw text, its findings."""

    analysis: Analysis
    note: Note
    source: Source
    diagnostics: list[Diagnostic]
    memo: dict[str, Any] = field(default_factory=dict)
    """Shared by every fixer of one run (candidate names computed once)."""

    def has(self, code: str, line: int) -> bool:
        return any(d.code == code and d.line == line for d in self.diagnostics)


Fixer = Callable[[FixContext, Diagnostic], Fix | None]
FIXERS: dict[str, Fixer] = {}


def fixer(code: str) -> Callable[[Fixer], Fixer]:
    """Register the fixer of a rule (the rule says `fixable=` in its registration)."""

    def register(func: Fixer) -> Fixer:
        FIXERS[code] = func
        return func

    return register


def fixers() -> dict[str, Fixer]:
    import_module("mdnet.fixes.properties")
    import_module("mdnet.fixes.links")
    return FIXERS


def replace_edit(line: int, col: int, old: str, new: str) -> Edit:
    """An edit within one line: `old`, starting at (line, col), becomes `new`."""
    return Edit(line, col, line, col + len(old), new, old)


def attach_fixes(
    analysis: Analysis,
    diagnostics: list[Diagnostic],
    root: Path,
    unsafe: bool = True,
    read: Callable[[str], bytes] | None = None,
) -> tuple[list[Diagnostic], dict[str, Source]]:
    """The diagnostics with the fix of each fixable one, and the sources they were made from.

    Without `unsafe`, the fixers of rules whose fixes are unsafe are not run (the nearest
    name of a broken link is the costly one)."""
    from mdnet.rules import get_rule

    table = fixers()
    if not unsafe:
        table = {c: f for c, f in table.items() if getattr(get_rule(c), "fixable", "") == "safe"}
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        if d.code in table:
            by_path[d.path].append(d)
    sources: dict[str, Source] = {}
    fixed: dict[int, Diagnostic] = {}
    memo: dict[str, Any] = {}
    for path, found in by_path.items():
        note = analysis.notes.get(path)
        if note is None:
            continue
        try:
            data = read(path) if read is not None else (root / path).read_bytes()
        except OSError:
            continue
        source = Source.read(path, data)
        if source is None:
            continue
        sources[path] = source
        context = FixContext(analysis, note, source, found, memo)
        for d in found:
            fix = table[d.code](context, d)
            if fix is not None and source.apply(fix.edits) is not None:
                fixed[id(d)] = d._replace(fix=fix)
    return [fixed.get(id(d), d) for d in diagnostics], sources


class Planned(Struct, frozen=True):
    """The new text of each file one pass of fixes would write, and what it fixes."""

    texts: dict[str, str]
    applied: dict[str, int]
    """Path -> how many findings the new text fixes."""
    skipped: list[tuple[Diagnostic, str]]
    """Fixes that could not be applied, with why."""


def plan(diagnostics: list[Diagnostic], sources: dict[str, Source], unsafe: bool) -> Planned:
    """One pass: per file, the fixes that apply, in order, none overlapping another.

    A fix that overlaps one already taken waits for the next pass (the finding may be gone
    by then); one whose text no longer matches is skipped."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        if d.fix is not None and (d.fix.applicability == "safe" or unsafe):
            by_path[d.path].append(d)
    texts: dict[str, str] = {}
    applied: dict[str, int] = {}
    skipped: list[tuple[Diagnostic, str]] = []
    for path, found in by_path.items():
        source = sources[path]
        taken: list[Edit] = []
        count = 0
        for d in sorted(found, key=lambda d: _first(d.fix)):
            assert d.fix is not None
            edits = list(d.fix.edits)
            if taken and set(edits) <= set(taken):
                count += 1  # the same edit fixes two findings
                continue
            if any(_overlaps(e, t) for e in edits for t in taken):
                continue
            if source.apply(taken + edits) is None:
                skipped.append((d, "its text changed"))
                continue
            taken += edits
            count += 1
        text = source.apply(taken) if taken else None
        if text is not None and text != (BOM if source.bom else "") + source.text:
            texts[path] = text
            applied[path] = count
    return Planned(texts, applied, skipped)


def _first(fix: Fix | None) -> tuple[int, int]:
    assert fix is not None
    return min((e.line, e.col) for e in fix.edits)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a == b:
        return False
    return (a.line, a.col) < (b.end_line, b.end_col) and (b.line, b.col) < (a.end_line, a.end_col)


def unified_diff(root_shown: str, path: str, before: str, after: str) -> str:
    """A unified diff of one note, as `git diff` shows it (paths a/ and b/)."""
    import difflib

    shown = f"{root_shown}/{path}" if root_shown else path
    lines = difflib.unified_diff(
        _keep_ends(before),
        _keep_ends(after),
        fromfile=f"a/{shown}",
        tofile=f"b/{shown}",
    )
    out = []
    for line in lines:
        out.append(
            line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        )
    return "".join(out)


def _keep_ends(text: str) -> list[str]:
    """Lines with their breaks, split only where the parser splits (not at U+2028)."""
    parts = _LINE_BREAK.split(text)
    breaks = _LINE_BREAK.findall(text)
    lines = [line + end for line, end in zip(parts, breaks, strict=False)]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
