"""`mdnet check --fix / --unsafe-fixes / --diff / --fix-only`: byte-exact edits, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, check_json, run
from msgspec.structs import replace

from mdnet.rules import REGISTRY

NETWORKS = """
[networks.bloggers]
cadence = "45d"

[networks.bankers]
"""


def contact(*lines: str, nl: str = "\n", bom: bool = False) -> bytes:
    text = nl.join(["---", "type: contact", "network: bankers", *lines, "---", "# Note", ""])
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def fix(vault: Path, *args: str) -> tuple[int, str, str]:
    result = run("check", str(vault), "--fix", "--no-cache", *args)
    return result.exit_code, result.stdout, result.stderr


SAFE = [
    ("parent: [[Dana]]", 'parent: "[[Dana]]"'),
    ("friends:\n  - [[Dana]]", 'friends:\n  - "[[Dana]]"'),
    ("aliases: Dana W", "aliases: [Dana W]"),
    ("aliases: 'Dana W'   # nickname", "aliases: ['Dana W']   # nickname"),
    ("aliases: Sam, O.", 'aliases: ["Sam, O."]'),
    ("met: 2026/11/02", "met: 2026-11-02"),
    ("met: 2026.11.2", "met: 2026-11-02"),
    ("met: 20261102", "met: 2026-11-02"),
    ('met: "Nov 2, 2026"', "met: 2026-11-02"),
    ("met: 2 November 2026", "met: 2026-11-02"),
    ("met: 31/10/2026", "met: 2026-10-31"),
    ("met: 10/31/2026", "met: 2026-10-31"),
    ("met: [[2026-11-02]]", "met: 2026-11-02"),
    ("Company: Acme", "company: Acme"),
    ("SNOOZE: 2026-12-01", "snooze: 2026-12-01"),
]


@pytest.mark.parametrize(("before", "after"), SAFE, ids=[b for b, _ in SAFE])
@pytest.mark.parametrize("nl", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_safe_fix_changes_only_its_bytes(
    make_vault: MakeVault, before: str, after: str, nl: str
) -> None:
    vault = make_vault(
        {
            "People/Dana.md": contact("met: 2026-11-01", nl=nl),
            "People/Sam.md": contact(*before.split("\n"), nl=nl, bom=True),
        },
        config=NETWORKS,
    )
    code, _, stderr = fix(vault, "--exit-zero")
    assert code == 0
    assert (vault / "People/Sam.md").read_bytes() == contact(*after.split("\n"), nl=nl, bom=True)
    assert "Fixed" in stderr
    # Fixing again changes nothing.
    code, _, stderr = fix(vault, "--exit-zero")
    assert (vault / "People/Sam.md").read_bytes() == contact(*after.split("\n"), nl=nl, bom=True)
    assert "Fixed" not in stderr


@pytest.mark.parametrize(
    "value",
    [
        "met: 03/04/2026",  # day/month or month/day: ambiguous
        "met: next month",
        "met: 2026-13-45",
        "aliases: [Dana]",  # already fine
        "company: Acme",
        "Tags: x",  # Obsidian reads tags in any case: not F007
    ],
)
def test_no_fix_when_not_unambiguous(make_vault: MakeVault, value: str) -> None:
    data = contact(value)
    vault = make_vault({"People/Sam.md": data}, config=NETWORKS)
    for row in check_json(vault, "--no-cache"):
        assert row["fix"] is None, row
    fix(vault)
    assert (vault / "People/Sam.md").read_bytes() == data


def test_rest_of_file_is_byte_identical(make_vault: MakeVault) -> None:
    """Comments, key order, odd spacing, a lone CR and no final newline all survive."""
    before = (
        b"\xef\xbb\xbf---\r\ntype: contact  # who\r\nnetwork:   bankers\r\nmet:   2026/11/02"
        b"   # first coffee\r\nz_last: 1\r\na_first: 2\r\n---\r\nBody \xc3\xa9\rline\r\n"
        b"- 2026-11-03 x"
    )
    vault = make_vault({"People/Sam.md": before}, config=NETWORKS)
    fix(vault)
    assert (vault / "People/Sam.md").read_bytes() == before.replace(b"2026/11/02", b"2026-11-02")


UNSAFE = [
    ("network: bloger   # typo", "network: bloggers   # typo", "C003"),
    ("network: 'bankrs'", "network: 'bankers'", "C003"),
]


@pytest.mark.parametrize(("before", "after", "code"), UNSAFE)
def test_unsafe_fix_needs_unsafe_fixes(
    make_vault: MakeVault, before: str, after: str, code: str
) -> None:
    data = b"---\ntype: contact\n" + before.encode() + b"\nmet: 2026-11-01\n---\n"
    vault = make_vault({"People/Sam.md": data}, config=NETWORKS)
    rows = [r for r in check_json(vault, "--no-cache") if r["code"] == code]
    assert rows and rows[0]["fix"]["applicability"] == "unsafe"
    fix(vault)
    assert (vault / "People/Sam.md").read_bytes() == data
    fix(vault, "--unsafe-fixes")
    assert (vault / "People/Sam.md").read_bytes() == data.replace(before.encode(), after.encode())


def test_unknown_type_nearest_is_unsafe(make_vault: MakeVault) -> None:
    vault = make_vault({"x.md": "---\ntype: contcat\n---\n"})
    fix(vault)
    assert (vault / "x.md").read_text() == "---\ntype: contcat\n---\n"
    fix(vault, "--unsafe-fixes")
    assert (vault / "x.md").read_text() == "---\ntype: contact\n---\n"


def test_broken_link_to_the_one_near_note(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Sam Ortiz.md": "# Sam\n",
            "Daily/2026-11-02.md": "- Coffee with [[Sam Ortis#Work|Sam]] and [[Nobody Here]]\n",
        }
    )
    fix(vault)
    assert "[[Sam Ortis#Work|Sam]]" in (vault / "Daily/2026-11-02.md").read_text()
    fix(vault, "--unsafe-fixes", "--exit-zero")
    text = (vault / "Daily/2026-11-02.md").read_text()
    assert text == "- Coffee with [[Sam Ortiz#Work|Sam]] and [[Nobody Here]]\n"


def test_broken_link_with_two_near_notes_is_not_guessed(make_vault: MakeVault) -> None:
    vault = make_vault({"Sam Ortiz.md": "x\n", "Sam Ortis.md": "x\n", "a.md": "See [[Sam Orti]]\n"})
    rows = [r for r in check_json(vault, "--unsafe-fixes") if r["code"] == "L001"]
    assert rows and rows[0]["fix"] is None


@pytest.mark.parametrize(
    ("link", "note", "fixed"),
    [
        ("Gettings Things Done", "Getting Things Done", True),
        ("Data Requirement Document", "Data Requirements Document", True),
        ("Sam Otriz", "Sam Ortiz", True),  # two letters swapped
        ("GitHub API", "GitHub Apps", False),
        ("container", "Portainer", False),
        ("config", "ifconfig", False),
        ("S3", "S7", False),
        ("WinPE", "WinRE", False),
        ("AI", "API", False),
        ("shell", "Shells", True),
        ("R Development", "Development", False),
        ("Report.pdf", "Report", False),
        ("2023-06-01 1", "2023-06-01", False),
    ],
)
def test_only_a_typo_is_guessed(make_vault: MakeVault, link: str, note: str, fixed: bool) -> None:
    vault = make_vault({f"{note}.md": "x\n", "a.md": f"See [[{link}]]\n"})
    fix(vault, "--unsafe-fixes", "--exit-zero")
    expected = f"See [[{note if fixed else link}]]\n"
    assert (vault / "a.md").read_text() == expected


def test_diff_writes_nothing_and_exits_1(make_vault: MakeVault) -> None:
    data = contact("met: 2026/11/02")
    vault = make_vault({"People/Sam.md": data}, config=NETWORKS)
    result = run("check", str(vault), "--diff", "--no-cache")
    assert result.exit_code == 1
    assert "-met: 2026/11/02" in result.stdout
    assert "+met: 2026-11-02" in result.stdout
    assert "+++ b/" in result.stdout and "People/Sam.md" in result.stdout
    assert (vault / "People/Sam.md").read_bytes() == data
    assert not list(vault.rglob("*.tmp"))


def test_diff_with_nothing_to_fix_exits_0(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Sam.md": contact("met: 2026-11-02")}, config=NETWORKS)
    result = run("check", str(vault), "--diff", "--no-cache")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_diff_shows_unsafe_fixes_only_when_asked(make_vault: MakeVault) -> None:
    vault = make_vault({"x.md": "---\ntype: contcat\n---\n"})
    assert run("check", str(vault), "--diff").exit_code == 0
    result = run("check", str(vault), "--diff", "--unsafe-fixes")
    assert result.exit_code == 1
    assert "+type: contact" in result.stdout


def test_fix_reports_what_is_left_and_exits_on_it(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"People/Sam.md": contact("met: 2026/11/02", "snooze: 2026-13-45")}, config=NETWORKS
    )
    code, stdout, stderr = fix(vault)
    assert code == 1  # F004 on snooze cannot be fixed
    assert "People/Sam.md:5:9: F004" in stdout
    assert "Sam.md:4:6: F004" not in stdout
    assert "Fixed 1 problem in 1 note." in stderr


def test_fix_only_reports_nothing(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"People/Sam.md": contact("met: 2026/11/02", "snooze: 2026-13-45")}, config=NETWORKS
    )
    result = run("check", str(vault), "--fix-only", "--no-cache")
    assert result.exit_code == 0
    assert "F004" not in result.stdout
    assert "Fixed 1 problem in 1 note." in result.stdout
    assert b"met: 2026-11-02" in (vault / "People/Sam.md").read_bytes()


def test_fix_on_a_clean_vault_writes_nothing(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Sam.md": contact("met: 2026-11-20")}, config=NETWORKS)
    before = (vault / "People/Sam.md").stat().st_mtime_ns
    code, _, stderr = fix(vault)
    assert code == 0
    assert "Fixed" not in stderr
    assert (vault / "People/Sam.md").stat().st_mtime_ns == before


def test_fix_respects_select_and_given_files(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"People/Sam.md": contact("met: 2026/11/02"), "People/Ann.md": contact("met: 2026/11/02")},
        config=NETWORKS,
    )
    run("check", str(vault / "People/Sam.md"), "--fix", "--ignore", "C")
    assert b"met: 2026-11-02" in (vault / "People/Sam.md").read_bytes()
    assert b"met: 2026/11/02" in (vault / "People/Ann.md").read_bytes()
    run("check", str(vault), "--fix", "--select", "F005")
    assert b"met: 2026/11/02" in (vault / "People/Ann.md").read_bytes()


def test_json_and_sarif_carry_the_edit(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Sam.md": contact("met: 2026/11/02")}, config=NETWORKS)
    row = next(r for r in check_json(vault) if r["code"] == "F004")
    assert row["fix"] == {
        "applicability": "safe",
        "message": "write `met` as 2026-11-02",
        "edits": [
            {
                "content": "2026-11-02",
                "location": {"row": 4, "column": 6},
                "end_location": {"row": 4, "column": 16},
            }
        ],
    }
    assert row["help"]
    sarif = json.loads(run("check", str(vault), "--format", "sarif").stdout)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "F004")
    change = result["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"].endswith("People/Sam.md")
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 4, "startColumn": 6, "endLine": 4, "endColumn": 16},
            "insertedContent": {"text": "2026-11-02"},
        }
    ]


def test_concise_marks_fixable_findings(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Sam.md": contact("met: 2026/11/02")}, config=NETWORKS)
    result = run("check", str(vault))
    assert "F004 [*] " in result.stdout
    assert "[*] 1 fixable with `mdnet check --fix`" in result.stdout


def test_a_note_changed_since_it_was_read_is_not_written(make_vault: MakeVault) -> None:
    from mdnet.app import open_vault
    from mdnet.check import Selection, run_rules
    from mdnet.fixes import attach_fixes
    from mdnet.fixes.run import fix_until_stable, write_if_unchanged

    vault = make_vault({"People/Sam.md": contact("met: 2026/11/02")}, config=NETWORKS)
    analysis = open_vault(vault, __import__("datetime").date(2026, 11, 23), use_cache=False)
    found, sources = attach_fixes(analysis, run_rules(analysis, Selection.merge(analysis)), vault)
    changed = contact("met: 2026/11/02", "role: edited meanwhile")
    (vault / "People/Sam.md").write_bytes(changed)
    result = fix_until_stable(
        found,
        sources,
        False,
        lambda: (found, sources),
        lambda path, before, text: write_if_unchanged(vault / path, before, text),
    )
    assert (vault / "People/Sam.md").read_bytes() == changed
    assert not result.fixed
    assert [(d.code, why) for d, why in result.skipped] == [
        ("F004", "the note changed since it was read")
    ]


def test_rules_say_which_are_fixable() -> None:
    lines = {line.split()[0]: line.split()[3] for line in run("rules").stdout.splitlines()}
    assert lines["F004"] == "safe"
    assert lines["F007"] == "safe"
    assert lines["C003"] == "unsafe"
    assert lines["L001"] == "unsafe"
    assert lines["G001"] == "-"
    assert "Fix: unsafe" in run("rule", "C003").stdout


def test_link_in_a_list_property_becomes_a_list(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            ".obsidian/types.json": '{"types": {"related": "multitext"}}',
            "a.md": "---\nrelated: [[B]]\nup: [[B]]\n---\n",
            "B.md": "# B\n",
        }
    )
    fix(vault)
    assert (vault / "a.md").read_text() == '---\nrelated: ["[[B]]"]\nup: "[[B]]"\n---\n'


def test_text_around_wide_characters(make_vault: MakeVault) -> None:
    before = (
        "---\ntype: contact\nnetwork: bankers\nrole: Zoë's 😀 firm\nmet: 2026/11/02 # ☕ 😀\n"
        "aliases: Zoë 😀\n---\n😀 [[Sam Ortis]] ☕\n"
    )
    vault = make_vault({"People/Zoë.md": before, "Sam Ortiz.md": "x\n"}, config=NETWORKS)
    fix(vault, "--unsafe-fixes")
    after = (
        before.replace("2026/11/02", "2026-11-02")
        .replace("aliases: Zoë 😀", "aliases: [Zoë 😀]")
        .replace("Sam Ortis", "Sam Ortiz")
    )
    assert (vault / "People/Zoë.md").read_text(encoding="utf-8") == after


def test_fixes_that_never_settle_stop(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fix that brings back the finding it fixes must not loop: at most MAX_PASSES."""
    from mdnet import fixes
    from mdnet.diagnostics import Fix
    from mdnet.fixes.run import MAX_PASSES

    def flip(ctx: fixes.FixContext, diag: Any) -> Fix | None:
        line = ctx.source.line(diag.line) or ""
        old, new = ("Nobody", "Nobodz") if "Nobody" in line else ("Nobodz", "Nobody")
        col = line.index(old) + 1
        return Fix("flip", "safe", (fixes.replace_edit(diag.line, col, old, new),))

    fixes.fixers()
    monkeypatch.setitem(fixes.FIXERS, "L001", flip)
    broken = REGISTRY["L001"]
    monkeypatch.setitem(REGISTRY, "L001", replace(broken, fixable="safe"))
    vault = make_vault({"a.md": "See [[Nobody]]\n"})
    _, _, stderr = fix(vault, "--exit-zero")
    assert "did not settle after" in stderr
    assert f"Fixed {MAX_PASSES} problems" in stderr


def test_a_linked_note_is_fixed_where_the_link_points(
    make_vault: MakeVault, tmp_path: Path
) -> None:
    vault = make_vault({"People/Sam.md": contact("met: 2026-11-02")}, config=NETWORKS)
    real = tmp_path / "elsewhere.md"
    real.write_bytes(contact("met: 2026/11/02"))
    (vault / "People/Linked.md").symlink_to(real)
    fix(vault)
    assert (vault / "People/Linked.md").is_symlink()
    assert real.read_bytes() == contact("met: 2026-11-02")
