"""Which vault `mdnet check PATHS` reads and which notes it reports on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MakeVault, run, vault_rows

BROKEN = "See [[Nobody]]\n"


def test_two_sub_folders_of_one_vault(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Daily/d.md": BROKEN, "People/p.md": BROKEN, "Other/o.md": BROKEN}, config=""
    )
    result = run("check", str(vault / "Daily"), str(vault / "People"), "--format", "json")
    paths = sorted(Path(r["path"]).name for r in json.loads(result.stdout))
    assert paths == ["d.md", "p.md"]


def test_a_folder_and_a_file(make_vault: MakeVault) -> None:
    vault = make_vault({"Daily/d.md": BROKEN, "p.md": BROKEN, "o.md": BROKEN}, config="")
    result = run("check", str(vault / "Daily"), str(vault / "p.md"), "--format", "json")
    assert sorted(Path(r["path"]).name for r in json.loads(result.stdout)) == ["d.md", "p.md"]


def test_files_of_two_sub_folders_without_a_marker(make_vault: MakeVault) -> None:
    vault = make_vault({"contacts/a/x.md": "[[y]]\n", "contacts/b/y.md": "[[x]] [[Nobody]]\n"})
    result = run(
        "check", str(vault / "contacts/a/x.md"), str(vault / "contacts/b/y.md"), "--format", "json"
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(Path(r["path"]).name, r["code"]) for r in rows] == [("y.md", "L001")]


def test_a_file_that_is_not_a_note(make_vault: MakeVault) -> None:
    vault = make_vault({"x.pdf": "%PDF", "a.md": BROKEN, "R.markdown": BROKEN}, config="")
    result = run("check", str(vault / "x.pdf"), str(vault / "R.markdown"))
    assert result.exit_code == 0
    assert "All checks passed (0 notes)." in result.stdout
    assert "skipped" in result.stderr and "x.pdf" in result.stderr
    both = run("check", str(vault / "x.pdf"), str(vault / "a.md"), "--format", "json")
    assert [Path(r["path"]).name for r in json.loads(both.stdout)] == ["a.md"]


def test_home_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"  # conftest points HOME here
    home.mkdir()
    (home / "notes.md").write_text(BROKEN)
    monkeypatch.chdir(home)
    result = run("check")
    assert result.exit_code == 2
    assert "home folder" in result.stderr
    (home / ".obsidian").mkdir()  # a vault after all
    assert run("check", "--exit-zero").exit_code == 0


def test_says_which_folder_is_the_vault_when_nothing_marks_it(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = make_vault({"a.md": "# A\n"})
    monkeypatch.chdir(plain)
    result = run("check")
    assert result.exit_code == 0
    assert f"checking {plain.resolve()} as the vault" in result.stderr
    marked = make_vault({"a.md": "# A\n"}, config="", name="marked")
    monkeypatch.chdir(marked)
    assert run("check").stderr == ""


def test_statistics_as_json(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"a.md": BROKEN + BROKEN, "x.md": "---\nmet: 2026/11/02\ntype: contact\n---\n"}
    )
    result = run("check", str(vault), "--statistics", "--format", "json", "--select", "L,F")
    rows = json.loads(result.stdout)
    assert rows[0] == {
        "code": "L001",
        "name": "broken-link",
        "severity": "warning",
        "count": 2,
        "fixable": 0,
    }
    assert {r["code"]: r["fixable"] for r in rows}["F004"] == 1
    assert vault_rows(vault, "--select", "L")  # the plain JSON is still a list of findings
