"""L rules: links that go nowhere or to several places, and contacts that share a name."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mdnet.diagnostics import Finding
from mdnet.frontmatter import TEMPLATE, TEMPLATE_HINT
from mdnet.rules import rule

if TYPE_CHECKING:
    from mdnet.analysis import Analysis
    from mdnet.model import Contact
    from mdnet.noteparts import Link

_DATE_TARGET = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _as_written(link: Link) -> str:
    """The link in its own syntax: `[[Dana]]`, or `(People/Dana.md)` for a Markdown link."""
    return f"({link.target})" if link.style == "markdown" else f"[[{link.target}]]"


@rule(
    "L001",
    "broken-link",
    "warning",
    "A link to a note or file that does not exist",
    "Fix the spelling, create the note, or remove the link.",
    fixable="unsafe",
    per_note=True,
)
def broken_link(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: a broken link to a contact means that line never counts as an interaction
    with them, so their "last contact" is wrong. Links resolve as in Obsidian: by file
    name anywhere in the vault (case-insensitive), by path, or by alias (`aliases:`,
    `Alias:` or any key matching /^alias(es)?$/i); attachments (`![[photo.png]]`,
    `[[Board.canvas]]`) count when the file exists. Markdown link destinations are read
    as CommonMark reads them: `[x](Notes%20(old).md)`, `[x](<My Note.md> "title")`.
    Links to a bare date (`[[2026-11-02]]`) are references to a day and are never
    reported. On a note whose front matter cannot be read, links in the body are still
    checked. A link to a template placeholder (`[[<% tp.date.yesterday() %>]]`,
    `[[{{date}}]]`) is a template that never ran: it is reported with what to do, and not
    at all when the note's front matter already has F002 for a placeholder (one cause,
    one finding).

    Fix: correct the name, create the note, or add the name to the note's `aliases`.
    When exactly one note name or alias is a near spelling of the target (`[[Sam Ortis]]`
    for Sam Ortiz.md), `--fix --unsafe-fixes` links to it (unsafe: the note you meant
    may not exist yet).

    Example:
        - 2026-11-02 Coffee with [[Jon Smyth]]   # L001 when no file is named Jon Smyth
    """
    index = analysis.index
    for note in analysis.focused():
        unrun = any(p.code == "F002" and TEMPLATE_HINT in p.message for p in note.problems)
        for link, resolution in zip(note.links, index.resolve_note(note), strict=True):
            if _DATE_TARGET.match(link.target) or resolution.path is not None:
                continue
            why = "no file matches"
            if TEMPLATE.search(link.target):
                if unrun:
                    continue  # the F002 on its front matter says so already: one cause
                why = f"a template placeholder that never ran; {TEMPLATE_HINT}"
            shown = _as_written(link)
            where = f" in `{link.key}`" if link.key else ""
            yield Finding(note.path, link.line, link.col, f"broken link {shown}{where}: {why}")


_LISTED = 3
"""The candidates an L002 message names; it counts the others."""


@rule(
    "L002",
    "ambiguous-link",
    "warning",
    "A link that matches several files",
    "Link with a path (`[[People/Dana]]`) or rename one of the files.",
    per_note=True,
)
def ambiguous_link(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: when two files share a name (or a name and an alias) and neither is in the
    linking note's folder, Obsidian picks one; the interaction may be credited to the
    wrong person. mdnet resolves to the shortest path, as Obsidian does, and tells you.

    Fix: write the folder in the link (`[[People/Alex Chen]]`) or rename a file.

    Example:
        Met [[Alex]] at the meetup    # L002 when People/Alex.md and Archive/Alex.md exist
    """
    index = analysis.index
    for note in analysis.focused():
        for link, resolution in zip(note.links, index.resolve_note(note), strict=True):
            if resolution.ambiguous:
                found = resolution.candidates
                others = ", ".join(found[:_LISTED])
                if len(found) > _LISTED:  # a name in every language folder: 30 paths
                    others += f" and {len(found) - _LISTED} more"
                yield Finding(
                    note.path,
                    link.line,
                    link.col,
                    f"ambiguous link {_as_written(link)} matches {others}; using {resolution.path}",
                )


@rule(
    "L003",
    "duplicate-contact",
    "error",
    "Two contacts share a name or alias",
    "Give each contact a unique name and aliases.",
)
def duplicate_contact(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: a link by name or alias must point at one person. When two contacts share a
    name or an alias, interactions cannot be told apart and one of them looks neglected.

    Fix: make names and aliases unique (use `Alex C.` and `Alex R.`).

    Example:
        People/Alex Chen.md:     aliases: [Alex]
        People/Alexandra Ruiz.md: aliases: [Alex]   # L003 alias 'Alex' is also used by ...
    """
    contacts = analysis.model.contacts
    wanted: set[str] | None = None  # with a focus: the names of the focused contacts
    if analysis.focus is not None:
        focused = [contacts[p] for p in analysis.focus if p in contacts]
        if not focused:
            return
        wanted = {low for c in focused for low in _lowered(c)}
    owners: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for contact in contacts.values():
        if wanted is not None and wanted.isdisjoint(_lowered(contact)):
            continue  # shares no name with a focused contact: no finding in focus comes of it
        names = {contact.name.lower(): ("name", contact.name)}
        stem = contact.path.rsplit("/", 1)[-1][:-3]
        names.setdefault(stem.lower(), ("name", stem))
        for alias in contact.aliases:
            names.setdefault(alias.lower(), ("aliases", alias))
        for low, (key, shown) in names.items():
            owners[low].append((contact.path, key, shown))
    for entries in owners.values():
        if len(entries) < 2:
            continue
        first = entries[0][0]
        for path, key, shown in entries[1:]:
            note = analysis.notes[path]
            line, col = note.key_line(key)
            what = "name" if key == "name" else "alias"
            yield Finding(path, line, col, f"{what} {shown!r} is also used by {first}")


def _lowered(contact: Contact) -> Iterator[str]:
    """A contact's name, file name and aliases, lower case."""
    yield contact.name.lower()
    yield contact.path.rsplit("/", 1)[-1][:-3].lower()
    for alias in contact.aliases:
        yield alias.lower()
