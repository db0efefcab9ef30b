"""The strategy rules through `mdnet check`: who (G011), where (E003), a new person at each
event (E004), the follow-up after an event (C008) and achievable goals (G012)."""

from __future__ import annotations

from pathlib import Path

from conftest import MakeVault, run
from conftest import vault_rows as rows

CONFIG = """\
follow_up_days = 7

[networks.bankers]
cadence = "30d"

[networks.bloggers]
cadence = "45d"
"""

LONG = """\
---
type: goal
goal: Know 8 community bankers
horizon: long
start: 2026-09-01
deadline: 2027-02-28
target: 8
who: [bankers]
---
"""

MILESTONE = """\
---
type: goal
goal: Attend 2 banking events
horizon: short
parent: "[[Know 8 community bankers]]"
start: 2026-11-01
deadline: 2026-11-30
target: 2
---
"""


def contact(network: str, extra: str = "", body: str = "") -> str:
    return f"---\ntype: contact\nnetwork: {network}\n{extra}---\n{body}"


def event(day: str, goal: str, attendees: str) -> str:
    return f'---\ntype: event\ndate: {day}\ngoal: "[[{goal}]]"\nattendees: [{attendees}]\n---\n'


def found(vault: Path, code: str) -> list[tuple[str, int, int, str]]:
    return [
        (r["path"], r["line"], r["column"], r["message"]) for r in rows(vault, "--select", code)
    ]


def places(vault: Path, code: str) -> list[tuple[str, int, int]]:
    return [(path, line, col) for path, line, col, _ in found(vault, code)]


# ---------------------------------------------------------------------------- G011


def test_long_goal_without_who_is_reported(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Goals/Publish.md": "---\ntype: goal\ngoal: Publish 30 posts\nhorizon: long\n---\n"},
        CONFIG,
    )
    assert places(vault, "G011") == [("Goals/Publish.md", 3, 7)]


def test_who_a_measure_network_or_a_milestone_is_enough(make_vault: MakeVault) -> None:
    measured = (
        "---\ntype: goal\ngoal: Meet 5 bloggers\nhorizon: long\n"
        "measure: {count: contacts, network: bloggers, new: true}\n---\n"
    )
    tagged = "---\ntype: goal\ngoal: Meet 3 people\nhorizon: long\nwho: ['#fintech']\n---\n"
    by_tag = (
        "---\ntype: goal\ngoal: Log 50 fintech chats\nhorizon: long\n"
        "measure: {count: interactions, tag: fintech}\n---\n"
    )
    linked = "---\ntype: goal\ngoal: Win 1 mentor\nhorizon: long\nwho: ['[[Dana]]']\n---\n"
    done = "---\ntype: goal\ngoal: Old 1\nhorizon: long\nstatus: done\n---\n"
    vault = make_vault(
        {
            "Goals/Know 8 community bankers.md": LONG,
            "Goals/Attend.md": MILESTONE,
            "Goals/Measured.md": measured,
            "Goals/Tagged.md": tagged,
            "Goals/By tag.md": by_tag,
            "Goals/Linked.md": linked,
            "Goals/Done.md": done,
            "People/Dana.md": contact("bankers", "met: 2026-11-20\n"),
        },
        CONFIG,
    )
    assert found(vault, "G011") == []


def test_who_must_be_names_or_links(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Goals/G.md": "---\ntype: goal\ngoal: Meet 3 people\nhorizon: long\nwho: {a: 1}\n---\n"}
    )
    assert places(vault, "F005") == [("Goals/G.md", 5, 6)]


# ---------------------------------------------------------------------------- E003


def test_event_where_none_of_the_goals_people_went(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Goals/Know 8 community bankers.md": LONG,
            "Goals/Attend 2 banking events.md": MILESTONE,
            "People/Ann.md": contact("bloggers", "met: 2026-11-05\n"),
            "People/Bo.md": contact("bloggers", "met: 2026-10-01\n"),
            # a milestone takes its parent's people: bankers
            "Events/Blog meetup.md": event(
                "2026-11-05", "Attend 2 banking events", '"[[Ann]]", "[[Bo]]"'
            ),
        },
        CONFIG,
    )
    assert found(vault, "E003") == [
        (
            "Events/Blog meetup.md",
            5,
            12,
            "none of the 2 attendees is among the goal's people (bankers): "
            "the where does not follow the who",
        )
    ]


