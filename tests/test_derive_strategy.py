"""Reconnections, scorecard points and event returns through the public API (`open_vault`)
and `mdnet due`, on fixture vaults with hand-worked values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import MakeVault, run

from mdnet.app import open_vault

TODAY = date(2026, 11, 23)

CONFIG = """\
[networks.bankers]
cadence = "30d"

[networks.bloggers]
cadence = "45d"
"""


def contact(network: str, met: str, log: str = "") -> str:
    return f"---\ntype: contact\nnetwork: {network}\nmet: {met}\n---\n## Log\n{log}"


def reconnect_vault(make_vault: MakeVault, extra: dict[str, str] | None = None) -> Path:
    return make_vault(
        {
            # cadence 30: silent 61 days or more is lapsed (more than twice the cadence)
            "People/Ann.md": contact(
                "bankers",
                "2026-01-01",
                "- 2026-01-20 Coffee\n- 2026-03-22 Call\n- 2026-05-22 Lunch #give\n"
                "- 2026-05-30 Email\n",
            ),
            # cadence 45: 91 days is lapsed, 90 is not
            "People/Bo.md": contact(
                "bloggers", "2026-06-01", "- 2026-08-30 Call\n- 2026-11-30 Lunch\n"
            ),
            "People/Cy.md": contact("bloggers", "2026-02-01", "- 2026-05-03 Call #followup\n"),
            **(extra or {}),
        },
        CONFIG,
    )


def test_reconnections_are_touches_after_more_than_twice_the_cadence(
    make_vault: MakeVault,
) -> None:
    analysis = open_vault(reconnect_vault(make_vault), TODAY)
    found = [(r.date, r.contact, r.silent_days) for r in analysis.derived.reconnections]
    # Ann: 01-20 -> 03-22 is 61 days (> 60); 03-22 -> 05-22 is 61 days again.
    # Bo: 06-01 -> 08-30 is 90 days (not > 90); 11-30 is after today.
    # Cy: 02-01 -> 05-03 is 91 days (> 90).
    assert found == [
        (date(2026, 3, 22), "People/Ann.md", 61),
        (date(2026, 5, 3), "People/Cy.md", 91),
        (date(2026, 5, 22), "People/Ann.md", 61),
    ]


def test_measure_reconnections(make_vault: MakeVault) -> None:
    goals = {
        "Goals/All.md": "---\ntype: goal\ngoal: Reconnect with 5 people\nstart: 2026-01-01\n"
        "deadline: 2026-12-31\ntarget: 5\nmeasure: {count: reconnections}\n---\n",
        "Goals/Bankers.md": "---\ntype: goal\ngoal: Reconnect with 2 bankers\n"
        "start: 2026-05-01\ndeadline: 2026-12-31\ntarget: 2\n"
        "measure: {count: reconnections, network: bankers}\n---\n",
        "Goals/Tagged.md": "---\ntype: goal\ngoal: Reconnect 1 time\nstart: 2026-01-01\n"
        "deadline: 2026-12-31\ntarget: 1\nmeasure: {count: reconnections, tag: give}\n---\n",
    }
    goals_state = open_vault(reconnect_vault(make_vault, goals), TODAY).derived.goals
    assert goals_state["Goals/All.md"].progress == 3
    assert goals_state["Goals/Bankers.md"].progress == 1  # 05-22 only: 03-22 is before start
    assert goals_state["Goals/Tagged.md"].progress == 1


def test_points_per_kind_and_weekly(make_vault: MakeVault) -> None:
    config = CONFIG + "\n[scorecard]\ngive = 3\nask = 1\nevent = 5\nnew_contact = 2\n"
    vault = make_vault(
        {
            "People/Ann.md": contact(
                "bankers",
                "2026-11-16",
                "- 2026-11-17 Sent the report #give #followup\n- 2026-11-18 Asked #ask\n"
                "- 2026-11-23 Call\n",
            ),
            "Events/Forum.md": '---\ntype: event\ndate: 2026-11-16\nattendees: ["[[Ann]]"]\n---\n',
            "Goals/Score.md": "---\ntype: goal\ngoal: Score 10 points a week\nevery: week\n"
            "target: 10\nmeasure: {count: points}\n---\n",
        },
        config,
    )
    analysis = open_vault(vault, TODAY)
    points = [(p.date, p.points, p.kind) for p in analysis.derived.points]
    assert points == [
        (date(2026, 11, 16), 5, "event"),
        (date(2026, 11, 16), 2, "new_contact"),
        (date(2026, 11, 17), 5, "give+followup"),  # 3 + the default 2 for a follow-up
        (date(2026, 11, 18), 1, "ask"),
        (date(2026, 11, 23), 1, "other"),
    ]
    weekly = analysis.derived.weekly_points(2)
    assert weekly == [(date(2026, 11, 16), 13.0), (date(2026, 11, 23), 1.0)]
    score = analysis.derived.goals["Goals/Score.md"]
    assert [(p.start, p.count, p.met) for p in score.periods[-2:]] == [
        (date(2026, 11, 16), 13, True),
        (date(2026, 11, 23), 1, False),
    ]


def test_event_returns(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Ann.md": contact("bankers", "2026-11-02", "- 2026-11-09 Thanks #give\n"),
            "People/Bo.md": contact("bankers", "2026-11-02", "- 2026-11-10 Late note\n"),
            "People/Cy.md": contact("bankers", "2025-01-01", "- 2026-11-20 Intro #give\n"),
            "Events/Forum.md": "---\ntype: event\ndate: 2026-11-02\n"
            'attendees: ["[[Ann]]", "[[Bo]]", "[[Cy]]"]\n---\n',
        },
        CONFIG,
    )
    found = open_vault(vault, TODAY).derived.event_returns["Events/Forum.md"]
    assert found.attendees == ("People/Ann.md", "People/Bo.md", "People/Cy.md")
    assert found.new == ("People/Ann.md", "People/Bo.md")
    assert found.followed_up == ("People/Ann.md",)  # day 7 counts, day 8 does not
    assert found.gives == 2


def test_due_says_how_long_a_lapsed_contact_has_been_silent(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Ann.md": contact("bankers", "2026-08-01")}, CONFIG)
    text = run("due", str(vault)).output
    assert "last: 2026-08-01 (114 days ago)" in text


def test_scorecard_tags_and_points_are_configurable(make_vault: MakeVault) -> None:
    config = (
        CONFIG
        + '\n[scorecard]\nfollowup = 4\nother = 0\nnew_contact = 0\nfollowup_tags = ["#thanks"]\n'
    )
    vault = make_vault(
        {
            "People/Ann.md": contact(
                "bankers",
                "2026-11-16",
                "- 2026-11-17 Thank-you note #thanks\n- 2026-11-18 Note #followup\n",
            ),
        },
        config,
    )
    points = [(p.date, p.points, p.kind) for p in open_vault(vault, TODAY).derived.points]
    assert points == [
        (date(2026, 11, 16), 0, "new_contact"),
        (date(2026, 11, 17), 4, "followup"),
        (date(2026, 11, 18), 0, "other"),  # #followup is no follow-up tag here
    ]


def test_markdown_report_has_the_chain(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Goals/Know 5 bankers.md": "---\ntype: goal\ngoal: Know 5 bankers\nhorizon: long\n"
            "who: [bankers]\n---\n",
            "People/Ann.md": contact("bankers", "2026-11-16"),
            "Events/Forum.md": '---\ntype: event\ndate: 2026-11-16\ngoal: "[[Know 5 bankers]]"\n'
            'attendees: ["[[Ann]]"]\n---\n',
        },
        CONFIG,
    )
    text = run("report", str(vault), "--format", "md").stdout
    chain = next(line for line in text.splitlines() if line.startswith("| [[Goals/Know 5"))
    cells = [c.strip() for c in chain.replace("\\|", "/").strip("|").split("|")]
    assert cells == [
        "[[Goals/Know 5 bankers/Know 5 bankers]]",
        "bankers",
        "1 of 1",
        "Forum (2026-11-16): 1 new",
    ]
    row = next(line for line in text.splitlines() if line.startswith("| Forum |"))
    assert [c.strip() for c in row.strip("|").split("|")][3:] == ["1", "1 (Ann)", "0", "0"]
