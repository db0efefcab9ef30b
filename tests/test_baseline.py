"""`mdnet check --add-baseline / --baseline / --no-baseline`: adopting mdnet on a big vault."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import MakeVault, run, vault_rows

DAILY = "# Monday\n\n- 2026-11-02 Coffee with [[Jon Smyth]]\n"


def places(vault: Path, *args: str) -> list[tuple[str, int, str]]:
    return [(r["path"], r["line"], r["code"]) for r in vault_rows(vault, *args)]


def test_baseline_hides_todays_findings(make_vault: MakeVault) -> None:
    vault = make_vault({"Daily/2026-11-02.md": DAILY, "clean.md": "# Fine\n"})
    result = run("check", str(vault), "--add-baseline")
    assert result.exit_code == 0
    data = json.loads((vault / ".mdnet-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["code"]) for e in data["findings"]] == [("Daily/2026-11-02.md", "L001")]
    result = run("check", str(vault))
    assert result.exit_code == 0
    assert "All checks passed" in result.stdout
    assert places(vault) == []
    assert places(vault, "--no-baseline") == [("Daily/2026-11-02.md", 3, "L001")]


def test_baseline_survives_a_line_inserted_above_and_reports_a_new_finding(
    make_vault: MakeVault,
) -> None:
    vault = make_vault({"Daily/2026-11-02.md": DAILY})
    run("check", str(vault), "--add-baseline")
    note = vault / "Daily/2026-11-02.md"
    note.write_text(
        "# Monday\nA new first line.\n\n- 2026-11-02 Coffee with [[Jon Smyth]]\n"
        "- 2026-11-02 Lunch with [[Ann Other]]\n",
        encoding="utf-8",
    )
    assert places(vault) == [("Daily/2026-11-02.md", 5, "L001")]
    result = run("check", str(vault))
    assert result.exit_code == 0  # a warning
    assert "Ann Other" in result.stdout and "Jon Smyth" not in result.stdout


def test_same_finding_twice_counts_each_time(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "See [[Nobody]]\nSee [[Nobody]]\n"})
    run("check", str(vault), "--add-baseline")
    (vault / "a.md").write_text("See [[Nobody]]\nSee [[Nobody]]\nSee [[Nobody]]\n")
    assert len(places(vault)) == 1


def test_a_changed_line_is_a_new_finding(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "See [[Nobody]]\n"})
    run("check", str(vault), "--add-baseline")
    (vault / "a.md").write_text("See [[Nobody]] again\n")
    assert places(vault) == [("a.md", 1, "L001")]


def test_daily_numbers_in_messages_do_not_break_the_match(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"People/Dana.md": "---\ntype: contact\nmet: 2026-01-05\n---\n- 2026-02-01 Call\n"}
    )
    run("check", str(vault), "--add-baseline", today="2026-11-23")
    assert places(vault) == []
    result = run("check", str(vault), "--format", "json", "--today", "2026-11-30", today=None)
    assert json.loads(result.stdout) == []  # "overdue by N days" changed, still matched


def test_stale_entries_in_statistics_and_removed_by_add_baseline(make_vault: MakeVault) -> None:
    vault = make_vault({"Daily/2026-11-02.md": DAILY, "b.md": "[[Gone]]\n"})
    run("check", str(vault), "--add-baseline")
    (vault / "b.md").unlink()
    result = run("check", str(vault), "--statistics")
    assert "1 baseline entry no longer found" in result.stdout
    run("check", str(vault), "--add-baseline")
    data = json.loads((vault / ".mdnet-baseline.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in data["findings"]] == ["Daily/2026-11-02.md"]
    assert "no longer found" not in run("check", str(vault), "--statistics").stdout


def test_baseline_of_given_files_keeps_the_other_entries(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "[[Nobody]]\n", "b.md": "[[Nobody]]\n"})
    run("check", str(vault), "--add-baseline")
    (vault / "a.md").write_text("[[Nobody]]\n[[Else]]\n")
    run("check", str(vault / "a.md"), "--add-baseline")
    data = json.loads((vault / ".mdnet-baseline.json").read_text(encoding="utf-8"))
    assert sorted(e["path"] for e in data["findings"]) == ["a.md", "a.md", "b.md"]


def test_baseline_elsewhere(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"a.md": "[[Nobody]]\n"})
    file = tmp_path / "ci-baseline.json"
    run("check", str(vault), "--add-baseline", str(file))
    assert file.is_file() and not (vault / ".mdnet-baseline.json").exists()
    assert len(places(vault)) == 1
    assert places(vault, "--baseline", str(file)) == []


def test_bad_baseline_file_is_a_one_line_error(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "[[Nobody]]\n", ".mdnet-baseline.json": "not json"})
    result = run("check", str(vault))
    assert result.exit_code == 2
    assert ".mdnet-baseline.json" in result.stderr and "Traceback" not in result.stderr
    assert run("check", str(vault), "--no-baseline").exit_code == 0


def test_add_baseline_never_overwrites_a_file_mdnet_did_not_write(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "[[Nobody]]\n", "notes.json": '{"mine": true}\n'})
    result = run("check", str(vault), "--add-baseline", str(vault / "notes.json"))
    assert result.exit_code == 2
    assert (vault / "notes.json").read_text() == '{"mine": true}\n'


def test_clean_vault_baseline_is_empty(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "# Fine\n"})
    assert run("check", str(vault), "--add-baseline").exit_code == 0
    data = json.loads((vault / ".mdnet-baseline.json").read_text(encoding="utf-8"))
    assert data["findings"] == []
    assert "All checks passed" in run("check", str(vault)).stdout