def test_event_with_one_of_the_goals_people_is_quiet(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Goals/Know 8 community bankers.md": LONG,
            "People/Ann.md": contact("bloggers", "met: 2026-11-05\n"),
            "People/Cy.md": contact("bankers", "met: 2026-10-01\n"),
            "Events/Forum.md": event(
                "2026-11-05", "Know 8 community bankers", '"[[Ann]]", "[[Cy]]"'
            ),
            # a goal without people is not checked (G011 says so instead)
            "Goals/Blog.md": "---\ntype: goal\ngoal: Write 3 posts\nhorizon: short\n---\n",
            "Events/Other.md": event("2026-11-05", "Blog", '"[[Ann]]"'),
        },
        CONFIG,
    )
    assert found(vault, "E003") == []


# ---------------------------------------------------------------------------- E004


def test_past_event_without_a_new_contact(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Goals/Know 8 community bankers.md": LONG,
            "People/Cy.md": contact("bankers", "met: 2026-10-01\n"),
            "Events/Forum.md": event("2026-11-05", "Know 8 community bankers", '"[[Cy]]"'),
            "Events/Today.md": event("2026-11-23", "Know 8 community bankers", '"[[Cy]]"'),
            # 90 days before today is still checked; 91 days is history
            "Events/Day 90.md": event("2026-08-25", "Know 8 community bankers", '"[[Cy]]"'),
            "Events/Day 91.md": event("2026-08-24", "Know 8 community bankers", '"[[Cy]]"'),
        },
        CONFIG,
    )
    assert found(vault, "E004") == [
        ("Events/Day 90.md", 3, 7, "no new contact met at this event (2026-08-25)"),
        ("Events/Forum.md", 3, 7, "no new contact met at this event (2026-11-05)"),
    ]


def test_new_contact_by_met_date_or_met_at(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Goals/Know 8 community bankers.md": LONG,
            "People/Cy.md": contact("bankers", "met: 2026-11-05\n"),
            "People/Di.md": contact("bankers", 'met_at: "[[Mixer]]"\n'),
            "Events/Forum.md": event("2026-11-05", "Know 8 community bankers", '"[[Cy]]"'),
            "Events/Mixer.md": event("2026-10-29", "Know 8 community bankers", ""),
        },
        CONFIG,
    )
    assert found(vault, "E004") == []


def test_a_contact_met_at_two_events_is_new_at_the_first(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Goals/Know 8 community bankers.md": LONG,
            "People/Di.md": contact(
                "bankers", 'met: 2026-10-29\nmet_at: ["[[Forum]]", "[[Mixer]]"]\n'
            ),
            "Events/Forum.md": event("2026-11-05", "Know 8 community bankers", '"[[Di]]"'),
            "Events/Mixer.md": event("2026-10-29", "Know 8 community bankers", '"[[Di]]"'),
        },
        CONFIG,
    )
    assert places(vault, "E004") == [("Events/Forum.md", 3, 7)]


def test_new_per_event(make_vault: MakeVault) -> None:
    files = {
        "Goals/Know 8 community bankers.md": LONG,
        "People/Cy.md": contact("bankers", "met: 2026-11-05\n"),
        "Events/Forum.md": event("2026-11-05", "Know 8 community bankers", '"[[Cy]]"'),
    }
    two = make_vault(files, "new_per_event = 2\n" + CONFIG, name="two")
    assert found(two, "E004") == [
        ("Events/Forum.md", 3, 7, "1 new contact (expected 2) met at this event (2026-11-05)")
    ]
    off = make_vault(
        {**files, "People/Cy.md": contact("bankers")}, "new_per_event = 0\n" + CONFIG, name="off"
    )
    assert found(off, "E004") == []


