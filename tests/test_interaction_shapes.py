"""Interactions in the note shapes real vaults use: one interaction written twice, meeting
notes, event `people:`, and open tasks with a Tasks-plugin date (a scheduled touch)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, run

CONFIG = """
[folders]
contacts = "People"
events = "Events"

[networks.bankers]
cadence = "30d"
"""

DANA = "People/Dana Whitfield.md"
SAM = "People/Sam Ortiz.md"
SAMPLE = Path(__file__).resolve().parent.parent / "sample-vault"


def contact(*log: str, network: str = "bankers") -> str:
    return "\n".join(["---", "type: contact", f"network: {network}", "---", "## Log", *log]) + "\n"


def rows(vault: Path, today: str = "2026-11-23") -> dict[str, dict[str, Any]]:
    """`report --format json`: each contact's row by name."""
    result = run("report", str(vault), "--format", "json", "-o", "-", "--no-cache", today=today)
    assert result.exit_code == 0, result.output
    return {row["name"]: row for row in json.loads(result.stdout)["contacts"]}


def findings(vault: Path, today: str = "2026-11-23") -> list[tuple[str, str, int]]:
    """`check --format json`: (code, path from the vault root, line) of each finding."""
    args = ("--format", "json", "--exit-zero", "--no-cache", "--today", today)
    result = run("check", str(vault), *args, today=None)
    assert result.exit_code == 0, result.output
    root = vault.resolve()
    return [
        (r["code"], (Path.cwd() / r["path"]).resolve().relative_to(root).as_posix(), r["line"])
        for r in json.loads(result.stdout)
    ]


# ------------------------------------------------------------------ written twice, counted once


def test_log_and_daily_note_of_that_date_count_once(make_vault: MakeVault) -> None:
    files = {
        DANA: contact("- 2026-11-10 Sent her my budgeting post #give"),
        "Daily/2026-11-10.md": "- Sent [[Dana Whitfield]] my budgeting post #give\n",
    }
    row = rows(make_vault(files, config=CONFIG))["Dana Whitfield"]
    assert (row["gives"], row["asks"]) == (1, 0)
    assert (row["last_contact"], row["last_source"]) == ("2026-11-10", DANA)  # own log kept


def test_written_twice_untagged_counts_once_in_activity(make_vault: MakeVault) -> None:
    files = {
        DANA: contact("- 2026-11-10 Coffee"),
        "Daily/2026-11-10.md": "Coffee with [[Dana Whitfield]] at the branch.\n",
    }
    result = run("report", str(make_vault(files, config=CONFIG)), "--format", "json", "-o", "-")
    weeks = json.loads(result.stdout)["activity"]
    assert sum(w["interactions"] for w in weeks) == 1


@pytest.mark.parametrize(
    ("daily", "gives", "asks"),
    [
        ("- Asked [[Dana Whitfield]] for an intro #ask\n", 1, 1),  # another kind
        ("", 1, 0),  # written once
    ],
)
def test_other_kind_or_single_line_is_not_merged(
    make_vault: MakeVault, daily: str, gives: int, asks: int
) -> None:
    files = {DANA: contact("- 2026-11-10 Sent her my post #give"), "Daily/2026-11-10.md": daily}
    row = rows(make_vault(files, config=CONFIG))["Dana Whitfield"]
    assert (row["gives"], row["asks"]) == (gives, asks)


def test_lines_of_one_note_are_never_merged(make_vault: MakeVault) -> None:
    files = {
        DANA: contact("- 2026-11-10 Sent her my post #give", "- 2026-11-10 Introduced Sam #give"),
        "Daily/2026-11-10.md": "- Sent [[Dana Whitfield]] my post #give\n",
    }
    assert rows(make_vault(files, config=CONFIG))["Dana Whitfield"]["gives"] == 2


def test_another_date_is_another_interaction(make_vault: MakeVault) -> None:
    files = {
        DANA: contact("- 2026-11-10 Sent her my post #give"),
        "Daily/2026-11-11.md": "- Sent [[Dana Whitfield]] the second part #give\n",
    }
    assert rows(make_vault(files, config=CONFIG))["Dana Whitfield"]["gives"] == 2


