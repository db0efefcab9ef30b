"""Read a CSV export (Google Contacts, Outlook, LinkedIn, or any CSV with --map) into people."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence

from mdnet.errors import UsageError
from mdnet.importer import linkedin
from mdnet.importer.records import (
    BadRow,
    BadValue,
    Parsed,
    Person,
    clean,
    clean_name,
    is_linkedin,
    parse_day,
    parse_met,
    unique,
)

FIELDS = (
    "name",
    "first name",
    "middle name",
    "last name",
    "nickname",
    "company",
    "role",
    "email",
    "phone",
    "url",
    "linkedin",
    "met",
    "birthday",
    "anniversary",
    "notes",
)
MULTI = ("email", "phone", "url")
"""Fields read from every matching column (Google's `E-mail 1 - Value`, `E-mail 2 - ...`)."""

KNOWN = {
    "name": "name",
    "full name": "name",
    "display name": "name",
    "first name": "first name",
    "given name": "first name",
    "middle name": "middle name",
    "additional name": "middle name",
    "last name": "last name",
    "family name": "last name",
    "surname": "last name",
    "nickname": "nickname",
    "company": "company",
    "organization": "company",
    "organization name": "company",
    "organization 1 - name": "company",
    "job title": "role",
    "position": "role",
    "role": "role",
    "organization title": "role",
    "organization 1 - title": "role",
    "birthday": "birthday",
    "anniversary": "anniversary",
    "notes": "notes",
    "note": "notes",
    "web page": "url",
    "website": "url",
    "personal web page": "url",
    "url": "url",
    "linkedin": "linkedin",
    "linkedin url": "linkedin",
    "met": "met",
    "connected on": "met",
    "email": "email",
    "e-mail": "email",
    "phone": "phone",
}
_PATTERNS = (
    (re.compile(r"^e-?mail( \d+)?( address| - value)$|^e-?mail \d+ address$"), "email"),
    (re.compile(r"^(\w+ )*phone( \d+)?( - value)?$"), "phone"),
    (re.compile(r"^website \d+ - value$"), "url"),
)
_NAME_FIELDS = ("name", "first name", "last name")


def field_of(header: str) -> str | None:
    key = " ".join(header.strip().lower().split())
    if key in KNOWN:
        return KNOWN[key]
    return next((f for pattern, f in _PATTERNS if pattern.match(key)), None)


def parse_map(items: Sequence[str]) -> dict[str, str]:
    """`--map FIELD=COLUMN` options -> {field: column}; an unknown field is a UsageError."""
    out: dict[str, str] = {}
    for item in items:
        field, sep, column = item.partition("=")
        key = " ".join(field.replace("_", " ").replace("-", " ").strip().lower().split())
        if not sep or not column.strip():
            raise UsageError(f"--map {item!r}: write FIELD=COLUMN, e.g. name='Full name'")
        if key not in FIELDS:
            raise UsageError(f"--map {item!r}: no field {field!r}; fields: {', '.join(FIELDS)}")
        out[key] = column.strip()
    return out


def _columns(header: Sequence[str], mapping: Mapping[str, str]) -> dict[str, list[int]]:
    """Field -> the indexes of its columns (from --map, else from the known headers)."""
    lower = [h.strip().lower() for h in header]
    linked = linkedin.is_linkedin(header)
    out: dict[str, list[int]] = {}
    for i, h in enumerate(lower):
        field = linkedin.COLUMNS.get(h) if linked else field_of(h)
        if field and (field in MULTI or field not in out):
            out.setdefault(field, []).append(i)
    for field, column in mapping.items():
        if column.strip().lower() not in lower:
            shown = ", ".join(h for h in header if h.strip())
            raise UsageError(f"--map {field}={column!r}: no such column; the columns are {shown}")
        out[field] = [lower.index(column.strip().lower())]
    return out


def _find_header(
    rows: list[tuple[int, list[str]]], mapping: Mapping[str, str]
) -> tuple[int, dict[str, list[int]]]:
    """The header row (skipping a preamble such as LinkedIn's "Notes:") and its columns."""
    mapped = {c.strip().lower() for c in mapping.values()}
    for index, (_, row) in enumerate(rows[:50]):
        lower = {cell.strip().lower() for cell in row}
        if mapped & lower or any(field_of(c) in _NAME_FIELDS for c in lower):
            return index, _columns(row, mapping)
    first = ", ".join(c for c in (rows[0][1] if rows else []) if c.strip())
    raise UsageError(
        f"no name column (Name, First Name, Last Name) in the first rows ({first}); "
        "give --map name=COLUMN"
    )


def _rows(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], list[BadRow]]:
    """(first line, cells) of every row."""
    rows: list[tuple[int, list[str]]] = []
    bad: list[BadRow] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        bad.append(BadRow(start, f"not valid CSV ({exc}); the rows after it are not read"))
    return rows, bad


