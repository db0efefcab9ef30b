"""A note's body: one line scanner that agrees with CommonMark on what is code.

Each line goes through small steps in order: code blocks and blank lines, code spans and
comments (with `mdnet-disable` suppressions), headings, list items and tasks, paragraphs;
links and tags are collected from whatever is left as prose (`mdnet.inline`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import lru_cache

from msgspec import Struct, field

from mdnet.dates.parse import DATE_AT_START, leading_date
from mdnet.inline import WIKILINK, scan_links
from mdnet.noteparts import Heading, Item, Link

__all__ = ["WIKILINK", "Body", "scan_body"]

_FENCE_START = frozenset("`~ \t")
_NOT_PLAIN = frozenset(
    "`~\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""First characters after which `_code_or_blank` has something to decide: the fences' and
every character `str.isspace()` takes (all below U+3001; written out, not found by trying
12,289 characters at every start, 0.5 ms; tests/test_pattern_rewrites.py checks the set)."""
_ITEM_START = frozenset("-*+ \t0123456789")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FENCE_IN_LIST = re.compile(r"^[ \t]*(`{3,}|~{3,})")  # a fence under a list item is indented
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_TASK = re.compile(r"^\[(.)\][ \t]+")
_DONE = re.compile(r"✅\s*(\d{4}-\d{2}-\d{2})|\[completion::\s*(\d{4}-\d{2}-\d{2})\]")
# Dataview inline fields; keys are bounded, values hold no brackets but `[[links]]`.
_FIELD_LINE = re.compile(r"^[ \t]*\**([A-Za-z_][\w \-]{0,60}?)\**::[ \t]*(\S.*)")
_FIELD_VALUE = r"((?:[^\[\]()\n]|\[\[[^\[\]\n]*\]\])*+)"
_FIELD_INLINE = re.compile(
    rf"\[([A-Za-z_][\w \-]{{0,60}}?)::[ \t]*{_FIELD_VALUE}\]"
    rf"|\(([A-Za-z_][\w \-]{{0,60}}?)::[ \t]*{_FIELD_VALUE}\)"
)
_BACKTICKS = re.compile(r"`+")
_PLAIN_INDENTED = re.compile(r"\n[^\S\n]")
"""A line starting with whitespace (code, a nested list): not plain."""
_SUPPRESS = re.compile(r"<!--\s*mdnet-disable(-next-line)?((?:[\s,]+[A-Z]{1,3}[0-9]{0,3})*)\s*-->")


_new = tuple.__new__
"""Builds an Item or Heading from all its fields in order, without NamedTuple's slower
keyword handling: the scanner makes them by the hundred thousand."""


def _blank_code_spans(text: str) -> str:
    """Blank CommonMark code spans: a run of backticks up to the next run of the same length.

    Linear in the line's length; a regex with backreferences backtracks for minutes on a
    long line of backticks."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    if len(runs) < 2:
        return text
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    parts: list[str] = []
    pos = i = 0
    while i < len(runs):
        start, end = runs[i]
        same = by_length[end - start]
        k = bisect_right(same, i)
        if k == len(same):
            i += 1  # no closing run: the backticks are literal
            continue
        close = runs[same[k]][1]
        parts.extend((text[pos:start], " " * (close - start)))
        pos, i = close, same[k] + 1
    parts.append(text[pos:])
    return "".join(parts)


class Body(Struct):
    """What the scanner collects from a note's body."""

    headings: list[Heading] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    link_lines: list[tuple[int, str]] = field(default_factory=list)
    prose: list[tuple[int, int, str]] = field(default_factory=list)
    suppress_lines: dict[int, tuple[str, ...]] = field(default_factory=dict)
    suppress_from: list[tuple[int, str]] = field(default_factory=list)
    fields: list[tuple[str, str, int, int]] = field(default_factory=list)
    """Dataview inline fields: (key, value, line, column of the value)."""


