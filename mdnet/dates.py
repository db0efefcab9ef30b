"""Dates, durations and calendar periods as written by hand in a vault."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final, Literal, get_args

__all__ = [
    "DAILY_TOKENS",
    "DATE_AT_START",
    "MAX_DURATION_DAYS",
    "DateError",
    "Period",
    "daily_format_regex",
    "daily_match_date",
    "format_days",
    "leading_date",
    "next_period_start",
    "parse_date",
    "parse_duration",
    "parse_period",
    "period_end",
    "period_start",
    "periods_between",
    "prev_period_start",
]

Period = Literal["day", "week", "month", "year"]

#: The longest duration (a cadence, a window) accepted: 100 years. Longer values are
#: rejected so that ``date + timedelta(days=n)`` can never overflow downstream.
MAX_DURATION_DAYS: Final = 36_500

_EPOCH: Final = dt.date(1970, 1, 1)
_MAX_SHOWN: Final = 60


class DateError(ValueError):
    """A value that is not a usable date, duration or period; ``message`` is user-facing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# --------------------------------------------------------------------------- dates

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
_DMY = re.compile(r"([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]{4})")
_YMD_OTHER_SEP = re.compile(r"(?P<y>[0-9]{4})([/.])(?P<m>[0-9]{1,2})\2(?P<d>[0-9]{1,2})")
_COMPACT = re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})")
_INTEGER = re.compile(r"[+-]?[0-9]{1,30}")
_YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
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
_DAY_MONTH_YEAR = re.compile(
    rf"([0-9]{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+([0-9]{{4}})", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"({_MONTH_RE})\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}})", re.IGNORECASE
)


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
    days = calendar.monthrange(year, month)[1]
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
    if _INTEGER.fullmatch(text):
        raise DateError(_number_message(int(text), shown))
    prefix = _ISO.match(text)
    if prefix is not None and _real_date(*map(int, prefix.group("y", "m", "d"))) is not None:
        raise DateError(f"{shown} has text after the date; write just YYYY-MM-DD")

    dmy = _DMY.fullmatch(text)
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

    other = _YMD_OTHER_SEP.fullmatch(text) or _COMPACT.fullmatch(text)
    if other is not None:
        y, m, d = int(other["y"]), int(other["m"]), int(other["d"])
        why = _why_not_real(y, m, d)
        if why is not None:
            raise DateError(f"{shown} is not a real date ({why})")
        raise DateError(f"{shown} is not in YYYY-MM-DD form; write {y:04d}-{m:02d}-{d:02d}")

    year_month = _YEAR_MONTH.fullmatch(text)
    if year_month is not None:
        y, m = int(year_month[1]), int(year_month[2])
        if 1 <= m <= 12 and 1 <= y <= 9999:
            last = calendar.monthrange(y, m)[1]
            raise DateError(
                f"{shown} has no day; write YYYY-MM-DD (e.g. {y:04d}-{m:02d}-{last:02d})"
            )

    named = _DAY_MONTH_YEAR.fullmatch(text)
    if named is not None:
        day, month, year = int(named[1]), _MONTHS[named[2].lower()], int(named[3])
    else:
        named = _MONTH_DAY_YEAR.fullmatch(text)
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
      |(?=$|\s|[:,;—–]|-(?![0-9])))          # a bare date ends at a separator
    [ \t]*(?:[:,;—–]|-{1,2}(?![0-9]))?[ \t]*   # optional separator: - — – : , ;
    """,
    re.VERBOSE,
)
"""A date at the start of a list item's text: ``2026-11-02 …`` or ``[[2026-11-02]] …``.

Groups: ``date`` (the ISO text), ``y``, ``m``, ``d``. The match ends where the rest of
the text starts (after an optional ``:``/``-``/``—``/``–``/``,`` separator and spaces).
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


# ----------------------------------------------------------------------- durations

