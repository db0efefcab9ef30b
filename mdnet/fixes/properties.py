"""Fixes of front-matter values: quoted links, alias lists, ISO dates, key case, near names.

Each fixer finds the value's text on the line the parser recorded, checks that this text
alone is the whole value (read back as YAML it gives the value mdnet read), and replaces
only that text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mdnet.dates import MONTH_NAMES
from mdnet.diagnostics import Diagnostic, Fix
from mdnet.fixes import FixContext, fixer, replace_edit
from mdnet.note import KINDS
from mdnet.rules.keys import known_key
from mdnet.textscan import nearest

_COMMENT = re.compile(r"[ \t]+#")
_UNQUOTED_LINK = re.compile(r"\[\[([^\[\]\n]+?)\]\]")
_FLOW = re.compile(r"[,\[\]{}]")
LIST_TYPES = ("multitext", "aliases", "tags")


def key_at(ctx: FixContext, diag: Diagnostic) -> str | None:
    """The front-matter key whose value the finding points at."""
    for key, at in ctx.note.key_lines.items():
        if at == (diag.line, diag.column):
            return key
    return None


def value_token(text: str, col: int) -> tuple[int, str] | None:
    """(column, text) of the one-line YAML value at `col`, quotes included; None when
    something other than a comment follows it. Positions of quoted values point inside."""
    i = col - 1
    if not 0 <= i <= len(text):
        return None
    if i > 0 and text[i - 1] in "'\"":
        quote, start, j = text[i - 1], i - 1, i
        while j < len(text):
            if quote == '"' and text[j] == "\\":
                j += 2
                continue
            if text[j] == quote:
                if quote == "'" and text[j + 1 : j + 2] == "'":
                    j += 2
                    continue
                break
            j += 1
        else:
            return None
        end = j + 1
    else:
        start = i
        comment = _COMMENT.search(text, i)
        end = len(text[: comment.start() if comment else len(text)].rstrip())
    rest = text[end:].strip()
    if start >= end or (rest and not rest.startswith("#")):
        return None
    return start + 1, text[start:end]


def _load(token: str) -> Any:
    from mdnet.yamlfront import load_value  # PyYAML, only when a fixer checks a value

    return load_value(token, _Missing)


class _Missing:
    """A value that did not load (never equal to a note's value)."""


def whole_value(ctx: FixContext, diag: Diagnostic) -> tuple[str, int, str, Any] | None:
    """(key, column, text, value) when the finding's value is all on its line."""
    key = key_at(ctx, diag)
    line = ctx.source.line(diag.line)
    if key is None or line is None:
        return None
    found = value_token(line, diag.column)
    if found is None:
        return None
    col, token = found
    value = ctx.note.meta.get(key)
    if _load(token) != value:
        return None
    return key, col, token, value


def requote(token: str, text: str) -> str:
    """`text` in the quoting style of `token` (plain stays plain when YAML allows it)."""
    if token[:1] == "'":
        return "'" + text.replace("'", "''") + "'"
    if token[:1] == '"' or _load(text) != text:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def _rename(ctx: FixContext, diag: Diagnostic, new: str, message: str, safety: str) -> Fix | None:
    found = whole_value(ctx, diag)
    if found is None or not isinstance(found[3], str):
        return None
    _, col, token, _ = found
    return Fix(message, safety, (replace_edit(diag.line, col, token, requote(token, new)),))


# --------------------------------------------------------------------------- F004


_MONTHS = {
    name: number
    for number, full in enumerate((m.lower() for m in MONTH_NAMES), start=1)
    for name in (full, full[:3])
} | {"sept": 9}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# The dates F004 can rewrite: texts that `re` compiles (and keeps) when a run first fixes one,
# not at every start of a check (1 ms; every check loads the fixers).
_YMD = r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})"
_COMPACT = r"(\d{4})(\d{2})(\d{2})"
_DMY = r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})"
_NAMED_MDY = rf"({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
_NAMED_DMY = rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})"
_ISO = r"\d{4}-\d{1,2}-\d{1,2}"


