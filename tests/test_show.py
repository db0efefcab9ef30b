"""`mdnet show NAME`: one contact's whole picture, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY, MakeVault, run

SAMPLE = Path(__file__).resolve().parents[1] / "sample-vault"

CONFIG = """
[networks.peers]
cadence = "30d"
value = "Guest posts"

[networks.bankers]
cadence = "45d"
"""

FILES = {
    "People/Dana Whitfield.md": """
        ---
        type: contact
        name: Dana Whitfield
        aliases: [Dee]
        network: peers
        met: 2026-03-01
        company: Whitfield Media
        role: Editor
        tags: [writer]
        ---
        ## Log
        - 2026-10-01 Coffee; sent my list of explainers #give
        - 2026-11-10 Asked for an intro to her editor #ask
        - 2026-11-12 Escape \x1b[31mred\x1b[0m and \u202eoverride
        """,
    "People/Sam Ortiz.md": """
        ---
        type: contact
        network: bankers
        ---
        """,
    "Daily/2026-11-20.md": """
        Lunch with [[Dee]] at the market.
        - [ ] call [[Dana Whitfield]] about the series
        - [ ] send [[Dee]] the draft ⏳ 2026-12-02
        """,
    "Events/Meetup.md": """
        ---
        type: event
        date: 2026-09-15
        attendees: ["[[Dana Whitfield]]", "[[Sam Ortiz]]"]
        ---
        """,
    "Goals/Meet 5 peers.md": """
        ---
        type: goal
        goal: Meet 5 peers this year
        start: 2026-01-01
        deadline: 2026-12-31
        target: 5
        measure: {count: contacts, network: peers}
        ---
        """,
    "Goals/Give 10 times.md": """
        ---
        type: goal
        goal: Give 10 times this year
        start: 2026-01-01
        deadline: 2026-12-31
        target: 10
        measure: {count: interactions, tag: give}
        ---
        """,
    "Goals/Meet 3 bankers.md": """
        ---
        type: goal
        goal: Meet 3 bankers this year
        start: 2026-01-01
        deadline: 2026-12-31
        target: 3
        measure: {count: contacts, network: bankers}
        ---
        """,
}


def _show(vault: Path, *args: str) -> Any:
    return run("show", *args, "--vault", str(vault), "--today", TODAY, "--no-cache")


def test_the_whole_picture_as_json(make_vault: MakeVault) -> None:
    vault = make_vault(FILES, config=CONFIG)
    result = _show(vault, "Dana Whitfield", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["name"], data["path"], data["network"]) == (
        "Dana Whitfield",
        "People/Dana Whitfield.md",
        "peers",
    )
    assert (data["state"], data["cadence_days"], data["last_contact"], data["due"]) == (
        "ok",
        30,
        "2026-11-20",
        "2026-12-20",
    )
    assert (data["gives"], data["asks"], data["offer"]) == (1, 1, "Guest posts")
    assert (data["first_give"], data["first_ask"]) == ("2026-10-01", "2026-11-10")
    where = [(i["date"], i["path"], i["line"], i["kind"]) for i in data["interactions"]]
    assert where == [
        ("2026-11-20", "Daily/2026-11-20.md", 1, None),
        ("2026-11-12", "People/Dana Whitfield.md", 14, None),
        ("2026-11-10", "People/Dana Whitfield.md", 13, "ask"),
        ("2026-10-01", "People/Dana Whitfield.md", 12, "give"),
        ("2026-09-15", "Events/Meetup.md", 4, None),
    ]
    assert [(x["path"], x["line"], x["when"]) for x in data["planned"]] == [
        ("Daily/2026-11-20.md", 2, None),
        ("Daily/2026-11-20.md", 3, "2026-12-02"),
    ]
    assert data["planned"][0]["text"] == "call Dana Whitfield about the series"
    assert data["scheduled"] == "2026-12-02"
    assert [(g["path"], g["counted"]) for g in data["goals"]] == [
        ("Goals/Give 10 times.md", 1),
        ("Goals/Meet 5 peers.md", 1),
    ]
    assert data["events"] == [{"name": "Meetup", "path": "Events/Meetup.md", "date": "2026-09-15"}]


def test_the_text_view(make_vault: MakeVault) -> None:
    vault = make_vault(FILES, config=CONFIG)
    result = _show(vault, "Dana Whitfield")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Dana Whitfield (People/Dana Whitfield.md)"
    assert (
        "  state: ok · last contact: 2026-11-20 · next due: 2026-12-20 (in 27 days)"
        " · scheduled: 2026-12-02"
    ) in lines
    assert "  gives: 1 (first 2026-10-01) · asks: 1 (first 2026-11-10)" in lines
    assert "Interactions (5), newest first" in lines
    start = lines.index("Interactions (5), newest first")
    assert lines[start + 1].startswith("  2026-11-20  ")
    assert lines[start + 1].endswith("(Daily/2026-11-20.md:1)")
    assert lines[start + 3] == (
        "  2026-11-10  ask: Asked for an intro to her editor #ask  (People/Dana Whitfield.md:13)"
    )
    assert "Open plans (2)" in lines
    assert any(
        line.startswith("  2026-12-02  send Dee the draft")
        and line.endswith("(Daily/2026-11-20.md:3)")
        for line in lines
    )
    assert "Goals that count Dana Whitfield (2)" in lines
    assert "Events attended (1)" in lines
    assert "  2026-09-15  Meetup  (Events/Meetup.md)" in lines
    assert "Meet 3 bankers" not in result.stdout


def test_note_text_cannot_drive_the_terminal(make_vault: MakeVault) -> None:
    vault = make_vault(FILES, config=CONFIG)
    result = _show(vault, "Dana Whitfield")
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "Escape ?[31mred?[0m and ?override" in result.stdout


@pytest.mark.parametrize("name", ["dana whitfield", "DEE", "Dana Whitfield.md"])
def test_names_aliases_and_file_names_match_in_any_case(make_vault: MakeVault, name: str) -> None:
    vault = make_vault(FILES, config=CONFIG)
    result = _show(vault, name, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["path"] == "People/Dana Whitfield.md"


def test_a_contact_with_nothing_yet(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Owen.md": "---\ntype: contact\n---\n"})
    result = _show(vault, "owen")
    assert result.exit_code == 0, result.output
    assert "state: never" in result.stdout
    assert "Interactions (0), newest first\n  none yet\n" in result.stdout


def test_no_match_suggests_the_nearest_name_and_exits_2(make_vault: MakeVault) -> None:
    vault = make_vault(FILES, config=CONFIG)
    result = _show(vault, "Dana Whitfeld")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "did you mean 'Dana Whitfield'?" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_several_matches_exit_2(make_vault: MakeVault) -> None:
    files = {
        "People/Alex Chen.md": "---\ntype: contact\naliases: [Alex]\n---\n",
        "People/Alexandra Ruiz.md": "---\ntype: contact\naliases: [Alex]\n---\n",
    }
    result = _show(make_vault(files), "alex")
    assert result.exit_code == 2
    assert "People/Alex Chen.md" in result.stderr and "People/Alexandra Ruiz.md" in result.stderr


def test_marcus_bell_in_the_sample_vault() -> None:
    result = run(
        "show",
        "Marcus Bell",
        "--vault",
        str(SAMPLE),
        "--today",
        TODAY,
        "--no-cache",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["state"], data["last_contact"], data["due"], data["cadence_days"]) == (
        "due soon",
        "2026-10-28",
        "2026-11-27",
        30,
    )
    dates = [i["date"] for i in data["interactions"]]
    assert dates == sorted(dates, reverse=True)
    first = data["interactions"][0]
    assert (first["date"], first["path"], first["line"]) == (
        "2026-10-28",
        "People/Marcus Bell.md",
        20,
    )
    assert "Goals/Know 8 community bankers.md" in [g["path"] for g in data["goals"]]
    text = run("show", "marcus bell", "--vault", str(SAMPLE), "--today", TODAY, "--no-cache")
    assert text.stdout.startswith("Marcus Bell (People/Marcus Bell.md)\n")
    assert "next due: 2026-11-27 (in 4 days)" in text.stdout


def test_birthdays_and_where_you_met(make_vault: MakeVault) -> None:
    files = {
        "People/Ana Lima.md": """
            ---
            type: contact
            network: peers
            birthday: 1985-12-05
            anniversary: --06-01
            met: 2026-09-15
            met_at: "[[Fintech Meetup]]"
            ---
            """,
        "Events/Fintech Meetup.md": "---\ntype: event\ndate: 2026-09-15\n---\n",
        "People/Bo.md": "---\ntype: contact\nnetwork: peers\n---\n",
    }
    vault = make_vault(files, config=CONFIG)
    data = json.loads(_show(vault, "Ana Lima", "--format", "json").stdout)
    assert data["met_at"] == {
        "name": "Fintech Meetup",
        "path": "Events/Fintech Meetup.md",
        "date": "2026-09-15",
    }
    assert data["occasions"] == [
        {"kind": "birthday", "date": "2026-12-05", "days": 12, "years": 41},
        {"kind": "anniversary", "date": "2027-06-01", "days": 190, "years": None},
    ]
    lines = _show(vault, "Ana Lima").stdout.splitlines()
    assert "  met at: Fintech Meetup" in lines
    assert (
        "  birthday: 2026-12-05 (in 12 days, turns 41) · anniversary: 2027-06-01 (in 190 days)"
    ) in lines
    bo = json.loads(_show(vault, "Bo", "--format", "json").stdout)
    assert (bo["met_at"], bo["occasions"]) == (None, [])
    assert "met at" not in _show(vault, "Bo").stdout
