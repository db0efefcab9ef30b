"""`mdnet report --format json`: the derived state with the fields SPEC §5 names."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, run

CONFIG = """
[folders]
contacts = "People"
goals = "Goals"
events = "Events"

[networks.bloggers]
cadence = "45d"
value = "Guest posts"

[networks.bankers]
cadence = "30d"
"""

FILES = {
    "People/Dana Whitfield.md": """
        ---
        aliases: [Dana]
        network: bloggers
        met: 2026-03-14
        ---
        ## Log
        - 2026-11-02 Coffee; introduced her to [[Sam Ortiz]] #give
        - 2026-11-05 Asked for feedback #ask
        """,
    "People/Sam Ortiz.md": "---\nnetwork: bankers\n---\n",
    "People/Owen.md": "---\nnetwork: bankers\n---\n",
    "People/Carla.md": "---\nnetwork: bloggers\nstatus: paused\nmet: 2025-01-01\n---\n",
    "Daily/2026-11-20.md": "- [ ] call [[Sam Ortiz]] about the podcast\n",
    "Goals/Publish.md": """
        ---
        goal: Publish 30 guest posts
        horizon: long
        start: 2026-01-01
        deadline: 2026-12-31
        target: 30
        unit: guest posts
        ---
        - 2026-06-01 +28 posts
        """,
    "Goals/Pitch.md": """
        ---
        goal: Pitch 5 bloggers
        horizon: short
        parent: "[[Publish]]"
        start: 2026-11-01
        deadline: 2026-11-30
        target: 5
        ---
        - [x] Pitch Dana ✅ 2026-11-02
        """,
    "Goals/Weekly.md": """
        ---
        goal: Follow up with 1 person each week
        every: week
        target: 1
        measure: {count: interactions}
        ---
        """,
    "Events/Forum.md": '---\ndate: 2026-11-18\ngoal: "[[Publish]]"\nattendees: ["[[Dana]]"]\n---\n',
}

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STATES = {"ok", "due soon", "overdue", "lapsed", "never", "paused", "archived"}


@pytest.fixture
def report(make_vault: MakeVault) -> dict[str, Any]:
    vault = make_vault(FILES, config=CONFIG)
    result = run("report", str(vault), "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def by_name(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in rows}


def test_top_level_keys(report: dict[str, Any]) -> None:
    assert {"today", "contacts", "goals", "networks"} <= set(report)
    assert report["today"] == "2026-11-23"


def test_contact_fields(report: dict[str, Any]) -> None:
    required = {"name", "path", "network", "last_contact", "due", "state", "days_overdue"}
    for row in report["contacts"]:
        assert required <= set(row)
        assert row["state"] in STATES
        for key in ("last_contact", "due", "first_met"):
            assert row[key] is None or ISO.match(row[key])
    contacts = by_name(report["contacts"])
    assert set(contacts) == {"Dana Whitfield", "Sam Ortiz", "Owen", "Carla"}
    dana = contacts["Dana Whitfield"]
    assert dana == dana | {
        "path": "People/Dana Whitfield.md",
        "network": "bloggers",
        "cadence_days": 45,
        "last_contact": "2026-11-18",
        "last_note": "Attended Forum",
        "last_source": "Events/Forum.md",
        "due": "2027-01-02",
        "state": "ok",
        "days_overdue": 0,
        "gives": 1,
        "asks": 1,
        "first_met": "2026-03-14",
        "offer": "Guest posts",
        "planned": [],
    }
    sam = contacts["Sam Ortiz"]
    assert sam == sam | {
        "last_contact": "2026-11-02",
        "last_source": "People/Dana Whitfield.md",
        "due": "2026-12-02",
        "state": "ok",
        "planned": ["call Sam Ortiz about the podcast"],
        "offer": None,
    }
    owen = contacts["Owen"]
    assert (owen["state"], owen["last_contact"], owen["due"]) == ("never", None, None)
    carla = contacts["Carla"]
    assert (carla["state"], carla["last_contact"], carla["due"]) == ("paused", "2025-01-01", None)


def test_contacts_most_urgent_first(report: dict[str, Any]) -> None:
    states = [r["state"] for r in report["contacts"]]
    assert states == ["never", "ok", "ok", "paused"]


def test_goal_fields(report: dict[str, Any]) -> None:
    required = {"name", "path", "statement", "horizon", "progress", "target", "deadline", "state"}
    for row in report["goals"]:
        assert required <= set(row)
        assert row["deadline"] is None or ISO.match(row["deadline"])
    goals = by_name(report["goals"])
    publish = goals["Publish"]
    assert publish == publish | {
        "path": "Goals/Publish.md",
        "statement": "Publish 30 guest posts",
        "horizon": "long",
        "progress": 28,
        "progress_source": "log",
        "target": 30,
        "unit": "guest posts",
        "start": "2026-01-01",
        "deadline": "2026-12-31",
        "days_left": 38,
        "expected": 26.87,
        "state": "on track",
        "milestones": ["Goals/Pitch.md"],
        "parent": None,
    }
    assert publish["percent"] == pytest.approx(93.3)
    pitch = goals["Pitch"]
    assert pitch == pitch | {
        "horizon": "short",
        "parent": "Goals/Publish.md",
        "progress": 1,
        "progress_source": "tasks",
        "state": "behind",
    }


def test_recurring_goal_periods(report: dict[str, Any]) -> None:
    weekly = by_name(report["goals"])["Weekly"]
    assert weekly["every"] == "week"
    assert weekly["deadline"] is None
    assert len(weekly["periods"]) == 8
    current = weekly["periods"][-1]
    assert current == {"start": "2026-11-23", "end": "2026-11-29", "count": 0, "met": False}
    previous = weekly["periods"][-2]
    assert previous == {"start": "2026-11-16", "end": "2026-11-22", "count": 1, "met": True}
    assert weekly["periods"][-3]["count"] == 0  # week of 11-09
    assert weekly["periods"][-4]["count"] == 2  # 11-02 and 11-05
    assert weekly["streak"] == 1  # the week of 11-16; the current week is still open
    assert weekly["state"] == "on track"


def test_networks(report: dict[str, Any]) -> None:
    networks = by_name(report["networks"])
    assert list(networks) == ["bloggers", "bankers"]
    assert networks["bloggers"] == {
        "name": "bloggers",
        "value": "Guest posts",
        "cadence_days": 45,
        "contacts": 1,
        "within_cadence": 1,
        "share": 1.0,
    }
    assert (networks["bankers"]["contacts"], networks["bankers"]["within_cadence"]) == (2, 1)


def test_summary_and_findings(report: dict[str, Any]) -> None:
    summary = report["summary"]
    assert (summary["contacts"], summary["never"], summary["overdue"]) == (4, 1, 0)
    assert summary["goals"] == 3
    codes = {row["code"] for row in report["findings"]["by_code"]}
    assert {"C005", "G010"} <= codes  # Owen never contacted; Pitch behind pace


def test_report_json_to_a_file(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault(FILES, config=CONFIG)
    out = tmp_path / "state.json"
    result = run("report", str(vault), "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["today"] == "2026-11-23"


def test_report_of_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("report", str(tmp_path / "empty"), "--format", "json")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("today", "current", "count", "previous", "streak"),
    [
        ("2027-01-02", "2026-12-28", 2, 1, 2),  # Saturday: the week runs into the new year
        ("2027-01-05", "2027-01-04", 0, 2, 2),  # Tuesday: a new week, not yet met
    ],
)
def test_weekly_goal_over_new_year_through_the_cli(
    make_vault: MakeVault, today: str, current: str, count: int, previous: int, streak: int
) -> None:
    files = {
        "People/Pat.md": "---\nnetwork: bankers\n---\n"
        "- 2026-12-22 Follow-up #followup\n"
        "- 2026-12-28 Follow-up #followup\n"
        "- 2027-01-02 Follow-up #followup\n",
        "Goals/Weekly.md": "---\ngoal: Follow up with 1 person each week\nevery: week\n"
        "target: 1\nmeasure: {count: interactions, tag: followup}\n---\n",
    }
    result = run("report", str(make_vault(files, config=CONFIG)), "--format", "json", today=today)
    [weekly] = json.loads(result.stdout)["goals"]
    assert weekly["periods"][-1]["start"] == current
    assert (weekly["progress"], weekly["periods"][-2]["count"]) == (count, previous)
    assert weekly["streak"] == streak
    assert weekly["state"] == "on track"
