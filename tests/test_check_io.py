"""`mdnet check` for editors and scripts: `--stdin-filename PATH -`, `--output-file`,
`--show-files`, NO_COLOR and FORCE_COLOR."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import TODAY, MakeVault, run

from mdnet.cli import cli

CONTACT = "---\ntype: contact\nnetwork: bankers\nmet: 2026-11-20\n---\n# Sam\n"
CONFIG = "[networks.bankers]\n"


def stdin_check(vault: Path, name: str, text: str, *args: str) -> Result:
    argv = ["check", "--vault", str(vault), "--stdin-filename", str(vault / name), "-"]
    argv += ["--today", TODAY, *args]
    return CliRunner().invoke(cli, argv, input=text.encode("utf-8"), catch_exceptions=False)


def test_stdin_is_linted_as_that_note(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Sam.md": CONTACT, "People/Ann.md": CONTACT}, config=CONFIG)
    draft = CONTACT.replace("met: 2026-11-20", "met: 2026/11/02") + "See [[Nobody]]\n"
    result = stdin_check(vault, "People/Sam.md", draft, "--format", "json")
    rows = [(r["line"], r["code"]) for r in json.loads(result.stdout)]
    assert sorted(rows) == [(1, "C005"), (4, "F004"), (7, "L001")]
    assert all(r["path"].endswith("People/Sam.md") for r in json.loads(result.stdout))
    assert (vault / "People/Sam.md").read_text() == CONTACT  # never written


def test_stdin_of_a_new_note_and_the_rest_of_the_vault(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Sam.md": CONTACT, "a.md": "See [[New]]\n"}, config=CONFIG)
    result = stdin_check(vault, "New.md", "# New\nSee [[Sam]]\n")
    assert result.exit_code == 0, result.output
    assert "All checks passed (1 note)." in result.stdout
    assert not (vault / "New.md").exists()


def test_stdin_fix_only_prints_the_fixed_text(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Sam.md": CONTACT}, config=CONFIG)
    draft = CONTACT.replace("met: 2026-11-20", "met: 2026/11/20").replace("\n", "\r\n")
    result = stdin_check(vault, "People/Sam.md", draft, "--fix-only")
    assert result.exit_code == 0
    assert result.stdout_bytes == draft.replace("2026/11/20", "2026-11-20").encode()
    assert (vault / "People/Sam.md").read_text() == CONTACT


def test_stdin_diff(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Sam.md": CONTACT}, config=CONFIG)
    draft = CONTACT.replace("met: 2026-11-20", "met: Nov 20, 2026")
    result = stdin_check(vault, "People/Sam.md", draft, "--diff")
    assert result.exit_code == 1
    assert "-met: Nov 20, 2026\n+met: 2026-11-20\n" in result.stdout


def test_dash_needs_stdin_filename(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "# A\n"})
    result = CliRunner().invoke(cli, ["check", "--vault", str(vault), "-"], input=b"# x\n")
    assert result.exit_code == 2
    assert "--stdin-filename" in result.stderr


def test_show_files_lists_notes_with_their_kind(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Sam.md": CONTACT,
            "Goals/G.md": "---\ntype: goal\n---\n",
            "Templates/T.md": "x\n",
            "a.md": "x\n",
        },
        config='exclude = ["Templates/**"]\n' + CONFIG,
    )
    result = run("check", str(vault), "--show-files")
    assert result.exit_code == 0
    rows = [line.split(None, 1) for line in result.stdout.splitlines()]
    where = vault.resolve()
    assert [
        (kind, (Path.cwd() / p).resolve().relative_to(where).as_posix()) for kind, p in rows
    ] == [
        ("goal", "Goals/G.md"),
        ("contact", "People/Sam.md"),
        ("note", "a.md"),
    ]
    people = run("check", str(vault / "People"), "--show-files").stdout.split()
    assert people[0] == "contact" and people[1].endswith("/People/Sam.md") and len(people) == 2


def test_output_file(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"a.md": "See [[Nobody]]\n"})
    out = tmp_path / "report.sarif"
    result = run("check", str(vault), "--format", "sarif", "--output-file", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text())["runs"][0]["results"][0]["ruleId"] == "L001"
    note = vault / "a.md"
    refused = run("check", str(vault), "--output-file", str(note))
    assert refused.exit_code == 2
    assert note.read_text() == "See [[Nobody]]\n"


@pytest.mark.parametrize(
    ("env", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)],
)
def test_colour_environment(make_vault: MakeVault, env: dict[str, str], coloured: bool) -> None:
    vault = make_vault({"a.md": "See [[Nobody]]\n"})
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    done = subprocess.run(
        [sys.executable, "-m", "mdnet", "check", str(vault), "--today", TODAY],
        env={**full, **env},
        capture_output=True,
        text=True,
    )
    assert ("\x1b[" in done.stdout) is coloured
    assert "L001" in done.stdout
