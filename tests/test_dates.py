"""Tests for mdnet.dates: dates, durations and periods."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import itertools

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from mdnet.dates import (
    DATE_AT_START,
    MAX_DURATION_DAYS,
    DateError,
    Period,
    daily_format_regex,
    daily_match_date,
    format_days,
    leading_date,
    next_period_start,
    parse_date,
    parse_duration,
    parse_period,
    period_end,
    period_start,
    periods_between,
    prev_period_start,
)
from mdnet.dates.moment import moment_format
from mdnet.dates.parse import days_in_month, is_leap

D = dt.date

# ----------------------------------------------------------------------- parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-02", D(2026, 11, 2)),
        ("  2026-11-02  ", D(2026, 11, 2)),
        ("2028-02-29", D(2028, 2, 29)),
        ("2000-02-29", D(2000, 2, 29)),
        ("2026-12-31", D(2026, 12, 31)),
        ("2026-1-5", D(2026, 1, 5)),
        ("2026-11-02T10:00", D(2026, 11, 2)),
        ("2026-11-02T10:00:59", D(2026, 11, 2)),
        ("2026-11-02T10:00:59.123Z", D(2026, 11, 2)),
        ("2026-11-02T23:30:00+02:00", D(2026, 11, 2)),
        ("2026-11-02 10:30", D(2026, 11, 2)),
        ("2026-11-02 9:30 pm", D(2026, 11, 2)),
        ("[[2026-11-02]]", D(2026, 11, 2)),
        ("[[2026-11-02|Monday]]", D(2026, 11, 2)),
        ("[[Daily/2026-11-02]]", D(2026, 11, 2)),
        ("[[2026-11-02#Log]]", D(2026, 11, 2)),
        ("'2026-11-02'", D(2026, 11, 2)),
        (D(2026, 11, 2), D(2026, 11, 2)),
        (dt.datetime(2026, 11, 2, 23, 59), D(2026, 11, 2)),
        (dt.datetime(2026, 11, 2, tzinfo=dt.UTC), D(2026, 11, 2)),
    ],
)
def test_parse_date_accepts(value: object, expected: dt.date) -> None:
    assert parse_date(value) == expected


def test_parse_date_returns_plain_date_for_datetime() -> None:
    result = parse_date(dt.datetime(2026, 11, 2, 8, 0))
    assert type(result) is dt.date


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-13-45", "2026-13-45 is not a real date (month 13)"),
        ("2026-00-10", "2026-00-10 is not a real date (month 0)"),
        ("2026-02-29", "2026-02-29 is not a real date (February 2026 has 28 days)"),
        ("2026-04-31", "2026-04-31 is not a real date (April 2026 has 30 days)"),
        ("2026-02-00", "2026-02-00 is not a real date (day 0)"),
        ("0000-01-01", "0000-01-01 is not a real date (year 0)"),
        ("2026-13-45T10:00", "2026-13-45 is not a real date (month 13)"),
        ("[[2026-13-45]]", "2026-13-45 is not a real date (month 13)"),
        ("next month", "'next month' is not a date; write YYYY-MM-DD"),
        ("soon", "'soon' is not a date; write YYYY-MM-DD"),
        ("31/12/1990", "'31/12/1990' looks like day/month/year; write 1990-12-31"),
        ("31.12.1990", "'31.12.1990' looks like day.month.year; write 1990-12-31"),
        ("12/31/1990", "'12/31/1990' looks like month/day/year; write 1990-12-31"),
        ("03/04/2026", "'03/04/2026' is ambiguous (day/month or month/day?); write YYYY-MM-DD"),
        ("31/02/2026", "'31/02/2026' is not a real date; write YYYY-MM-DD"),
        ("2026/11/02", "'2026/11/02' is not in YYYY-MM-DD form; write 2026-11-02"),
        ("20261102", "'20261102' has no dashes; write 2026-11-02"),
        ("2026-12", "'2026-12' has no day; write YYYY-MM-DD (e.g. 2026-12-31)"),
        ("Nov 2, 2026", "'Nov 2, 2026' is not in YYYY-MM-DD form; write 2026-11-02"),
        ("2 November 2026", "'2 November 2026' is not in YYYY-MM-DD form; write 2026-11-02"),
        ("2026-11-02 Coffee", "'2026-11-02 Coffee' has text after the date; write just YYYY-MM-DD"),
        ("", "an empty value is not a date; write YYYY-MM-DD"),
        ("   ", "an empty value is not a date; write YYYY-MM-DD"),
        ("[[]]", "'[[]]' links to no date; write YYYY-MM-DD"),
        (
            "{{date}}",
            "template placeholder '{{date}}' was never filled in; write YYYY-MM-DD",
        ),
        (
            "<% tp.date.now() %>",
            "template placeholder '<% tp.date.now() %>' was never filled in; write YYYY-MM-DD",
        ),
        (
            "{{date:YYYY-MM-DD}}",
            "template placeholder '{{date:YYYY-MM-DD}}' was never filled in; write YYYY-MM-DD",
        ),
        (
            1700000000000,
            "1700000000000 looks like epoch milliseconds (2023-11-14); write YYYY-MM-DD",
        ),
        (
            "1700000000000",
            "'1700000000000' looks like epoch milliseconds (2023-11-14); write YYYY-MM-DD",
        ),
        (1700000000, "1700000000 looks like epoch seconds (2023-11-14); write YYYY-MM-DD"),
        (2026, "2026 is a year, not a date; write YYYY-MM-DD (e.g. 2026-12-31)"),
        (20261102, "20261102 has no dashes; write 2026-11-02"),
        (42, "42 is a number, not a date; write YYYY-MM-DD"),
        (-5, "-5 is a number, not a date; write YYYY-MM-DD"),
        (10**400, "a very large number is a number, not a date; write YYYY-MM-DD"),
        (1.5, "1.5 is a number, not a date; write YYYY-MM-DD"),
        (1.7e12, "1700000000000.0 looks like epoch milliseconds (2023-11-14); write YYYY-MM-DD"),
        (True, "true is not a date; write YYYY-MM-DD"),
        (False, "false is not a date; write YYYY-MM-DD"),
        (None, "an empty value is not a date; write YYYY-MM-DD"),
        ([1, 2], "a list is not a date; write YYYY-MM-DD"),
        ([], "a list is not a date; write YYYY-MM-DD"),
        ({"a": 1}, "a mapping is not a date; write YYYY-MM-DD"),
        (
            [[D(2026, 11, 2)]],
            'YAML reads an unquoted [[2026-11-02]] as a nested list; quote it: "[[2026-11-02]]"',
        ),
        (object(), "a object is not a date; write YYYY-MM-DD"),
    ],
)
def test_parse_date_rejects_with_message(value: object, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert caught.value.message == message
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


def test_parse_date_message_shortens_long_text() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("x" * 10_000)
    assert len(caught.value.message) < 120


# --------------------------------------------------------------------- leading_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-02 Coffee", (D(2026, 11, 2), 11)),
        ("[[2026-11-02]] Coffee", (D(2026, 11, 2), 15)),
        ("2026-11-02: Coffee", (D(2026, 11, 2), 12)),
        ("2026-11-02 — Coffee", (D(2026, 11, 2), 13)),
        ("2026-11-02 – Coffee", (D(2026, 11, 2), 13)),
        ("2026-11-02 - Coffee", (D(2026, 11, 2), 13)),
        ("2026-11-02 -- Coffee", (D(2026, 11, 2), 14)),
        ("2026-11-02:Coffee", (D(2026, 11, 2), 11)),
        ("[[2026-11-02]]: Coffee", (D(2026, 11, 2), 16)),
        ("[[2026-11-02|Mon]] Coffee", (D(2026, 11, 2), 19)),
        ("[[Daily/2026-11-02]] Coffee", (D(2026, 11, 2), 21)),
        ("2026-11-02", (D(2026, 11, 2), 10)),
        ("2026-11-02 ", (D(2026, 11, 2), 11)),
        ("  2026-11-02 x", (D(2026, 11, 2), 13)),
        ("2028-02-29 leap", (D(2028, 2, 29), 11)),
        ("2026-11-02 +3 guest posts", (D(2026, 11, 2), 11)),
    ],
)
def test_leading_date(text: str, expected: tuple[dt.date, int]) -> None:
    assert leading_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Coffee on 2026-11-02",
        "2026-13-45 Coffee",
        "2026-02-29 not leap",
        "[[2026-13-45]] Coffee",
        "2026-11-02x",
        "2026-11-021",
        "2026-11-02-03",
        "2026-1-2 short",
        "[[2026-11-02 unclosed",
        "31/12/2026 Coffee",
    ],
)
def test_leading_date_none(text: str) -> None:
    assert leading_date(text) is None


def test_leading_date_rest_of_text() -> None:
    text = "[[2026-11-02]] — introduced her to [[Sam Ortiz]] #give"
    found = leading_date(text)
    assert found is not None
    assert text[found[1] :] == "introduced her to [[Sam Ortiz]] #give"


def test_date_at_start_groups() -> None:
    found = DATE_AT_START.match("[[2026-11-02]] x")
    assert found is not None
    assert found["date"] == "2026-11-02"
    assert (found["y"], found["m"], found["d"]) == ("2026", "11", "02")


# -------------------------------------------------------------------- parse_duration


@pytest.mark.parametrize(
    ("value", "days"),
    [
        ("45d", 45),
        ("8w", 56),
        ("2m", 60),
        ("1y", 365),
        (30, 30),
        ("30", 30),
        (" 30 ", 30),
        (30.0, 30),
        ("weekly", 7),
        ("biweekly", 14),
        ("fortnightly", 14),
        ("monthly", 30),
        ("quarterly", 91),
        ("yearly", 365),
        ("annually", 365),
        ("daily", 1),
        ("WEEKLY", 7),
        (" Monthly ", 30),
        ("45 days", 45),
        ("1 day", 1),
        ("2 weeks", 14),
        ("3 months", 90),
        ("2 years", 730),
        ("45D", 45),
        ("8 W", 56),
        ("every 2 weeks", 14),
        ("every week", 7),
        ("month", 30),
        ("100y", MAX_DURATION_DAYS),
        (dt.timedelta(days=10), 10),
    ],
)
def test_parse_duration(value: object, days: int) -> None:
    assert parse_duration(value) == days


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (0, "0 is not a positive duration"),
        ("0d", "'0d' is not a positive duration"),
        (-3, "-3 is not a positive duration"),
        ("-3d", "'-3d' is not a positive duration"),
        ("45h", "'45h': unknown unit 'h'"),
        ("5 fortnights", "unknown unit 'fortnights'"),
        ("sometimes", "'sometimes' is not a duration"),
        ("every now and then", "is not a duration"),
        ("1.5w", "'1.5w' is not a duration"),
        (1.5, "1.5 is not a whole number of days"),
        ("", "an empty value is not a duration"),
        (None, "an empty value is not a duration"),
        (True, "true is not a duration"),
        ([7], "a list is not a duration"),
        ("101y", "'101y' is longer than 100 years"),
        (10**400, "a very large number is longer than 100 years"),
        ("9" * 5000, "is not a duration"),
        ("{{cadence}}", "is not a duration"),
    ],
)
def test_parse_duration_rejects(value: object, fragment: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_duration(value)
    assert fragment in caught.value.message
    assert "45d" in caught.value.message  # says what to write


# ------------------------------------------------------------------------ periods


@pytest.mark.parametrize(
    ("value", "period"),
    [
        ("week", "week"),
        ("weekly", "week"),
        ("Every Week", "week"),
        ("month", "month"),
        ("monthly", "month"),
        ("a year", "year"),
        ("day", "day"),
        ("daily", "day"),
    ],
)
def test_parse_period(value: str, period: Period) -> None:
    assert parse_period(value) == period


@pytest.mark.parametrize("value", ["fortnight", "", 7, None, "quarter"])
def test_parse_period_rejects(value: object) -> None:
    with pytest.raises(DateError, match="is not a period"):
        parse_period(value)


@pytest.mark.parametrize(
    ("day", "every", "start", "end"),
    [
        (D(2026, 12, 31), "week", D(2026, 12, 28), D(2027, 1, 3)),
        (D(2026, 12, 28), "week", D(2026, 12, 28), D(2027, 1, 3)),
        (D(2027, 1, 3), "week", D(2026, 12, 28), D(2027, 1, 3)),
        (D(2027, 1, 4), "week", D(2027, 1, 4), D(2027, 1, 10)),
        (D(2028, 2, 29), "week", D(2028, 2, 28), D(2028, 3, 5)),
        (D(2026, 12, 31), "day", D(2026, 12, 31), D(2026, 12, 31)),
        (D(2026, 12, 31), "month", D(2026, 12, 1), D(2026, 12, 31)),
        (D(2028, 2, 10), "month", D(2028, 2, 1), D(2028, 2, 29)),
        (D(2026, 2, 10), "month", D(2026, 2, 1), D(2026, 2, 28)),
        (D(2026, 4, 30), "month", D(2026, 4, 1), D(2026, 4, 30)),
        (D(2026, 1, 31), "month", D(2026, 1, 1), D(2026, 1, 31)),
        (D(2026, 7, 4), "year", D(2026, 1, 1), D(2026, 12, 31)),
        (D(2028, 12, 31), "year", D(2028, 1, 1), D(2028, 12, 31)),
        (dt.date.min, "week", dt.date.min, D(1, 1, 7)),
        (dt.date.max, "week", D(9999, 12, 27), dt.date.max),
    ],
)
def test_period_start_and_end(day: dt.date, every: Period, start: dt.date, end: dt.date) -> None:
    assert period_start(day, every) == start
    assert period_end(day, every) == end


@pytest.mark.parametrize(
    ("day", "every", "after", "before"),
    [
        (D(2026, 12, 31), "day", D(2027, 1, 1), D(2026, 12, 30)),
        (D(2026, 3, 1), "day", D(2026, 3, 2), D(2026, 2, 28)),
        (D(2028, 3, 1), "day", D(2028, 3, 2), D(2028, 2, 29)),
        (D(2026, 12, 31), "week", D(2027, 1, 4), D(2026, 12, 21)),
        (D(2027, 1, 1), "week", D(2027, 1, 4), D(2026, 12, 21)),
        (D(2026, 1, 31), "month", D(2026, 2, 1), D(2025, 12, 1)),
        (D(2026, 12, 15), "month", D(2027, 1, 1), D(2026, 11, 1)),
        (D(2026, 1, 1), "month", D(2026, 2, 1), D(2025, 12, 1)),
        (D(2026, 6, 15), "year", D(2027, 1, 1), D(2025, 1, 1)),
    ],
)
def test_next_and_prev_period_start(
    day: dt.date, every: Period, after: dt.date, before: dt.date
) -> None:
    assert next_period_start(day, every) == after
    assert prev_period_start(day, every) == before


def test_iso_week_one_of_2027_starts_on_monday_2027_01_04() -> None:
    monday = D.fromisocalendar(2027, 1, 1)
    assert monday == D(2027, 1, 4)
    assert period_start(D(2027, 1, 7), "week") == monday
    # The week holding 2027-01-01 is ISO week 53 of 2026.
    assert period_start(D(2027, 1, 1), "week") == D.fromisocalendar(2026, 53, 1)


def test_period_edges_of_calendar() -> None:
    with pytest.raises(DateError):
        next_period_start(dt.date.max, "year")
    with pytest.raises(DateError):
        prev_period_start(dt.date.min, "month")


def test_unknown_period_raises_date_error() -> None:
    with pytest.raises(DateError):
        period_start(D(2026, 1, 1), "fortnight")  # type: ignore[arg-type]


def test_periods_between_weeks_across_year_boundary() -> None:
    assert periods_between(D(2026, 12, 24), D(2027, 1, 12), "week") == [
        (D(2026, 12, 21), D(2026, 12, 27)),
        (D(2026, 12, 28), D(2027, 1, 3)),
        (D(2027, 1, 4), D(2027, 1, 10)),
        (D(2027, 1, 11), D(2027, 1, 17)),
    ]


def test_periods_between_months_over_leap_february() -> None:
    assert periods_between(D(2027, 12, 20), D(2028, 3, 1), "month") == [
        (D(2027, 12, 1), D(2027, 12, 31)),
        (D(2028, 1, 1), D(2028, 1, 31)),
        (D(2028, 2, 1), D(2028, 2, 29)),
        (D(2028, 3, 1), D(2028, 3, 31)),
    ]


def test_periods_between_years_and_days() -> None:
    assert periods_between(D(2026, 6, 1), D(2027, 2, 1), "year") == [
        (D(2026, 1, 1), D(2026, 12, 31)),
        (D(2027, 1, 1), D(2027, 12, 31)),
    ]
    assert periods_between(D(2026, 12, 30), D(2027, 1, 1), "day") == [
        (D(2026, 12, 30), D(2026, 12, 30)),
        (D(2026, 12, 31), D(2026, 12, 31)),
        (D(2027, 1, 1), D(2027, 1, 1)),
    ]


def test_periods_between_single_and_empty() -> None:
    assert periods_between(D(2026, 3, 4), D(2026, 3, 4), "month") == [
        (D(2026, 3, 1), D(2026, 3, 31))
    ]
    assert periods_between(D(2026, 3, 5), D(2026, 3, 4), "day") == []


def test_periods_between_reaches_last_date() -> None:
    periods = periods_between(D(9999, 12, 20), dt.date.max, "week")
    assert periods[-1] == (D(9999, 12, 27), dt.date.max)


PERIODS: tuple[Period, ...] = ("day", "week", "month", "year")
SOME_DAYS = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))


@given(SOME_DAYS, st.sampled_from(PERIODS))
def test_period_properties(day: dt.date, every: Period) -> None:
    start, end = period_start(day, every), period_end(day, every)
    assert start <= day <= end
    assert period_start(end, every) == start
    assert period_end(start, every) == end
    assert next_period_start(day, every) == end + dt.timedelta(days=1)
    assert period_end(prev_period_start(day, every), every) == start - dt.timedelta(days=1)
    if every == "week":
        assert start.weekday() == 0
        assert (end - start).days == 6


@given(SOME_DAYS, st.integers(min_value=0, max_value=400), st.sampled_from(PERIODS))
def test_periods_between_tiles_the_range(start: dt.date, span: int, every: Period) -> None:
    end = start + dt.timedelta(days=span)
    periods = periods_between(start, end, every)
    assert periods[0][0] <= start <= periods[0][1]
    assert periods[-1][0] <= end <= periods[-1][1]
    for (_, last), (first, _) in itertools.pairwise(periods):
        assert first == last + dt.timedelta(days=1)


# ---------------------------------------------------------------------- format_days


@pytest.mark.parametrize(
    ("n", "text"), [(0, "0 days"), (1, "1 day"), (2, "2 days"), (12, "12 days"), (-1, "-1 day")]
)
def test_format_days(n: int, text: str) -> None:
    assert format_days(n) == text


# ---------------------------------------------------------------------- robustness

ANYTHING = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.dates()
    | st.datetimes()
    | st.timedeltas(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)
DATEISH_TEXT = st.from_regex(
    r"\A[\[\]!]{0,3}[0-9]{1,5}[-/. ][0-9]{1,3}[-/. ][0-9]{1,5}[T :0-9a-zA-Z|#\]]{0,12}\Z"
)


@given(ANYTHING)
def test_parse_date_only_raises_date_error(value: object) -> None:
    try:
        assert isinstance(parse_date(value), dt.date)
    except DateError as error:
        assert error.message


@given(ANYTHING)
def test_parse_duration_only_raises_date_error(value: object) -> None:
    try:
        assert 0 < parse_duration(value) <= MAX_DURATION_DAYS
    except DateError as error:
        assert error.message


@given(st.text() | DATEISH_TEXT)
def test_text_never_raises_other_errors(text: str) -> None:
    for function in (parse_date, parse_duration, parse_period):
        with contextlib.suppress(DateError):
            function(text)
    found = leading_date(text)
    if found is not None:
        assert 0 < found[1] <= len(text)


@given(st.dates())
def test_iso_round_trip(day: dt.date) -> None:
    text = day.isoformat()
    assert parse_date(text) == day
    assert parse_date(f"[[{text}]]") == day
    assert leading_date(f"{text} note") == (day, len(text) + 1)


# ------------------------------------------------------------------ daily-note formats


@pytest.mark.parametrize(
    ("fmt", "path", "expected"),
    [
        ("YYYY-MM-DD", "2026-11-02", dt.date(2026, 11, 2)),
        ("YYYY-MM-DD", "Any/Folder/2026-11-02", dt.date(2026, 11, 2)),
        ("YYYY/MM/YYYY-MM-DD", "Daily/2026/11/2026-11-02", dt.date(2026, 11, 2)),
        ("YYYY/MM/YYYY-MM-DD dddd", "2026/11/2026-11-02 Monday", dt.date(2026, 11, 2)),
        ("YYYY-MM-DD ddd", "2026-11-02 mon", dt.date(2026, 11, 2)),  # any case
        ("YYYY-MM-DD (DD)", "2026-11-02 (02)", dt.date(2026, 11, 2)),
        ("YYYY-MM-DD (DD)", "2026-11-02 (03)", None),  # the two days disagree
        ("YYYY/YYYY-MM-DD", "2025/2026-11-02", None),
        ("Do MMMM YYYY", "2nd November 2026", dt.date(2026, 11, 2)),
        ("D MMM YY", "2 Nov 26", dt.date(2026, 11, 2)),
        ("D MMM YY", "2 Nov 99", dt.date(1999, 11, 2)),  # as moment.js reads YY
        ("[Journal] M.D.YYYY", "Journal 11.2.2026", dt.date(2026, 11, 2)),
        ("YYYYMMDD", "20261102", dt.date(2026, 11, 2)),
        ("YYYY-MM-DD", "2026-02-30", None),  # no such day: not a daily note
        ("YYYY-MM-DD", "2026-11-02 extra", None),
        ("YYYY/MM/YYYY-MM-DD", "2026-11-02", None),  # the year folder is part of the name
    ],
)
def test_daily_format(fmt: str, path: str, expected: dt.date | None) -> None:
    found = daily_format_regex(fmt).match(path)
    assert (daily_match_date(found) if found else None) == expected


def test_daily_format_folder() -> None:
    pattern = daily_format_regex("YYYY-MM-DD", "/Journal/")
    assert pattern.match("Journal/2026/2026-11-02") is not None
    assert pattern.match("Notes/2026-11-02") is None
    assert pattern.match("journal/2026-11-02") is not None  # as the file systems of Mac, Windows


@pytest.mark.parametrize(
    "fmt",
    [
        "",
        "YYYY-MM",
        "MM-DD",
        "gggg-[W]ww",
        "YYYY-MM-DD HH:mm",
        "Journal YYYY-MM-DD",
        "[YYYY-MM-DD",
        "/YYYY-MM-DD",
        "YYYY//MM-DD",
        "YYYY-MM-DD/",
        "YYYY\\MM\\DD",
        "X",
    ],
)
def test_unusable_daily_formats(fmt: str) -> None:
    with pytest.raises(DateError):
        daily_format_regex(fmt)


_TOKENS = st.sampled_from(("YYYY", "YY", "MMMM", "MMM", "MM", "M", "Do", "DD", "D", "dddd", "ddd"))
_GLUE = st.sampled_from(("-", " ", ".", "_", "/", "[ at ]", ", "))


@given(
    st.dates(dt.date(1970, 1, 1), dt.date(2068, 12, 31)),
    st.lists(st.tuples(_TOKENS, _GLUE), min_size=0, max_size=4),
    st.permutations(("YYYY", "MM", "DD")),
)
def test_a_name_obsidian_writes_gives_back_its_date(
    day: dt.date, extra: list[tuple[str, str]], core: list[str]
) -> None:
    """Whatever format a user picks, the note Obsidian names with it is read as that day."""
    from mdnet.scaffold import moment_format

    fmt = "-".join(core) + "".join(glue + token for token, glue in extra)
    name = moment_format(fmt, day, dt.time(9, 0))
    found = daily_format_regex(fmt).match(name)
    assert found is not None, (fmt, name)
    assert daily_match_date(found) == day


@given(st.text(max_size=40), st.text(max_size=60))
def test_any_daily_format_is_read_or_refused_with_a_message(fmt: str, path: str) -> None:
    try:
        pattern = daily_format_regex(fmt)
    except DateError as exc:
        assert str(exc)
        return
    found = pattern.match(path)
    if found is not None:
        daily_match_date(found)  # a date or None, never an exception


def test_a_pathological_format_cannot_make_matching_slow() -> None:
    with pytest.raises(DateError, match="more than 12"):
        daily_format_regex("MD" * 7 + "YYYY")


# ------------------------------------------------------------ values as YAML reads them


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "met: [[2026-11-02]]",
            'YAML reads an unquoted [[2026-11-02]] as a nested list; quote it: "[[2026-11-02]]"',
        ),
        (
            "met: [[Daily/2026-11-02]]",
            "YAML reads an unquoted [[Daily/2026-11-02]] as a nested list; "
            'quote it: "[[Daily/2026-11-02]]"',
        ),
        ("met: [[2026-11-02, 2026-11-03]]", "a list is not a date; write YYYY-MM-DD"),
        ("met: [[2026-11-02], [2026-11-03]]", "a list is not a date; write YYYY-MM-DD"),
        ("met: [2026-11-02]", "a list is not a date; write YYYY-MM-DD"),
        ("met: [[[2026-11-02]]]", "a list is not a date; write YYYY-MM-DD"),
        ("met: [[42]]", "a list is not a date; write YYYY-MM-DD"),
        ("met: 2026-11", "'2026-11' has no day; write YYYY-MM-DD (e.g. 2026-11-30)"),
        ("met: 2026", "2026 is a year, not a date; write YYYY-MM-DD (e.g. 2026-12-31)"),
    ],
)
def test_parse_date_of_what_yaml_reads(front: str, message: str) -> None:
    """`met: [[2026-11-02]]` unquoted is a list holding a list holding a date for YAML."""
    value = yaml.safe_load(front)["met"]
    with pytest.raises(DateError) as caught:
        parse_date(value)
    assert caught.value.message == message


def test_parse_date_of_a_quoted_link_yaml_reads() -> None:
    assert parse_date(yaml.safe_load('met: "[[2026-11-02]]"')["met"]) == D(2026, 11, 2)
    assert parse_date(yaml.safe_load("met: 2026-11-02 10:30")["met"]) == D(2026, 11, 2)


# ------------------------------------------------------- day/month or month/day: 12 and 13


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12/05/2026", "'12/05/2026' is ambiguous (day/month or month/day?); write YYYY-MM-DD"),
        ("05/12/2026", "'05/12/2026' is ambiguous (day/month or month/day?); write YYYY-MM-DD"),
        ("12/12/2026", "'12/12/2026' is ambiguous (day/month or month/day?); write YYYY-MM-DD"),
        ("13/05/2026", "'13/05/2026' looks like day/month/year; write 2026-05-13"),
        ("13/12/2026", "'13/12/2026' looks like day/month/year; write 2026-12-13"),
        ("05/13/2026", "'05/13/2026' looks like month/day/year; write 2026-05-13"),
        ("12/13/2026", "'12/13/2026' looks like month/day/year; write 2026-12-13"),
        ("13-05-2026", "'13-05-2026' looks like day-month-year; write 2026-05-13"),
        ("05.13.2026", "'05.13.2026' looks like month.day.year; write 2026-05-13"),
        ("13/13/2026", "'13/13/2026' is not a real date; write YYYY-MM-DD"),
        ("31/04/2026", "'31/04/2026' is not a real date; write YYYY-MM-DD"),
        ("04/31/2026", "'04/31/2026' is not a real date; write YYYY-MM-DD"),
    ],
)
def test_day_month_boundary(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert caught.value.message == message


# ----------------------------------------------------------------- edges of the messages


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (999, "999 is a number, not a date; write YYYY-MM-DD"),
        (1000, "1000 is a year, not a date; write YYYY-MM-DD (e.g. 1000-12-31)"),
        (9999, "9999 is a year, not a date; write YYYY-MM-DD (e.g. 9999-12-31)"),
        (10000, "10000 is a number, not a date; write YYYY-MM-DD"),
        (10_000_000, "10000000 is a number, not a date; write YYYY-MM-DD"),
        (10_000_101, "10000101 has no dashes; write 1000-01-01"),
        (99_991_231, "99991231 has no dashes; write 9999-12-31"),
        (99_999_999, "99999999 is a number, not a date; write YYYY-MM-DD"),
        (10**8, "100000000 looks like epoch seconds (1973-03-03); write YYYY-MM-DD"),
        (10**11 - 1, "99999999999 looks like epoch seconds (5138-11-16); write YYYY-MM-DD"),
        (10**11, "100000000000 looks like epoch milliseconds (1973-03-03); write YYYY-MM-DD"),
        (
            10**14 - 1,
            "99999999999999 looks like epoch milliseconds (5138-11-16); write YYYY-MM-DD",
        ),
        (10**14, "100000000000000 is a number, not a date; write YYYY-MM-DD"),
        (10**30 - 1, f"{10**30 - 1} is a number, not a date; write YYYY-MM-DD"),
        (10**30, "a very large number is a number, not a date; write YYYY-MM-DD"),
        (-(10**30), "a very large number is a number, not a date; write YYYY-MM-DD"),
        ("'", "''' is not a date; write YYYY-MM-DD"),
        ("''", "an empty value is not a date; write YYYY-MM-DD"),
        ("'2026-11-02\"", "''2026-11-02\"' is not a date; write YYYY-MM-DD"),
        ("0001-01", "'0001-01' has no day; write YYYY-MM-DD (e.g. 0001-01-31)"),
        ("9999-12", "'9999-12' has no day; write YYYY-MM-DD (e.g. 9999-12-31)"),
        ("2026-01", "'2026-01' has no day; write YYYY-MM-DD (e.g. 2026-01-31)"),
        ("2026-02", "'2026-02' has no day; write YYYY-MM-DD (e.g. 2026-02-28)"),
        ("2026-00", "'2026-00' is not a date; write YYYY-MM-DD"),
        ("2026-13", "'2026-13' is not a date; write YYYY-MM-DD"),
        ("0000-05", "'0000-05' is not a date; write YYYY-MM-DD"),
        ("0001-01-01", "OK"),
        ("9999-12-31", "OK"),
        ("2026/13/01", "'2026/13/01' is not a real date (month 13)"),
        ("x" * 60, "'" + "x" * 60 + "' is not a date; write YYYY-MM-DD"),
        ("x" * 61, "'" + "x" * 59 + "…' is not a date; write YYYY-MM-DD"),
        ("[[2026-11-02.MD]]", "OK"),
        ("[[2026-11-02.md|a|b]]", "OK"),
        ("[[2026-11-02#a#b]]", "OK"),
        ("[[Daily/2026/2026-11-02]]", "OK"),
        ("[[2026-11-02/x]]", "'x' is not a date; write YYYY-MM-DD"),
        ("[[.md]]", "'[[.md]]' links to no date; write YYYY-MM-DD"),
        ("[[x.md]]", "'x' is not a date; write YYYY-MM-DD"),
        ("[[xmd]]", "'xmd' is not a date; write YYYY-MM-DD"),
        ("X2026-11-02X", "'X2026-11-02X' is not a date; write YYYY-MM-DD"),
        ("31 February 2026", "'31 February 2026' is not a real date; write YYYY-MM-DD"),
        ("Feb 30, 2026", "'Feb 30, 2026' is not a real date; write YYYY-MM-DD"),
    ],
)
def test_parse_date_edges(value: object, message: str) -> None:
    try:
        parse_date(value)
    except DateError as error:
        assert error.message == message
    else:
        assert message == "OK"


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("", "an empty format names no daily note; write e.g. YYYY-MM-DD"),
        ("[abc", "'[abc' has a '[' that is never closed"),
        ("YYYY-MM-DD[", "'YYYY-MM-DD[' has a '[' that is never closed"),
        ("YYYY-MM", "'YYYY-MM' names no day; daily notes need all three"),
        ("MM-DD", "'MM-DD' names no year; daily notes need all three"),
        ("YYYY-DD", "'YYYY-DD' names no month; daily notes need all three"),
        ("DD", "'DD' names no year and no month; daily notes need all three"),
        (
            "YYYY-MM-DD HH",
            "'YYYY-MM-DD HH': the token 'HH' is not supported (use YYYY, YY, MMMM, MMM, MM, "
            "M, Do, DD, D, dddd, ddd, and put other text in [brackets])",
        ),
        (
            "YYYY-MM-DD Wo",
            "'YYYY-MM-DD Wo': the token 'Wo' is not supported (use YYYY, YY, MMMM, MMM, MM, "
            "M, Do, DD, D, dddd, ddd, and put other text in [brackets])",
        ),
        ("YYYY-MM-DD /", "'YYYY-MM-DD /' has a stray '/'"),
        ("/YYYY-MM-DD", "'/YYYY-MM-DD' has a stray '/'"),
        ("YYYY//MM-DD", "'YYYY//MM-DD' has a stray '/'"),
        ("YYYY\\MM-DD", "'YYYY\\MM-DD' has a stray '\\\\'"),
        ("YYYY" * 10 + "MMDD", "OK"),  # 12 tokens
        ("YYYY" * 11 + "MMDD", "'" + "YYYY" * 11 + "MMDD' has more than 12 date tokens"),
        ("[]YYYY-MM-DD", "OK"),
    ],
)
def test_daily_format_messages(fmt: str, message: str) -> None:
    try:
        daily_format_regex(fmt)
    except DateError as error:
        assert error.message == message
    else:
        assert message == "OK"


@pytest.mark.parametrize(
    ("fmt", "folder", "path", "expected"),
    [
        ("YY-MM-DD", "", "68-11-02", dt.date(2068, 11, 2)),
        ("YY-MM-DD", "", "69-11-02", dt.date(1969, 11, 2)),
        ("YYYY/MM/DD", "", "2026/11/02", dt.date(2026, 11, 2)),
        ("MMMM D, YYYY", "", "November 2, 2026", dt.date(2026, 11, 2)),
        ("MMM D YYYY", "", "Sept 2 2026", dt.date(2026, 9, 2)),
        ("DD MMM YYYY MMMM", "", "02 Nov 2026 December", None),
        ("YYYY-MM-DD", "/Daily/", "Daily/2026-11-02", dt.date(2026, 11, 2)),
        ("YYYY-MM-DD", "/Daily/", "Other/2026-11-02", None),
        ("YYYY-MM-DD", "/", "Other/2026-11-02", dt.date(2026, 11, 2)),
        ("YYYY-MM-DD", "Da.ly", "Daily/2026-11-02", None),
        ("YYYY-MM-DD", "Xmas/", "Xmas/2026-11-02", dt.date(2026, 11, 2)),
        ("YYYY-MM-DD", "X", "Other/2026-11-02", None),
    ],
)
def test_daily_formats_read_back(
    fmt: str, folder: str, path: str, expected: dt.date | None
) -> None:
    found = daily_format_regex(fmt, folder).match(path)
    assert (daily_match_date(found) if found else None) == expected


def test_no_period_past_the_calendar() -> None:
    with pytest.raises(DateError) as after:
        next_period_start(dt.date(9999, 12, 31), "day")
    assert after.value.message == "there is no period after 9999-12-31"
    with pytest.raises(DateError) as before:
        prev_period_start(dt.date(1, 1, 1), "day")
    assert before.value.message == "there is no period before 0001-01-01"
    with pytest.raises(DateError) as unknown:
        period_end(dt.date(2026, 1, 1), "fortnight")  # type: ignore[arg-type]
    assert (
        unknown.value.message == "'fortnight' is not a period; write one of: day, week, month, year"
    )


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (20, "20th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (24, "24th"),
        (30, "30th"),
        (31, "31st"),
    ],
)
def test_moment_ordinal_days(day: int, text: str) -> None:
    assert moment_format("Do", dt.date(2026, 1, day), dt.time(9, 0)) == text


def test_moment_format_every_token() -> None:
    """2026-03-08 is a Sunday, day 67 of the year, in ISO week 10."""
    fmt = "YYYY YY Q MMMM MMM MM M DDDD DDD Do DD D dddd ddd dd d E WW W"
    day = dt.date(2026, 3, 8)
    expected = "2026 26 1 March Mar 03 3 067 67 8th 08 8 Sunday Sun Su 0 7 10 10"
    assert moment_format(fmt, day, dt.time(9, 0)) == expected
    clock = "HH H hh h mm m ss s A a [at] [HH]"
    assert moment_format(clock, day, dt.time(14, 5, 9)) == "14 14 02 2 05 5 09 9 PM pm at HH"
    assert moment_format(clock, day, dt.time(0, 0, 0)) == "00 0 12 12 00 0 00 0 AM am at HH"
    assert moment_format("h A", day, dt.time(11, 59)) == "11 AM"
    assert moment_format("h A a", day, dt.time(12, 0)) == "12 PM pm"
    assert moment_format("h A a", day, dt.time(13, 0)) == "1 PM pm"
    assert moment_format("Q", dt.date(2026, 12, 31), dt.time(0, 0)) == "4"
    assert moment_format("Q d", dt.date(2026, 4, 1), dt.time(0, 0)) == "2 3"


HELP = "write e.g. 45d, 8w, 2m, 1y, a number of days, or weekly/monthly"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1, 1),
        (MAX_DURATION_DAYS, MAX_DURATION_DAYS),
        (MAX_DURATION_DAYS + 1, f"{MAX_DURATION_DAYS + 1} is longer than 100 years; {HELP}"),
        ("36500d", MAX_DURATION_DAYS),
        ("36501", f"'36501' is longer than 100 years; {HELP}"),
        ("100y", MAX_DURATION_DAYS),
        ("36501d", f"'36501d' is longer than 100 years; {HELP}"),
        ("5215w", f"'5215w' is longer than 100 years; {HELP}"),
        ("5214w", 36498),
        (7.0, 7),
        (0.0, f"0.0 is not a positive duration; {HELP}"),
        (dt.timedelta(days=3), 3),
        (dt.timedelta(hours=3), f"0 days is not a positive duration; {HELP}"),
        (0, f"0 is not a positive duration; {HELP}"),
        ("0d", f"'0d' is not a positive duration; {HELP}"),
        ("45h", f"'45h': unknown unit 'h'; {HELP}"),
        ("sometimes", f"'sometimes' is not a duration; {HELP}"),
        (1.5, f"1.5 is not a whole number of days; {HELP}"),
        ("  ", f"an empty value is not a duration; {HELP}"),
        (None, f"an empty value is not a duration; {HELP}"),
        (False, f"false is not a duration; {HELP}"),
        ([7], f"a list is not a duration; {HELP}"),
        ("Every  2  Weeks", 14),
        ("WEEK", 7),
        ("every month", 30),
        ("Fortnightly", 14),
        ("2 wéeks", f"'2 wéeks' is not a duration; {HELP}"),
        ("2 wks", 14),
    ],
)
def test_parse_duration_edges(value: object, message: int | str) -> None:
    try:
        assert parse_duration(value) == message
    except DateError as error:
        assert error.message == message


PERIOD_HELP = "is not a period; write one of: day, week, month, year"


@pytest.mark.parametrize(
    ("value", "result"),
    [
        ("1 week", "week"),
        ("every 1 month", "month"),
        ("a day", "day"),
        ("week 1", f"'week 1' {PERIOD_HELP}"),
        ("fortnight", f"'fortnight' {PERIOD_HELP}"),
        (None, f"an empty value {PERIOD_HELP}"),
        (7, f"a int {PERIOD_HELP}"),
    ],
)
def test_parse_period_edges(value: object, result: str) -> None:
    try:
        assert parse_period(value) == result
    except DateError as error:
        assert error.message == result
        assert error.args == (result,)


def test_days_in_month_and_leap_years_are_the_calendars() -> None:
    for year in (*range(1, 2101), 2400, 9999):
        assert is_leap(year) == calendar.isleap(year), year
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1], (year, month)
