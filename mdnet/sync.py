"""`mdnet sync-properties`: the derived state of each contact written into its front matter.

Opt-in, and the only command besides `fix`, `log` and `import` that writes notes. Each
contact note gets three mdnet-owned properties (`[sync]` in mdnet.toml names them):

- `mdnet_last_contact`: the date of the last interaction (or of `met:`), empty if none;
- `mdnet_next_due`: the next due date, empty when paused, archived or never contacted;
- `mdnet_state`: overdue, due soon, ok, lapsed, never, paused or archived.

Only those lines change: an existing one-line value is replaced, a missing key is added
before the closing `---` (a note without front matter gets one), every other byte stays
as it was (line endings, a byte-order mark, comments, key order). A note is written only
when a value changed, atomically, and never when it changed since it was read. mdnet
never reads these keys back: they cannot change what it derives.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from msgspec import Struct

from mdnet.analysis import Analysis
from mdnet.derive import Relationship

_CLOSE = re.compile(r"(---|\.\.\.)[ \t]*")


class Change(Struct, frozen=True):
    """One property whose value changes: `old` is None when the key is added."""

    key: str
    old: str | None
    new: str


class NotePlan(Struct, frozen=True):
    """What sync does to one contact note: its new text, or why it is left alone."""

    path: str
    before: bytes
    text: str | None
    """The whole new text (a BOM included), None when nothing changes or it is skipped."""
    changes: tuple[Change, ...] = ()
    skipped: str | None = None


def values(rel: Relationship) -> dict[str, str]:
    """The derived values by `[sync]` name; '' for none."""
    return {
        "last_contact": rel.last.date.isoformat() if rel.last else "",
        "next_due": rel.due.isoformat() if rel.due else "",
        "state": rel.state,
    }


def rewrite(raw: bytes, wanted: Mapping[str, str]) -> tuple[str | None, list[Change], str | None]:
    """(new text or None if unchanged, changes, why it cannot be done) for a note's bytes
    and the `key -> value` lines it should hold."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, [], "not UTF-8 text"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text[len(bom) :].splitlines(keepends=True)
    first = lines[0] if lines else ""
    newline = "\r\n" if first.endswith("\r\n") else "\n"
    if first.rstrip("\r\n").rstrip(" \t") != "---":
        if first.startswith("+++"):
            return None, [], "its front matter is TOML (+++), which mdnet does not write"
        block = "".join(f"{_line(k, v)}{newline}" for k, v in wanted.items())
        added = [Change(k, None, v) for k, v in wanted.items()]
        return f"{bom}---{newline}{block}---{newline}{''.join(lines)}", added, None
    close = next(
        (i for i in range(1, len(lines)) if _CLOSE.fullmatch(lines[i].rstrip("\r\n"))), None
    )
    if close is None:
        return None, [], "its front matter is never closed"
    changes = []
    missing: list[str] = []
    for key, value in wanted.items():
        at = [i for i in range(1, close) if _key_of(lines[i]) == key]
        if len(at) > 1:
            return None, [], f"`{key}` is written twice"
        if not at:
            missing.append(f"{_line(key, value)}{newline}")
            changes.append(Change(key, None, value))
            continue
        i = at[0]
        body = lines[i].rstrip("\r\n")
        ending = lines[i][len(body) :]
        if i + 1 < close and lines[i + 1][:1] in (" ", "\t", "-"):
            return None, [], f"`{key}` holds a value over several lines; mdnet writes one line"
        if body != _line(key, value):
            old = body[len(key) + 1 :].strip()
            lines[i] = _line(key, value) + ending
            changes.append(Change(key, old, value))
    if not changes:
        return None, [], None
    lines[close:close] = missing
    return bom + "".join(lines), changes, None


def _key_of(line: str) -> str | None:
    """The top-level key a front-matter line sets (`key: value`, `key:`), else None."""
    if line[:1] in (" ", "\t", "#", "-", ""):
        return None
    key, colon, rest = line.rstrip("\r\n").partition(":")
    if not colon or (rest and rest[0] not in " \t"):
        return None
    return key


def _line(key: str, value: str) -> str:
    return f"{key}: {value}" if value else f"{key}:"


def plan(analysis: Analysis, root: Path) -> list[NotePlan]:
    """What sync would do to each contact note, by path."""
    keys = analysis.config.sync_keys
    out: list[NotePlan] = []
    for path in sorted(analysis.model.contacts):
        note = analysis.notes[path]
        try:
            before = (root / path).read_bytes()
        except OSError as exc:
            out.append(NotePlan(path, b"", None, skipped=f"cannot read it ({exc.strerror})"))
            continue
        if note.front_matter_failed:
            out.append(NotePlan(path, before, None, skipped="its front matter cannot be read"))
            continue
        wanted = {keys[name]: v for name, v in values(analysis.relationships[path]).items()}
        text, changes, why = rewrite(before, wanted)
        odd = [c.key for c in changes if c.old is None and c.key in note.meta]
        if odd:  # `"mdnet_state": x` or a flow mapping: adding the key would repeat it
            text, why = None, f"`{odd[0]}` is written in a form mdnet does not rewrite"
        out.append(NotePlan(path, before, text, tuple(changes), why))
    return out


def apply(root: Path, plans: list[NotePlan]) -> dict[str, str]:
    """Write each changed note unless it changed since it was read; path -> why not."""
    from mdnet.fixes.run import write_if_unchanged

    failed: dict[str, str] = {}
    for item in plans:
        if item.text is None:
            continue
        problem = write_if_unchanged(root / item.path, item.before, item.text)
        if problem is not None:
            failed[item.path] = problem
    return failed


def render(plans: list[NotePlan], failed: Mapping[str, str], dry_run: bool) -> tuple[str, str]:
    """(stdout, stderr): each change, each note left alone, and a count."""
    out: list[str] = []
    err: list[str] = []
    written = 0
    for item in plans:
        if item.skipped:
            err.append(f"{item.path}: skipped: {item.skipped}")
            continue
        if item.text is None:
            continue
        if item.path in failed:
            err.append(f"{item.path}: not written: {failed[item.path]}")
            continue
        written += 1
        for change in item.changes:
            old = "(new)" if change.old is None else (change.old or "(empty)")
            out.append(f"{item.path}: {change.key}: {old} -> {change.new or '(empty)'}")
    same = sum(1 for p in plans if p.text is None and not p.skipped)
    verb = "would update" if dry_run else "updated"
    err.append(
        f"{verb} {written} contact note{'s' * (written != 1)}; {same} already up to date"
        + (f"; {len(plans) - written - same} left alone" if len(plans) - written - same else "")
    )
    return "".join(f"{line}\n" for line in out), "".join(f"{line}\n" for line in err)