def _day(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def unambiguous_date(value: Any) -> dt.date | None:
    """The date a non-ISO value can only mean, else None (`03/04/2026` could be either)."""
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list):
        inner = value[0]  # an unquoted [[2026-11-02]]
        if len(inner) == 1 and isinstance(inner[0], str) and re.fullmatch(_ISO, inner[0].strip()):
            return _day(*inner[0].strip().split("-"))
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
        if not re.fullmatch(_COMPACT, value):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if m := re.fullmatch(_YMD, text):
        return _day(m[1], m[3], m[4])
    if m := re.fullmatch(_COMPACT, text):
        return _day(m[1], m[2], m[3])
    if m := re.fullmatch(_DMY, text):
        first, second = int(m[1]), int(m[3])
        if first > 12 >= second:
            return _day(m[4], second, first)
        if second > 12 >= first:
            return _day(m[4], first, second)
        return None
    if m := re.fullmatch(_NAMED_MDY, text, re.I):
        return _day(m[3], _MONTHS[m[1].lower()], m[2])
    if m := re.fullmatch(_NAMED_DMY, text, re.I):
        return _day(m[3], _MONTHS[m[2].lower()], m[1])
    return None


@fixer("F004")
def iso_date(ctx: FixContext, diag: Diagnostic) -> Fix | None:
    found = whole_value(ctx, diag)
    if found is None:
        return None
    key, col, token, value = found
    day = unambiguous_date(value)
    if day is None:
        return None
    edit = replace_edit(diag.line, col, token, day.isoformat())
    return Fix(f"write `{key}` as {day.isoformat()}", "safe", (edit,))


# --------------------------------------------------------------------------- F005


@fixer("F005")
def bad_field(ctx: FixContext, diag: Diagnostic) -> Fix | None:
    line = ctx.source.line(diag.line)
    if line is None:
        return None
    link = _UNQUOTED_LINK.match(line, diag.column - 1)
    if link is not None:
        if ctx.has("F004", diag.line):
            return None  # a date written as a link: the F004 fix writes the plain date
        rest = line[link.end() :].strip()
        if rest and not rest.startswith("#"):
            return None
        quoted = '"' + link[0].replace("\\", "\\\\").replace('"', '\\"') + '"'
        key = key_at(ctx, diag)
        kind = ctx.analysis.config.property_types.get(key or "")
        if (key or "").lower() in ("aliases", "alias", "tags", "tag") or kind in LIST_TYPES:
            quoted = f"[{quoted}]"  # a list property (.obsidian/types.json): a list of one link
        edit = replace_edit(diag.line, diag.column, link[0], quoted)
        return Fix(f"quote the link: {quoted}", "safe", (edit,))
    key = key_at(ctx, diag)
    if key is None or key.lower() not in ("aliases", "alias"):
        return None
    found = whole_value(ctx, diag)
    if found is None or not isinstance(found[3], str):
        return None
    _, col, token, value = found
    plain_with_commas = token[:1] not in "'\"" and _FLOW.search(token)
    token_in_list = requote('"', value) if plain_with_commas else token
    edit = replace_edit(diag.line, col, token, f"[{token_in_list}]")
    return Fix(f"make `{key}` a list: [{token_in_list}]", "safe", (edit,))


# --------------------------------------------------------------------------- F006, C003, F007


@fixer("F006")
def nearest_type(ctx: FixContext, diag: Diagnostic) -> Fix | None:
    value = ctx.note.meta.get("type")
    near = nearest(value, KINDS) if isinstance(value, str) else None
    if near is None or ctx.note.key_lines.get("type") != (diag.line, diag.column):
        return None
    return _rename(ctx, diag, near, f"write `type: {near}`", "unsafe")


@fixer("C003")
def nearest_network(ctx: FixContext, diag: Diagnostic) -> Fix | None:
    value = ctx.note.meta.get("network")
    declared = ctx.analysis.config.networks
    if not isinstance(value, str) or value.strip() != value:
        return None
    near = nearest(value, declared)
    if near is None or ctx.note.key_lines.get("network") != (diag.line, diag.column):
        return None
    return _rename(ctx, diag, near, f"write `network: {near}`", "unsafe")


@fixer("F007")
def key_case(ctx: FixContext, diag: Diagnostic) -> Fix | None:
    key = key_at(ctx, diag)
    field = known_key(key, ctx.note.kind, ctx.note.meta) if key is not None else None
    if key is None or field is None:
        return None
    pattern = re.compile(rf"[ \t]*({re.escape(key)})[ \t]*:(?:[ \t]|$)")
    for number in range(diag.line, max(diag.line - 50, 0), -1):
        line = ctx.source.line(number)
        if line is None:
            return None
        m = pattern.match(line)
        if m is not None:
            edit = replace_edit(number, m.start(1) + 1, key, field)
            return Fix(f"rename `{key}` to `{field}`", "safe", (edit,))
        if number < diag.line and line.strip() and not line.startswith((" ", "\t", "-")):
            return None  # another key: the value is not under this one
    return None
