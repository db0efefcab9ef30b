"""Goal progress and pace: progress, measure queries, +N entries, tasks, recurring goals."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, run, vault_rows

from mdnet.app import open_vault
from mdnet.derive import Derivation, GoalState

TODAY = date(2026, 11, 23)  # a Monday
GOAL = "Goals/Goal.md"

CONFIG = """
[folders]
contacts = "People"
goals = "Goals"
events = "Events"

[networks.bankers]
cadence = "30d"

[networks.bloggers]
cadence = "45d"
"""


def goal(*fields: str, body: str = "") -> str:
    lines = ["---", "type: goal", "goal: Do 10 things", *fields, "---", "# Goal", body]
    return "\n".join(lines) + "\n"


def contact(*fields: str, log: tuple[str, ...] = ()) -> str:
    return "\n".join(["---", *fields, "---", "## Log", *log]) + "\n"


def derive(vault: Path, today: date = TODAY) -> Derivation:
    return open_vault(vault, today).derived


def state_of(
    make_vault: MakeVault,
    *fields: str,
    body: str = "",
    files: dict[str, str] | None = None,
    today: date = TODAY,
) -> GoalState:
    vault = make_vault({GOAL: goal(*fields, body=body), **(files or {})}, config=CONFIG)
    return derive(vault, today).goals[GOAL]


WINDOW = ("start: 2026-09-01", "deadline: 2027-02-28", "target: 8")


# ------------------------------------------------------------------ progress precedence


def test_progress_field_wins_over_everything(make_vault: MakeVault) -> None:
    s = state_of(
        make_vault,
        *WINDOW,
        "progress: 5",
        "measure: {count: events}",
        body="- 2026-11-01 +3 done\n- [x] a task",
    )
    assert (s.source, s.progress) == ("progress", 5)


def test_measure_wins_over_log_and_tasks(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WINDOW, "measure: {count: events}", body="- 2026-11-01 +3 done")
    assert (s.source, s.progress) == ("measure", 0)


def test_log_wins_over_tasks(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WINDOW, body="- 2026-11-01 +3 done\n- [x] a task\n- [x] another")
    assert (s.source, s.progress) == ("log", 3)


def test_no_source_is_zero(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WINDOW, body="Nothing counted here.")
    assert (s.source, s.progress) == ("none", 0)


# ------------------------------------------------------------------ +N entries


def test_plus_n_entries_within_the_window(make_vault: MakeVault) -> None:
    body = "\n".join(
        [
            "- 2026-08-31 +100 before the start",
            "- 2026-09-01 +2 guest posts",
            "- [[2026-10-01]] +3 guest posts",
            "- 2026-10-15: +1.5 half a post",
            "- 2026-11-01 one post, no plus: counts 1",
            "- 2026-11-23 +4 today counts",
            "- 2026-11-24 +50 tomorrow does not count yet",
            "- Undated +7 is not an entry",
        ]
    )
    s = state_of(make_vault, *WINDOW, body=body)
    assert s.source == "log"
    assert s.progress == pytest.approx(2 + 3 + 1.5 + 1 + 4)


def test_plus_n_after_the_deadline_does_not_count(make_vault: MakeVault) -> None:
    body = "- 2026-10-01 +2 posts\n- 2026-11-20 +3 late posts"
    s = state_of(make_vault, "start: 2026-09-01", "deadline: 2026-10-31", "target: 2", body=body)
    assert s.progress == 2
    assert s.state == "achieved"


# ------------------------------------------------------------------ checked tasks


def test_checked_tasks(make_vault: MakeVault) -> None:
    body = "\n".join(
        [
            "- [x] Pitch Dana ✅ 2026-11-02",
            "- [X] Pitch Budget Bites",
            "- [x] Pitched before the start ✅ 2026-08-01",
            "- [ ] Pitch Beth",
            "- [-] Cancelled pitch",
        ]
    )
    s = state_of(make_vault, *WINDOW, body=body)
    assert (s.source, s.progress) == ("tasks", 2)


# ------------------------------------------------------------------ measure: contacts


BANKERS = {
    "People/In window met.md": contact("network: bankers", "met: 2026-09-10"),
    "People/In window first log.md": contact("network: bankers", log=("- 2026-10-08 Coffee",)),
    "People/Met before.md": contact(
        "network: bankers", "met: 2026-03-01", log=("- 2026-10-01 Call",)
    ),
    "People/Met after today.md": contact("network: bankers", "met: 2026-12-01"),
    "People/Blogger.md": contact("network: bloggers", "met: 2026-10-01", "tags: [podcast]"),
    "People/Tagged banker.md": contact(
        "network: bankers", "tags: [lending]", "met: 2025-01-01", log=("- 2025-02-01 Call",)
    ),
}


def test_measure_new_contacts_in_network(make_vault: MakeVault) -> None:
    s = state_of(
        make_vault,
        *WINDOW,
        "measure: {count: contacts, network: bankers, new: true}",
        files=BANKERS,
    )
    assert (s.source, s.progress) == ("measure", 2)


def test_measure_contacts_in_network_touched_in_window(make_vault: MakeVault) -> None:
    # Without `new`, every contact of the network met or talked to in the window counts.
    s = state_of(make_vault, *WINDOW, "measure: {count: contacts, network: bankers}", files=BANKERS)
    assert s.progress == 3  # met 09-10, first log 10-08, met before but called 10-01


def test_measure_contacts_with_tag(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WINDOW, "measure: {count: contacts, tag: podcast}", files=BANKERS)
    assert s.progress == 1
    s = state_of(make_vault, *WINDOW, "measure: {count: contacts, tag: lending}", files=BANKERS)
    assert s.progress == 0  # tagged, but not met or contacted in the window


def test_measure_new_contacts_with_tag(make_vault: MakeVault) -> None:
    s = state_of(
        make_vault, *WINDOW, "measure: {count: contacts, tag: '#podcast', new: true}", files=BANKERS
    )
    assert s.progress == 1


# ------------------------------------------------------------------ measure: interactions


def test_measure_interactions_with_tag_and_network(make_vault: MakeVault) -> None:
    files = {
        "People/Banker.md": contact(
            "network: bankers",
            log=(
                "- 2026-08-30 Follow-up before the start #followup",
                "- 2026-09-05 Follow-up #followup",
                "- 2026-09-06 Coffee",
                "- 2026-12-01 Planned follow-up typed as done #followup",
            ),
        ),
        "People/Blogger.md": contact("network: bloggers", log=("- 2026-10-01 Email #followup",)),
        "Daily/2026-11-04.md": "- Followed up with [[Banker]] #followup\n",
    }
    tagged = state_of(
        make_vault, *WINDOW, "measure: {count: interactions, tag: followup}", files=files
    )
    assert tagged.progress == 3  # 09-05, 10-01, 11-04
    by_network = state_of(
        make_vault, *WINDOW, "measure: {count: interactions, network: bankers}", files=files
    )
    assert by_network.progress == 3  # 09-05, 09-06, 11-04
    both = state_of(
        make_vault,
        *WINDOW,
        "measure: {count: interactions, tag: followup, network: bloggers}",
        files=files,
    )
    assert both.progress == 1


# ------------------------------------------------------------------ measure: events


def test_measure_events_in_window(make_vault: MakeVault) -> None:
    def event(day: str) -> str:
        return f"---\ntype: event\ndate: {day}\n---\n"

    files = {
        "Events/Before.md": event("2026-10-31"),
        "Events/Breakfast.md": event("2026-11-05"),
        "Events/Forum.md": event("2026-11-18"),
        "Events/Tomorrow.md": event("2026-11-24"),
        "Events/Undated.md": "---\ntype: event\n---\n",
    }
    s = state_of(
        make_vault,
        "start: 2026-11-01",
        "deadline: 2026-11-30",
        "target: 2",
        "measure: {count: events}",
        files=files,
    )
    assert (s.source, s.progress, s.state) == ("measure", 2, "achieved")
    assert s.percent == 100


# ------------------------------------------------------------------ pace and state


def test_on_track_pace(make_vault: MakeVault) -> None:
    body = "- 2026-06-01 +27 posts"
    s = state_of(make_vault, "start: 2026-01-01", "deadline: 2026-12-31", "target: 30", body=body)
    assert s.expected == pytest.approx(30 * 326 / 364)  # 26.87
    assert s.days_left == 38
    assert s.percent == pytest.approx(90)
    assert s.state == "on track"


def test_behind_pace(make_vault: MakeVault) -> None:
    body = "- 2026-06-01 +12 posts"
    s = state_of(make_vault, "start: 2026-01-01", "deadline: 2026-12-31", "target: 30", body=body)
    assert s.state == "behind"
    assert s.percent == pytest.approx(40)


def test_exactly_on_pace_is_on_track(make_vault: MakeVault) -> None:
    # 2026-11-01..2026-11-30 is 29 days; on 11-23, 22 have passed: expected 22 of 29.
    s = state_of(
        make_vault,
        "start: 2026-11-01",
        "deadline: 2026-11-30",
        "target: 29",
        "progress: 22",
    )
    assert s.expected == pytest.approx(22)
    assert s.state == "on track"


def test_achieved(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WINDOW, "progress: 9")
    assert s.state == "achieved"


def test_missed(make_vault: MakeVault) -> None:
    s = state_of(
        make_vault, "start: 2026-01-01", "deadline: 2026-11-22", "target: 10", "progress: 9"
    )
    assert s.state == "missed"
    assert s.days_left == -1


def test_achieved_after_the_deadline_stays_achieved(make_vault: MakeVault) -> None:
    s = state_of(
        make_vault, "start: 2026-01-01", "deadline: 2026-11-22", "target: 10", "progress: 10"
    )
    assert s.state == "achieved"


@pytest.mark.parametrize(("status", "state"), [("done", "achieved"), ("dropped", "dropped")])
def test_status_decides(make_vault: MakeVault, status: str, state: str) -> None:
    s = state_of(make_vault, *WINDOW, "progress: 0", f"status: {status}")
    assert s.state == state


def test_before_the_start_nothing_is_expected(make_vault: MakeVault) -> None:
    s = state_of(
        make_vault, "start: 2026-12-01", "deadline: 2026-12-31", "target: 4", "progress: 0"
    )
    assert s.expected == 0
    assert s.state == "on track"


# ------------------------------------------------------------------ milestones


def test_milestones_attach_to_their_parent(make_vault: MakeVault) -> None:
    files = {
        "Goals/Long.md": goal("horizon: long", *WINDOW, "progress: 1"),
        "Goals/Milestone A.md": goal("horizon: short", 'parent: "[[Long]]"', "progress: 1"),
        "Goals/Milestone B.md": goal("horizon: short", 'parent: "[[Goals/Long]]"', "progress: 1"),
        "Goals/Orphan.md": goal("horizon: short", "progress: 1"),
    }
    goals = derive(make_vault(files, config=CONFIG)).goals
    assert goals["Goals/Long.md"].milestones == ("Goals/Milestone A.md", "Goals/Milestone B.md")
    assert goals["Goals/Long.md"].parent is None
    assert goals["Goals/Milestone A.md"].parent == "Goals/Long.md"
    assert goals["Goals/Milestone B.md"].parent == "Goals/Long.md"
    assert goals["Goals/Orphan.md"].parent is None
    assert goals["Goals/Orphan.md"].milestones == ()


# ------------------------------------------------------------------ recurring goals


WEEKLY = ("every: week", "target: 1", "measure: {count: interactions, tag: followup}")


def followups(*days: str) -> dict[str, str]:
    log = tuple(f"- {d} Followed up #followup" for d in days)
    return {"People/Pat.md": contact("network: bankers", log=log)}


def test_weekly_goal_across_a_week_boundary(make_vault: MakeVault) -> None:
    # Sunday 2026-11-22 belongs to the week of Monday 2026-11-16.
    s = state_of(make_vault, *WEEKLY, files=followups("2026-11-15", "2026-11-22"))
    assert s.periods[-1].start == date(2026, 11, 23)
    assert s.periods[-1].end == date(2026, 11, 29)
    assert s.periods[-1].count == 0
    assert s.periods[-2].start == date(2026, 11, 16)
    assert s.periods[-2].count == 1
    assert s.periods[-3].count == 1
    assert s.progress == 0
    assert s.streak == 2  # the current week is still open
    assert s.state == "on track"
    assert s.days_left == 6
    s = state_of(
        make_vault, *WEEKLY, files=followups("2026-11-15", "2026-11-22"), today=TODAY + timedelta(1)
    )
    assert s.streak == 2


def test_weekly_goal_shows_the_last_eight_weeks(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WEEKLY, files=followups("2026-11-23"))
    assert len(s.periods) == 8
    assert s.periods[0].start == date(2026, 10, 5)
    assert [p.met for p in s.periods] == [False] * 7 + [True]
    assert (s.progress, s.streak, s.percent) == (1, 1, 100)


def test_weekly_goal_start_limits_the_periods(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WEEKLY, "start: 2026-11-18", files=followups("2026-11-10"))
    assert [p.start for p in s.periods] == [date(2026, 11, 16), date(2026, 11, 23)]
    assert s.streak == 0


def test_weekly_goal_missed_last_week_is_behind(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WEEKLY, files=followups("2026-11-10"))
    assert s.state == "behind"
    assert s.streak == 0


@pytest.mark.parametrize(
    ("status", "deadline", "state"),
    [
        ("done", "", "achieved"),  # a habit kept long enough: not behind, whatever last week
        ("done", "deadline: 2026-11-01", "achieved"),
        ("dropped", "", "dropped"),
        ("active", "deadline: 2026-11-01", "missed"),
    ],
)
def test_weekly_goal_marked_done_or_dropped(
    make_vault: MakeVault, status: str, deadline: str, state: str
) -> None:
    fields = [*WEEKLY, f"status: {status}", *([deadline] if deadline else [])]
    s = state_of(make_vault, *fields, files=followups("2026-11-10"))  # last week missed
    assert s.state == state


def test_weekly_goal_met_this_week_is_on_track_even_after_a_miss(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WEEKLY, files=followups("2026-11-10", "2026-11-23"))
    assert s.state == "on track"
    assert s.streak == 1


def test_streak_is_not_capped_by_the_periods_shown(make_vault: MakeVault) -> None:
    days = [(date(2026, 11, 18) - timedelta(weeks=w)).isoformat() for w in range(12)]
    s = state_of(make_vault, *WEEKLY, files=followups(*days))
    assert len(s.periods) == 8
    assert s.streak == 12


YEAR_END = ("2026-12-21", "2026-12-28", "2027-01-02")


def test_weekly_goal_across_the_year_boundary_in_the_week(make_vault: MakeVault) -> None:
    # The week of Monday 2026-12-28 runs to Sunday 2027-01-03.
    s = state_of(make_vault, *WEEKLY, files=followups(*YEAR_END), today=date(2027, 1, 2))
    now = s.periods[-1]
    assert (now.start, now.end, now.count, now.met) == (
        date(2026, 12, 28),
        date(2027, 1, 3),
        2,
        True,
    )
    assert s.progress == 2
    assert s.streak == 2
    assert s.days_left == 1


def test_weekly_goal_across_the_year_boundary_next_week(make_vault: MakeVault) -> None:
    s = state_of(make_vault, *WEEKLY, files=followups(*YEAR_END), today=date(2027, 1, 5))
    assert (s.periods[-1].start, s.periods[-1].count) == (date(2027, 1, 4), 0)
    assert (s.periods[-2].start, s.periods[-2].count) == (date(2026, 12, 28), 2)
    assert s.progress == 0
    assert s.streak == 2
    assert s.state == "on track"


def test_monthly_goal_across_the_year_boundary(make_vault: MakeVault) -> None:
    fields = ("every: month", "target: 2", "measure: {count: interactions, tag: followup}")
    files = followups("2026-12-01", "2026-12-31", "2027-01-01")
    s = state_of(make_vault, *fields, files=files, today=date(2027, 1, 5))
    assert [(p.start, p.end, p.count) for p in s.periods[-2:]] == [
        (date(2026, 12, 1), date(2026, 12, 31), 2),
        (date(2027, 1, 1), date(2027, 1, 31), 1),
    ]
    assert (s.progress, s.streak, s.state) == (1, 1, "on track")
    assert s.percent == 50


def test_yearly_goal_with_log_entries(make_vault: MakeVault) -> None:
    fields = ("every: year", "target: 2", "start: 2025-01-01")
    body = "- 2025-03-01 conference\n- 2025-10-01 +1 conference\n- 2026-05-01 conference"
    s = state_of(make_vault, *fields, body=body, today=date(2027, 1, 5))
    assert [(p.start.year, p.count, p.met) for p in s.periods] == [
        (2025, 2, True),
        (2026, 1, False),
        (2027, 0, False),
    ]
    assert s.streak == 0
    assert s.state == "behind"


def test_daily_goal_with_progress_field_counts_the_current_day(make_vault: MakeVault) -> None:
    s = state_of(make_vault, "every: day", "target: 1", "progress: 1")
    assert (s.progress, s.streak, len(s.periods)) == (1, 1, 8)


# ------------------------------------------------------------------ one reading of `every:`


@pytest.mark.parametrize(
    ("written", "period"),
    [("every week", "week"), ("Every Month", "month"), ("weekly", "week"), ("a year", "year")],
)
def test_every_is_read_as_dates_reads_it(make_vault: MakeVault, written: str, period: str) -> None:
    note = goal(f"every: {written}", "target: 1", "progress: 1")
    vault = make_vault({GOAL: note}, config=CONFIG)
    assert derive(vault).goals[GOAL].goal.every == period
    assert vault_rows(vault) == []  # neither F005 nor G001 "no deadline"


def test_every_unreadable_is_f005_at_its_line(make_vault: MakeVault) -> None:
    vault = make_vault({GOAL: goal("deadline: 2027-01-31", "every: fortnight")}, config=CONFIG)
    found = [(r["code"], r["line"]) for r in vault_rows(vault) if r["code"] == "F005"]
    assert found == [("F005", 5)]


# ------------------------------------------------------------------ huge numbers


def _strict_json(text: str) -> Any:
    def refuse(name: str) -> None:
        raise ValueError(f"non-standard JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(
    "fields",
    [
        ("start: 2026-01-01", "deadline: 2026-12-31", "target: 1e308"),
        ("start: 2026-01-01", "deadline: 2026-12-31", "target: 1.7e308", "progress: 1e308"),
        ("every: week", "target: 1e-300", "progress: 1e308"),
    ],
)
def test_huge_target_is_not_an_internal_error(make_vault: MakeVault, fields: tuple[str]) -> None:
    vault = make_vault({GOAL: goal(*fields)}, config=CONFIG)
    checked = run("check", str(vault), "--format", "json", "--no-cache")
    assert checked.exit_code in (0, 1), checked.output
    assert isinstance(_strict_json(checked.stdout), list)
    report = run("report", str(vault), "--format", "json", "-o", "-", "--no-cache")
    assert report.exit_code == 0, report.output
    [row] = _strict_json(report.stdout)["goals"]
    assert row["percent"] is None or 0 <= row["percent"] < 1e6


def test_huge_target_expected_pace_is_finite(make_vault: MakeVault) -> None:
    s = state_of(make_vault, "start: 2026-01-01", "deadline: 2027-01-01", "target: 1e308")
    assert s.expected is not None and 0 < s.expected < 1e308
    assert s.state == "behind"


@pytest.mark.parametrize(
    ("every", "days", "streak"),
    [
        # the day before a met day is the next one back, whatever the month
        ("day", ("2026-10-31", "2026-11-01", "2026-11-20", "2026-11-21", "2026-11-22"), 3),
        ("day", ("2026-11-19", "2026-11-20", "2026-11-22"), 1),
        ("month", ("2026-08-31", "2026-09-30", "2026-10-01", "2026-11-05"), 4),
        ("month", ("2026-08-31", "2026-10-01", "2026-11-05"), 2),
        ("year", ("2024-12-31", "2025-01-01", "2026-02-01"), 3),
    ],
)
def test_streak_walks_back_one_period_at_a_time(
    make_vault: MakeVault, every: str, days: tuple[str, ...], streak: int
) -> None:
    fields = (f"every: {every}", "target: 1", "measure: {count: interactions, tag: followup}")
    assert state_of(make_vault, *fields, files=followups(*days)).streak == streak
