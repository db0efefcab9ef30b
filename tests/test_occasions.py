"""Birthdays and anniversaries: read and checked (F004), listed by `due`, shown by the
report (never in --public), exported by `calendar` as yearly events (parsed back)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, run, vault_rows
from dateutil.rrule import rrulestr  # type: ignore[import-untyped]  # icalendar's dependency
from icalendar import Calendar

from mdnet.calendar import uid

CONFIG = """
[folders]
contacts = "People"
"""

TODAY = date(2026, 11, 23)  # conftest's default --today; 2026 and 2027 are no leap years


def person(*fields: str) -> str:
    return "\n".join(["---", "network: friends", *fields, "---", "- 2026-11-01 Call"]) + "\n"


FILES = {
    "People/Ann Today.md": person("birthday: --11-23"),
    "People/Bob Week.md": person("birthday: 1986-11-30", "anniversary: 2016-11-25"),
    "People/Cy Eight.md": person("birthday: 12-01"),  # in 8 days: outside 7d
    "People/Lea Leap.md": person("birthday: 1992-02-29"),
    "People/Old Archived.md": person("birthday: --11-24", "status: archived"),
    "People/Pia Private.md": person("birthday: --11-24", "private: true"),
}


@pytest.fixture
def vault(make_vault: MakeVault) -> Path:
    return make_vault(FILES, config=CONFIG)


def due_json(vault: Path, *args: str, today: str = TODAY.isoformat()) -> dict[str, Any]:
    result = run("due", str(vault), "--format", "json", *args, today=today)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def occasions(data: dict[str, Any]) -> list[tuple[str, str, str, int, int | None]]:
    return [(o["name"], o["kind"], o["date"], o["days"], o["years"]) for o in data["occasions"]]


# ------------------------------------------------------------------------ reading, F004


@pytest.mark.parametrize(
    ("value", "col"),
    [("--02-30", 11), ("02-30", 11), ("1990-02-29", 11), ("--13-01", 11), ('"next May"', 12)],
)
def test_a_day_that_does_not_exist_is_f004_at_the_value(
    make_vault: MakeVault, value: str, col: int
) -> None:
    root = make_vault({"People/Dana.md": f"---\nbirthday: {value}\n---\n"}, config=CONFIG)
    found = [(r["path"], r["line"], r["column"]) for r in vault_rows(root) if r["code"] == "F004"]
    assert found == [("People/Dana.md", 2, col)]


@pytest.mark.parametrize("value", ["--02-29", "02-29", "1992-02-29", "--5-4", "1990-05-14", ""])
def test_written_birthdays_are_clean(make_vault: MakeVault, value: str) -> None:
    root = make_vault({"People/Dana.md": f"---\nbirthday: {value}\nanniversary: {value}\n---\n"})
    assert [r for r in vault_rows(root) if r["code"].startswith("F")] == []


def test_the_keys_are_configurable(make_vault: MakeVault) -> None:
    config = CONFIG + '\n[contacts]\nbirthday = "born"\nanniversary = "wedding"\n'
    files = {"People/Dana.md": person("born: --11-25", "wedding: --11-26", "birthday: --02-30")}
    root = make_vault(files, config=config)
    assert occasions(due_json(root)) == [
        ("Dana", "birthday", "2026-11-25", 2, None),
        ("Dana", "anniversary", "2026-11-26", 3, None),
    ]
    assert [r["code"] for r in vault_rows(root) if r["code"].startswith("F")] == []


def test_a_vault_typing_birthday_as_a_date_accepts_a_year_less_birthday(
    make_vault: MakeVault,
) -> None:
    """Obsidian's types.json says `birthday` is a date: a contact's `--05-14` is a birthday
    without a year (not flagged), `--02-30` is flagged once, and a note that is no contact
    gets the date check of the property type."""
    files: dict[str, str | bytes] = {
        ".obsidian/types.json": '{"types": {"birthday": "date"}}',
        "People/Dana.md": "---\nbirthday: --05-14\n---\n",
        "People/Eve.md": "---\nbirthday: --02-30\n---\n",
        "Notes/Idea.md": "---\nbirthday: --05-14\n---\n",
    }
    root = make_vault(files, config=CONFIG)
    found = sorted((r["path"], r["line"]) for r in vault_rows(root) if r["code"] == "F004")
    assert found == [("Notes/Idea.md", 2), ("People/Eve.md", 2)]


# --------------------------------------------------------------------------------- due


def test_due_lists_today_and_the_last_day_of_the_window(vault: Path) -> None:
    data = due_json(vault, "--within", "7d")
    assert occasions(data) == [
        ("Ann Today", "birthday", "2026-11-23", 0, None),
        ("Pia Private", "birthday", "2026-11-24", 1, None),
        ("Bob Week", "anniversary", "2026-11-25", 2, 10),
        ("Bob Week", "birthday", "2026-11-30", 7, 40),
    ]
    assert data["occasions"][0]["path"] == "People/Ann Today.md"
    assert data["occasions"][3]["written"] == "1986-11-30"
    wider = occasions(due_json(vault, "--within", "8d"))
    assert ("Cy Eight", "birthday", "2026-12-01", 8, None) in wider


def test_due_text_says_when(vault: Path) -> None:
    result = run("due", str(vault), "--within", "7d")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("Birthdays and anniversaries (4)")
    assert lines[start + 2 : start + 6] == [
        "Ann Today · birthday today",
        "Pia Private · birthday tomorrow (Tue 2026-11-24)",
        "Bob Week · anniversary in 2 days (Wed 2026-11-25, 10 years)",
        "Bob Week · birthday in 7 days (Mon 2026-11-30, turns 40)",
    ]
    assert "Cy Eight · birthday" not in result.stdout
    assert "Old Archived" not in result.stdout.split("Never contacted")[0]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2027-02-28", [("Lea Leap", "birthday", "2027-02-28", 0, 35)]),  # no Feb 29 in 2027
        ("2027-02-22", [("Lea Leap", "birthday", "2027-02-28", 6, 35)]),
        ("2028-02-28", [("Lea Leap", "birthday", "2028-02-29", 1, 36)]),  # a leap year
        ("2028-03-01", []),
    ],
)
def test_february_29_falls_on_february_28_in_other_years(
    vault: Path, today: str, expected: list[Any]
) -> None:
    assert occasions(due_json(vault, "--within", "7d", today=today)) == expected


def test_due_network_filter_applies_to_birthdays(make_vault: MakeVault) -> None:
    files = {
        "People/Ann.md": person("birthday: --11-23"),
        "People/Zed.md": "---\nnetwork: work\nbirthday: --11-23\n---\n",
    }
    root = make_vault(files, config=CONFIG)
    assert [o[0] for o in occasions(due_json(root, "--network", "work"))] == ["Zed"]


def test_no_birthday_no_section(make_vault: MakeVault) -> None:
    root = make_vault({"People/Ann.md": person()}, config=CONFIG)
    result = run("due", str(root))
    assert "Birthdays" not in result.stdout
    assert due_json(root)["occasions"] == []


# ------------------------------------------------------------------------------ report


def report(vault: Path, fmt: str, *args: str) -> str:
    result = run("report", str(vault), "--format", fmt, "-o", "-", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_report_lists_the_next_30_days(vault: Path) -> None:
    rows = json.loads(report(vault, "json"))["occasions"]
    assert [(r["name"], r["kind"], r["date"], r["days"], r["years"]) for r in rows] == [
        ("Ann Today", "birthday", "2026-11-23", 0, None),
        ("Pia Private", "birthday", "2026-11-24", 1, None),
        ("Bob Week", "anniversary", "2026-11-25", 2, 10),
        ("Bob Week", "birthday", "2026-11-30", 7, 40),
        ("Cy Eight", "birthday", "2026-12-01", 8, None),
    ]
    markdown = report(vault, "md")
    assert "## Birthdays and anniversaries" in markdown
    assert "| birthday (turns 40) | 2026-11-30 | in 7 days |" in markdown
    assert "| birthday | 2026-11-23 | today |" in markdown
    assert 'id="occasions"' in report(vault, "html")


def test_public_report_shows_no_birthday(vault: Path) -> None:
    data = json.loads(report(vault, "json", "--public"))
    assert data["occasions"] == []
    for fmt in ("md", "html"):
        text = report(vault, fmt, "--public")
        assert "irthday" not in text and "nniversary" not in text, fmt
        assert "2026-11-30" not in text, fmt


# ---------------------------------------------------------------------------- calendar


def calendar(vault: Path, *args: str, today: str = TODAY.isoformat()) -> Calendar:
    result = run("calendar", str(vault), *args, today=today)
    assert result.exit_code == 0, result.output
    return Calendar.from_ical(result.stdout)


def yearly_events(cal: Calendar) -> dict[str, Any]:
    return {
        str(e["summary"]): e
        for e in cal.walk("VEVENT")
        if {"birthday", "anniversary"} & {str(c) for c in e.get("categories").cats}
    }


def next_on_or_after(event: Any, day: date) -> date:
    """The first occurrence on or after `day`, as a calendar app expands the RRULE."""
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=datetime(*start.timetuple()[:3]))
    found = rule.after(datetime(day.year, day.month, day.day), inc=True)
    assert isinstance(found, datetime)
    return found.date()


def test_calendar_birthdays_recur_every_year(vault: Path) -> None:
    events = yearly_events(calendar(vault))
    assert set(events) == {
        "Birthday: Ann Today",
        "Birthday: Bob Week",
        "Anniversary: Bob Week",
        "Birthday: Cy Eight",
        "Birthday: Lea Leap",
        "Birthday: Pia Private",
    }
    for event in events.values():
        assert event["rrule"]["FREQ"] == ["YEARLY"]
        assert "VALARM" not in [c.name for c in event.subcomponents]
    assert next_on_or_after(events["Birthday: Ann Today"], TODAY) == TODAY
    bob = events["Birthday: Bob Week"]
    assert bob.decoded("dtstart") == date(1986, 11, 30)
    assert next_on_or_after(bob, TODAY) == TODAY + timedelta(days=7)
    assert next_on_or_after(events["Birthday: Cy Eight"], TODAY) == date(2026, 12, 1)
    leap = events["Birthday: Lea Leap"]
    assert next_on_or_after(leap, date(2027, 1, 1)) == date(2027, 2, 28)
    assert next_on_or_after(leap, date(2028, 1, 1)) == date(2028, 2, 29)
    assert next_on_or_after(leap, date(2028, 3, 1)) == date(2029, 2, 28)
    assert bob["uid"] == uid("birthday", "People/Bob Week.md")
    assert "Note: People/Bob Week.md" in str(bob["description"])


def test_calendar_uids_are_stable(vault: Path) -> None:
    first = {str(e["uid"]) for e in yearly_events(calendar(vault)).values()}
    later = {str(e["uid"]) for e in yearly_events(calendar(vault, today="2027-06-01")).values()}
    assert first == later and len(first) == 6


def test_public_calendar_has_no_birthdays(vault: Path) -> None:
    cal = calendar(vault, "--public")
    assert yearly_events(cal) == {}
    assert cal.walk("VEVENT"), "the reach-out events are still there"
    assert b"irthday" not in cal.to_ical()


@pytest.mark.parametrize(("given", "before"), [("1d", 1), ("1w", 7), ("0d", 0)])
def test_calendar_alarm_reminds_before_each_event(vault: Path, given: str, before: int) -> None:
    cal = calendar(vault, "--alarm", given)
    events = list(cal.walk("VEVENT"))
    assert len(events) > len(yearly_events(cal))  # reach-out events get one too
    for event in events:
        (alarm,) = [c for c in event.subcomponents if c.name == "VALARM"]
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm.decoded("trigger") == timedelta(days=-before)
        assert str(alarm["description"]) == str(event["summary"])


def test_calendar_alarm_must_be_a_duration(vault: Path) -> None:
    result = run("calendar", str(vault), "--alarm", "soon")
    assert result.exit_code == 2
    assert "--alarm" in result.stderr and "Traceback" not in result.stderr


def test_the_next_occurrence_of_every_month_and_day() -> None:
    """For every day of the year written without a year, from days across leap and other
    years: the next one is on or after today, within a year, on that month and day (29
    February on 28 February when the year has none)."""
    from mdnet.yearly import parse_yearly

    written = [parse_yearly(f"--{d.month:02d}-{d.day:02d}") for d in _days(date(2028, 1, 1))]
    assert len(written) == 366
    for today in list(_days(date(2027, 1, 1), 3))[::5]:
        for yearly in written:
            found = yearly.next_on_or_after(today)
            assert today <= found < today + timedelta(days=366)
            if yearly.leap_day and found.month == 2 and found.day == 28:
                assert found.year % 4 != 0
            else:
                assert (found.month, found.day) == (yearly.month, yearly.day)


def _days(start: date, years: int = 1) -> list[date]:
    end = start.replace(year=start.year + years)
    return [start + timedelta(days=n) for n in range((end - start).days)]
