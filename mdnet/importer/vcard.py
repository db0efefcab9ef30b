"""Read a vCard file (versions 3 and 4; 2.1 as far as vobject reads it) into people."""

from __future__ import annotations

import re
from typing import Any

import vobject  # type: ignore[import-untyped]

from mdnet.importer.records import (
    BadRow,
    BadValue,
    Parsed,
    Person,
    clean,
    clean_name,
    is_linkedin,
    parse_day,
    unique,
)

_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)


def split_cards(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each BEGIN:VCARD ... END:VCARD block, parsed one by one so
    that one broken card is skipped and the others are still read."""
    cards: list[tuple[int, str]] = []
    start: int | None = None
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if _BEGIN.match(line):
            start = number
        elif _END.match(line) and start is not None:
            cards.append((start, "\n".join(lines[start - 1 : number]) + "\n"))
            start = None
    if start is not None:
        cards.append((start, "\n".join(lines[start - 1 :]) + "\n"))
    return cards


def read_vcard(text: str) -> Parsed:
    """Every card of a vCard file; text decoded with surrogateescape (see records.clean)."""
    parsed = Parsed()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cards = split_cards(text)
    if not cards:
        parsed.bad.append(BadRow(1, "no BEGIN:VCARD ... END:VCARD card in the file"))
    for line, card in cards:
        try:
            component = vobject.readOne(card, ignoreUnreadable=False)
            person = _person(line, component)
        except BadValue as exc:
            parsed.bad.append(BadRow(line, str(exc)))
            continue
        except Exception as exc:  # vobject raises several kinds on a broken card
            message = clean(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            parsed.bad.append(BadRow(line, f"not a readable vCard: {message}"))
            continue
        if person is None:
            parsed.bad.append(BadRow(line, "no name (FN or N)"))
        else:
            parsed.people.append(person)
    return parsed


def _values(component: Any, key: str) -> list[Any]:
    return [item.value for item in component.contents.get(key, [])]


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if str(v).strip()), None)
    return clean(value)


def _name(component: Any) -> str | None:
    for value in _values(component, "fn"):
        name = clean_name(value)
        if name:
            return name
    for value in _values(component, "n"):
        parts = [getattr(value, part, "") for part in ("prefix", "given", "additional")]
        parts += [getattr(value, "family", ""), getattr(value, "suffix", "")]
        words = [" ".join(p) if isinstance(p, list) else str(p) for p in parts]
        name = clean_name(" ".join(w for w in words if w.strip()))
        if name:
            return name
    return None


def _preferred(component: Any, key: str) -> list[str | None]:
    """Values of a property, the one marked preferred (PREF, TYPE=pref) first."""
    items = component.contents.get(key, [])

    def rank(item: Any) -> int:
        params = {k.upper(): [str(v).lower() for v in vs] for k, vs in item.params.items()}
        return 0 if "PREF" in params or "pref" in params.get("TYPE", []) else 1

    return [_text(item.value) for item in sorted(items, key=rank)]


def _person(line: int, component: Any) -> Person | None:
    name = _name(component)
    if name is None:
        return None
    urls = unique([_text(v) for v in _values(component, "url")])
    social = unique([_text(v) for v in _values(component, "x-socialprofile")])
    linkedin = next((u for u in (*social, *urls) if is_linkedin(u)), None)
    orgs = _values(component, "org")
    titles = _values(component, "title") or _values(component, "role")
    bday = next((_text(v) for v in _values(component, "bday")), None)
    anniversary = next((_text(v) for v in _values(component, "anniversary")), None)
    notes = [clean(v, multiline=True) for v in _values(component, "note")]
    nicknames: list[str | None] = []
    for value in _values(component, "nickname"):
        items = value if isinstance(value, list) else str(value).split(",")
        nicknames += [clean_name(v) for v in items]
    return Person(
        line=line,
        name=name,
        aliases=tuple(a for a in unique(nicknames) if a.casefold() != name.casefold()),
        emails=unique(_preferred(component, "email")),
        phones=unique(_preferred(component, "tel")),
        urls=tuple(u for u in urls if u != linkedin),
        linkedin=linkedin,
        company=_text(orgs[0]) if orgs else None,
        role=_text(titles[0]) if titles else None,
        birthday=parse_day(bday, yearless=True),
        anniversary=parse_day(anniversary, yearless=True),
        notes="\n\n".join(n for n in notes if n) or None,
    )