def read_csv(text: str, mapping: Mapping[str, str]) -> Parsed:
    """Every row of a CSV export after its header; text decoded with surrogateescape.
    Cells are separated by commas, or by semicolons or tabs (as some spreadsheets write):
    the first that gives a header with a name column."""
    parsed = Parsed()
    first_error: UsageError | None = None
    for delimiter in ",;\t":
        rows, bad = _rows(text, delimiter)
        try:
            header, columns = _find_header(rows, mapping)
            break
        except UsageError as exc:
            first_error = first_error or exc
    else:
        assert first_error is not None
        raise first_error
    parsed.bad.extend(bad)
    for line, row in rows[header + 1 :]:
        if not any(cell.strip() for cell in row):
            continue
        try:
            person = _person(line, row, columns)
        except BadValue as exc:
            parsed.bad.append(BadRow(line, str(exc)))
            continue
        if person is None:
            parsed.bad.append(BadRow(line, "no name"))
        else:
            parsed.people.append(person)
    return parsed


def _cells(row: Sequence[str], columns: Mapping[str, list[int]], field: str) -> list[str]:
    """The values of a field in a row; Google puts several in one cell with ` ::: `."""
    out: list[str] = []
    for i in columns.get(field, []):
        if i < len(row) and row[i].strip():
            out += [v for v in row[i].split(" ::: ") if v.strip()]
    return out


def _one(row: Sequence[str], columns: Mapping[str, list[int]], field: str) -> str | None:
    cells = _cells(row, columns, field)
    return clean(cells[0]) if cells else None


def _person(line: int, row: Sequence[str], columns: Mapping[str, list[int]]) -> Person | None:
    for cell in row:  # a cell that is not UTF-8 spoils the row, whichever column it is in
        clean(cell, multiline=True)
    name = clean_name(_one(row, columns, "name"))
    if name is None:
        parts = [_one(row, columns, f) for f in ("first name", "middle name", "last name")]
        name = clean_name(" ".join(p for p in parts if p))
    if name is None:
        return None
    urls = unique(list(_cells(row, columns, "url")))
    linkedin_url = _one(row, columns, "linkedin") or next((u for u in urls if is_linkedin(u)), None)
    nicknames = unique([clean_name(n) for n in _cells(row, columns, "nickname")])
    notes = _cells(row, columns, "notes")
    return Person(
        line=line,
        name=name,
        aliases=tuple(a for a in nicknames if a.casefold() != name.casefold()),
        emails=unique(list(_cells(row, columns, "email"))),
        phones=unique(list(_cells(row, columns, "phone"))),
        urls=tuple(u for u in urls if u != linkedin_url),
        linkedin=linkedin_url,
        company=_one(row, columns, "company"),
        role=_one(row, columns, "role"),
        met=parse_met(_one(row, columns, "met")),
        birthday=parse_day(_one(row, columns, "birthday"), yearless=True),
        anniversary=parse_day(_one(row, columns, "anniversary"), yearless=True),
        notes=clean(notes[0], multiline=True) if notes else None,
    )
