"""F007, F008: a property key in the wrong case, a suppression that names no rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mdnet.diagnostics import Finding
from mdnet.note import CONTACT_FIELDS, MODELLED_KINDS
from mdnet.rules import rule, unknown_selector

if TYPE_CHECKING:
    from mdnet.analysis import Analysis

FIELDS: dict[str, tuple[str, ...]] = {
    "contact": CONTACT_FIELDS,
    "goal": (
        "goal",
        "deadline",
        "start",
        "horizon",
        "parent",
        "target",
        "unit",
        "every",
        "measure",
        "progress",
        "status",
        "private",
    ),
    "event": ("date", "private"),
}
"""The properties mdnet reads, by kind of note. Aliases and tags are left out: their keys
are read in any case, as Obsidian reads them."""


def known_key(key: str, kind: str, meta: dict[str, object]) -> str | None:
    """The field `key` stands for when only its case is wrong, and unambiguously so."""
    low = key.lower()
    if low == key:
        return None
    if low == "type":
        value = meta.get(key)
        known = isinstance(value, str) and value.strip().lower() in MODELLED_KINDS
        field = "type" if known else None
    else:
        field = low if low in FIELDS.get(kind, ()) or low == "mdnet-ignore" else None
    if field is None or field in meta:
        return None
    return field


@rule(
    "F007",
    "property-key-case",
    "warning",
    "A property mdnet reads, with its key in another case (`Deadline:` for `deadline:`)",
    "Write the key in lower case, as the message says.",
    fixable="safe",
    per_note=True,
)
def property_key_case(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: mdnet reads `deadline`, `network`, `met` and its other properties by their exact
    key, so `Deadline: 2026-12-31` is not read at all: the goal looks as if it had no
    deadline. Obsidian shows the two spellings as one property, which hides the
    difference. Only the properties of the note's kind are checked (a contact's
    `network`, a goal's `deadline`, an event's `date`), `type` when its value is contact,
    goal or event, and only when the note has no key in the right case already and no
    other key with the same spelling in another case.

    Fix: write the key in lower case. `--fix` renames the key and changes nothing else.

    Example:
        Deadline: 2026-12-31      # F007 `Deadline` is read only as `deadline`
        deadline: 2026-12-31      # fine
    """
    for note in analysis.focused():
        if not note.meta:
            continue
        spellings = Counter(str(k).lower() for k in note.meta)
        for key in note.meta:
            field = known_key(key, note.kind, note.meta)
            if field is None or spellings[field] > 1:
                continue
            line, col = note.key_line(key)
            yield Finding(note.path, line, col, f"key `{key}` is not read: mdnet reads `{field}`")


@rule(
    "F008",
    "bad-suppression",
    "error",
    "A suppression comment or `mdnet-ignore` that names no rule",
    "Correct the code (`mdnet rules` lists them).",
    per_note=True,
)
def bad_suppression(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: `<!-- mdnet-disable-next-line G1 -->` silences nothing (there is no rule G1;
    `G001` was meant), so the finding it was written for is still reported, and nothing
    says why the comment does not work. A code or prefix that names no rule is reported
    where it is written, with the nearest code. (A prefix that names rules, such as `C00`
    for C001 to C009, is valid and silences all of them.)

    Fix: write the code as `mdnet rules` lists it.

    Example:
        <!-- mdnet-disable-next-line G1 -->     # F008 'G1' matches no rule; did you mean G001?
        mdnet-ignore: [C01]                     # F008 'C01' matches no rule
    """
    for note in analysis.focused():
        written = [
            (line - 1, code) for line, codes in note.suppress_lines.items() for code in codes
        ]
        written += list(note.suppress_from)
        ignored = note.meta.get("mdnet-ignore")
        if isinstance(ignored, str):
            ignored = [ignored]
        if isinstance(ignored, list):
            line, _ = note.key_line("mdnet-ignore")
            written += [(line, str(code).strip()) for code in ignored]
        for line, code in sorted(set(written)):
            problem = unknown_selector(code)
            if problem:
                yield Finding(note.path, line, 1, f"suppression {problem}")