class _State(Struct):
    """What the scanner carries from one line to the next."""

    fence: str | None = None
    """The marker of the open fenced code block."""
    in_percent: bool = False
    """Inside a `%%` comment opened on an earlier line."""
    in_html: bool = False
    """Inside a `<!--` comment opened on an earlier line."""
    prev_blank: bool = True
    in_list: bool = False
    section: str | None = None
    """The text of the last heading."""


def scan_body(lines: list[str], first: int, keep_prose: bool) -> Body:
    """Line scanner agreeing with CommonMark on what is code: collect links, tags, items."""
    out = Body()
    state = _State()
    if _is_plain(lines, first):
        _scan_plain(lines, first, keep_prose, state, out)
        return out
    for index in range(first, len(lines)):
        raw = lines[index]
        lineno = index + 1
        if state.fence is None and not state.in_list and raw and raw[0] not in _NOT_PLAIN:
            state.prev_blank = False  # the common case, decided without a call
        elif _code_or_blank(raw, state):
            continue
        text = raw
        if state.in_html and not state.in_percent and _inside_html_comment(raw):
            continue  # the whole line is in a comment opened above
        if (
            state.in_percent
            or state.in_html
            or "`" in raw
            or ("%" in raw and "%%" in raw)
            or ("<" in raw and "<!--" in raw)
        ):
            text = _hide_comments(raw, lineno, state, out)
            if not text.strip():
                continue  # (a line left as it is is not blank: step 1 skipped those)
        if "`" in text:
            text = _blank_code_spans(text)
        if "#" in text and text.lstrip().startswith("#") and _heading(text, lineno, state, out):
            continue
        if text[:1] in _ITEM_START and _list_item(raw, text, lineno, state, out):
            continue
        if keep_prose or "[" in text or "#" in text or (":" in text and "::" in text):
            _paragraph(raw, text, lineno, state, out, keep_prose)
        elif state.in_list and not text.startswith((" ", "\t")):
            state.in_list = False  # what `_paragraph` would do with a line holding nothing
    return out


def _is_plain(lines: list[str], first: int) -> bool:
    """No code, comment or indented line can be in these lines: no backtick, no `%%` or
    `<!--`, and every line is empty or starts with neither whitespace nor `~`."""
    if first >= len(lines):
        return True
    if lines[first][:1] in _NOT_PLAIN:
        return False
    text = "\n".join(lines[first:]) if first else "\n".join(lines)
    # One character first: searching for several is much slower on non-ASCII text.
    return not (
        "`" in text
        or ("%" in text and "%%" in text)
        or ("<" in text and "<!--" in text)
        or ("~" in text and "\n~" in text)
        or _PLAIN_INDENTED.search(text) is not None
    )


def _scan_plain(lines: list[str], first: int, keep_prose: bool, state: _State, out: Body) -> None:
    """The scanner for plain lines (`_is_plain`): no line is code or a comment, and no line
    is indented, so a list's extent (which only decides whether an indented line is code)
    never matters. A line that holds no `[`, `#` or `::` adds nothing unless its text is
    kept as prose."""
    for index in range(first, len(lines)):
        raw = lines[index]
        if not raw:
            continue
        start = raw[0]
        if start == "#":
            if _heading(raw, index + 1, state, out):
                continue
        elif start in _ITEM_START and _list_item(raw, raw, index + 1, state, out):
            continue
        if keep_prose or "[" in raw or "#" in raw or (":" in raw and "::" in raw):
            _paragraph(raw, raw, index + 1, state, out, keep_prose)