def test_a_shared_line_still_counts_for_the_other_contact(make_vault: MakeVault) -> None:
    files = {
        DANA: contact("- 2026-11-10 Sent her my post #give"),
        SAM: contact("- 2026-10-01 Lunch"),
        "Daily/2026-11-10.md": "- Sent [[Dana Whitfield]] and [[Sam Ortiz]] my post #give\n",
    }
    found = rows(make_vault(files, config=CONFIG))
    assert found["Dana Whitfield"]["gives"] == 1
    assert (found["Sam Ortiz"]["gives"], found["Sam Ortiz"]["last_contact"]) == (1, "2026-11-10")


def test_sample_vault_marcus_bell_has_one_give() -> None:
    found = rows(SAMPLE)
    assert (found["Marcus Bell"]["gives"], found["Marcus Bell"]["asks"]) == (1, 0)


# ------------------------------------------------------------------ meeting and event notes


def test_meeting_note_is_an_interaction_with_each_person(make_vault: MakeVault) -> None:
    meeting = """\
        ---
        type: meeting
        date: 2026-11-20
        people: ["[[Dana Whitfield]]", "[[Sam Ortiz]]", "[[Not a contact]]"]
        ---
        # Quarterly planning
        """
    files = {
        DANA: contact("- 2026-09-01 Lunch"),
        SAM: contact(),
        "Meetings/Quarterly planning.md": meeting,
        "Not a contact.md": "# Not a contact\n",
    }
    vault = make_vault(files, config=CONFIG)
    found = rows(vault)
    for name in ("Dana Whitfield", "Sam Ortiz"):
        row = found[name]
        assert (row["last_contact"], row["last_source"], row["state"]) == (
            "2026-11-20",
            "Meetings/Quarterly planning.md",
            "ok",
        )
    assert findings(vault) == []  # not F006 unknown type, no E001 "no goal"


def test_meeting_attendees_key_in_any_case(make_vault: MakeVault) -> None:
    meeting = '---\ntype: meeting\ndate: 2026-11-20\nAttendees:\n  - "[[Dana Whitfield]]"\n---\n'
    vault = make_vault({DANA: contact(), "Meetings/2026-11-20 Sync.md": meeting}, config=CONFIG)
    assert rows(vault)["Dana Whitfield"]["last_source"] == "Meetings/2026-11-20 Sync.md"
    result = run("due", str(vault), "--within", "60d", "--no-cache")
    assert "last: 2026-11-20 Sync\n" in result.stdout  # the meeting's name, without its date


def test_meetings_folder_and_attendee_keys_from_the_configuration(make_vault: MakeVault) -> None:
    config = CONFIG.replace('events = "Events"', 'events = "Events"\nmeetings = "Calls"')
    config = 'attendee_keys = ["with"]\n' + config
    call = '---\ndate: 2026-11-20\nwith: ["[[Dana Whitfield]]"]\npeople: ["[[Sam Ortiz]]"]\n---\n'
    vault = make_vault({DANA: contact(), SAM: contact(), "Calls/Sync.md": call}, config=config)
    found = rows(vault)
    assert found["Dana Whitfield"]["last_source"] == "Calls/Sync.md"  # a meeting by its folder
    assert found["Sam Ortiz"]["state"] == "never"  # `people` is no longer an attendee key
    assert findings(vault) == [("C005", SAM, 1)]


def test_attendee_keys_must_be_a_list(make_vault: MakeVault) -> None:
    vault = make_vault({DANA: contact()}, config='attendee_keys = "with"\n' + CONFIG)
    result = run("check", str(vault))
    assert result.exit_code == 2
    assert "attendee_keys" in result.output


def test_meeting_without_a_date_counts_for_nobody(make_vault: MakeVault) -> None:
    meeting = '---\ntype: meeting\npeople: ["[[Dana Whitfield]]"]\n---\n'
    vault = make_vault({DANA: contact(), "Meetings/Sync.md": meeting}, config=CONFIG)
    assert rows(vault)["Dana Whitfield"]["state"] == "never"


