"""Dates that come back every year: birthdays and anniversaries, with or without a year.

A yearly date is written `YYYY-MM-DD` (the year known) or `--MM-DD` / `MM-DD` (no year,
as vCard writes a birthday without one). February 29 is valid without a year and in a
leap year; in other years it falls on **February 28** (the day stays in February, and a
reminder a day early is better than one a day late). The calendar export uses the same
rule (`BYMONTHDAY=-1`, the last day of February).
"""

from __future__ import annotations

import datetime as dt
import re

from msgspec import Struct

from mdnet.dates import MONTH_NAMES, DateError, parse_date
from mdnet.dates.parse import days_in_month, is_leap

_NO_YEAR = re.compile(r"(?:--)?([0-9]{1,2})-([0-9]{1,2})")


class Yearly(Struct, frozen=True):
    """A month and day that recur each year; `year` when the first one is known."""

    month: int
    day: int
    year: int | None = None

    @property
    def leap_day(self) -> bool:
        return (self.month, self.day) == (2, 29)

    def on(self, year: int) -> dt.date:
        """This date in `year`: February 29 is February 28 in a year that has none."""
        if self.leap_day and not is_leap(year):
            return dt.date(year, 2, 28)
        return dt.date(year, self.month, self.day)

    def next_on_or_after(self, today: dt.date) -> dt.date:
        """The first time it falls on `today` or later."""
        this_year = self.on(today.year)
        return this_year if this_year >= today else self.on(today.year + 1)

    def years_on(self, day: dt.date) -> int | None:
        """How many years it has been on `day` (an age), when the year is known."""
        return day.year - self.year if self.year is not None else None

    def text(self) -> str:
        """As written back: `1990-05-14` or `--05-14`."""
        if self.year is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"--{self.month:02d}-{self.day:02d}"


def is_yearless(value: object) -> bool:
    """Whether `value` is written as a month and day only (`--05-14`, `05-14`)."""
    return isinstance(value, str) and _NO_YEAR.fullmatch(value.strip()) is not None


def parse_yearly(value: object) -> Yearly:
    """Read `YYYY-MM-DD` (any date :func:`mdnet.dates.parse_date` reads), `--MM-DD` or
    `MM-DD`; a :class:`DateError` saying what is wrong otherwise (`--02-30`)."""
    if isinstance(value, str):
        match = _NO_YEAR.fullmatch(value.strip())
        if match is not None:
            month, day = int(match.group(1)), int(match.group(2))
            if not 1 <= month <= 12:
                raise DateError(f"{value.strip()} is not a real date (month {month})")
            last = days_in_month(2000, month)  # 2000 is a leap year: 02-29 is fine
            if not 1 <= day <= last:
                raise DateError(
                    f"{value.strip()} is not a real date ({MONTH_NAMES[month - 1]} has {last} days)"
                )
            return Yearly(month, day)
    try:
        found = parse_date(value)
    except DateError as exc:
        raise DateError(f"{exc}, or --MM-DD without a year") from None
    return Yearly(found.month, found.day, found.year)
