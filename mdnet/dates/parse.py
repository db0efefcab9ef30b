"""Dates as written by hand in a vault: ISO, day-month-year, month names, links to daily
notes; the one error type (:class:`DateError`) and the English month and weekday names."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

_EPOCH: Final = dt.date(1970, 1, 1)
_MAX_SHOWN: Final = 60


class DateError(ValueError):
    """A value that is not a usable date, duration or period; ``message`` is user-facing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


_ISO = re.compile(
    r"""
    (?P<date>(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2}))
    (?:                                   # an optional time, which is ignored
        (?:[Tt]|[ ]+)
        [0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?
        [ ]*(?:[AaPp][Mm])?
        [ ]*(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?
    )?
    """,
    re.VERBOSE,
)
_WIKILINK = re.compile(r"!?\[\[([^\]]*)\]\]")
# What a value that is no date looks like, to say why (`_diagnose_date_text`): texts, compiled
# (and kept) by `re` when a run first meets such a value, not at every start (1 ms).
_DMY = r"([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]{4})"
_YMD_OTHER_SEP = r"(?P<y>[0-9]{4})([/.])(?P<m>[0-9]{1,2})\2(?P<d>[0-9]{1,2})"
_COMPACT = r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})"
_INTEGER = r"[+-]?[0-9]{1,30}"
_YEAR_MONTH = r"([0-9]{4})-([0-9]{1,2})"
_TEMPLATE = re.compile(r"\{\{|\}\}|<%|%>|\$\{")
# English whatever the locale (calendar.month_name follows setlocale()).
MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_MONTHS: Final = {
    name: number
    for number, full in enumerate(MONTH_NAMES, start=1)
    for name in (full.lower(), full[:3].lower())
} | {"sept": 9}
_MONTH_RE: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = rf"([0-9]{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+([0-9]{{4}})"
_MONTH_DAY_YEAR = rf"({_MONTH_RE})\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}})"


def _show(text: str) -> str:
    """Quote a user's text for a message, shortened and on one line."""
    flat = " ".join(text.split())
    if len(flat) > _MAX_SHOWN:
        flat = flat[: _MAX_SHOWN - 1] + "…"
    return f"'{flat}'"


def _show_int(number: int) -> str:
    """An integer for a message; huge ones are not spelled out."""
    return str(number) if abs(number) < 10**30 else "a very large number"


def _why_not_real(year: int, month: int, day: int) -> str | None:
    """Why y-m-d is not a calendar date, or None when it is one."""
    if not 1 <= year <= 9999:
        return f"year {year}"
    if not 1 <= month <= 12:
        return f"month {month}"
    days = days_in_month(year, month)
    if not 1 <= day <= days:
        if day == 0:
            return "day 0"
        return f"{MONTH_NAMES[month - 1]} {year} has {days} days"
    return None


def _real_date(year: int, month: int, day: int) -> dt.date | None:
    if _why_not_real(year, month, day) is not None:
        return None
    return dt.date(year, month, day)


