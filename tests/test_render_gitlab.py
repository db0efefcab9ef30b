"""`mdnet check --format gitlab`: GitLab Code Quality JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import MakeVault, run

GOAL = "---\ntype: goal\ngoal: Meet some bankers\n---\n"


def issues(vault: Path) -> list[dict[str, Any]]:
    result = run("check", str(vault), "--format", "gitlab")
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def test_one_issue_per_finding(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/G.md": GOAL, "a.md": "x\nSee [[Nobody]]\nSee [[Nobody]]\n"})
    found = issues(vault)
    rows = sorted(
        (i["check_name"].split()[0], i["severity"], i["location"]["lines"]["begin"]) for i in found
    )
    assert rows == [
        ("G001", "major", 3),
        ("G002", "major", 3),
        ("G003", "minor", 3),
        ("L001", "minor", 2),
        ("L001", "minor", 3),
    ]
    assert all(
        i["type"] == "issue" and i["description"].startswith(i["check_name"][:4]) for i in found
    )
    assert all(i["location"]["path"].endswith(".md") for i in found)
    assert len({i["fingerprint"] for i in found}) == len(found)


def test_fingerprints_survive_a_line_inserted_above(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "x\nSee [[Nobody]]\n"})
    before = {i["fingerprint"] for i in issues(vault)}
    (vault / "a.md").write_text("new first line\nx\nSee [[Nobody]]\n")
    after = issues(vault)
    assert {i["fingerprint"] for i in after} == before
    assert after[0]["location"]["lines"]["begin"] == 3


def test_clean_vault_is_an_empty_list(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "# Fine\n"})
    assert issues(vault) == []