_DURATION_WORDS: Final = {
    "daily": 1,
    "weekly": 7,
    "biweekly": 14,
    "bi-weekly": 14,
    "fortnightly": 14,
    "monthly": 30,
    "quarterly": 91,
    "yearly": 365,
    "annually": 365,
    "annual": 365,
}
_UNIT_DAYS: Final = {
    "": 1,
    "d": 1,
    "day": 1,
    "days": 1,
    "w": 7,
    "wk": 7,
    "wks": 7,
    "week": 7,
    "weeks": 7,
    "m": 30,
    "mo": 30,
    "mos": 30,
    "month": 30,
    "months": 30,
    "y": 365,
    "yr": 365,
    "yrs": 365,
    "year": 365,
    "years": 365,
}
_DURATION = re.compile(r"(?:every\s+)?(?P<count>[+-]?[0-9]{1,30})?\s*(?P<unit>[a-z]*)")
_DURATION_HELP: Final = "write e.g. 45d, 8w, 2m, 1y, a number of days, or weekly/monthly"


def _checked_days(days: int, shown: str) -> int:
    if days <= 0:
        raise DateError(f"{shown} is not a positive duration; {_DURATION_HELP}")
    if days > MAX_DURATION_DAYS:
        raise DateError(f"{shown} is longer than 100 years; {_DURATION_HELP}")
    return days


def parse_duration(value: object) -> int:
    """A duration in days: ``45d``, ``8w``, ``2m`` (30 days a month), ``1y`` (365 days).

    Also bare integers and digit strings (days), ``45 days``, ``2 weeks``, ``3 months``,
    ``every 2 weeks``, a bare unit (``week``, ``every month``), and the words ``daily``
    (1), ``weekly`` (7), ``biweekly``/``fortnightly`` (14), ``monthly`` (30),
    ``quarterly`` (91), ``yearly``/``annually`` (365); case and spaces do not matter.
    Zero, negative, fractional, over 100 years (:data:`MAX_DURATION_DAYS`) or unreadable
    values raise :class:`DateError`.
    """
    if isinstance(value, bool):
        raise DateError(f"{str(value).lower()} is not a duration; {_DURATION_HELP}")
    if isinstance(value, int):
        return _checked_days(value, _show_int(value))
    if isinstance(value, float):
        if value.is_integer():
            return _checked_days(int(value), repr(value))
        raise DateError(f"{value!r} is not a whole number of days; {_DURATION_HELP}")
    if isinstance(value, dt.timedelta):
        return _checked_days(value.days, f"{value.days} days")
    if not isinstance(value, str):
        kind = "an empty value" if value is None else f"a {type(value).__name__}"
        raise DateError(f"{kind} is not a duration; {_DURATION_HELP}")

    text = " ".join(value.split()).lower()
    shown = _show(value)
    if not text:
        raise DateError(f"an empty value is not a duration; {_DURATION_HELP}")
    if text in _DURATION_WORDS:
        return _DURATION_WORDS[text]
    found = _DURATION.fullmatch(text)
    if found is not None and found["unit"] in _UNIT_DAYS and text.isascii():
        if found["count"] is None:
            return _UNIT_DAYS[found["unit"]]  # "week", "every month"
        count = int(found["count"])
        if count > MAX_DURATION_DAYS:
            raise DateError(f"{shown} is longer than 100 years; {_DURATION_HELP}")
        return _checked_days(count * _UNIT_DAYS[found["unit"]], shown)
    if found is not None and found["count"] is not None and found["unit"]:
        raise DateError(f"{shown}: unknown unit '{found['unit']}'; {_DURATION_HELP}")
    raise DateError(f"{shown} is not a duration; {_DURATION_HELP}")


def format_days(n: int) -> str:
    """``1 day``, ``12 days``, ``-1 day``, ``0 days``."""
    return f"{n} day" if abs(n) == 1 else f"{n} days"


# ------------------------------------------------------------------------- periods

_PERIODS: Final[tuple[Period, ...]] = get_args(Period)
_PERIOD_WORDS: Final[dict[str, Period]] = {
    "day": "day",
    "days": "day",
    "daily": "day",
    "d": "day",
    "week": "week",
    "weeks": "week",
    "weekly": "week",
    "w": "week",
    "month": "month",
    "months": "month",
    "monthly": "month",
    "m": "month",
    "year": "year",
    "years": "year",
    "yearly": "year",
    "annually": "year",
    "y": "year",
}