def _code_or_blank(raw: str, state: _State) -> bool:
    """Step 1: fenced and indented code and blank lines hold nothing; track list ends."""
    if state.fence is not None:
        stripped = raw.strip()
        if stripped.startswith(state.fence) and stripped.strip(state.fence[0]) == "":
            state.fence = None
        return True
    in_comment = state.in_percent or state.in_html
    if raw[:1] in _FENCE_START and not in_comment:
        m = (_FENCE_IN_LIST if state.in_list else _FENCE).match(raw)
        if m:
            marker = m.group(1)
            if marker[0] == "~" or "`" not in raw[m.end() :]:
                state.fence = marker
                state.prev_blank = False
                if not raw.startswith((" ", "\t")):
                    state.in_list = False  # an unindented fence ends any list
                return True
    if not raw.strip():
        state.prev_blank = True
        return True
    if (
        state.prev_blank
        and not state.in_list
        and not in_comment
        and (raw.startswith("    ") or raw.startswith("\t"))
    ):
        return True  # indented code block; prev_blank stays so the block continues
    if (
        state.in_list
        and raw[:1] not in (" ", "\t")
        and (state.prev_blank or raw.startswith("<!--"))
        and not (raw[:1] in _ITEM_START and _ITEM.match(raw))
    ):
        state.in_list = False  # an unindented block after a blank line (or a comment) ends it
    state.prev_blank = False
    return False


def _inside_html_comment(raw: str) -> bool:
    """Inside an HTML comment, a line that neither closes it, nor holds a `%%` (read even
    there) or a suppression: `_hide_comments` would blank all of it and change nothing."""
    return "-->" not in raw and "%%" not in raw and "mdnet-disable" not in raw


def _hide_comments(raw: str, lineno: int, state: _State, out: Body) -> str:
    """Step 2: blank code spans and comments; read `mdnet-disable` suppressions."""
    text = raw
    if "`" in text and not state.in_percent and not state.in_html:
        # A code span hides comment markers too: "`%%`" or "`<!--`" opens no comment.
        text = _blank_code_spans(text)
    # Obsidian %%comments%% and HTML comments hide their content from links and tags.
    if state.in_percent or "%%" in text:
        text, state.in_percent = _strip_delimited(text, "%%", "%%", state.in_percent)
    if state.in_html or "<!--" in text:
        if "mdnet-disable" in text:
            _suppressions(text, lineno, out)
        text, state.in_html = _strip_delimited(text, "<!--", "-->", state.in_html)
    return text


def _suppressions(text: str, lineno: int, out: Body) -> None:
    for sm in _SUPPRESS.finditer(text):
        codes = tuple(c for c in re.split(r"[\s,]+", sm.group(2)) if c) or ("ALL",)
        if sm.group(1):
            out.suppress_lines[lineno + 1] = out.suppress_lines.get(lineno + 1, ()) + codes
        else:
            out.suppress_from.extend((lineno, c) for c in codes)


def _heading(text: str, lineno: int, state: _State, out: Body) -> bool:
    """Step 3: an ATX heading starts a section and ends any list."""
    parts = _heading_parts(text)
    if parts is None:
        return False
    level, state.section, start, scan = parts
    out.headings.append(_new(Heading, (lineno, level, state.section, start)))
    state.in_list = False
    if scan:
        scan_links(text, lineno, out.links, out.tags)
    return True


@lru_cache(maxsize=1024)
def _heading_parts(text: str) -> tuple[int, str, int, bool] | None:
    """A heading line -> (level, text, column of the text, whether it may hold links or
    tags), else None. Remembered: the same headings (`## Log`) come back note after note."""
    hm = _HEADING.match(text)
    if not hm:
        return None
    start = hm.start(2) + 1 if hm.group(2) else 1
    # The heading's own `#`s are no tag.
    scan = "[" in text or "#" in text[hm.end(1) :]
    return len(hm.group(1)), (hm.group(2) or "").strip(), start, scan


def _list_item(raw: str, text: str, lineno: int, state: _State, out: Body) -> bool:
    """Step 4: a list item or task, with its leading date, completion date and tags."""
    im = _ITEM.match(text)
    if not im:
        return False
    state.in_list = True
    body_col = im.end()
    rest = text[body_col:]
    first = rest[:1]
    task = done = lead = None
    if first == "[":
        tm = _TASK.match(rest)
        if tm:
            task = tm.group(1)
            body_col += tm.end()
            rest = rest[tm.end() :]
            first = rest[:1]
            if "✅" in rest or "completion::" in rest:
                dm = _DONE.search(rest)
                if dm:
                    done = _iso(dm.group(1) or dm.group(2))
    date_at_start = _DATE_AT.get(first)
    if date_at_start is not None:
        found = date_at_start.match(rest)
        if found is not None:
            lead = _calendar_day(found["date"])
    if ":" in rest and "::" in rest:
        _inline_fields(rest, body_col, lineno, out)
    tags = scan_links(text, lineno, out.links, out.tags) if "[" in text or "#" in text else ()
    # Item's fields in order: line, col, text, task, date, done, tags, section.
    item = (lineno, body_col + 1, raw[body_col:].strip(), task, lead, done, tags, state.section)
    out.items.append(_new(Item, item))
    return True


