"""Calendar periods of a recurring goal (`every: week`): parsing, starts and ends."""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal, get_args

from mdnet.dates.parse import DateError, _show, days_in_month

Period = Literal["day", "week", "month", "year"]

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
        return d.replace(day=days_in_month(d.year, d.month))
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
