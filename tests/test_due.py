"""`mdnet due`: who to reach out to now, most overdue first, lapsed and never listed apart."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, run

TODAY = date(2026, 11, 23)

BLOGGERS_VALUE = (
    "Guest posts, cross-promotion and my reader-survey data, which every blogger in my niche wants"
)

CONFIG = f"""
[folders]
contacts = "People"

[networks.bloggers]
cadence = "30d"
value = "{BLOGGERS_VALUE}"

[networks.bankers]
cadence = "30d"
value = "A reader's view of banking"
"""


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def contact(network: str, *fields: str, log: str = "") -> str:
    return "\n".join(["---", f"network: {network}", *fields, "---", "## Log", log]) + "\n"


FILES = {
    "People/Ann Overdue.md": contact("bloggers", log=f"- {ago(40)} Swapped guest posts #give"),
    "People/Bob Overdue.md": contact("bankers", log=f"- {ago(32)} Coffee at the branch"),
    "People/Cat Soon.md": contact("bloggers", log=f"- {ago(27)} Sent the survey #share"),
    "People/Dan Later.md": contact("bankers", log=f"- {ago(10)} Call"),
    "People/Eve Lapsed.md": contact("bloggers", log=f"- {ago(100)} Lunch"),
    "People/Fay Never.md": contact("bankers"),
    "People/Gus Paused.md": contact("bankers", "status: paused", log=f"- {ago(100)} Lunch"),
    "People/Hal Today.md": contact("bankers", log=f"- {ago(30)} Call"),
    "Daily/2026-11-20.md": "- [ ] call [[Ann Overdue]] about the December series\n",
}


@pytest.fixture
def vault(make_vault: MakeVault) -> Path:
    return make_vault(FILES, config=CONFIG)


def due_text(vault: Path, *args: str) -> str:
    result = run("due", str(vault), *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def due_json(vault: Path, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(due_text(vault, "--format", "json", *args))
    return data


def names(rows: list[dict[str, Any]]) -> list[str]:
    return [r["name"] for r in rows]


def test_most_overdue_first_then_due_soon(vault: Path) -> None:
    data = due_json(vault)
    assert data["today"] == "2026-11-23"
    assert data["within_days"] == 7
    assert names(data["due"]) == ["Ann Overdue", "Bob Overdue", "Hal Today", "Cat Soon"]
    assert [r["days_overdue"] for r in data["due"]] == [10, 2, 0, 0]
    assert [r["state"] for r in data["due"]] == ["overdue", "overdue", "due soon", "due soon"]


def test_lapsed_and_never_are_listed_apart(vault: Path) -> None:
    data = due_json(vault)
    assert names(data["lapsed"]) == ["Eve Lapsed"]
    assert data["lapsed"][0]["days_overdue"] == 70
    assert names(data["never"]) == ["Fay Never"]
    everyone = names(data["due"] + data["lapsed"] + data["never"])
    assert "Gus Paused" not in everyone
    assert "Dan Later" not in everyone


def test_json_entries_carry_what_to_say(vault: Path) -> None:
    ann = due_json(vault)["due"][0]
    assert ann["last_contact"] == ago(40)
    assert ann["last_note"] == "Swapped guest posts #give"
    assert ann["due"] == ago(10)
    assert ann["network"] == "bloggers"
    assert ann["offer"].startswith("Guest posts, cross-promotion")
    assert ann["planned"] == ["call Ann Overdue about the December series"]


def test_within(vault: Path) -> None:
    data = due_json(vault, "--within", "3w")
    assert names(data["due"]) == [
        "Ann Overdue",
        "Bob Overdue",
        "Hal Today",
        "Cat Soon",
        "Dan Later",
    ]
    assert data["within_days"] == 21
    data = due_json(vault, "--within", "1d")
    assert names(data["due"]) == ["Ann Overdue", "Bob Overdue", "Hal Today"]


def test_network_filter(vault: Path) -> None:
    data = due_json(vault, "--network", "bankers")
    assert names(data["due"]) == ["Bob Overdue", "Hal Today"]
    assert data["lapsed"] == []
    assert names(data["never"]) == ["Fay Never"]


def test_unknown_network_is_a_usage_error(vault: Path) -> None:
    result = run("due", str(vault), "--network", "astronauts")
    assert result.exit_code == 2
    assert "astronauts" in result.stderr
    assert "Traceback" not in result.output


def test_bad_within_is_a_usage_error(vault: Path) -> None:
    assert run("due", str(vault), "--within", "soonish").exit_code == 2


def test_text_output(vault: Path) -> None:
    text = due_text(vault)
    lines = text.splitlines()
    assert lines[0] == "Reach out now (4) as of 2026-11-23, due within 7 days"
    assert "Ann Overdue · bloggers · overdue 10 days" in lines
    assert "Bob Overdue · bankers · overdue 2 days" in lines
    assert "Hal Today · bankers · due today" in lines
    assert "Cat Soon · bloggers · due in 3 days" in lines
    assert f"  last: {ago(40)} Swapped guest posts #give" in lines
    assert "  planned: call Ann Overdue about the December series" in lines
    assert "  offer: A reader's view of banking" in lines
    order = [text.index(n) for n in ("Ann Overdue ·", "Bob Overdue", "Hal Today", "Cat Soon")]
    assert order == sorted(order)
    reconnect = text.index("Reconnect: lapsed for more than twice their cadence (1)")
    assert text.index("Eve Lapsed · bloggers · overdue 70 days") > reconnect
    assert lines[-1] == "Never contacted (1): Fay Never"
    assert "Gus Paused" not in text
    assert "Dan Later" not in text


def test_text_fits_80_columns(make_vault: MakeVault) -> None:
    long_log = "Talked at length about " + "the December guest-post calendar and " * 6 + "#give"
    files = dict(FILES)
    files["People/Ann Overdue.md"] = contact("bloggers", log=f"- {ago(40)} {long_log}")
    files.update(
        {f"People/Never {n} With A Longish Name.md": contact("bankers") for n in range(12)}
    )
    files["People/Long.md"] = contact(
        "bloggers",
        "name: Alexandra Montgomery-Fitzgerald de la Fuente y Ruiz-Castellanos",
        log=f"- {ago(200)} Lunch",
    )
    files["Daily/2026-11-21.md"] = (
        "- [ ] " + "prepare a long agenda for [[Bob Overdue]] " * 5 + "\n"
    )
    text = due_text(make_vault(files, config=CONFIG))
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Talked at length" in text
    assert "Never contacted (13)" in text
    assert "Alexandra Montgomery-Fitzgerald" in text


def test_nobody_due(make_vault: MakeVault) -> None:
    files = {"People/Dan Later.md": FILES["People/Dan Later.md"]}
    text = due_text(make_vault(files, config=CONFIG))
    assert text == "No one is due within 7 days as of 2026-11-23.\n"


def test_sample_vault_due_fits_80_columns() -> None:
    sample = Path(__file__).resolve().parent.parent / "sample-vault"
    text = due_text(sample)
    assert max(len(line) for line in text.splitlines()) <= 80
