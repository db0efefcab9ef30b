"""The in-memory rule-test helper (tests/rulecheck.py) finds what `mdnet check` finds on disk."""

from __future__ import annotations

import pytest
from conftest import MakeVault
from conftest import vault_rows as rows
from rulecheck import check, findings

GOALS = {
    "Goals/Vague.md": "---\ntype: goal\ngoal: Meet some bankers\ndeadline: 2026-12-31\n---\n",
    "Goals/Undated.md": "---\ntype: goal\ngoal: Meet 10 bloggers\n---\n",
    "Goals/Fine.md": "---\ntype: goal\ngoal: Meet 10 bankers\ndeadline: 2026-12-31\n---\n",
}
EXPECTED = [
    ("Goals/Undated.md", 3, 7, "G001"),
    ("Goals/Vague.md", 3, 7, "G002"),
    ("Goals/Vague.md", 3, 12, "G003"),
]


def test_the_same_findings_as_check_on_disk(make_vault: MakeVault) -> None:
    vault = make_vault(GOALS)
    on_disk = [
        (r["path"], r["line"], r["column"], r["code"])
        for r in rows(vault, "--select", "G001,G002,G003")
    ]
    assert on_disk == EXPECTED
    check(GOALS, "G001,G002,G003", *EXPECTED)


def test_one_note_as_text_and_a_clean_note() -> None:
    check(GOALS["Goals/Vague.md"], "G003", (3, 12))
    check(GOALS["Goals/Fine.md"], "G001,G002,G003")


def test_configuration_and_suppressions_apply() -> None:
    check(GOALS["Goals/Vague.md"], "G003", (3, 17), config="vague_words = ['bankers']")
    heading = "---\ntype: goal\ndeadline: 2026-12-31\n---\n# Meet some bankers\n"
    check(heading, "G003", (5, 8))
    check(heading.replace("# Meet", "<!-- mdnet-disable-next-line G003 -->\n# Meet"), "G003")
    assert [d.message for d in findings(GOALS["Goals/Vague.md"], "G003")] == [
        "vague quantifier 'some' in goal; say how many"
    ]


def test_a_missing_or_extra_problem_fails() -> None:
    with pytest.raises(AssertionError):
        check(GOALS["Goals/Vague.md"], "G003")
    with pytest.raises(AssertionError):
        check(GOALS["Goals/Vague.md"], "G003", (3, 12), (3, 13))
    with pytest.raises(AssertionError):
        check(GOALS, "G003", ("Goals/Undated.md", 3, 12))