def test_met_at_must_be_a_link(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Cy.md": contact("bankers", "met_at: 2026-11-05\n")}, CONFIG)
    assert places(vault, "F005") == [("People/Cy.md", 4, 9)]


# ---------------------------------------------------------------------------- C008


def _follow_up_vault(make_vault: MakeVault, log: str, name: str = "vault") -> Path:
    return make_vault(
        {
            "Goals/Know 8 community bankers.md": LONG,
            "People/Di.md": contact("bankers", 'met_at: "[[Mixer]]"\n', f"## Log\n{log}"),
            "Events/Mixer.md": event("2026-11-10", "Know 8 community bankers", '"[[Di]]"'),
        },
        CONFIG,
        name=name,
    )


def test_no_follow_up_after_an_event_names_it(make_vault: MakeVault) -> None:
    vault = _follow_up_vault(make_vault, "")
    assert found(vault, "C008") == [
        ("People/Di.md", 4, 10, "met 13 days ago at Mixer (2026-11-10), no follow-up since")
    ]


def test_follow_up_on_the_last_day_counts(make_vault: MakeVault) -> None:
    vault = _follow_up_vault(make_vault, "- 2026-11-17 Sent the article #followup\n")
    assert found(vault, "C008") == []


def test_met_exactly_follow_up_days_ago_is_not_late_yet(make_vault: MakeVault) -> None:
    vault = _follow_up_vault(make_vault, "")
    result = run("check", str(vault), "--select", "C008", "--format", "json", today="2026-11-17")
    assert result.stdout.strip() == "[]"
    result = run("check", str(vault), "--select", "C008", "--format", "json", today="2026-11-18")
    assert '"C008"' in result.stdout


# ---------------------------------------------------------------------------- G012


def test_goal_needing_far_more_than_the_recent_pace(make_vault: MakeVault) -> None:
    goal = (
        "---\ntype: goal\ngoal: Meet 20 new bankers\nhorizon: long\nwho: [bankers]\n"
        "start: 2026-09-01\ndeadline: 2027-01-04\ntarget: 20\nunit: bankers\n"
        "measure: {count: contacts, network: bankers, new: true}\n---\n"
    )
    vault = make_vault(
        {
            "Goals/Meet.md": goal,
            "People/Cy.md": contact("bankers", "met: 2026-10-01\n"),
            "People/Di.md": contact("bankers", "met: 2026-11-20\n"),
        },
        CONFIG,
    )
    # 18 more in 6 weeks = 3.0 a week; 2 in the last 90 days = 0.16 a week
    assert found(vault, "G012") == [
        (
            "Goals/Meet.md",
            3,
            7,
            "needs 3.0 bankers a week to reach 20 by 2027-01-04; "
            "you did 0.2 a week over the last 90 days",
        )
    ]
    # 1 more in 6 weeks = 0.17 a week: under 3 times 0.16
    relaxed = make_vault(
        {
            "Goals/Meet.md": goal.replace("target: 20", "target: 3"),
            "People/Cy.md": contact("bankers", "met: 2026-10-01\n"),
            "People/Di.md": contact("bankers", "met: 2026-11-20\n"),
        },
        CONFIG,
        name="relaxed",
    )
    assert found(relaxed, "G012") == []


def test_pace_factor(make_vault: MakeVault) -> None:
    goal = (
        "---\ntype: goal\ngoal: Log 7 interactions\nhorizon: short\n"
        "deadline: 2026-12-07\ntarget: 7\nmeasure: {count: interactions}\n---\n"
    )
    log = "".join(f"- 2026-{m:02d}-10 Call\n" for m in (9, 10, 11))
    files = {"Goals/Log.md": goal, "People/Cy.md": contact("bankers", "", f"## Log\n{log}")}
    # needs 4 in 2 weeks = 2.0 a week; did 3 in 90 days = 0.23 a week (8.7 times less)
    assert places(make_vault(files, CONFIG, name="a"), "G012") == [("Goals/Log.md", 3, 7)]
    lenient = make_vault(files, "pace_factor = 10\n" + CONFIG, name="b")
    assert found(lenient, "G012") == []


def test_strategy_settings_are_checked(make_vault: MakeVault) -> None:
    for bad, key in (
        ("pace_factor = -1\n", "pace_factor"),
        ("new_per_event = 1.5\n", "new_per_event"),
        ("[scorecard]\ngive = 'lots'\n", "scorecard.give"),
        ("[scorecard]\nintro = 2\n", "scorecard.intro"),
    ):
        vault = make_vault({}, bad, name=key.replace(".", "_"))
        result = run("check", str(vault))
        assert result.exit_code == 2
        assert f"`{key}`" in result.output
