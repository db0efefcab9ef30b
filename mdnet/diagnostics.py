"""Diagnostic records, severities and suppression comments."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple

from msgspec import Struct

from mdnet.note import Note


class Severity(IntEnum):
    """How serious a finding is; ordered so that `>=` compares with `--fail-on`."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


class Finding(NamedTuple):
    """What a rule reports: where and what (the engine adds code and severity). (A
    NamedTuple, as Diagnostic: a run makes one per finding, thousands on a large vault.)"""

    path: str
    line: int
    col: int
    message: str


class Edit(Struct, frozen=True):
    """Replace the text from (line, col) to (end_line, end_col) by `content`.

    Lines and columns are 1-based, columns count characters of the line (as findings do)
    and the end is exclusive; `old` is the text the edit expects to replace."""

    line: int
    col: int
    end_line: int
    end_col: int
    content: str
    old: str


class Fix(Struct, frozen=True):
    """A change that makes a finding go away: its edits and whether it keeps the meaning."""

    message: str
    applicability: str
    """`safe`: applied by `--fix`; `unsafe`: it may change what the note means, applied only
    with `--unsafe-fixes`."""
    edits: tuple[Edit, ...]


class Diagnostic(NamedTuple):
    """One finding of one rule, ready to render. (A NamedTuple: built four times quicker
    than a frozen dataclass, one per finding.)"""

    path: str
    """Path relative to the vault root, with `/` separators."""
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    help: str | None = None
    """How to fix it by hand (the rule's advice)."""
    fix: Fix | None = None
    """The edit `--fix` applies, when the finding has one."""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def code_matches(code: str, patterns: tuple[str, ...] | list[str]) -> bool:
    """True when a code is named by one of the codes, prefixes or ALL."""
    return any(p == "ALL" or code.startswith(p) for p in patterns)


def is_suppressed(diag: Diagnostic, note: Note | None) -> bool:
    """The three suppression forms: next-line comment, rest-of-file comment, front matter."""
    if note is None:
        return False
    codes = note.suppress_lines.get(diag.line)
    if codes and code_matches(diag.code, codes):
        return True
    for line, code in note.suppress_from:
        if code_matches(diag.code, (code,)) and (diag.line >= line or diag.line < note.body_line):
            return True
    ignored = note.meta.get("mdnet-ignore")
    if isinstance(ignored, str):
        ignored = [ignored]
    if isinstance(ignored, list):
        return code_matches(diag.code, [str(c).strip() for c in ignored])
    return False
