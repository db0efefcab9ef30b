"""`mdnet check`, `mdnet rules` and `mdnet rule` through the CLI: options, formats, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import MakeVault, check_json, codes, run

import mdnet.cli
import mdnet.commands.runner
from mdnet.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]

GOAL_ERRORS = """\
---
type: goal
goal: Meet some bankers
---
"""
"""G001 (error), G002 (error), G003 (warning) at 3:7, 3:7, 3:12."""

BROKEN_LINK = "# Notes\nSee [[Nobody]]\n"
"""L001 (warning) at 2:5."""

LATE_GOAL = """\
---
type: goal
goal: Meet 3 bankers
deadline: 2026-11-20
---
"""
"""G004 (warning) at 4:11 when today is after 2026-11-20."""

BEHIND_GOAL = """\
---
type: goal
goal: Publish 30 guest posts
horizon: long
start: 2026-01-01
deadline: 2026-12-31
target: 30
progress: 1
every: month
---
"""


def findings(result_stdout: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(result_stdout)
    return rows


# --------------------------------------------------------------------------- exit codes


def test_exit_0_when_clean(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "Hello [[b]]\n", "b.md": "Hi\n"})
    result = run("check", str(vault))
    assert result.exit_code == 0
    assert result.stdout == "All checks passed (2 notes).\n"
    assert result.stderr == ""


def test_exit_1_on_errors(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/G.md": GOAL_ERRORS})
    result = run("check", str(vault))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    prefix = f"{os.path.relpath(vault)}/Goals/G.md"
    assert lines[0] == f"{prefix}:3:7: G001 goal has no deadline; add `deadline: YYYY-MM-DD`"
    assert lines[1].startswith(f"{prefix}:3:7: G002 goal is not exact")
    assert lines[2] == f"{prefix}:3:12: G003 vague quantifier 'some' in goal; say how many"
    assert lines[-1] == "Found 3 problems (2 errors, 1 warning) in 1 note."


def test_warnings_do_not_fail_by_default(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": BROKEN_LINK})
    result = run("check", str(vault))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "Found 1 problem (1 warning) in 1 note."


def test_fail_on_warning(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": BROKEN_LINK})
    assert run("check", str(vault), "--fail-on", "warning").exit_code == 1
    assert run("check", str(vault), "--fail-on", "error").exit_code == 0


def test_fail_on_info(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": BROKEN_LINK}, config='[rules]\nseverity = { L001 = "info" }\n')
    assert run("check", str(vault), "--fail-on", "warning").exit_code == 0
    result = run("check", str(vault), "--fail-on", "info")
    assert result.exit_code == 1
    assert "(1 info)" in result.stdout


def test_exit_zero(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/G.md": GOAL_ERRORS})
    result = run("check", str(vault), "--exit-zero")
    assert result.exit_code == 0
    assert "G001" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("check", "no-such-folder"),
        ("check", "--today", "2026-13-01"),
        ("check", "--today", "tomorrow"),
        ("check", "--format", "xml"),
        ("check", "--select", "G-1"),
        ("check", "--fail-on", "never"),
        ("rule", "G999"),
        ("rule", "no-such-rule"),
    ],
)
def test_exit_2_on_usage_errors(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    vault = make_vault({"a.md": "x\n"})
    monkeypatch.chdir(vault)
    result = run(*args, today=None)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert "rror" in result.stderr


def test_missing_folder_message_is_one_line(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("mdnet: error:")
    assert "nope" in result.stderr


def test_unknown_rule_message(tmp_path: Path) -> None:
    result = run("rule", "G999")
    assert result.exit_code == 2
    assert result.stderr == "mdnet: error: no rule 'G999'; `mdnet rules` lists them\n"


# --------------------------------------------------------------------------- formats


def test_format_json(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault({"Goals/G.md": GOAL_ERRORS})
    monkeypatch.chdir(vault)
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    rows = findings(result.stdout)
    assert [(r["path"], r["line"], r["column"], r["code"]) for r in rows] == [
        ("Goals/G.md", 3, 7, "G001"),
        ("Goals/G.md", 3, 7, "G002"),
        ("Goals/G.md", 3, 12, "G003"),
    ]
    first = rows[0]
    assert {"path", "line", "column", "code", "name", "severity", "message"} <= set(first)
    assert (first["name"], first["severity"]) == ("goal-no-deadline", "error")
    assert rows[2]["severity"] == "warning"
    assert "Found" not in result.stdout  # no summary line in JSON


def test_format_json_clean_is_an_empty_array(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "x\n"})
    result = run("check", str(vault), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_format_full_shows_source_and_fix(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault({"Goals/G.md": GOAL_ERRORS})
    monkeypatch.chdir(vault)
    result = run("check", "--format", "full", "--select", "G003")
    assert result.exit_code == 0
    assert result.stdout == (
        "Goals/G.md:3:12: G003 vague quantifier 'some' in goal; say how many\n"
        "    3 | goal: Meet some bankers\n"
        "                   ^\n"
        "  = help: Replace the vague word with the number you mean.\n"
        "\n"
        "Found 1 problem (1 warning) in 1 note.\n"
    )


def test_format_concise_is_the_default(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault({"a.md": BROKEN_LINK})
    monkeypatch.chdir(vault)
    default = run("check")
    assert default.stdout == run("check", "--format", "concise").stdout
    assert default.stdout == (
        "a.md:2:5: L001 broken link [[Nobody]]: no file matches\n"
        "Found 1 problem (1 warning) in 1 note.\n"
    )


def test_format_github(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault({"Goals/G.md": GOAL_ERRORS, "a.md": BROKEN_LINK})
    monkeypatch.chdir(vault)
    result = run("check", "--format", "github", "--select", "G001,L001")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=Goals/G.md,line=3,col=7,title=G001 goal-no-deadline::"
        "G001 goal has no deadline; add `deadline: YYYY-MM-DD`",
        "::warning file=a.md,line=2,col=5,title=L001 broken-link::"
        "L001 broken link [[Nobody]]: no file matches",
    ]


def test_format_github_info_is_a_notice(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault({"a.md": BROKEN_LINK}, config='[rules]\nseverity = { L = "info" }\n')
    monkeypatch.chdir(vault)
    assert run("check", "--format", "github").stdout.startswith("::notice file=a.md,")


@pytest.mark.skipif(sys.platform == "win32", reason="needs : and newline in file names")
def test_format_github_escapes(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault(
        {
            "Odd: a, b.md": BROKEN_LINK,
            "Two\nlines.md": BROKEN_LINK,
        }
    )
    monkeypatch.chdir(vault)
    result = run("check", "--format", "github")
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # every annotation on one line
    assert lines[0].startswith("::warning file=Odd%3A a%2C b.md,line=2,col=5,")
    assert lines[1].startswith("::warning file=Two%0Alines.md,line=2,col=5,")


def test_format_github_escapes_percent_in_messages(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault({"a.md": "See [[Nobody %41 here]]\n"})
    monkeypatch.chdir(vault)
    result = run("check", "--format", "github")
    (line,) = result.stdout.splitlines()
    assert line.endswith("::L001 broken link [[Nobody %2541 here]]: no file matches")


def test_text_output_has_no_control_characters_from_notes(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "See [[Evil \x1bc reset]]\n"})
    result = run("check", str(vault))
    assert "\x1b" not in result.stdout
    assert "L001" in result.stdout


# --------------------------------------------------------------------------- colour


def test_no_colour_when_not_a_terminal(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    vault = make_vault({"Goals/G.md": GOAL_ERRORS})
    for fmt in ("concise", "full"):
        result = run("check", str(vault), "--format", fmt)
        assert "\x1b[" not in result.stdout
    assert "\x1b[" not in run("check", str(make_vault({}, name="empty"))).stdout


def test_colour_on_a_terminal(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mdnet.commands.runner, "color", lambda to_terminal=True: True)
    vault = make_vault({"Goals/G.md": GOAL_ERRORS})

    def invoke(*args: str) -> str:
        argv = ["check", str(vault), "--today", "2026-11-23", *args]
        return CliRunner().invoke(mdnet.cli.cli, argv, color=True).stdout

    assert "\x1b[1;31mG001\x1b[0m" in invoke()
    assert "\x1b[" not in invoke("--format", "json")


# --------------------------------------------------------------------------- selection


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["G001", "G002", "G003", "L001"]),
        (("--select", "ALL"), ["G001", "G002", "G003", "L001"]),
        (("--select", "G001"), ["G001"]),
        (("--select", "g001"), ["G001"]),
        (("--select", "G"), ["G001", "G002", "G003"]),
        (("--select", "G00"), ["G001", "G002", "G003"]),
        (("--select", "G001,L"), ["G001", "L001"]),
        (("--select", "G001", "--select", "L001"), ["G001", "L001"]),
        (("--select", "C"), []),
        (("--ignore", "G"), ["L001"]),
        (("--ignore", "G002,L001"), ["G001", "G003"]),
        (("--select", "G", "--ignore", "G003"), ["G001", "G002"]),
        (("--select", "G003", "--ignore", "G"), ["G003"]),  # the more specific wins
        (("--ignore", "ALL"), []),
    ],
)
def test_select_and_ignore(
    make_vault: MakeVault, args: tuple[str, ...], expected: list[str]
) -> None:
    vault = make_vault({"Goals/G.md": GOAL_ERRORS, "a.md": BROKEN_LINK})
    assert sorted(codes(vault, *args)) == expected


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        ('[rules]\nselect = ["G"]\n', (), ["G001", "G002", "G003"]),
        ('[rules]\nignore = ["G002", "L"]\n', (), ["G001", "G003"]),
        ('[rules]\nselect = ["G"]\n', ("--select", "L"), ["L001"]),  # the CLI replaces select
        ('[rules]\nignore = ["G002"]\n', ("--ignore", "G001"), ["G003", "L001"]),  # adds
    ],
)
def test_rules_in_config(
    make_vault: MakeVault, config: str, args: tuple[str, ...], expected: list[str]
) -> None:
    vault = make_vault({"Goals/G.md": GOAL_ERRORS, "a.md": BROKEN_LINK}, config=config)
    assert sorted(codes(vault, *args)) == expected


def test_severity_in_config(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Goals/G.md": GOAL_ERRORS, "a.md": BROKEN_LINK},
        config='[rules]\nseverity = { G001 = "warning", G002 = "info", L001 = "error" }\n',
    )
    severities = {r["code"]: r["severity"] for r in check_json(vault)}
    assert severities == {"G001": "warning", "G002": "info", "G003": "warning", "L001": "error"}
    result = run("check", str(vault), "--select", "G")
    assert result.exit_code == 0  # the goal's errors were downgraded
    assert run("check", str(vault)).exit_code == 1  # the broken link is now an error


def test_severity_by_prefix(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Goals/G.md": GOAL_ERRORS}, config='[rules]\nseverity = { G = "info", G003 = "error" }\n'
    )
    severities = {r["code"]: r["severity"] for r in check_json(vault)}
    assert severities == {"G001": "info", "G002": "info", "G003": "error"}


# --------------------------------------------------------------------------- statistics


def test_statistics(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/G.md": GOAL_ERRORS, "a.md": BROKEN_LINK, "b.md": BROKEN_LINK})
    result = run("check", str(vault), "--statistics")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "2  L001  broken-link [warning]",
        "1  G001  goal-no-deadline [error]",
        "1  G002  goal-not-exact [error]",
        "1  G003  goal-vague-quantifier [warning]",
        "Found 5 problems (2 errors, 3 warnings) in 3 notes.",
    ]


def test_statistics_when_clean(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "x\n"})
    assert run("check", str(vault), "--statistics").stdout == "All checks passed (1 note).\n"


# --------------------------------------------------------------------------- today


def test_today_option(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/G.md": LATE_GOAL})
    assert codes(vault) == ["G004"]  # conftest's today is 2026-11-23
    early = run("check", str(vault), "--format", "json", "--today", "2026-11-20", today=None)
    assert findings(early.stdout) == []
    late = run("check", str(vault), "--format", "json", "--today", "2026-11-21", today=None)
    assert "passed 1 days ago" in findings(late.stdout)[0]["message"]


def test_mdnet_today_environment(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault({"Goals/G.md": LATE_GOAL})
    monkeypatch.setenv("MDNET_TODAY", "2026-11-20")
    assert run("check", str(vault), today=None).stdout.startswith("All checks passed")
    monkeypatch.setenv("MDNET_TODAY", "2027-01-01")
    result = run("check", str(vault), "--format", "json", today=None)
    assert [r["code"] for r in findings(result.stdout)] == ["G004"]
    # the option beats the environment
    result = run("check", str(vault), "--format", "json", "--today", "2026-11-01", today=None)
    assert findings(result.stdout) == []
    monkeypatch.setenv("MDNET_TODAY", "not a date")
    assert run("check", str(vault), today=None).exit_code == 2


# --------------------------------------------------------------------------- paths


def two_folder_vault(make_vault: MakeVault) -> Path:
    return make_vault(
        {
            "People/Dana.md": (
                "---\ntype: contact\nnetwork: x\nmet: 2026-11-20\n---\nSee [[Goal]] and [[Ghost]]\n"
            ),
            "Goals/Goal.md": GOAL_ERRORS,
            "Daily/2026-11-20.md": "Met [[Dana]] and [[Nobody]]\n",
        },
        config="",
    )


def test_given_files_report_only_those_but_read_the_whole_vault(make_vault: MakeVault) -> None:
    vault = two_folder_vault(make_vault)
    result = run("check", str(vault / "People" / "Dana.md"), "--format", "json")
    rows = findings(result.stdout)
    # [[Goal]] resolves to a note elsewhere in the vault; only [[Ghost]] is broken, and
    # nothing is reported for the goal or the daily note.
    assert [(r["line"], r["column"], r["code"]) for r in rows] == [(6, 18, "L001")]
    assert rows[0]["path"].endswith("People/Dana.md")
    assert result.exit_code == 0


def test_given_files_summary_counts_them(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = two_folder_vault(make_vault)
    monkeypatch.chdir(vault)
    result = run("check", "People/Dana.md", "Daily/2026-11-20.md")
    assert result.stdout.splitlines() == [
        "Daily/2026-11-20.md:1:18: L001 broken link [[Nobody]]: no file matches",
        "People/Dana.md:6:18: L001 broken link [[Ghost]]: no file matches",
        "Found 2 problems (2 warnings) in 2 notes.",
    ]


def test_given_file_uses_the_vault_config(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Goals/G.md": GOAL_ERRORS, "a.md": BROKEN_LINK}, config='[rules]\nignore = ["G001"]\n'
    )
    rows = check_json(vault / "Goals" / "G.md")
    assert [r["code"] for r in rows] == ["G002", "G003"]


def test_vault_option(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Without a marker (mdnet.toml, .obsidian, .git) the vault is found with --vault.
    make_vault({"People/Dana.md": "See [[Goal]] and [[Ghost]]\n", "Goals/Goal.md": GOAL_ERRORS})
    monkeypatch.chdir(tmp_path)
    alone = run("check", "vault/People/Dana.md", "--format", "json")
    assert sorted(r["column"] for r in findings(alone.stdout)) == [5, 18]  # People/ alone
    result = run("check", "--vault", "vault", "vault/People/Dana.md", "--format", "json")
    assert [(r["path"], r["column"]) for r in findings(result.stdout)] == [
        ("vault/People/Dana.md", 18)
    ]
    whole = run("check", "--vault", "vault", "--format", "json")
    assert {r["path"] for r in findings(whole.stdout)} == {
        "vault/People/Dana.md",
        "vault/Goals/Goal.md",
    }


def test_obsidian_folder_marks_the_vault(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Dana.md": "See [[Goal]]\n", "Goals/Goal.md": "x\n"})
    (vault / ".obsidian").mkdir()
    assert check_json(vault / "People" / "Dana.md") == []


def test_file_outside_the_vault_is_a_usage_error(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"a.md": "x\n"})
    (tmp_path / "elsewhere.md").write_text("x\n", encoding="utf-8")
    result = run("check", "--vault", str(vault), str(tmp_path / "elsewhere.md"))
    assert result.exit_code == 2
    assert "not inside the vault" in result.stderr


def test_missing_file_is_a_usage_error(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "x\n"})
    result = run("check", str(vault / "nope.md"))
    assert result.exit_code == 2
    assert "nope.md" in result.stderr


def test_paths_are_relative_to_the_current_folder(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    vault = make_vault({"Notes/a.md": BROKEN_LINK})
    monkeypatch.chdir(vault)
    assert run("check").stdout.startswith("Notes/a.md:2:5: L001")
    assert run("check", ".").stdout.startswith("Notes/a.md:2:5: L001")
    monkeypatch.chdir(tmp_path)
    assert run("check", "vault").stdout.startswith("vault/Notes/a.md:2:5: L001")
    monkeypatch.chdir(vault / "Notes")
    assert run("check", "a.md", "--vault", "..").stdout.startswith("../Notes/a.md:2:5: L001")


def test_no_notes_at_all(make_vault: MakeVault) -> None:
    vault = make_vault({})
    result = run("check", str(vault))
    assert result.exit_code == 0
    assert result.stdout == "All checks passed (0 notes).\n"


def test_no_cache_gives_the_same_result(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/G.md": GOAL_ERRORS, "a.md": BROKEN_LINK})
    cached = [run("check", str(vault)).stdout for _ in range(2)]
    assert cached[0] == cached[1] == run("check", str(vault), "--no-cache").stdout
    (vault / "a.md").write_text("fixed\n", encoding="utf-8")
    assert "L001" not in run("check", str(vault)).stdout


# --------------------------------------------------------------------------- rules / rule


def test_rules_lists_every_code() -> None:
    result = run("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    expected = [r.code for r in all_rules()]
    assert listed == expected
    for code in [
        "F001",
        "F002",
        "F003",
        "F004",
        "F005",
        "F006",
        "L001",
        "L002",
        "L003",
        "G001",
        "G002",
        "G003",
        "G004",
        "G005",
        "G006",
        "G007",
        "G008",
        "G009",
    ]:
        assert code in listed
    assert "G003  goal-vague-quantifier" in result.stdout
    assert "warning" in result.stdout


def test_rules_json() -> None:
    rows = json.loads(run("rules", "--format", "json").stdout)
    g003 = next(r for r in rows if r["code"] == "G003")
    assert g003["name"] == "goal-vague-quantifier"
    assert g003["severity"] == "warning"
    assert "Why:" in g003["explanation"]


@pytest.mark.parametrize("name", ["G003", "g003", "goal-vague-quantifier"])
def test_rule_explains(name: str) -> None:
    result = run("rule", name)
    assert result.exit_code == 0
    assert result.stdout.startswith("G003 goal-vague-quantifier (default severity: warning)")
    assert "Why:" in result.stdout
    assert "too many" in result.stdout
    assert "How to fix:" in result.stdout


# --------------------------------------------------------------------------- python -m mdnet


def test_python_m_mdnet_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mdnet", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Usage:" in proc.stdout
    assert "check" in proc.stdout


# --------------------------------------------------------------------------- sample vault

SAMPLE_FINDINGS = {
    # planted problems (sample-vault/README.md)
    ("Goals/Collect 20 reader questions.md", 3, 7, "G001"),
    ("Goals/Meet some bankers.md", 3, 7, "G002"),
    ("Goals/Meet some bankers.md", 3, 12, "G003"),
    ("Goals/Podcast guest spots.md", 4, 10, "G005"),
    ("Daily/2026-11-10.md", 5, 12, "L001"),
    ("People/Jordan Blake.md", 4, 10, "C003"),
    ("People/Hannah Osei.md", 15, 1, "C004"),
    ("People/Rafael Moreno.md", 5, 6, "F004"),
    ("People/Grace Liu.md", 18, 1, "C006"),
    ("People/Alexandra Ruiz.md", 4, 10, "L003"),
    # expected findings that follow from the data
    ("People/Alex Chen.md", 1, 1, "C001"),
    ("People/Hannah Osei.md", 1, 1, "C001"),
    ("People/Grace Liu.md", 1, 1, "C001"),
    ("People/Beth Kowalski.md", 1, 1, "C001"),
    ("People/Victor Huang.md", 1, 1, "C001"),
    ("People/Owen Fischer.md", 1, 1, "C005"),
    ("Events/Community Bankers Breakfast.md", 3, 7, "E004"),
    ("Events/Main Street Banking Forum.md", 3, 7, "E004"),
}


def test_sample_vault_gives_exactly_the_planted_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("check", "sample-vault", "--format", "json", "--no-cache")
    assert result.exit_code == 1  # F004, L003, G001, G002 are errors
    rows = findings(result.stdout)
    got = [
        (r["path"].removeprefix("sample-vault/"), r["line"], r["column"], r["code"]) for r in rows
    ]
    assert len(got) == len(set(got))
    assert set(got) == SAMPLE_FINDINGS
    severities = [r["severity"] for r in rows]
    assert [severities.count(s) for s in ("error", "warning", "info")] == [4, 12, 2]


def test_sample_vault_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("check", "sample-vault", "--no-cache")
    last = result.stdout.splitlines()[-1]
    assert last.startswith("Found 18 problems (4 errors, 12 warnings, 2 info)")
    assert "Priya Nair" not in result.stdout  # suppressed with mdnet-disable-next-line
    assert "Templates/" not in result.stdout  # excluded by config


def test_a_sub_folder_is_checked_inside_its_vault(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana.md": "---\nnetwork: bloggers\nmet: 2026-11-01\n---\nSee [[Plan]].\n",
            "Notes/Plan.md": "[[Nowhere]]\n",
        },
        config='[folders]\ncontacts = "People"\n[networks.bloggers]\n',
    )
    result = run("check", str(vault / "People"), "--format", "json", "--exit-zero")
    rows = json.loads(result.stdout)
    # The root's mdnet.toml applies (People/ holds contacts: C008 fires), the link to
    # Notes/Plan resolves, and Notes/ is not reported on.
    assert {(r["code"], r["path"].rsplit("/", 2)[-2]) for r in rows} == {("C008", "People")}
