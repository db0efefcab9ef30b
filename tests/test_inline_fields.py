"""Dataview inline fields in a contact note mean the same as its front-matter properties."""

from __future__ import annotations

import json
import time
from pathlib import Path

from conftest import MakeVault, run, vault_rows

from mdnet.config import daily_pattern_regex
from mdnet.note import parse_note

CONFIG = '[folders]\ncontacts = "People"\n'


def contacts(vault: Path) -> dict[str, dict[str, object]]:
    result = run("report", str(vault), "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["path"]: row for row in json.loads(result.stdout)["contacts"]}


def findings(vault: Path) -> list[tuple[str, str, int, int]]:
    return [(r["code"], r["path"], r["line"], r["column"]) for r in vault_rows(vault)]


def test_inline_fields_set_contact_properties(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Sam.md": (
                "Sam runs a podcast.\n"
                "network:: media\n"
                "**last_contact**:: 2026-10-30\n"
                "- [status:: paused] since the summer\n"
                "Private (private:: true) and met:: was never\n"
            ),
        },
        config=CONFIG,
    )
    assert findings(vault) == []
    sam = contacts(vault)["People/Sam.md"]
    assert (sam["network"], sam["last_contact"], sam["status"], sam["private"]) == (
        "media",
        "2026-10-30",
        "paused",
        True,
    )


def test_front_matter_wins_over_an_inline_field(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana.md": (
                "---\nnetwork: work\nlast_contact: 2026-11-01\n---\n"
                "network:: media\nlast_contact:: 2026-01-01\n"
            ),
        },
        config=CONFIG,
    )
    dana = contacts(vault)["People/Dana.md"]
    assert (dana["network"], dana["last_contact"]) == ("work", "2026-11-01")


def test_findings_about_inline_fields_point_at_the_value(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana.md": (
                "---\nnetwork: work\n---\n"
                "met:: 2026-13-01\n"
                "- talked about [cadence:: often] at lunch\n"
                "- [[Nobody]]\n"
            ),
        },
        config=CONFIG,
    )
    assert sorted(findings(vault)) == [
        ("C005", "People/Dana.md", 1, 1),  # `met` does not hold a date: never contacted
        ("C007", "People/Dana.md", 5, 27),
        ("F004", "People/Dana.md", 4, 7),
        ("L001", "People/Dana.md", 6, 3),
    ]


def test_inline_fields_outside_contacts_and_in_code_are_not_read(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Eve.md": "---\nnetwork: work\n---\n```\nmet:: 2026-13-01\n```\n`met:: x`\n",
            "Notes/Idea.md": "met:: 2026-13-01\nlast_contact:: soon\n",
        },
        config=CONFIG,
    )
    # Not F004: the `met::` in code is not read, so Eve has never been contacted.
    assert findings(vault) == [("C005", "People/Eve.md", 1, 1)]
    assert contacts(vault)["People/Eve.md"]["first_met"] is None


def test_long_hostile_lines_scan_in_linear_time() -> None:
    lines = [
        "met:: a" + " " * 100_000 + "b",
        "[a:: " * 20_000,
        "(met:: " + "x" * 100_000,
        "- " + "[x:: [[y]] " * 10_000,
        "k" * 100_000 + ":: v",
    ]
    for line in lines:
        started = time.perf_counter()
        note = parse_note(
            "People/A.md",
            line.encode(),
            folders={"contacts": "People"},
            daily=daily_pattern_regex("YYYY-MM-DD"),
            max_front_matter_size=100_000,
        )
        assert note.kind == "contact"
        assert time.perf_counter() - started < 2, line[:20]
