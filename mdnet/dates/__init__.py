"""Dates, durations and calendar periods as written by hand in a vault, and the moment.js
formats of daily-note names and templates: one module per job, every public name here."""

from __future__ import annotations

from mdnet.dates.durations import MAX_DURATION_DAYS, format_days, parse_duration
from mdnet.dates.moment import DAILY_TOKENS, daily_format_regex, daily_match_date, moment_format
from mdnet.dates.parse import (
    DATE_AT_START,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    DateError,
    leading_date,
    parse_date,
)
from mdnet.dates.periods import (
    Period,
    next_period_start,
    parse_period,
    period_end,
    period_start,
    periods_between,
    prev_period_start,
)

__all__ = [
    "DAILY_TOKENS",
    "DATE_AT_START",
    "MAX_DURATION_DAYS",
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "DateError",
    "Period",
    "daily_format_regex",
    "daily_match_date",
    "format_days",
    "leading_date",
    "moment_format",
    "next_period_start",
    "parse_date",
    "parse_duration",
    "parse_period",
    "period_end",
    "period_start",
    "periods_between",
    "prev_period_start",
]