def parse_period(value: object) -> Period:
    """Read a recurring goal's ``every:`` value: day/week/month/year (also daily, weekly…)."""
    if isinstance(value, str):
        text = " ".join(value.split()).lower()
        text = text.removeprefix("every ").removeprefix("1 ").removeprefix("a ")
        if text in _PERIOD_WORDS:
            return _PERIOD_WORDS[text]
        shown = _show(value)
    else:
        shown = "an empty value" if value is None else f"a {type(value).__name__}"
    raise DateError(f"{shown} is not a period; write one of: {', '.join(_PERIODS)}")


def _check_period(every: str) -> None:
    if every not in _PERIODS:
        raise DateError(f"{_show(every)} is not a period; write one of: {', '.join(_PERIODS)}")


def period_start(d: dt.date, every: Period) -> dt.date:
    """The first day of the period holding ``d``; ISO weeks start on Monday."""
    _check_period(every)
    if every == "day":
        return d
    if every == "week":
        return d - dt.timedelta(days=d.weekday())  # 0001-01-01 is a Monday
    if every == "month":
        return d.replace(day=1)
    return d.replace(month=1, day=1)


def period_end(d: dt.date, every: Period) -> dt.date:
    """The last day (inclusive) of the period holding ``d`` (at most 9999-12-31)."""
    _check_period(every)
    if every == "day":
        return d
    if every == "week":
        remaining = 6 - d.weekday()
        if d.toordinal() + remaining > dt.date.max.toordinal():
            return dt.date.max
        return d + dt.timedelta(days=remaining)
    if every == "month":
        return d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return d.replace(month=12, day=31)


def next_period_start(d: dt.date, every: Period) -> dt.date:
    """The first day of the period after the one holding ``d``.

    Raises :class:`DateError` past the last representable date (9999-12-31).
    """
    end = period_end(d, every)
    if end == dt.date.max:
        raise DateError("there is no period after 9999-12-31")
    return end + dt.timedelta(days=1)


def prev_period_start(d: dt.date, every: Period) -> dt.date:
    """The first day of the period before the one holding ``d``.

    Raises :class:`DateError` before the first representable date (0001-01-01).
    """
    start = period_start(d, every)
    if start == dt.date.min:
        raise DateError("there is no period before 0001-01-01")
    return period_start(start - dt.timedelta(days=1), every)


def periods_between(start: dt.date, end: dt.date, every: Period) -> list[tuple[dt.date, dt.date]]:
    """The whole periods covering ``start``..``end`` as inclusive (first, last) days.

    The first period may begin before ``start`` and the last may end after ``end``;
    an ``end`` before ``start`` gives an empty list.
    """
    _check_period(every)
    periods: list[tuple[dt.date, dt.date]] = []
    if end < start:
        return periods
    first = period_start(start, every)
    while first <= end:
        last = period_end(first, every)
        periods.append((first, last))
        if last == dt.date.max:
            break
        first = last + dt.timedelta(days=1)
    return periods


# ------------------------------------------------------------------ daily-note names

#: The moment.js tokens a daily-note format may use (Obsidian's Daily notes `format`).
DAILY_TOKENS: Final = ("YYYY", "YY", "MMMM", "MMM", "MM", "M", "Do", "DD", "D", "dddd", "ddd")
# Letters that are moment.js tokens mdnet does not read (week numbers, hours...): written
# outside [brackets] they would not be literal text in Obsidian either.
_MOMENT_LETTERS: Final = frozenset("YyMQDdEeWwGgAaHhkmsSZXxNL")
_MONTH_NAME_RE: Final = "|".join(
    sorted({n for m in MONTH_NAMES for n in (m, m[:3])} | {"Sept"}, key=len, reverse=True)
)
_WEEKDAY_RE: Final = "|".join(
    sorted({n for w in WEEKDAY_NAMES for n in (w, w[:3])}, key=len, reverse=True)
)
_TOKEN_RE: Final = {
    "YYYY": r"(?P<Y_{i}>[0-9]{{4}})",
    "YY": r"(?P<YY_{i}>[0-9]{{2}})",
    "MMMM": rf"(?P<N_{{i}}>{_MONTH_NAME_RE})",
    "MMM": rf"(?P<N_{{i}}>{_MONTH_NAME_RE})",
    "MM": r"(?P<M_{i}>[0-9]{{2}})",
    "M": r"(?P<M_{i}>[0-9]{{1,2}})",
    "Do": r"(?P<D_{i}>[0-9]{{1,2}})(?:st|nd|rd|th)",
    "DD": r"(?P<D_{i}>[0-9]{{2}})",
    "D": r"(?P<D_{i}>[0-9]{{1,2}})",
    "dddd": rf"(?:{_WEEKDAY_RE})",
    "ddd": rf"(?:{_WEEKDAY_RE})",
}
# Adjacent variable-width tokens (`MDMD...`) make matching exponential: a real format has
# fewer than ten (`YYYY/MM/YYYY-MM-DD dddd` has six).
_MAX_DAILY_TOKENS: Final = 12
_FIELD_OF: Final = {"Y": "y", "YY": "y", "N": "m", "M": "m", "D": "d"}


