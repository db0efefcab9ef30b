"""The derived state of sample-vault on 2026-11-23, against sample-vault/README.md.

Every expectation below was worked out by hand from the notes (see the README's tables);
where the README and mdnet disagreed, the notes decided.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, run

from mdnet.app import open_vault
from mdnet.derive import Derivation

SAMPLE = Path(__file__).resolve().parent.parent / "sample-vault"
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def derived() -> Derivation:
    return open_vault(SAMPLE, TODAY).derived


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    result = run("report", str(SAMPLE), "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# The README's table, worked out by hand from the notes. Paused and archived contacts have
# no next due date (README: "–"); Owen Fischer's quarterly cadence is 91 days.
TABLE = """
contact        | network  | cadence | last       | due        | state    | overdue
Alex Chen      | bloggers | 45      | 2026-09-23 | 2026-11-07 | overdue  | 16
Alexandra Ruiz | media    | 90      | 2026-08-12 | 2026-12-07 | ok       | 0
Beth Kowalski  | bloggers | 45      | 2026-05-18 | 2026-07-02 | lapsed   | 144
Carla Mendes   | bloggers | 45      | 2026-04-02 | -          | paused   | 0
Dana Whitfield | bloggers | 45      | 2026-11-18 | 2027-01-02 | ok       | 0
Derek Stone    | media    | 365     | 2025-12-10 | -          | archived | 0
Grace Liu      | bankers  | 30      | 2026-10-22 | 2026-11-21 | overdue  | 2
Hannah Osei    | mentors  | 56      | 2026-09-15 | 2026-11-10 | overdue  | 13
Jordan Blake   | bloger   | 60      | 2026-11-23 | 2027-01-22 | ok       | 0
Marcus Bell    | bankers  | 30      | 2026-10-28 | 2026-11-27 | due soon | 0
Nina Patel     | bloggers | 42      | 2026-10-15 | 2026-11-26 | due soon | 0
Owen Fischer   | media    | 91      | -          | -          | never    | 0
Priya Nair     | bankers  | 30      | 2026-11-10 | 2026-12-10 | ok       | 0
Rafael Moreno  | mentors  | 56      | 2026-11-05 | 2026-12-31 | ok       | 0
Sam Ortiz      | media    | 90      | 2026-11-02 | 2027-01-31 | ok       | 0
Tom Reilly     | bankers  | 30      | 2026-11-18 | 2026-12-18 | ok       | 0
Victor Huang   | bankers  | 42      | 2026-07-15 | 2026-08-26 | lapsed   | 89
"""

# Where the last contact comes from (path:line); ties on a date go to the later path.
SOURCES = {
    "Alex Chen": "People/Alex Chen.md:21",
    "Alexandra Ruiz": "People/Alexandra Ruiz.md:7",  # last_contact: front matter
    "Beth Kowalski": "People/Beth Kowalski.md:20",
    "Carla Mendes": "People/Carla Mendes.md:19",
    "Dana Whitfield": "People/Dana Whitfield.md:24",  # and the Main Street forum
    "Derek Stone": "People/Derek Stone.md:20",
    "Grace Liu": "People/Grace Liu.md:20",  # and Daily/2026-10-22.md
    "Hannah Osei": "Daily/2026-09-15.md:3",
    "Jordan Blake": "Daily/2026-11-23.md:3",
    "Marcus Bell": "People/Marcus Bell.md:20",
    "Nina Patel": "Daily/2026-10-15.md:3",
    "Priya Nair": "Daily/2026-11-09.md:3",  # completed task, ✅ 2026-11-10
    "Rafael Moreno": "Events/Community Bankers Breakfast.md:5",  # and Daily/2026-11-05.md
    "Sam Ortiz": "People/Dana Whitfield.md:22",
    "Tom Reilly": "Events/Main Street Banking Forum.md:5",
    "Victor Huang": "People/Victor Huang.md:20",
}


def _rows() -> dict[str, dict[str, str]]:
    lines = TABLE.strip().splitlines()
    keys = [k.strip() for k in lines[0].split("|")]
    rows = [
        dict(zip(keys, (v.strip() for v in line.split("|")), strict=True)) for line in lines[1:]
    ]
    return {row["contact"]: row for row in rows}


CONTACTS = _rows()


def _none(value: str) -> str | None:
    return None if value == "-" else value


def test_every_contact_is_expected(derived: Derivation) -> None:
    names = {r.contact.name for r in derived.relationships.values()}
    assert names == set(CONTACTS)


@pytest.mark.parametrize("name", sorted(CONTACTS))
def test_contact_state(derived: Derivation, name: str) -> None:
    row = CONTACTS[name]
    [rel] = [r for r in derived.relationships.values() if r.contact.name == name]
    assert rel.contact.network == row["network"]
    assert rel.cadence_days == int(row["cadence"])
    if name in SOURCES:
        assert rel.last is not None
        assert rel.last.date.isoformat() == row["last"]
        assert f"{rel.last.path}:{rel.last.line}" == SOURCES[name]
    else:
        assert rel.last is None
    assert (rel.due.isoformat() if rel.due else None) == _none(row["due"])
    assert rel.state == row["state"]
    assert rel.days_overdue == int(row["overdue"])


def test_state_totals(report: dict[str, Any]) -> None:
    states: dict[str, int] = {}
    for row in report["contacts"]:
        states[row["state"]] = states.get(row["state"], 0) + 1
    assert states == {
        "ok": 7,
        "due soon": 2,
        "overdue": 3,
        "lapsed": 2,
        "never": 1,
        "paused": 1,
        "archived": 1,
    }


def test_json_agrees_with_the_table(report: dict[str, Any]) -> None:
    for got in report["contacts"]:
        row = CONTACTS[got["name"]]
        assert (got["network"], got["cadence_days"]) == (row["network"], int(row["cadence"]))
        assert (got["last_contact"], got["due"]) == (_none(row["last"]), _none(row["due"]))
        assert (got["state"], got["days_overdue"]) == (row["state"], int(row["overdue"]))
        source = SOURCES.get(got["name"])
        assert got["last_source"] == (source.rsplit(":", 1)[0] if source else None)


def test_network_health(report: dict[str, Any]) -> None:
    health = {n["name"]: (n["within_cadence"], n["contacts"]) for n in report["networks"]}
    assert health == {
        "bloggers": (2, 4),
        "bankers": (3, 5),
        "media": (2, 3),
        "mentors": (1, 2),
        "bloger": (1, 1),
    }


def test_gives_before_asks_except_grace(derived: Derivation) -> None:
    askers_first = []
    for rel in derived.relationships.values():
        if rel.first_ask and (rel.first_give is None or rel.first_give.date > rel.first_ask.date):
            askers_first.append(rel.contact.name)
    assert askers_first == ["Grace Liu"]
    priya = derived.relationships["People/Priya Nair.md"]
    both = [i for i in priya.interactions if i.date == date(2026, 10, 1)]
    assert [(i.kind, set(i.tags)) for i in both] == [("ask", {"ask", "followup"})]


def test_planned_tasks(derived: Derivation) -> None:
    planned = {
        r.contact.name: [p.path for p in r.planned]
        for r in derived.relationships.values()
        if r.planned
    }
    assert planned == {
        "Beth Kowalski": ["Goals/Pitch 5 FinCon bloggers.md"],
        "Owen Fischer": ["Daily/2026-10-12.md", "Goals/Podcast guest spots.md"],
        "Sam Ortiz": ["Daily/2026-11-20.md"],
        "Victor Huang": ["Daily/2026-09-08.md"],
    }


# ------------------------------------------------------------------ the three "done when" cases


def test_contact_only_in_a_daily_note(derived: Derivation) -> None:
    nina = derived.relationships["People/Nina Patel.md"]
    assert [(i.date, i.path, i.source) for i in nina.interactions] == [
        (date(2026, 10, 15), "Daily/2026-10-15.md", "daily")
    ]
    assert nina.last is not None and nina.last.date == date(2026, 10, 15)


def test_contact_only_at_an_event(derived: Derivation) -> None:
    tom = derived.relationships["People/Tom Reilly.md"]
    assert [(i.date, i.path, i.source) for i in tom.interactions] == [
        (date(2026, 10, 29), "Events/Credit Union Lending Mixer.md", "event"),
        (date(2026, 11, 18), "Events/Main Street Banking Forum.md", "event"),
    ]
    assert tom.last is not None and tom.last.date == date(2026, 11, 18)


def test_contact_only_in_another_contacts_log(derived: Derivation) -> None:
    sam = derived.relationships["People/Sam Ortiz.md"]
    assert [(i.date, i.path, i.line, i.kind) for i in sam.interactions] == [
        (date(2026, 11, 2), "People/Dana Whitfield.md", 22, "give")
    ]
    assert sam.last is not None and sam.last.date == date(2026, 11, 2)


@pytest.mark.parametrize(
    ("files", "path", "expected"),
    [
        (
            {"Daily/2026-10-15.md": "Long call with [[Nina Patel]] from the airport.\n"},
            "People/Nina Patel.md",
            "2026-10-15",
        ),
        (
            {
                "Events/Forum.md": "---\ntype: event\ndate: 2026-11-18\n"
                'attendees: ["[[Nina Patel]]"]\n---\n'
            },
            "People/Nina Patel.md",
            "2026-11-18",
        ),
        (
            {
                "People/Dana.md": "---\ntype: contact\n---\n"
                "- 2026-11-02 Introduced her to [[Nina Patel]]\n"
            },
            "People/Nina Patel.md",
            "2026-11-02",
        ),
    ],
    ids=["daily-note", "event", "other-contacts-log"],
)
def test_done_when_cases_through_the_cli(
    make_vault: MakeVault, files: dict[str, str], path: str, expected: str
) -> None:
    vault = make_vault({"People/Nina Patel.md": "---\ntype: contact\n---\n", **files})
    result = run("report", str(vault), "--format", "json")
    [row] = [c for c in json.loads(result.stdout)["contacts"] if c["path"] == path]
    assert row["last_contact"] == expected


# ------------------------------------------------------------------ goals


# file: (horizon, parent, source, progress, target, state)
GOALS: dict[str, tuple[str | None, str | None, str, float, float | None, str]] = {
    "Publish 30 guest posts": ("long", None, "log", 28, 30, "on track"),
    "Know 8 community bankers": ("long", None, "measure", 4, 8, "on track"),
    "Pitch 5 FinCon bloggers": ("short", "Publish 30 guest posts", "tasks", 4, 5, "on track"),
    "Attend 2 banking events in November": (
        "short",
        "Know 8 community bankers",
        "measure",
        2,
        2,
        "achieved",
    ),
    "Meet some bankers": ("short", "Know 8 community bankers", "none", 0, None, "no target"),
    "Collect 20 reader questions": (
        "short",
        "Know 8 community bankers",
        "progress",
        12,
        20,
        "on track",
    ),
    "Podcast guest spots": ("short", None, "progress", 1, 3, "on track"),
    "Weekly follow-up": (None, None, "measure", 1, 1, "on track"),
}


@pytest.mark.parametrize("name", sorted(GOALS))
def test_goal_state(derived: Derivation, name: str) -> None:
    horizon, parent, source, progress, target, state = GOALS[name]
    s = derived.goals[f"Goals/{name}.md"]
    assert s.goal.horizon == horizon
    assert s.parent == (f"Goals/{parent}.md" if parent else None)
    assert s.source == source
    assert s.progress == progress
    assert s.goal.target == target
    assert s.state == state


def test_goal_pace(derived: Derivation) -> None:
    publish = derived.goals["Goals/Publish 30 guest posts.md"]
    assert (publish.days_left, round(publish.expected or 0, 1)) == (38, 26.9)
    know = derived.goals["Goals/Know 8 community bankers.md"]
    assert (know.days_left, round(know.expected or 0, 1)) == (97, 3.7)
    pitch = derived.goals["Goals/Pitch 5 FinCon bloggers.md"]
    assert round(pitch.expected or 0, 1) == 3.8
    podcast = derived.goals["Goals/Podcast guest spots.md"]
    assert round(podcast.expected or 0, 1) == 0.7


def test_milestones(derived: Derivation) -> None:
    assert derived.goals["Goals/Publish 30 guest posts.md"].milestones == (
        "Goals/Pitch 5 FinCon bloggers.md",
    )
    assert derived.goals["Goals/Know 8 community bankers.md"].milestones == (
        "Goals/Attend 2 banking events in November.md",
        "Goals/Collect 20 reader questions.md",
        "Goals/Meet some bankers.md",
    )


def test_weekly_follow_up(derived: Derivation) -> None:
    weekly = derived.goals["Goals/Weekly follow-up.md"]
    assert [(p.start.isoformat(), p.count) for p in weekly.periods] == [
        ("2026-10-05", 0),
        ("2026-10-12", 0),
        ("2026-10-19", 1),
        ("2026-10-26", 1),
        ("2026-11-02", 1),
        ("2026-11-09", 1),
        ("2026-11-16", 1),
        ("2026-11-23", 1),
    ]
    assert weekly.streak == 6
    followups = [i.date.isoformat() for i in derived.interactions if "followup" in i.tags]
    assert followups == [
        "2026-09-23",
        "2026-10-01",
        "2026-10-20",
        "2026-10-28",
        "2026-11-04",
        "2026-11-12",
        "2026-11-18",
        "2026-11-23",
    ]


# ------------------------------------------------------------------ findings


def test_relationship_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLE)
    result = run("check", ".", "--select", "C,E,G010", "--no-cache")
    lines = [line for line in result.stdout.splitlines() if ": " in line]
    assert lines == [
        "Events/Community Bankers Breakfast.md:3:7: E004 no new contact met at this event"
        " (2026-11-05)",
        "Events/Main Street Banking Forum.md:3:7: E004 no new contact met at this event"
        " (2026-11-18)",
        "People/Alex Chen.md:1:1: C001 overdue by 16 days: last contact 2026-09-23"
        " (cadence 45 days)",
        "People/Beth Kowalski.md:1:1: C001 overdue by 144 days: last contact 2026-05-18"
        " (cadence 45 days) (lapsed: reconnect)",
        "People/Grace Liu.md:1:1: C001 overdue by 2 days: last contact 2026-10-22"
        " (cadence 30 days)",
        "People/Grace Liu.md:18:1: C006 asked Grace Liu on 2026-10-09 before giving"
        " (first give 2026-10-22)",
        "People/Hannah Osei.md:1:1: C001 overdue by 13 days: last contact 2026-09-15"
        " (cadence 56 days)",
        "People/Hannah Osei.md:15:1: C004 assumption 'Probably':"
        " ask them and write down the answer",
        "People/Jordan Blake.md:4:10: C003 unknown network 'bloger'; did you mean 'bloggers'?",
        "People/Owen Fischer.md:1:1: C005 never contacted: no interaction and no `met` date",
        "People/Victor Huang.md:1:1: C001 overdue by 89 days: last contact 2026-07-15"
        " (cadence 42 days) (lapsed: reconnect)",
    ]


def test_due_lists_the_expected_people() -> None:
    result = run("due", str(SAMPLE), "--format", "json")
    data = json.loads(result.stdout)
    assert [r["name"] for r in data["due"]] == [
        "Alex Chen",
        "Hannah Osei",
        "Grace Liu",
        "Nina Patel",
        "Marcus Bell",
    ]
    assert [r["name"] for r in data["lapsed"]] == ["Beth Kowalski", "Victor Huang"]
    assert [r["name"] for r in data["never"]] == ["Owen Fischer"]


# ------------------------------------------------------------- strategy: who, where, scorecard


def test_goal_people(derived: Derivation) -> None:
    labels = {path: who.label() for path, who in derived.who.items() if who}
    assert labels == {
        "Goals/Publish 30 guest posts.md": "bloggers",  # who: [bloggers]
        "Goals/Pitch 5 FinCon bloggers.md": "bloggers",  # from its parent
        "Goals/Know 8 community bankers.md": "bankers",  # measure network
        "Goals/Attend 2 banking events in November.md": "bankers",
        "Goals/Meet some bankers.md": "bankers",
        "Goals/Collect 20 reader questions.md": "bankers",
    }


def test_event_returns(derived: Derivation) -> None:
    rows = {
        path.removeprefix("Events/"): (
            r.goal and r.goal.removeprefix("Goals/"),
            len(r.attendees),
            r.new,
            r.followed_up,
            r.gives,
        )
        for path, r in derived.event_returns.items()
    }
    assert rows == {
        # Jordan first met there (met: 2026-10-14), his #give on 10-16 is within 7 days;
        # gives since: Jordan 10-16, Dana 11-02
        "FinCon blogger dinner.md": (
            "Publish 30 guest posts.md",
            2,
            ("People/Jordan Blake.md",),
            ("People/Jordan Blake.md",),
            2,
        ),
        # Tom: met_at the mixer; next touch only on 11-18 (20 days later)
        "Credit Union Lending Mixer.md": (
            "Know 8 community bankers.md",
            1,
            ("People/Tom Reilly.md",),
            (),
            0,
        ),
        "Community Bankers Breakfast.md": ("Attend 2 banking events in November.md", 2, (), (), 0),
        "Main Street Banking Forum.md": ("Attend 2 banking events in November.md", 2, (), (), 0),
    }


def test_weekly_scorecard(derived: Derivation) -> None:
    score = derived.goals["Goals/Weekly scorecard.md"]
    # week of 11-02: Dana #give 3 + Sam first met 2 + daily coffee 1 + Priya #followup 2
    #   + Dana #ask 1 + the breakfast 5 = 14; of 11-09: Priya's task 1 + Jordan #followup 2;
    # of 11-16: Dana's lunch 1 + the forum 5 + Dana #followup 2 = 8; of 11-23: Jordan 2
    assert [(p.start.isoformat(), p.count, p.met) for p in score.periods] == [
        ("2026-10-05", 3, False),
        ("2026-10-12", 11, True),  # FinCon 5 + Jordan met 2 + Nina 1 + Jordan #give 3
        ("2026-10-19", 6, False),
        ("2026-10-26", 10, True),
        ("2026-11-02", 14, True),
        ("2026-11-09", 3, False),
        ("2026-11-16", 8, True),
        ("2026-11-23", 2, False),
    ]
    assert (score.state, score.streak) == ("on track", 1)


def test_report_shows_the_chain_and_the_points(report: dict[str, Any]) -> None:
    chains = {row["name"]: row for row in report["strategy"]}
    know = chains["Know 8 community bankers"]
    assert (know["who"], know["people"], know["in_cadence"]) == ("bankers", 5, 3)
    assert [e["name"] for e in know["events"]] == ["Credit Union Lending Mixer"]
    assert chains["Attend 2 banking events in November"]["inherited"] is True
    assert [e["name"] for e in report["events"]] == [
        "Main Street Banking Forum",
        "Community Bankers Breakfast",
        "Credit Union Lending Mixer",
        "FinCon blogger dinner",
    ]
    assert [w["points"] for w in report["points"][-4:]] == [14, 3, 8, 2]
    assert report["points_target"] == 8
