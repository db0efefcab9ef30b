"""G rules through `mdnet check`: exact, dated goals organised as long-term goals and milestones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, run
from conftest import vault_rows as rows
from rulecheck import check, findings

LONG = """\
---
type: goal
goal: Publish 30 guest posts
horizon: long
start: 2026-01-01
deadline: 2026-12-31
progress: 28
target: 30
who: [bloggers]
---
"""

MILESTONE = """\
---
type: goal
goal: Pitch 5 bloggers
horizon: short
parent: "[[Publish 30 guest posts]]"
start: 2026-11-01
deadline: 2026-11-30
progress: 4
target: 5
---
"""


def found(vault: Path, code: str) -> list[tuple[str, int, int, str]]:
    return [
        (r["path"], r["line"], r["column"], r["message"]) for r in rows(vault, "--select", code)
    ]


def places(vault: Path, code: str) -> list[tuple[str, int, int]]:
    return [(path, line, col) for path, line, col, _ in found(vault, code)]


def goal(front: str, body: str = "") -> str:
    return f"---\ntype: goal\n{front}\n---\n{body}"


def vault_with(make_vault: MakeVault, text: str, **kwargs: Any) -> Path:
    """A vault with a healthy long-term goal and its milestone, plus `Goals/Test.md`."""
    return make_vault(
        {
            "Goals/Publish 30 guest posts.md": LONG,
            "Goals/Pitch 5 bloggers.md": MILESTONE,
            "Goals/Test.md": text,
        },
        **kwargs,
    )


@pytest.mark.parametrize(
    "code", ["G001", "G002", "G003", "G004", "G005", "G006", "G007", "G008", "G009"]
)
def test_healthy_goals_are_quiet(make_vault: MakeVault, code: str) -> None:
    weekly = goal("goal: Follow up with one new connection\nevery: week\ntarget: 1")
    vault = vault_with(make_vault, weekly)
    assert found(vault, code) == []


def test_healthy_goals_are_quiet_for_every_g_rule(make_vault: MakeVault) -> None:
    vault = vault_with(make_vault, goal("goal: Meet 10 bloggers\ndeadline: 2026-12-31"))
    assert found(vault, "G") == []


# --------------------------------------------------------------------------- G001


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        (goal("goal: Collect 20 reader questions\nprogress: 12"), 3, 7),
        (goal('goal: "Collect 20 questions"\nhorizon: long'), 3, 8),
        (goal("title: Collect 20 questions"), 3, 8),
        ("---\ntype: goal\n---\n# Collect 20 questions\n", 4, 3),
        ("---\ntype: goal\n---\nNo statement at all, 5 of them\n", 1, 1),
    ],
)
def test_g001_no_deadline(make_vault: MakeVault, text: str, line: int, col: int) -> None:
    vault = vault_with(make_vault, text)
    result = found(vault, "G001")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Test.md", line, col)]
    assert "no deadline" in result[0][3]


@pytest.mark.parametrize(
    "front",
    [
        "goal: Collect 20 questions\ndeadline: 2026-12-31",
        "goal: Collect 20 questions\nevery: week",
        "goal: Collect 20 questions\nevery: month\ntarget: 2",
        "goal: Collect 20 questions\ndeadline: someday",  # F004, not also G001
    ],
)
def test_g001_quiet(make_vault: MakeVault, front: str) -> None:
    assert places(vault_with(make_vault, goal(front)), "G001") == []


def test_g001_by_folder_without_type(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Goals/Test.md": "---\ngoal: Meet 10 bloggers\n---\n"},
        config='[folders]\ngoals = "Goals"\n',
    )
    assert places(vault, "G001") == [("Goals/Test.md", 2, 7)]


# --------------------------------------------------------------------------- G002


@pytest.mark.parametrize(
    ("statement", "exact"),
    [
        ("Meet some bankers", False),
        ("Meet bankers", False),
        ("Become well known among bloggers", False),
        ("Meet someone new", False),
        ("Meet a couple of bankers", False),
        ("Meet dozens of bloggers", False),
        ("Get more followers by 2026", False),  # a year is not a quantity
        ("Grow by Q1 2027", False),
        ("Call the bank on 2026-12-01", False),
        ("One day I will know everyone", False),
        ("Meet 10 bankers", True),
        ("Meet 1,000 readers", True),
        ("Grow the list to 2000", True),
        ("Raise reply rate to 30%", True),
        ("Meet five bankers", True),
        ("Publish twenty guest posts", True),
        ("Publish twenty-five guest posts", True),
        ("Publish a dozen guest posts", True),
        ("Speak at conferences twice", True),
        ("Call a mentor once a week", True),
        ("Attend Two Conferences a year", True),
    ],
)
def test_g002_exactness(make_vault: MakeVault, statement: str, exact: bool) -> None:
    vault = vault_with(make_vault, goal(f"goal: {statement}\ndeadline: 2026-12-31"))
    result = found(vault, "G002")
    if exact:
        assert result == []
    else:
        assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Test.md", 3, 7)]
        assert repr(statement) in result[0][3]
        assert "no number" in result[0][3]


def test_g002_target_makes_a_goal_exact(make_vault: MakeVault) -> None:
    text = goal("goal: Meet some bankers\ndeadline: 2026-12-31\ntarget: 5\nunit: bankers")
    assert places(vault_with(make_vault, text), "G002") == []


def test_g002_statement_from_a_heading(make_vault: MakeVault) -> None:
    text = goal("deadline: 2026-12-31", body="\n# Meet bankers\n")
    assert places(vault_with(make_vault, text), "G002") == [("Goals/Test.md", 6, 3)]


def test_g002_is_an_error(make_vault: MakeVault) -> None:
    vault = vault_with(make_vault, goal("goal: Meet bankers\ndeadline: 2026-12-31"))
    (row,) = rows(vault, "--select", "G002")
    assert (row["severity"], row["name"]) == ("error", "goal-not-exact")


# --------------------------------------------------------------------------- G003


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        ("Meet some bankers", [(12, "some")]),
        ("Meet many bankers", [(12, "many")]),
        ("Meet a few bankers", [(12, "a few")]),
        ("Meet few bankers", [(12, "few")]),
        ("Meet several bankers and a few founders", [(12, "several"), (32, "a few")]),
        ("Write various posts for numerous blogs", [(13, "various"), (31, "numerous")]),
        ("Meet a number of bankers", [(12, "a number of")]),
        ("Meet a lot of bankers", [(12, "a lot of")]),
        ("Meet lots of bankers", [(12, "lots of")]),
        ("Meet a couple of bankers", [(12, "a couple of")]),
        ("Meet a bunch of bankers", [(12, "a bunch of")]),
        ("Meet a handful of bankers", [(12, "a handful of")]),
        ("Pitch multiple blogs", [(13, "multiple")]),
        ("Get plenty of intros", [(11, "plenty of")]),
        ("Get more intros", [(11, "more")]),
        ("Meet as many as possible", [(12, "as many as possible")]),
        ("Meet SOME bankers, Some founders", [(12, "SOME"), (26, "Some")]),
    ],
)
def test_g003_each_vague_word_at_its_column(
    make_vault: MakeVault, statement: str, words: list[tuple[int, str]]
) -> None:
    vault = vault_with(make_vault, goal(f"goal: {statement}\ndeadline: 2026-12-31\ntarget: 5"))
    result = found(vault, "G003")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Test.md", 3, c) for c, _ in words]
    for (_, _, _, message), (_, word) in zip(result, words, strict=True):
        assert repr(word) in message


@pytest.mark.parametrize(
    "statement",
    [
        "Stop taking too many meetings with 3 vendors",
        "Have too few coffees and fix it with 4",
        "Meet 10 bankers",
        "Meet more than 10 bankers",
        "Meet 10 more bankers",
        "Meet someone new every 2 weeks",
        "Handle 5 handfuls",
    ],
)
def test_g003_quiet(make_vault: MakeVault, statement: str) -> None:
    vault = vault_with(make_vault, goal(f"goal: {statement}\ndeadline: 2026-12-31"))
    assert found(vault, "G003") == []


def test_g003_column_inside_quotes(make_vault: MakeVault) -> None:
    text = goal("goal: 'Meet some bankers'\ndeadline: 2026-12-31\ntarget: 3")
    assert places(vault_with(make_vault, text), "G003") == [("Goals/Test.md", 3, 13)]


def test_g003_column_in_a_heading_statement(make_vault: MakeVault) -> None:
    text = goal("deadline: 2026-12-31\ntarget: 3", body="# Meet some bankers\n")
    assert places(vault_with(make_vault, text), "G003") == [("Goals/Test.md", 6, 8)]


def test_g003_vague_words_are_configurable(make_vault: MakeVault) -> None:
    text = goal("goal: Meet some bankers, loads of founders\ndeadline: 2026-12-31\ntarget: 3")
    vault = vault_with(make_vault, text, config='vague_words = ["loads of"]\n')
    assert [c for _, _, c in places(vault, "G003")] == [26]


def test_g003_is_a_warning(make_vault: MakeVault) -> None:
    vault = vault_with(make_vault, goal("goal: Meet some bankers\ndeadline: 2026-12-31"))
    (row,) = rows(vault, "--select", "G003")
    assert row["severity"] == "warning"


# --------------------------------------------------------------------------- G004


def test_g004_missed_deadline(make_vault: MakeVault) -> None:
    text = goal("goal: Meet 3 bankers\nhorizon: long\nstart: 2026-01-01\ndeadline: 2026-06-30")
    result = found(vault_with(make_vault, text), "G004")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Test.md", 6, 11)]
    assert "2026-06-30 passed 146 days ago" in result[0][3]


def test_g004_uses_today(make_vault: MakeVault) -> None:
    vault = vault_with(make_vault, goal("goal: Meet 3 bankers\ndeadline: 2026-11-22"))
    assert places(vault, "G004") == [("Goals/Test.md", 4, 11)]

    def on(day: str) -> list[dict[str, Any]]:
        args = ("check", str(vault), "--format", "json", "--select", "G004", "--exit-zero")
        result = run(*args, "--today", day, today=None)
        assert result.exit_code == 0, result.output
        found: list[dict[str, Any]] = json.loads(result.stdout)
        return found

    assert on("2026-11-22") == []
    assert len(on("2027-01-01")) == 3  # the long goal and the milestone are late by then too


@pytest.mark.parametrize(
    "extra",
    ["status: done", "status: dropped", "progress: 3\ntarget: 3", "deadline2: x"],
)
def test_g004_quiet(make_vault: MakeVault, extra: str) -> None:
    deadline = "2026-12-31" if extra.startswith("deadline2") else "2026-06-30"
    text = goal(f"goal: Meet 3 bankers\ndeadline: {deadline}\n{extra}")
    assert found(vault_with(make_vault, text), "G004") == []


# --------------------------------------------------------------------------- G005


def test_g005_short_goal_without_parent(make_vault: MakeVault) -> None:
    text = goal(
        "goal: Land 3 podcast spots\nhorizon: short\nstart: 2026-11-16\n"
        "deadline: 2026-12-15\ntarget: 3"
    )
    result = found(vault_with(make_vault, text), "G005")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Test.md", 4, 10)]
    assert "no `parent`" in result[0][3]


@pytest.mark.parametrize(
    "front",
    [
        'horizon: short\nparent: "[[Publish 30 guest posts]]"',
        "horizon: long",
        "",
    ],
)
def test_g005_quiet(make_vault: MakeVault, front: str) -> None:
    text = goal(f"goal: Land 3 podcast spots\ndeadline: 2026-11-30\n{front}")
    assert places(vault_with(make_vault, text), "G005") == []


# --------------------------------------------------------------------------- G006


@pytest.mark.parametrize(
    ("parent", "col", "words"),
    [
        ('"[[Dana Whitfield]]"', 10, "People/Dana Whitfield.md is not a goal"),
        ('"[[Pitch 5 bloggers]]"', 10, "is not a long-term goal"),
        ('"[[Nobody]]"', 10, "does not exist"),
        ("not a link", 9, "must be a link"),
        ('"[[Test]]"', 10, "Goals/Test.md is not a long-term goal"),
    ],
)
def test_g006_bad_parent(make_vault: MakeVault, parent: str, col: int, words: str) -> None:
    text = goal(f"goal: Meet 3 bankers\nhorizon: short\nparent: {parent}\ndeadline: 2026-11-30")
    vault = make_vault(
        {
            "Goals/Publish 30 guest posts.md": LONG,
            "Goals/Pitch 5 bloggers.md": MILESTONE,
            "Goals/Test.md": text,
            "People/Dana Whitfield.md": "---\ntype: contact\n---\n",
        }
    )
    result = found(vault, "G006")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Test.md", 5, col)]
    assert words in result[0][3]


def test_g006_parent_is_the_goal_itself(make_vault: MakeVault) -> None:
    text = goal('goal: Meet 3 bankers\nhorizon: long\nparent: "[[Test]]"\ndeadline: 2026-11-30')
    result = found(vault_with(make_vault, text), "G006")
    assert [(ln, c) for _, ln, c, _ in result] == [(5, 10)]
    assert "itself" in result[0][3]


def test_g006_unquoted_parent_still_resolves(make_vault: MakeVault) -> None:
    text = goal(
        "goal: Meet 3 bankers\nhorizon: short\nparent: [[Publish 30 guest posts]]\n"
        "start: 2026-11-01\ndeadline: 2026-11-30"
    )
    vault = vault_with(make_vault, text)
    assert found(vault, "G006") == []
    assert places(vault, "F005") == [("Goals/Test.md", 5, 9)]


def test_g006_quiet(make_vault: MakeVault) -> None:
    vault = vault_with(make_vault, MILESTONE.replace("Pitch 5", "Pitch 6"))
    assert found(vault, "G006") == []


# --------------------------------------------------------------------------- G007


def test_g007_short_goal_too_long(make_vault: MakeVault) -> None:
    text = goal(
        'goal: Meet 3 bankers\nhorizon: short\nparent: "[[Publish 30 guest posts]]"\n'
        "start: 2026-01-01\ndeadline: 2026-09-30\nstatus: done"
    )
    result = found(vault_with(make_vault, text), "G007")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Test.md", 7, 11)]
    assert "272 days (more than 92)" in result[0][3]


@pytest.mark.parametrize(("deadline", "fires"), [("2027-02-01", False), ("2027-02-02", True)])
def test_g007_boundary_at_92_days(make_vault: MakeVault, deadline: str, fires: bool) -> None:
    text = goal(
        'goal: Meet 3 bankers\nhorizon: short\nparent: "[[Publish 30 guest posts]]"\n'
        f"start: 2026-11-01\ndeadline: {deadline}"
    )
    assert bool(places(vault_with(make_vault, text), "G007")) is fires


def test_g007_short_max_days_is_configurable(make_vault: MakeVault) -> None:
    # The healthy milestone spans 29 days: too long once the limit is 20.
    vault = vault_with(
        make_vault, goal("goal: 5 posts\nevery: week"), config="short_max_days = 20\n"
    )
    result = found(vault, "G007")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Pitch 5 bloggers.md", 7, 11)]
    assert "(more than 20)" in result[0][3]


def test_g007_quiet_for_long_goals_and_goals_without_start(make_vault: MakeVault) -> None:
    text = goal(
        'goal: Meet 3 bankers\nhorizon: short\nparent: "[[Publish 30 guest posts]]"\n'
        "deadline: 2026-11-30"
    )
    vault = vault_with(make_vault, text)
    assert found(vault, "G007") == []  # the long-term goal spans a year: not short


# --------------------------------------------------------------------------- G008


def long_goal(extra: str = "") -> str:
    return goal(
        f"goal: Know 8 community bankers\nhorizon: long\nstart: 2026-09-01\n"
        f"deadline: 2027-02-28\n{extra}"
    )


def milestone(start: str, deadline: str, extra: str = "") -> str:
    return goal(
        f'goal: Meet 2 bankers\nhorizon: short\nparent: "[[Know 8 community bankers]]"\n'
        f"start: {start}\ndeadline: {deadline}\n{extra}"
    )


def test_g008_no_milestone(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/Know 8 community bankers.md": long_goal()})
    result = found(vault, "G008")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Know 8 community bankers.md", 3, 7)]
    assert "no current short-term milestone" in result[0][3]


@pytest.mark.parametrize(
    "child",
    [
        milestone("2026-10-01", "2026-10-31"),  # finished before today
        milestone("2026-12-01", "2026-12-31"),  # not started yet
        milestone("2026-11-01", "2026-11-30", "status: done"),
        milestone("2026-11-01", "2026-11-30", "status: dropped"),
    ],
)
def test_g008_no_current_milestone(make_vault: MakeVault, child: str) -> None:
    vault = make_vault(
        {"Goals/Know 8 community bankers.md": long_goal(), "Goals/Meet 2 bankers.md": child}
    )
    assert places(vault, "G008") == [("Goals/Know 8 community bankers.md", 3, 7)]


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        (long_goal(), milestone("2026-11-01", "2026-11-30")),
        (long_goal(), milestone("2026-11-23", "2026-11-23")),  # today counts
        (long_goal("status: done"), None),
        (long_goal("status: dropped"), None),
        (long_goal().replace("2027-02-28", "2026-10-31"), None),  # past: G004's business
        (long_goal("every: month\ntarget: 1"), None),  # a habit needs no milestones
    ],
)
def test_g008_quiet(make_vault: MakeVault, parent: str, child: str | None) -> None:
    files = {"Goals/Know 8 community bankers.md": parent}
    if child:
        files["Goals/Meet 2 bankers.md"] = child
    assert found(make_vault(files), "G008") == []


# --------------------------------------------------------------------------- G009


def test_g009_deadline_before_start(make_vault: MakeVault) -> None:
    text = goal("goal: Meet 3 bankers\nstart: 2026-12-01\ndeadline: 2026-11-01\nstatus: done")
    result = found(vault_with(make_vault, text), "G009")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Test.md", 5, 11)]
    assert "deadline 2026-11-01 is before start 2026-12-01" in result[0][3]


def test_g009_milestone_after_its_parent(make_vault: MakeVault) -> None:
    text = goal(
        'goal: Meet 3 bankers\nhorizon: short\nparent: "[[Publish 30 guest posts]]"\n'
        "start: 2026-12-01\ndeadline: 2027-01-15"
    )
    result = found(vault_with(make_vault, text), "G009")
    assert [(p, ln, c) for p, ln, c, _ in result] == [("Goals/Test.md", 7, 11)]
    assert "after its parent's deadline 2026-12-31" in result[0][3]


@pytest.mark.parametrize(
    "front",
    [
        "start: 2026-11-01\ndeadline: 2026-11-01",  # one day is fine
        "start: 2026-11-01\ndeadline: 2026-12-31",
        'horizon: short\nparent: "[[Publish 30 guest posts]]"\ndeadline: 2026-12-31',
        "deadline: 2026-12-31",
    ],
)
def test_g009_quiet(make_vault: MakeVault, front: str) -> None:
    text = goal(f"goal: Meet 3 bankers\n{front}")
    assert found(vault_with(make_vault, text), "G009") == []


# --------------------------------------------------------------------------- suppression


def test_disable_next_line(make_vault: MakeVault) -> None:
    text = goal(
        "deadline: 2026-12-31\ntarget: 3",
        body="<!-- mdnet-disable-next-line G003 -->\n# Meet some bankers\n",
    )
    vault = vault_with(make_vault, text)
    assert found(vault, "G003") == []
    # only the named code, only the next line
    text = goal(
        "deadline: 2026-12-31",
        body="<!-- mdnet-disable-next-line G003 -->\n\n# Meet some bankers\n",
    )
    assert [(p, ln) for p, ln, _ in places(vault_with(make_vault, text, name="v2"), "G003")] == [
        ("Goals/Test.md", 7)
    ]
    text = goal(
        "deadline: 2026-12-31",
        body="<!-- mdnet-disable-next-line G003 -->\n# Meet some bankers\n",
    )
    assert [r["code"] for r in rows(vault_with(make_vault, text, name="v3"), "--select", "G")] == [
        "G002"
    ]


def test_disable_rest_of_file(make_vault: MakeVault) -> None:
    contact = """\
    ---
    type: contact
    met: 2026-11-20
    ---
    ## Challenges
    Probably busy.
    <!-- mdnet-disable C004 -->
    Maybe hiring.
    I think she likes tea.
    """
    vault = make_vault({"People/Dana.md": contact})
    assert places(vault, "C004") == [("People/Dana.md", 6, 1)]


def test_disable_covers_whole_note_findings(make_vault: MakeVault) -> None:
    text = goal("goal: Meet some bankers", body="<!-- mdnet-disable G001, G003 -->\n")
    codes = [r["code"] for r in rows(vault_with(make_vault, text), "--select", "G")]
    assert codes == ["G002"]


def test_mdnet_ignore_in_front_matter(make_vault: MakeVault) -> None:
    text = goal("goal: Meet some bankers\ndeadline: 2026-12-31\nmdnet-ignore: [G002]")
    assert [r["code"] for r in rows(vault_with(make_vault, text), "--select", "G")] == ["G003"]
    text = goal("goal: Meet some bankers\ndeadline: 2026-12-31\nmdnet-ignore: G")
    assert rows(vault_with(make_vault, text, name="v2"), "--select", "G") == []


def test_suppression_in_one_note_does_not_leak(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Goals/A.md": goal(
                "goal: Meet some bankers\ndeadline: 2026-12-31\nmdnet-ignore: [G003]"
            ),
            "Goals/B.md": goal("goal: Meet some bankers\ndeadline: 2026-12-31"),
        }
    )
    assert [p for p, _, _ in places(vault, "G003")] == ["Goals/B.md"]


def test_an_empty_parent_is_no_parent(make_vault: MakeVault) -> None:
    text = goal(
        "goal: Pitch 5 bloggers\nhorizon: short\nparent:\nstart: 2026-11-01\ndeadline: 2026-11-30"
    )
    vault = vault_with(make_vault, text)
    assert places(vault, "G006") == []
    assert places(vault, "G005") == [("Goals/Test.md", 4, 10)]


# ------------------------------------------------- in memory: several problems per vault

G_RULES = "G001,G002,G003,G004,G005,G006,G007,G008,G009,G010"

MIXED = {
    "Goals/Publish 30 guest posts.md": LONG,
    "Goals/Pitch 5 bloggers.md": MILESTONE,
    "Goals/Vague.md": goal("goal: Meet some bankers and a few founders\ndeadline: 2026-12-31"),
    "Goals/Undated.md": goal("goal: Meet 10 bloggers"),
    "Goals/Late.md": goal("goal: Meet 10 bloggers\ndeadline: 2026-06-30"),
    "Goals/Done late.md": goal("goal: Meet 10 bloggers\ndeadline: 2026-06-30\nstatus: done"),
    "Goals/Year only.md": goal("goal: By 2026, publish guest posts\ndeadline: 2026-12-31"),
    "Goals/Year first.md": goal("goal: By 2026, publish 10 guest posts\ndeadline: 2026-12-31"),
    "Goals/Orphan.md": goal(
        "goal: Meet 3 founders\nhorizon: short\nstart: 2026-11-01\ndeadline: 2026-11-30"
    ),
    "Goals/Stray.md": goal(
        'goal: Meet 3 founders\nhorizon: short\nparent: "[[Pitch 5 bloggers]]"\n'
        "start: 2026-11-01\ndeadline: 2026-11-30"
    ),
    "Goals/Inverted.md": goal("goal: Meet 3 founders\nstart: 2027-01-01\ndeadline: 2026-12-15"),
    "Goals/Know 8 community bankers.md": long_goal(),
}


def test_several_goal_problems_in_one_vault() -> None:
    """Each problem at its own place, the healthy goals and the year-first goal quiet."""
    check(
        MIXED,
        G_RULES,
        ("Goals/Inverted.md", 5, 11, "G009"),
        ("Goals/Know 8 community bankers.md", 3, 7, "G008"),
        ("Goals/Late.md", 4, 11, "G004"),
        ("Goals/Orphan.md", 4, 10, "G005"),
        ("Goals/Stray.md", 5, 10, "G006"),
        ("Goals/Undated.md", 3, 7, "G001"),
        ("Goals/Vague.md", 3, 7, "G002"),
        ("Goals/Vague.md", 3, 12, "G003"),
        ("Goals/Vague.md", 3, 29, "G003"),
        ("Goals/Year only.md", 3, 7, "G002"),
    )


def messages(notes: dict[str, str], code: str) -> list[tuple[str, str]]:
    return [(d.path, d.message) for d in findings(notes, code)]


def dated(front: str, start: str = "2026-01-01", deadline: str = "2026-12-31") -> str:
    return goal(f"goal: Publish 30 guest posts\nstart: {start}\ndeadline: {deadline}\n{front}")


def test_g010_behind_pace_in_one_vault() -> None:
    """Behind a linear pace (30 over the year: 26.9 expected on 2026-11-23), or a recurring
    goal whose last period missed its target; on pace, ahead or done: quiet."""
    notes = {
        "Goals/Behind.md": dated("progress: 12\ntarget: 30\nunit: posts"),
        "Goals/Fractions.md": dated("progress: 12.5\ntarget: 30.5"),
        "Goals/On pace.md": dated("progress: 27\ntarget: 30"),
        "Goals/Done.md": dated("progress: 30\ntarget: 30"),
        "Goals/No target.md": dated("progress: 3"),
        "Goals/Weekly.md": goal("goal: Meet one founder\nevery: week\ntarget: 1"),
        "Goals/Monthly.md": goal("goal: Meet 2 founders\nevery: month\ntarget: 2"),
        # A habit marked done or dropped, its last week missed all the same: quiet.
        "Goals/Kept.md": goal("goal: Meet one founder\nevery: week\ntarget: 1\nstatus: done"),
        "Goals/Gave up.md": goal("goal: Meet a VC\nevery: week\ntarget: 1\nstatus: dropped"),
        "Goals/Finished.md": dated("progress: 12\ntarget: 30\nstatus: done"),
    }
    check(
        notes,
        "G010",
        ("Goals/Behind.md", 3, 7),
        ("Goals/Fractions.md", 3, 7),
        ("Goals/Monthly.md", 3, 7),
        ("Goals/Weekly.md", 3, 7),
    )
    assert messages(notes, "G010") == [
        ("Goals/Behind.md", "12 of 30 posts (40%); expected 26.9 by today"),
        ("Goals/Fractions.md", "12.5 of 30.5 (41%); expected 27.3 by today"),
        ("Goals/Monthly.md", "recurring goal missed its target last month"),
        ("Goals/Weekly.md", "recurring goal missed its target last week"),
    ]


def test_g004_deadline_boundaries() -> None:
    """Passed means before today: a deadline today is not missed; achieved, done, dropped
    goals are left alone."""
    notes = {
        "Goals/Today.md": dated("target: 30\nprogress: 29", deadline="2026-11-23"),
        "Goals/Yesterday.md": dated("target: 30\nprogress: 29", deadline="2026-11-22"),
        "Goals/Achieved.md": dated("target: 30\nprogress: 30", deadline="2026-11-01"),
        "Goals/Done.md": dated("status: done", deadline="2026-11-01"),
        "Goals/Dropped.md": dated("status: dropped", deadline="2026-11-01"),
    }
    check(notes, "G004", ("Goals/Yesterday.md", 5, 11))
    notes["Goals/Nothing yet.md"] = dated("target: 30\nprogress: 0", deadline="2026-12-31")
    assert ("Goals/Nothing yet.md", "0 of 30 (0%); expected 26.9 by today") in messages(
        notes, "G010"
    )
    assert messages(notes, "G004") == [
        (
            "Goals/Yesterday.md",
            "deadline 2026-11-22 passed 1 days ago; "
            "mark the goal done or dropped, or move the deadline",
        )
    ]


def test_g005_g006_parents_in_one_vault() -> None:
    """An empty parent is no parent (G005); each way a parent can be wrong is G006."""
    short = "goal: Meet 3 founders\nhorizon: short\nstart: 2026-11-01\ndeadline: 2026-11-30\n"
    notes = {
        "Goals/Publish 30 guest posts.md": LONG,
        "Goals/Pitch 5 bloggers.md": MILESTONE,
        "People/Dana Whitfield.md": "---\ntype: contact\n---\n",
        "Goals/Empty.md": goal(short + 'parent: ""'),
        "Goals/Plain.md": goal(short + "parent: Publish 30 guest posts"),
        "Goals/Missing.md": goal(short + 'parent: "[[No such goal]]"'),
        "Goals/Contact.md": goal(short + 'parent: "[[Dana Whitfield]]"'),
        "Goals/Short parent.md": goal(short + 'parent: "[[Pitch 5 bloggers]]"'),
        "Goals/Itself.md": goal(
            "goal: Meet 3 founders\nhorizon: long\ndeadline: 2026-12-31\nparent: '[[Itself]]'"
        ),
    }
    assert messages(notes, "G005") == [
        ("Goals/Empty.md", "short-term goal has no `parent` long-term goal")
    ]
    check(
        notes,
        "G005,G006",
        ("Goals/Contact.md", 7, 10, "G006"),
        ("Goals/Empty.md", 4, 10, "G005"),
        ("Goals/Itself.md", 6, 10, "G006"),
        ("Goals/Missing.md", 7, 10, "G006"),
        ("Goals/Plain.md", 7, 9, "G006"),
        ("Goals/Short parent.md", 7, 10, "G006"),
    )
    assert [m for _, m in messages(notes, "G006")] == [
        "`parent` People/Dana Whitfield.md is not a goal",
        "`parent` is the goal itself",
        "`parent` links to a note that does not exist",
        "`parent` must be a link like \"[[Goal]]\", not 'Publish 30 guest posts'",
        "`parent` Goals/Pitch 5 bloggers.md is not a long-term goal (`horizon: long`)",
    ]


def test_g008_current_milestone_boundaries() -> None:
    """A milestone is current from its start to its deadline, both days included, while it
    is active; a recurring or finished long-term goal needs none."""
    long = "goal: Know {n} bankers\nhorizon: long\nstart: 2026-09-01\ndeadline: 2027-02-28\n"

    def child(n: int, start: str, deadline: str, extra: str = "") -> str:
        return goal(
            f'goal: Meet 2 bankers\nhorizon: short\nparent: "[[Know {n} bankers]]"\n'
            f"start: {start}\ndeadline: {deadline}\n{extra}"
        )

    notes = {
        "Goals/Know 1 bankers.md": goal(long.format(n=1)),
        "Goals/Starts today.md": child(1, "2026-11-23", "2026-12-15"),
        "Goals/Know 2 bankers.md": goal(long.format(n=2)),
        "Goals/Ends today.md": child(2, "2026-11-01", "2026-11-23"),
        "Goals/Know 3 bankers.md": goal(long.format(n=3)),
        "Goals/Starts tomorrow.md": child(3, "2026-11-24", "2026-12-15"),
        "Goals/Know 4 bankers.md": goal(long.format(n=4)),
        "Goals/Ended yesterday.md": child(4, "2026-11-01", "2026-11-22"),
        "Goals/Know 5 bankers.md": goal(long.format(n=5)),
        "Goals/Done.md": child(5, "2026-11-01", "2026-11-30", "status: done"),
        "Goals/Know 6 bankers.md": goal(long.format(n=6)),
        "Goals/Open ended.md": goal(
            'goal: Meet 2 bankers\nhorizon: short\nparent: "[[Know 6 bankers]]"'
        ),
        "Goals/Know 7 bankers.md": goal(long.format(n=7) + "status: done"),
        "Goals/Know 8 bankers.md": goal(long.format(n=8).replace("2027-02-28", "2026-11-22")),
        "Goals/Know 9 bankers.md": goal("goal: Know 9 bankers\nhorizon: long\nevery: month"),
        "Goals/Know 90 bankers.md": goal(long.format(n=90).replace("2027-02-28", "2026-11-23")),
    }
    check(
        notes,
        "G008",
        ("Goals/Know 3 bankers.md", 3, 7),
        ("Goals/Know 4 bankers.md", 3, 7),
        ("Goals/Know 5 bankers.md", 3, 7),
        ("Goals/Know 90 bankers.md", 3, 7),  # ends today: still needs a milestone
    )
    assert set(messages(notes, "G008")) == {
        (path, "long-term goal has no current short-term milestone")
        for path in [f"Goals/Know {n} bankers.md" for n in (3, 4, 5, 90)]
    }


def test_g009_dates_in_one_vault() -> None:
    """A deadline the day before the start, or a day after the parent's: G009; on the same
    day: quiet."""
    milestone = 'goal: Meet 2 bloggers\nhorizon: short\nparent: "[[Publish 30 guest posts]]"\n'
    notes = {
        "Goals/Publish 30 guest posts.md": LONG,
        "Goals/Before start.md": goal(
            "goal: Meet 3 founders\nstart: 2027-01-02\ndeadline: 2027-01-01"
        ),
        "Goals/Same day.md": goal("goal: Meet 3 founders\nstart: 2027-01-01\ndeadline: 2027-01-01"),
        "Goals/After parent.md": goal(milestone + "start: 2026-12-01\ndeadline: 2027-01-01"),
        "Goals/With parent.md": goal(milestone + "start: 2026-12-01\ndeadline: 2026-12-31"),
        "Goals/Both.md": goal(milestone + "start: 2027-01-05\ndeadline: 2027-01-01"),
    }
    check(
        notes,
        "G009",
        ("Goals/After parent.md", 7, 11),
        ("Goals/Before start.md", 5, 11),
        ("Goals/Both.md", 7, 11),
        ("Goals/Both.md", 7, 11),
    )
    assert [m for _, m in messages(notes, "G009")] == [
        "milestone ends 2027-01-01, after its parent's deadline 2026-12-31",
        "deadline 2027-01-01 is before start 2027-01-02",
        "deadline 2027-01-01 is before start 2027-01-05",
        "milestone ends 2027-01-01, after its parent's deadline 2026-12-31",
    ]


def test_g001_g002_g003_g007_in_one_vault() -> None:
    """Statements and spans: several goals, each with its own problems, in one vault."""
    notes = {
        "Goals/Target.md": goal("goal: Meet some bankers\ndeadline: 2026-12-31\ntarget: 5"),
        "Goals/Every.md": goal("goal: Meet a founder\nevery: week"),
        "Goals/Bad deadline.md": goal("goal: Meet 2 founders\ndeadline: someday"),
        "Goals/Nothing.md": goal("goal: Meet founders"),
        "Goals/Long span.md": goal(
            "goal: Meet 2 founders\nhorizon: short\nstart: 2026-11-01\ndeadline: 2027-02-02"
        ),
        "Goals/Long enough.md": goal(
            "goal: Meet 2 founders\nhorizon: short\nstart: 2026-11-01\ndeadline: 2027-02-01"
        ),
    }
    check(
        notes,
        "G001,G002,G003,G007",
        ("Goals/Every.md", 3, 7, "G002"),
        ("Goals/Long span.md", 6, 11, "G007"),
        ("Goals/Nothing.md", 3, 7, "G001"),
        ("Goals/Nothing.md", 3, 7, "G002"),
        ("Goals/Target.md", 3, 12, "G003"),
    )
    check(notes, "G007", config="short_max_days = 100")
    assert messages(notes, "G001") == [
        ("Goals/Nothing.md", "goal has no deadline; add `deadline: YYYY-MM-DD`")
    ]


def test_g001_quiet_when_every_is_unreadable() -> None:
    """`every: fortnight` is F005's finding; G001 would only repeat it."""
    check(goal("goal: Meet 2 founders\nevery: fortnight"), "G001")
    check(goal("goal: Meet 2 founders\nevery:"), "G001", (3, 7))