_BARE_DATE = re.compile(r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?=$|\s|[:,;]|[–—]|-(?![0-9]))")
"""As DATE_AT_START ends a bare date (the dashes in a class of their own: see there)."""
_LINKED_DATE = re.compile(
    r"!?\[\[(?:[^\]|#\n]*/)?(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:\.md)?(?:[|#][^\]\n]*)?\]\]"
)
_DATE_AT = {
    **dict.fromkeys("0123456789", _BARE_DATE),
    "[": _LINKED_DATE,
    **dict.fromkeys("! \t", DATE_AT_START),
}
"""First character of an item's text -> what `DATE_AT_START` reads from it, as a pattern
that finds the same date: from a digit, a bare date ending at a separator; from `[`, a date
in a link (`[[2026-11-02]]`, `[[Daily/2026-11-02|x]]`). (What follows the date, which
`DATE_AT_START` also reads, is optional: it changes no match.)"""


@lru_cache(maxsize=4096)
def _calendar_day(iso: str) -> date | None:
    """`YYYY-MM-DD` -> the date, None when no such day exists (as `leading_date` judges)."""
    lead = leading_date(iso)
    return lead[0] if lead else None


def _paragraph(
    raw: str, text: str, lineno: int, state: _State, out: Body, keep_prose: bool
) -> None:
    """Step 5: any other text line: its links, and the line itself for contact notes."""
    if state.in_list and not (text.startswith((" ", "\t"))):
        state.in_list = False
    if ":" in text and "::" in text:
        _inline_fields(text, 0, lineno, out)
    n_links = len(out.links)
    if "[" in text or "#" in text:
        scan_links(text, lineno, out.links, out.tags)
    if len(out.links) > n_links:
        out.link_lines.append((lineno, raw.strip()))
    if keep_prose:
        out.prose.append((lineno, 1, text.rstrip()))


def _inline_fields(text: str, offset: int, lineno: int, out: Body) -> None:
    """Dataview inline fields: `key:: value` starting the text, `[key:: value]` and
    `(key:: value)` anywhere in it. `offset` is where `text` starts in the line."""
    whole = _FIELD_LINE.match(text)
    if whole:
        out.fields.append(
            (whole[1].strip(), whole[2].rstrip(), lineno, offset + whole.start(2) + 1)
        )
    for m in _FIELD_INLINE.finditer(text):
        key, at = (m[1], m.start(2)) if m[1] is not None else (m[3], m.start(4))
        value = m[2] if m[1] is not None else m[4]
        out.fields.append((key.strip(), value.strip(), lineno, offset + at + 1))


def _strip_delimited(text: str, start: str, end: str, inside: bool) -> tuple[str, bool]:
    """Blank `start ... end` comments (and the rest of a comment open from an earlier line).

    Builds the line once: blanking each comment in turn is quadratic on a line of `%%`."""
    parts: list[str] = []
    kept = 0  # text before `kept` is already in `parts`
    pos = 0
    while True:
        if inside:
            close = text.find(end, pos)
            if close < 0:
                parts.append(" " * (len(text) - kept))
                return "".join(parts), True
            pos = close + len(end)
            parts.append(" " * (pos - kept))
            kept = pos
            inside = False
        else:
            opening = text.find(start, pos)
            if opening < 0:
                parts.append(text[kept:])
                return "".join(parts), False
            parts.append(text[kept:opening])
            kept = opening
            pos = opening + len(start)
            inside = True


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
