"""Durations (a contact's cadence, `--within`): `45d`, `8w`, `monthly`, in days."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from mdnet.dates.parse import DateError, _show, _show_int

#: The longest duration (a cadence, a window) accepted: 100 years. Longer values are
#: rejected so that ``date + timedelta(days=n)`` can never overflow downstream.
MAX_DURATION_DAYS: Final = 36_500

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