def daily_format_regex(fmt: str, folder: str = "") -> re.Pattern[str]:
    """A regex over a note's vault path (without `.md`) for daily notes named by ``fmt``.

    ``fmt`` uses the moment.js tokens of :data:`DAILY_TOKENS`, ``[literal text]`` and ``/``
    for sub-folders (``YYYY/MM/YYYY-MM-DD dddd``); it must name a year, a month and a day.
    The name may sit at any depth; with a ``folder``, only under that folder. Month and
    weekday names are English, in any case. Raises :class:`DateError` for any other format.
    Read a match with :func:`daily_match_date`.
    """
    shown = _show(fmt)
    if not fmt.strip():
        raise DateError("an empty format names no daily note; write e.g. YYYY-MM-DD")
    out: list[str] = []
    seen: set[str] = set()
    i = tokens = 0
    while i < len(fmt):
        char = fmt[i]
        if char == "[":
            end = fmt.find("]", i + 1)
            if end < 0:
                raise DateError(f"{shown} has a '[' that is never closed")
            out.append(re.escape(fmt[i + 1 : end]))
            i = end + 1
            continue
        token = next((t for t in DAILY_TOKENS if fmt.startswith(t, i)), None)
        if token is not None:
            tokens += 1
            if tokens > _MAX_DAILY_TOKENS:
                raise DateError(f"{shown} has more than {_MAX_DAILY_TOKENS} date tokens")
            out.append(_TOKEN_RE[token].format(i=len(out)))
            seen.add(token[0] if token[0] == "D" else token[0].lower())  # dddd: no day
            i += len(token)
            continue
        if char in _MOMENT_LETTERS:
            run = re.match(rf"{re.escape(char)}+o?", fmt[i:])
            bad = run.group(0) if run else char
            raise DateError(
                f"{shown}: the token {bad!r} is not supported (use {', '.join(DAILY_TOKENS)}, "
                "and put other text in [brackets])"
            )
        if char == "\\" or (char == "/" and (i == 0 or fmt[i - 1] == "/" or i == len(fmt) - 1)):
            raise DateError(f"{shown} has a stray {char!r}")
        out.append("/" if char == "/" else re.escape(char))
        i += 1
    names = (("year", "y"), ("month", "m"), ("day", "D"))
    missing = [name for name, field in names if field not in seen]
    if missing:
        raise DateError(f"{shown} names no {' and no '.join(missing)}; daily notes need all three")
    where = re.escape(folder.strip("/")) + "/" if folder.strip("/") else ""
    return re.compile(f"^{where}(?:.*/)?{''.join(out)}$", re.IGNORECASE)


def daily_match_date(found: re.Match[str]) -> dt.date | None:
    """The date a :func:`daily_format_regex` match names; None when its parts disagree
    (``2026-11-02 (03)``) or name no real day."""
    parts: dict[str, int] = {}
    for name, text in found.groupdict().items():
        if text is None:
            continue
        kind = name.split("_", 1)[0]
        if kind == "N":
            value = _MONTHS.get(text.lower(), 0)
        elif kind == "YY":
            value = int(text) + (1900 if int(text) > 68 else 2000)  # as moment.js reads YY
        else:
            value = int(text)
        field = _FIELD_OF[kind]
        if parts.setdefault(field, value) != value:
            return None
    if len(parts) != 3:
        return None
    return _real_date(parts["y"], parts["m"], parts["d"])