def _epoch_hint(number: int, shown: str) -> str | None:
    """A message for an integer that looks like a Unix timestamp, else None."""
    if 10**11 <= number < 10**14:
        day = _EPOCH + dt.timedelta(seconds=number // 1000)
        return f"{shown} looks like epoch milliseconds ({day.isoformat()}); write YYYY-MM-DD"
    if 10**8 <= number < 10**11:
        day = _EPOCH + dt.timedelta(seconds=number)
        return f"{shown} looks like epoch seconds ({day.isoformat()}); write YYYY-MM-DD"
    return None


def _number_message(number: int, shown: str) -> str:
    hint = _epoch_hint(number, shown)
    if hint is not None:
        return hint
    if 10_000_000 <= number <= 99_999_999:
        y, m, d = number // 10_000, number // 100 % 100, number % 100
        if _real_date(y, m, d) is not None:
            return f"{shown} has no dashes; write {y:04d}-{m:02d}-{d:02d}"
    if 1000 <= number <= 9999:
        return f"{shown} is a year, not a date; write YYYY-MM-DD (e.g. {number}-12-31)"
    return f"{shown} is a number, not a date; write YYYY-MM-DD"


def _parse_date_text(raw: str) -> dt.date:
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    if not text:
        raise DateError("an empty value is not a date; write YYYY-MM-DD")
    if _TEMPLATE.search(text):
        raise DateError(f"template placeholder {_show(text)} was never filled in; write YYYY-MM-DD")
    link = _WIKILINK.fullmatch(text)
    if link is not None:
        target = re.split(r"[|#]", link.group(1), maxsplit=1)[0].strip()
        text = target.rsplit("/", 1)[-1].strip()
        if text.lower().endswith(".md"):
            text = text[:-3]
        if not text:
            raise DateError(f"{_show(raw.strip())} links to no date; write YYYY-MM-DD")

    iso = _ISO.fullmatch(text)
    if iso is not None:
        y, m, d = int(iso["y"]), int(iso["m"]), int(iso["d"])
        why = _why_not_real(y, m, d)
        if why is not None:
            raise DateError(f"{iso['date']} is not a real date ({why})")
        return dt.date(y, m, d)

    return _diagnose_date_text(text)


def _diagnose_date_text(text: str) -> dt.date:
    """Raise the most helpful DateError for a string that is not an ISO date."""
    shown = _show(text)
    if re.fullmatch(_INTEGER, text):
        raise DateError(_number_message(int(text), shown))
    prefix = _ISO.match(text)
    if prefix is not None and _real_date(*map(int, prefix.group("y", "m", "d"))) is not None:
        raise DateError(f"{shown} has text after the date; write just YYYY-MM-DD")

    dmy = re.fullmatch(_DMY, text)
    if dmy is not None:
        first, sep, second, year = int(dmy[1]), dmy[2], int(dmy[3]), int(dmy[4])
        written = sep.join(["day", "month", "year"])
        if first > 12 and second <= 12:
            good = _real_date(year, second, first)
            if good is not None:
                raise DateError(f"{shown} looks like {written}; write {good.isoformat()}")
        elif second > 12 and first <= 12:
            good = _real_date(year, first, second)
            if good is not None:
                written = sep.join(["month", "day", "year"])
                raise DateError(f"{shown} looks like {written}; write {good.isoformat()}")
        elif first <= 12 and second <= 12:
            raise DateError(f"{shown} is ambiguous (day/month or month/day?); write YYYY-MM-DD")
        raise DateError(f"{shown} is not a real date; write YYYY-MM-DD")

    other = re.fullmatch(_YMD_OTHER_SEP, text) or re.fullmatch(_COMPACT, text)
    if other is not None:
        y, m, d = int(other["y"]), int(other["m"]), int(other["d"])
        why = _why_not_real(y, m, d)
        if why is not None:
            raise DateError(f"{shown} is not a real date ({why})")
        raise DateError(f"{shown} is not in YYYY-MM-DD form; write {y:04d}-{m:02d}-{d:02d}")

    year_month = re.fullmatch(_YEAR_MONTH, text)
    if year_month is not None:
        y, m = int(year_month[1]), int(year_month[2])
        if 1 <= m <= 12 and 1 <= y <= 9999:
            last = days_in_month(y, m)
            raise DateError(
                f"{shown} has no day; write YYYY-MM-DD (e.g. {y:04d}-{m:02d}-{last:02d})"
            )

    named = re.fullmatch(_DAY_MONTH_YEAR, text, re.IGNORECASE)
    if named is not None:
        day, month, year = int(named[1]), _MONTHS[named[2].lower()], int(named[3])
    else:
        named = re.fullmatch(_MONTH_DAY_YEAR, text, re.IGNORECASE)
        if named is not None:
            day, month, year = int(named[2]), _MONTHS[named[1].lower()], int(named[3])
    if named is not None:
        good = _real_date(year, month, day)
        if good is not None:
            raise DateError(f"{shown} is not in YYYY-MM-DD form; write {good.isoformat()}")
        raise DateError(f"{shown} is not a real date; write YYYY-MM-DD")

    raise DateError(f"{shown} is not a date; write YYYY-MM-DD")


def parse_date(value: object) -> dt.date:
    """Read a date from a front-matter value or a string.

    Accepts a ``date`` (a ``datetime`` gives its date), and strings ``YYYY-MM-DD``
    (single-digit month/day tolerated, as YAML itself does), ``YYYY-MM-DDTHH:MM…`` or
    ``YYYY-MM-DD HH:MM`` (the time is dropped) and the wikilink ``[[YYYY-MM-DD]]``
    (also with ``|alias``, ``#heading`` or a folder). Anything else raises
    :class:`DateError` whose message says what the value looks like and what to write.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return _raise(f"{str(value).lower()} is not a date; write YYYY-MM-DD")
    if isinstance(value, int):
        return _raise(_number_message(value, _show_int(value)))
    if isinstance(value, float):
        if value.is_integer():
            return _raise(_number_message(int(value), repr(value)))
        return _raise(f"{value!r} is a number, not a date; write YYYY-MM-DD")
    if isinstance(value, str):
        return _parse_date_text(value)
    if value is None:
        return _raise("an empty value is not a date; write YYYY-MM-DD")
    if isinstance(value, list):
        if (
            len(value) == 1
            and isinstance(value[0], list)
            and len(value[0]) == 1
            and isinstance(value[0][0], dt.date | str)
        ):
            inner = value[0][0]
            shown = inner.isoformat() if isinstance(inner, dt.date) else inner
            return _raise(
                f'YAML reads an unquoted [[{shown}]] as a nested list; quote it: "[[{shown}]]"'
            )
        return _raise("a list is not a date; write YYYY-MM-DD")
    if isinstance(value, dict):
        return _raise("a mapping is not a date; write YYYY-MM-DD")
    return _raise(f"a {type(value).__name__} is not a date; write YYYY-MM-DD")


def _raise(message: str) -> dt.date:
    raise DateError(message)


DATE_AT_START: Final = re.compile(
    r"""
    [ \t]*
    (?P<open>!?\[\[(?:[^\]|#\n]*/)?)?          # [[ or [[Daily/
    (?P<date>(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2}))
    (?(open)(?:\.md)?(?:[|#][^\]\n]*)?\]\]     # ]] or |alias]] closes a link
      |(?=$|\s|[:,;]|[–—]|-(?![0-9])))      # a bare date ends at a separator
    [ \t]*(?:[:,;]|[–—]|-{1,2}(?![0-9]))?[ \t]*   # optional separator: - — – : , ;
    """,
    re.VERBOSE,
)
"""A date at the start of a list item's text: ``2026-11-02 …`` or ``[[2026-11-02]] …``.

Groups: ``date`` (the ISO text), ``y``, ``m``, ``d``. The match ends where the rest of
the text starts (after an optional ``:``/``-``/``—``/``–``/``,`` separator and spaces).
The dashes are a class apart from `:,;`: one class of both makes `re` build a 65,536-entry
map at every start (0.2 ms; tests/test_pattern_rewrites.py checks they read the same).
"""


def leading_date(text: str) -> tuple[dt.date, int] | None:
    """The date that starts ``text`` and the offset of the text after it, else None.

    ``"2026-11-02 Coffee"`` gives ``(date(2026, 11, 2), 11)``; a date that does not
    exist (``2026-13-45``) or that is glued to other text gives None, never an error.
    """
    found = DATE_AT_START.match(text)
    if found is None:
        return None
    day = _real_date(int(found["y"]), int(found["m"]), int(found["d"]))
    if day is None:
        return None
    return day, found.end()


def days_in_month(year: int, month: int) -> int:
    """The days of a month of the Gregorian calendar, as `calendar.monthrange` gives them
    (that module takes 2 ms to import, at every start)."""
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def is_leap(year: int) -> bool:
    """Whether a year of the Gregorian calendar has a 29 February."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
