"""Completion: note names and aliases after `[[`, `network:` and `type:` values, #tags."""

from __future__ import annotations

import re

from lsprotocol import types as lsp

from mdnet.analysis import Analysis
from mdnet.links import note_aliases
from mdnet.note import KINDS, Note

_OPEN_LINK = re.compile(r"\[\[([^\[\]|#]*)$")
_KEY = re.compile(r"^\s*(network|type)\s*:\s*['\"]?([^'\"]*)$", re.IGNORECASE)
_TAG = re.compile(r"(?:^|\s)#([\w/-]*)$")
_ORDER = {"contact": "0", "goal": "1", "event": "2", "daily": "4"}
_KIND = {
    "contact": lsp.CompletionItemKind.Reference,
    "goal": lsp.CompletionItemKind.Event,
    "event": lsp.CompletionItemKind.Event,
}


def _link_items(analysis: Analysis) -> list[lsp.CompletionItem]:
    """One item per note (its name, as Obsidian links it) and one per alias (`Name|alias`)."""
    items = []
    names: dict[str, int] = {}
    for note in analysis.vault.notes:
        names[note.stem.lower()] = names.get(note.stem.lower(), 0) + 1
    for note in analysis.vault.notes:
        # Two notes of one name: link by path (without .md), as Obsidian does.
        target = note.stem if names[note.stem.lower()] == 1 else note.path[:-3]
        order = _ORDER.get(note.kind, "3")
        kind = _KIND.get(note.kind, lsp.CompletionItemKind.File)
        items.append(
            lsp.CompletionItem(
                label=note.stem,
                kind=kind,
                detail=f"{note.kind} · {note.path}",
                insert_text=target,
                sort_text=f"{order}{note.stem.lower()}",
            )
        )
        for alias in note_aliases(note):
            items.append(
                lsp.CompletionItem(
                    label=alias,
                    kind=kind,
                    detail=f"alias of {note.stem} ({note.kind})",
                    insert_text=f"{target}|{alias}",
                    filter_text=alias,
                    sort_text=f"{order}{alias.lower()}",
                )
            )
    return items


def _values(values: list[tuple[str, str]]) -> list[lsp.CompletionItem]:
    return [
        lsp.CompletionItem(label=v, kind=lsp.CompletionItemKind.EnumMember, detail=d)
        for v, d in values
    ]


def complete(
    analysis: Analysis, note: Note | None, line: int, before: str
) -> list[lsp.CompletionItem]:
    """Items for the text `before` the cursor on a 1-based `line` of a note."""
    if _OPEN_LINK.search(before):
        return _link_items(analysis)
    in_front_matter = note is not None and 1 < line < note.body_line - 1
    key = _KEY.match(before) if in_front_matter else None
    if key is not None and key.group(1).lower() == "network":
        config = analysis.config
        return _values(
            [(name, n.description or n.value or "network") for name, n in config.networks.items()]
        )
    if key is not None:
        return _values([(kind, "note kind") for kind in KINDS])
    if not in_front_matter and _TAG.search(before):
        config = analysis.config
        tags = [(t, "a give: you helped them") for t in config.give_tags]
        tags += [(t, "an ask: they helped you") for t in config.ask_tags]
        return _values(tags)
    return []
