"""What a reader makes of an export: people, the rows it skipped, and value cleaning."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from msgspec import Struct, field

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}


class BadValue(ValueError):
    """A value that makes its row unusable (a date that does not exist, for one)."""


class Person(Struct, frozen=True):
    """One contact read from an export, values cleaned, dates checked."""

    line: int
    """Where the row (CSV) or card (vCard) starts in the file, 1-based."""
    name: str
    aliases: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    linkedin: str | None = None
    company: str | None = None
    role: str | None = None
    met: date | None = None
    birthday: str | None = None
    """`YYYY-MM-DD`, or `--MM-DD` when the year is unknown."""
    anniversary: str | None = None
    notes: str | None = None


class BadRow(Struct, frozen=True):
    """A row that was skipped, and why."""

    line: int
    reason: str


class Parsed(Struct):
    """Everything read from one file."""

    people: list[Person] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)


# Zero-width joiners are part of some scripts and emoji; every other format character
# (bidi overrides, BOMs), control character or separator is dropped.
_KEEP = {"\u200c", "\u200d"}


def clean(value: object, *, multiline: bool = False) -> str | None:
    """Text fit for a property (one line) or a note body: no control characters, no
    surrogates, whitespace collapsed. None when nothing is left."""
    if value is None:
        return None
    text = str(value)
    if any("\udc80" <= c <= "\udcff" for c in text):
        raise BadValue("not UTF-8 text (give --encoding)")
    out = []
    for c in text:
        if c in "\r\n" and multiline:
            out.append("\n" if c == "\n" else "")
        elif c in "\t\r\n\x0b\x0c\x85\u2028\u2029":
            out.append(" ")
        elif unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") and c not in _KEEP:
            continue
        else:
            out.append(c)
    text = "".join(out)
    if multiline:
        lines = [" ".join(line.split()) for line in text.split("\n")]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    else:
        text = " ".join(text.split())
    return text or None


def clean_name(value: object) -> str | None:
    """A person's name: clean text, without `[[`/`]]` (a quoted `"[[...]]"` property is a
    link) and without the surrounding quotes or commas exports leave behind."""
    text = clean(value)
    if text is None:
        return None
    while "[[" in text or "]]" in text:
        text = text.replace("[[", "[").replace("]]", "]")
    return text.strip(" ,;") or None


def unique(values: list[str | None]) -> tuple[str, ...]:
    """Cleaned values, each once (compared case-insensitively), in order."""
    seen: dict[str, str] = {}
    for value in values:
        text = clean(value)
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(seen.values())


_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ][\d:.]+Z?)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4})$")
_MONTH_DAY = re.compile(r"^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _month(word: str) -> int:
    number = MONTHS.get(word[:3].lower())
    if number is None:
        raise BadValue(f"{word!r} is not a month")
    return number


def _real(year: int, month: int, day: int, shown: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValue(f"{shown!r} is not a real date") from None


def parse_day(value: str | None, *, yearless: bool = False) -> str | None:
    """A date as written in exports -> `YYYY-MM-DD` (or `--MM-DD` when `yearless` allows a
    date without a year). Accepted: ISO (`2024-03-15`, `20240315`, with a time), vCard's
    `--0315`, LinkedIn's `15 Mar 2024`, `March 15, 2024`, and Outlook's `3/15/2024`
    (month first). Empty and Outlook's `0/0/00` are None; anything else is BadValue."""
    text = (value or "").strip()
    if not text or text in ("0/0/00", "0/0/0000", "00/00/0000"):
        return None
    m = _NO_YEAR.match(text)
    if m:
        if not yearless:
            raise BadValue(f"{text!r} has no year")
        month, day = int(m.group(1)), int(m.group(2))
        _real(2000, month, day, text)  # a leap year: --02-29 is a real birthday
        return f"--{month:02d}-{day:02d}"
    if m := _ISO.match(text):
        return _real(int(m.group(1)), int(m.group(2)), int(m.group(3)), text).isoformat()
    if m := _DAY_MONTH.match(text):
        return _real(int(m.group(3)), _month(m.group(2)), int(m.group(1)), text).isoformat()
    if m := _MONTH_DAY.match(text):
        return _real(int(m.group(3)), _month(m.group(1)), int(m.group(2)), text).isoformat()
    if m := _US.match(text):
        return _real(int(m.group(3)), int(m.group(1)), int(m.group(2)), text).isoformat()
    raise BadValue(f"{text!r} is not a date mdnet can read")


def parse_met(value: str | None) -> date | None:
    day = parse_day(value)
    return date.fromisoformat(day) if day else None


def is_linkedin(url: str) -> bool:
    return "linkedin.com/" in url.lower()


def url_key(url: str) -> str:
    """A URL compared as a person would: no scheme, no `www.`, no trailing slash, any case."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    text = text.removeprefix("www.")
    return text.split("?", 1)[0].split("#", 1)[0].rstrip("/")
