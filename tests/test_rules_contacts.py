"""Rules C001-C009, E001-E002 and G010: each fires where SPEC §4 says, and stays quiet."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import MakeVault, check_json, run

TODAY = date(2026, 11, 23)

CONFIG = """
[folders]
contacts = "People"
goals = "Goals"
events = "Events"

[networks.bloggers]
cadence = "45d"

[networks.bankers]
cadence = "30d"
"""


def contact(*fields: str, body: str = "") -> str:
    return "\n".join(["---", "type: contact", *fields, "---", body]) + "\n"


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def found(
    make_vault: MakeVault,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    code: str,
    config: str = CONFIG,
) -> list[str]:
    """`path:line:col: CODE message` for one rule, paths relative to the vault."""
    vault = make_vault(files, config=config)
    monkeypatch.chdir(vault)
    rows = check_json(Path("."), "--select", code)
    return [f"{r['path']}:{r['line']}:{r['column']}: {r['code']} {r['message']}" for r in rows]


# ------------------------------------------------------------------ C001 contact-overdue


def test_c001_overdue(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"People/Pat.md": contact("network: bankers", body=f"- {ago(31)} Call")}
    assert found(make_vault, monkeypatch, files, "C001") == [
        "People/Pat.md:1:1: C001 overdue by 1 day: last contact 2026-10-23 (cadence 30 days)"
    ]


def test_c001_lapsed(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"People/Pat.md": contact("network: bankers", body=f"- {ago(61)} Call")}
    assert found(make_vault, monkeypatch, files, "C001") == [
        "People/Pat.md:1:1: C001 overdue by 31 days: last contact 2026-09-23 (cadence 30 days)"
        " (lapsed: reconnect)"
    ]


def test_c001_met_but_never_logged(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"People/Pat.md": contact("network: bankers", "met: 2026-10-01")}
    assert found(make_vault, monkeypatch, files, "C001") == [
        "People/Pat.md:1:1: C001 overdue by 23 days: last contact 2026-10-01 (cadence 30 days)"
    ]


@pytest.mark.parametrize(
    "fields",
    [
        ("network: bankers", f"last_contact: {ago(30)}"),  # due today
        ("network: bankers", f"last_contact: {ago(61)}", "snooze: 2026-12-01"),
        ("network: bankers", f"last_contact: {ago(61)}", "status: paused"),
        ("network: bankers", f"last_contact: {ago(61)}", "status: archived"),
        ("network: bankers",),  # never: C005, not C001
    ],
)
def test_c001_quiet(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, fields: tuple[str, ...]
) -> None:
    assert found(make_vault, monkeypatch, {"People/Pat.md": contact(*fields)}, "C001") == []


def test_c001_severity_is_configurable(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"People/Pat.md": contact("network: bankers", body=f"- {ago(31)} Call")}
    vault = make_vault(files, config=CONFIG + '\n[rules]\nseverity = { C001 = "error" }\n')
    monkeypatch.chdir(vault)
    [row] = check_json(Path("."), "--select", "C001")
    assert row["severity"] == "error"
    assert row["name"] == "contact-overdue"
    assert run("check", ".", "--select", "C001").exit_code == 1


# ------------------------------------------------------------------ C002 contact-no-network


def test_c002_no_network(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "People/Pat.md": contact("met: 2026-11-20"),
        "People/Old.md": contact("status: archived"),
        "People/Filed.md": contact("network: bankers"),
    }
    assert found(make_vault, monkeypatch, files, "C002") == [
        "People/Pat.md:1:1: C002 contact is in no network; set `network:`"
    ]


# ------------------------------------------------------------------ C003 contact-unknown-network


def test_c003_unknown_network_suggests_nearest(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "People/Jordan.md": contact("met: 2026-11-20", "network: bloger"),
        "People/Quinn.md": contact("network: astronauts"),
        "People/Dana.md": contact("network: bloggers"),
    }
    assert found(make_vault, monkeypatch, files, "C003") == [
        "People/Jordan.md:4:10: C003 unknown network 'bloger'; did you mean 'bloggers'?",
        "People/Quinn.md:3:10: C003 unknown network 'astronauts' (declared: bloggers, bankers)",
    ]


def test_c003_quiet_without_declared_networks(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"People/Jordan.md": contact("network: bloger")}
    assert (
        found(make_vault, monkeypatch, files, "C003", config='[folders]\ncontacts = "People"\n')
        == []
    )


# ------------------------------------------------------------------ C004 contact-assumption


def test_c004_assumptions(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "\n".join(
        [
            "## Challenges",  # line 5
            "Probably keeping up with regulation.",
            "She needs guest writers. I guess for December.",
            "- maybe wants a co-author",
            "- 2026-11-02 I think she liked the pitch",  # dated log line: not checked
            "<!-- mdnet-disable-next-line C004 -->",
            "Maybe wants help with the first-home program.",
            "Knows everyone in the county.",
        ]
    )
    files = {"People/Pat.md": contact("network: bankers", body=body)}
    assert found(make_vault, monkeypatch, files, "C004") == [
        "People/Pat.md:6:1: C004 assumption 'Probably': ask them and write down the answer",
        "People/Pat.md:7:26: C004 assumption 'I guess': ask them and write down the answer",
        "People/Pat.md:8:3: C004 assumption 'maybe': ask them and write down the answer",
    ]


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("They seem to like it.", "seem to"),  # "seem" also stands for "seems", "seemed"
        ("It seems fine.", "seems"),
        ("He seemed keen.", "seemed"),
        ("Supposedly retiring.", "Supposedly"),  # "suppose" stands for "supposedly"
        ("I suppose so.", "I suppose"),
    ],
)
def test_c004_each_phrase_passes_the_quick_scan(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, line: str, word: str
) -> None:
    files = {"People/Pat.md": contact("network: bankers", body=line)}
    assert [f.split(" C004 ")[1] for f in found(make_vault, monkeypatch, files, "C004")] == [
        f"assumption {word!r}: ask them and write down the answer"
    ]


def test_c004_only_in_contact_notes(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"Ideas.md": "Probably a good idea.\n", "People/Pat.md": contact("network: bankers")}
    assert found(make_vault, monkeypatch, files, "C004") == []


# ------------------------------------------------------------------ C005 contact-never-contacted


def test_c005_never_contacted(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "People/Owen.md": contact("network: bankers"),
        "Daily/2026-10-12.md": "- [ ] email [[Owen]] a pitch\n",  # a plan is no contact
        "People/Met.md": contact("network: bankers", "met: 2026-11-20"),
        "People/Logged.md": contact("network: bankers", body="- 2026-11-20 Call"),
        "People/Mentioned.md": contact("network: bankers"),
        "Daily/2026-11-20.md": "Lunch with [[Mentioned]]\n",
        "People/Paused.md": contact("network: bankers", "status: paused"),
    }
    assert found(make_vault, monkeypatch, files, "C005") == [
        "People/Owen.md:1:1: C005 never contacted: no interaction and no `met` date"
    ]


# ------------------------------------------------------------------ C006 ask-before-give


def test_c006_ask_before_give(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "People/Grace.md": contact(
            "network: bankers",
            body="## Log\n- 2026-10-09 Asked for an interview #ask\n- 2026-10-22 Sent a post #give",
        ),
        "People/Nogive.md": contact("network: bankers"),
        "Daily/2026-11-02.md": "- Asked [[Nogive]] for a reference #request\n",
    }
    assert found(make_vault, monkeypatch, files, "C006") == [
        "Daily/2026-11-02.md:1:1: C006 asked Nogive on 2026-11-02 before giving (no give yet)",
        "People/Grace.md:6:1: C006 asked Grace on 2026-10-09 before giving (first give 2026-10-22)",
    ]


def test_c006_quiet_when_give_comes_first_or_same_day(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "People/Dana.md": contact(
            "network: bloggers",
            body="- 2026-04-20 Shared numbers #share\n- 2026-11-05 Asked for feedback #ask",
        ),
        "People/Sam.md": contact(
            "network: bloggers", body="- 2026-11-05 Asked #ask\n- 2026-11-05 Helped #help"
        ),
        "People/Lee.md": contact("network: bloggers", body="- 2026-11-05 Coffee"),
    }
    assert found(make_vault, monkeypatch, files, "C006") == []


# ------------------------------------------------------------------ C007 bad-cadence


def test_c007_bad_cadence(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "People/Pat.md": contact("network: bankers", "cadence: every now and then"),
        "People/Zero.md": contact("network: bankers", "cadence: 0d"),
        "People/Good.md": contact("network: bankers", "cadence: 6w"),
    }
    assert found(make_vault, monkeypatch, files, "C007") == [
        "People/Pat.md:4:10: C007 `cadence`: 'every now and then' is not a duration;"
        " write e.g. 45d, 8w, 2m, 1y, a number of days, or weekly/monthly",
        "People/Zero.md:4:10: C007 `cadence`: '0d' is not a positive duration;"
        " write e.g. 45d, 8w, 2m, 1y, a number of days, or weekly/monthly",
    ]


# ------------------------------------------------------------------ C008 no-follow-up


def test_c008_no_follow_up(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        # met 8 days ago, only the meeting itself logged: no follow-up
        "People/Pat.md": contact("network: bankers", f"met: {ago(8)}", body=f"- {ago(8)} Met"),
        "People/Week.md": contact("network: bankers", f"met: {ago(7)}"),  # exactly 7: not yet
        "People/Done.md": contact(
            "network: bankers", f"met: {ago(20)}", body=f"- {ago(15)} Thanks"
        ),
        "People/Event.md": contact("network: bankers", f"met: {ago(20)}"),
        "Events/Forum.md": f'---\ndate: {ago(5)}\nattendees: ["[[Event]]"]\n---\n',
        "People/Paused.md": contact("network: bankers", f"met: {ago(20)}", "status: paused"),
    }
    assert found(make_vault, monkeypatch, files, "C008") == [
        "People/Pat.md:4:6: C008 met 8 days ago (2026-11-15), no follow-up since"
    ]


def test_c008_follow_up_days_configurable(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"People/Pat.md": contact("network: bankers", f"met: {ago(8)}")}
    config = "follow_up_days = 14\n" + CONFIG
    assert found(make_vault, monkeypatch, files, "C008", config=config) == []


# ------------------------------------------------------------------ C009 interaction-in-future


def test_c009_future_interaction(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "People/Dana.md": contact(
            "network: bloggers",
            "last_contact: 2026-12-01",
            body="- 2026-11-23 Today is fine\n- 2062-11-02 Coffee typo\n- [ ] 2026-12-01 plan",
        ),
        "Events/Next.md": '---\ndate: 2026-12-10\nattendees: ["[[Dana]]"]\n---\n',
    }
    assert found(make_vault, monkeypatch, files, "C009") == [
        "People/Dana.md:4:1: C009 interaction dated 2026-12-01, after today",
        "People/Dana.md:7:1: C009 interaction dated 2062-11-02, after today",
    ]


# ------------------------------------------------------------------ E001, E002


def test_e001_event_no_goal(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "Events/Meetup.md": "---\ndate: 2026-11-05\n---\n# Meetup\n",
        "Events/Dinner.md": '---\ndate: 2026-11-05\ngoal: "[[Goal]]"\n---\n',
        "Goals/Goal.md": "---\ngoal: Meet 10 bloggers\ndeadline: 2026-12-31\n---\n",
    }
    assert found(make_vault, monkeypatch, files, "E001") == [
        'Events/Meetup.md:1:1: E001 event is not tied to a goal; add `goal: "[[...]]"`'
    ]


def test_e001_is_info(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault({"Events/Meetup.md": "---\ndate: 2026-11-05\n---\n"}, config=CONFIG)
    monkeypatch.chdir(vault)
    [row] = check_json(Path("."), "--select", "E001")
    assert (row["severity"], row["name"]) == ("info", "event-no-goal")
    assert run("check", ".", "--select", "E001").exit_code == 0


def test_e002_event_no_date(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "Events/Undated.md": '---\ntype: event\ngoal: "[[Goal]]"\n---\n',
        "Events/Dated.md": '---\ntype: event\ndate: 2026-11-05\ngoal: "[[Goal]]"\n---\n',
        "Goals/Goal.md": "---\ngoal: Meet 10 bloggers\ndeadline: 2026-12-31\n---\n",
    }
    assert found(make_vault, monkeypatch, files, "E002") == [
        "Events/Undated.md:1:1: E002 event has no date; add `date: YYYY-MM-DD`"
    ]
    vault = Path(".")
    rows = check_json(vault, "--select", "E002")
    assert rows[0]["severity"] == "error"
    assert run("check", ".", "--select", "E002").exit_code == 1


# ------------------------------------------------------------------ G010 goal-behind-pace


def goal(*fields: str) -> str:
    return "\n".join(["---", *fields, "---", "# Goal"]) + "\n"


def test_g010_behind_pace(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "Goals/Publish.md": goal(
            "goal: Publish 30 guest posts",
            "start: 2026-01-01",
            "deadline: 2026-12-31",
            "target: 30",
            "unit: guest posts",
            "progress: 12",
        ),
        "Goals/Pace.md": goal(
            "goal: Publish 30 guest posts",
            "start: 2026-01-01",
            "deadline: 2026-12-31",
            "target: 30",
            "progress: 27",
        ),
        "Goals/Weekly.md": goal(
            "goal: Follow up with 1 person each week",
            "every: week",
            "target: 1",
            "measure: {count: interactions, tag: followup}",
        ),
    }
    assert found(make_vault, monkeypatch, files, "G010") == [
        "Goals/Publish.md:2:7: G010 12 of 30 guest posts (40%); expected 26.9 by today",
        "Goals/Weekly.md:2:7: G010 recurring goal missed its target last week",
    ]


def test_g010_quiet(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "Goals/Done.md": goal(
            "goal: Publish 30 guest posts", "deadline: 2026-12-31", "target: 30", "progress: 31"
        ),
        "Goals/Missed.md": goal(
            "goal: Publish 30 guest posts",
            "start: 2026-01-01",
            "deadline: 2026-11-01",
            "target: 30",
            "progress: 3",
        ),
        "Goals/Weekly.md": goal(
            "goal: Write 1 post each week", "every: week", "target: 1", "progress: 1"
        ),
    }
    assert found(make_vault, monkeypatch, files, "G010") == []


def test_c001_suppressed_in_front_matter_or_by_comment(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "People/Ignored.md": contact(
            "network: bankers", "mdnet-ignore: [C001]", body="- 2026-01-01 a"
        ),
        "People/Disabled.md": contact(
            "network: bankers", body="<!-- mdnet-disable C001 -->\n- 2026-01-01 a"
        ),
        "People/Shown.md": contact("network: bankers", body="- 2026-01-01 a"),
    }
    assert [f.split(":")[0] for f in found(make_vault, monkeypatch, files, "C001")] == [
        "People/Shown.md"
    ]
