"""`mdnet log`: one dated line added to a contact's `## Log` section, nothing else changed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from mdnet.analysis import Analysis
from mdnet.config import Config
from mdnet.errors import UsageError
from mdnet.fsutil import write_atomic
from mdnet.note import parse_note
from mdnet.textscan import nearest

_TAG = re.compile(r"^[^\W\d][\w/-]*$|^[\w/-]*[^\W\d_][\w/-]*$")
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_BULLET = re.compile(r"^[ \t]*([-*+])[ \t]")
_BLOCK_START = re.compile(r"^ {0,3}(#{1,6}([ \t]|$)|`{3,}|~{3,}|[-*+][ \t]|\d{1,9}[.)][ \t])")


def find_contact(analysis: Analysis, name: str) -> str:
    """The path of the contact called `name` (name, alias, file name or path, any case)."""
    wanted = name.strip().casefold()
    if wanted.endswith(".md"):
        wanted = wanted[:-3]
    strong: list[str] = []
    weak: list[str] = []
    for path, contact in analysis.model.contacts.items():
        stem = path.rsplit("/", 1)[-1][:-3]
        if wanted in (contact.name.casefold(), stem.casefold(), path[:-3].casefold()):
            strong.append(path)
        elif wanted in (a.casefold() for a in contact.aliases):
            weak.append(path)
    found = strong or weak
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(f"{analysis.model.contacts[p].name} ({p})" for p in sorted(found))
        raise UsageError(f"{name!r} matches several contacts: {names}; give the file name")
    choices: list[str] = []
    for path, contact in analysis.model.contacts.items():
        choices += [contact.name, *contact.aliases, path.rsplit("/", 1)[-1][:-3]]
    if not choices:
        raise UsageError(f"no contact {name!r}: the vault has no contact notes")
    near = nearest(name, choices)
    hint = f"; did you mean {near!r}?" if near else " (`mdnet due` lists contacts)"
    raise UsageError(f"no contact {name!r}{hint}")


def log_line(text: str, day: date, tags: Iterable[str]) -> str:
    """The list item `mdnet log` adds: `- YYYY-MM-DD text #tag`."""
    text = text.strip()
    if not text:
        raise UsageError("the log text is empty")
    if "\n" in text or "\r" in text:
        raise UsageError("the log text must be one line")
    if any(unicodedata.category(c) == "Cc" for c in text):
        raise UsageError("the log text cannot contain control characters")
    present = {t.lower() for t in re.findall(r"(?<![\w#])#([\w/-]+)", text)}
    for raw in tags:
        tag = raw.strip().lstrip("#")
        if not _TAG.match(tag):
            raise UsageError(f"{raw!r} is not a tag (letters, digits, _ - /, not only digits)")
        if tag.lower() not in present:
            text += f" #{tag}"
            present.add(tag.lower())
    return f"- {day.isoformat()} {text}"


def insert_log(data: bytes, line: str, config: Config, path: str = "note.md") -> bytes:
    """`data` with `line` added at the end of its `## Log` section (created at the end of the
    file when missing). Only the new line (and its line break) is inserted: line endings,
    a byte-order mark and a missing final newline are kept."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text; not changing it") from None
    note = parse_note(
        path,
        data,
        folders=config.kind_selectors(),
        daily=config.daily_regex(),
        max_front_matter_size=config.max_front_matter_size,
    )
    raw: list[str] = _LINES.findall(
        text
    )  # physical lines with their endings; note lines are 1-based

    def ending(i: int) -> str:
        body = raw[i].rstrip("\r\n")
        return raw[i][len(body) :]

    def newline_near(i: int) -> str:
        for j in [*range(i, -1, -1), *range(i + 1, len(raw))]:
            if 0 <= j < len(raw) and ending(j):
                return ending(j)
        return "\n"

    log = next(
        (h for h in note.headings if h.text.strip().rstrip("#").strip().casefold() == "log"), None
    )
    if log is None:
        nl = newline_near(len(raw) - 1)
        if not raw:
            inserted = f"## Log{nl}{line}{nl}"
        elif not ending(len(raw) - 1):  # no final line break: keep it that way
            inserted = f"{nl}{nl}## Log{nl}{line}"
        elif raw[-1].strip():
            inserted = f"{nl}## Log{nl}{line}{nl}"
        else:
            inserted = f"## Log{nl}{line}{nl}"
        return data + inserted.encode("utf-8")
    head = log.line - 1
    end = len(raw)
    for h in note.headings:
        if h.line > log.line and h.level <= log.level:
            end = h.line - 1
            break
    items = [i for i in note.items if head < i.line - 1 < end]
    if items:
        after = _item_end(raw, items[-1].line - 1, end)
        bullet = _BULLET.match(raw[items[-1].line - 1])
        if bullet and raw[items[-1].line - 1][:1] in "-*+":
            line = bullet.group(1) + line[1:]
    else:
        after = head
        for i in range(head + 1, end):
            if raw[i].strip():
                after = i
    pos = sum(len(r) for r in raw[: after + 1])
    nl = newline_near(after)
    # When the last line of the file has no line break, keep it that way.
    inserted = line + nl if ending(after) else nl + line
    encoded = text[:pos].encode("utf-8")
    return encoded + inserted.encode("utf-8") + data[len(encoded) :]


def _item_end(raw: list[str], start: int, end: int) -> int:
    """The last line (0-based) of the list item starting at `start`: its continuation
    lines and indented blocks, up to `end` (exclusive)."""
    last = start
    i = start + 1
    while i < end:
        line = raw[i].rstrip("\r\n")
        if not line.strip():
            j = i
            while j < end and not raw[j].strip():
                j += 1
            if j < end and raw[j][:1] in (" ", "\t"):
                last = i = j
                i += 1
                continue
            break
        if line[:1] not in (" ", "\t") and _BLOCK_START.match(line):
            break
        last = i
        i += 1
    return last


def log_interaction(
    analysis: Analysis, name: str, text: str, day: date, tags: Iterable[str]
) -> tuple[Path, str]:
    """Append a dated line to a contact's `## Log` section; return the file and the line."""
    path = find_contact(analysis, name)
    line = log_line(text, day, tags)
    # Through a symlink, update the note it points to rather than replace the link.
    file = (analysis.vault.root / path).resolve()
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror}") from exc
    updated = insert_log(data, line, analysis.config, path)
    write_atomic(file, updated.decode("utf-8"))  # keeps the note's permissions
    return file, line