def test_meeting_with_a_bad_date_is_f004(make_vault: MakeVault) -> None:
    meeting = '---\ntype: meeting\ndate: 2026-13-45\npeople: ["[[Dana Whitfield]]"]\n---\n'
    vault = make_vault({DANA: contact(), "Meetings/Sync.md": meeting}, config=CONFIG)
    assert ("F004", "Meetings/Sync.md", 3) in findings(vault)


def test_event_people_are_attendees(make_vault: MakeVault) -> None:
    event = """\
        ---
        type: event
        date: 2026-11-18
        goal: "[[Know bankers]]"
        people: ["[[Dana Whitfield]]"]
        ---
        """
    files = {DANA: contact(), "Events/Forum.md": event, "Know bankers.md": "# Know bankers\n"}
    row = rows(make_vault(files, config=CONFIG))["Dana Whitfield"]
    assert (row["last_contact"], row["last_source"]) == ("2026-11-18", "Events/Forum.md")


# ------------------------------------------------------------------ scheduled touches


OVERDUE = contact("- 2026-10-15 Lunch")  # 30-day cadence: due 2026-11-14, lapsed after 12-14


@pytest.mark.parametrize(
    "task",
    [
        "- [ ] call [[Dana Whitfield]] about the workshop 📅 2026-11-30",
        "- [ ] call [[Dana Whitfield]] about the workshop ⏳ 2026-11-30 📅 2026-12-15",
        "- [ ] call [[Dana Whitfield]] about the workshop [scheduled:: 2026-11-30]",
    ],
)
def test_scheduled_touch_holds_off_overdue_until_its_date(make_vault: MakeVault, task: str) -> None:
    vault = make_vault({DANA: OVERDUE, "Daily/2026-11-20.md": task + "\n"}, config=CONFIG)
    assert findings(vault) == []  # no C001 before 2026-11-30
    result = run("due", str(vault), "--within", "7d", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "Dana Whitfield · bankers · due in 7 days" in result.stdout
    assert "planned for 2026-11-30: call Dana Whitfield about the workshop" in result.stdout
    assert [f[:2] for f in findings(vault, "2026-12-01")] == [("C001", DANA)]


def test_scheduled_touch_in_the_past_does_not_hold_off(make_vault: MakeVault) -> None:
    task = "- [ ] call [[Dana Whitfield]] 📅 2026-11-01\n"
    vault = make_vault({DANA: OVERDUE, "Daily/2026-10-25.md": task}, config=CONFIG)
    assert [f[0] for f in findings(vault)] == ["C001"]
    result = run("due", str(vault), "--no-cache")
    assert "planned for 2026-11-01: call Dana Whitfield" in result.stdout


def test_done_or_undated_task_is_no_scheduled_touch(make_vault: MakeVault) -> None:
    files = {
        DANA: OVERDUE,
        "Daily/2026-11-20.md": "- [ ] call [[Dana Whitfield]] 📅 2026-02-30\n"
        "- [ ] write to [[Dana Whitfield]]\n",
    }
    vault = make_vault(files, config=CONFIG)
    assert [f[0] for f in findings(vault)] == ["C001"]
    result = run("due", str(vault), "--no-cache")
    assert "planned: write to Dana Whitfield" in result.stdout
    assert "planned for" not in result.stdout


def test_scheduled_touch_holds_off_lapsed(make_vault: MakeVault) -> None:
    files = {
        DANA: contact("- 2026-06-01 Lunch"),
        "People/Sam Ortiz.md": contact("- 2026-06-01 Lunch"),
        "Daily/2026-11-20.md": "- [ ] catch up with [[Dana Whitfield]] ⏳ 2026-12-10\n",
    }
    found = rows(make_vault(files, config=CONFIG))
    assert (found["Dana Whitfield"]["state"], found["Dana Whitfield"]["due"]) == (
        "ok",
        "2026-12-10",
    )
    assert found["Sam Ortiz"]["state"] == "lapsed"
