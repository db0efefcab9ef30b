"""check --config FILE, --isolated, --quiet and --verbose, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MakeVault, codes, run

BROKEN = "# A\n\nSee [[Nobody]]\n"
CLEAN = "# B\n\nNothing to see.\n"
CONFIG = '[rules]\nignore = ["L001"]\n'


def test_config_file_replaces_the_vaults_own(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"a.md": BROKEN}, config='[rules]\nselect = ["G"]\n')
    assert codes(vault) == []  # the vault's own file selects G only
    other = tmp_path / "ci.toml"
    other.write_text('[rules]\nselect = ["L"]\n', encoding="utf-8")
    assert codes(vault, "--config", str(other)) == ["L001"]


def test_config_file_from_a_pyproject(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"a.md": BROKEN})
    assert codes(vault) == ["L001"]
    (tmp_path / "proj").mkdir()
    project = tmp_path / "proj" / "pyproject.toml"  # not above the vault: only --config reads it
    project.write_text('[project]\nname = "x"\n\n[tool.mdnet.rules]\nignore = ["L001"]\n')
    assert codes(vault, "--config", str(project)) == []
    project.write_text('[project]\nname = "x"\n', encoding="utf-8")
    result = run("check", str(vault), "--config", str(project))
    assert result.exit_code == 2
    assert "[tool.mdnet]" in result.stderr and str(project) in result.stderr


@pytest.mark.parametrize(
    ("text", "named"),
    [(None, "no such configuration file"), ('cadence = "soon"\n', "`cadence`")],
)
def test_a_config_file_that_cannot_be_used_is_exit_2(
    make_vault: MakeVault, tmp_path: Path, text: str | None, named: str
) -> None:
    vault = make_vault({"a.md": CLEAN})
    file = tmp_path / "given.toml"
    if text is not None:
        file.write_text(text, encoding="utf-8")
    result = run("check", str(vault), "--config", str(file))
    assert result.exit_code == 2 and result.stdout == ""
    assert named in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_isolated_ignores_every_settings_file(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "a.md": BROKEN,
            "Archive/old.md": BROKEN,
            ".obsidian/app.json": '{"userIgnoreFilters": ["Archive/"]}',
        },
        config=CONFIG,
    )
    assert codes(vault) == []
    rows = run("check", str(vault), "--isolated", "--format", "json", "--exit-zero")
    assert rows.exit_code == 0
    assert rows.stdout.count('"L001"') == 2  # mdnet.toml's ignore and Obsidian's exclusion gone
    shown = run("check", str(vault), "--isolated", "--show-settings")
    assert shown.exit_code == 0
    assert "--isolated" in shown.stdout.splitlines()[1]
    assert "rules.ignore = []" in shown.stdout and ".obsidian" not in shown.stdout


@pytest.mark.parametrize("args", [("--config", "x.toml", "--isolated"), ("--quiet", "--verbose")])
def test_options_that_exclude_each_other(make_vault: MakeVault, args: tuple[str, ...]) -> None:
    vault = make_vault({"a.md": CLEAN})
    assert run("check", str(vault), *args).exit_code == 2


def test_quiet_prints_the_findings_only(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault({"a.md": BROKEN, "b.md": CLEAN})
    monkeypatch.chdir(vault)  # no marker: a notice says which folder is the vault
    loud = run("check", "--fail-on", "warning")
    assert loud.exit_code == 1
    assert "Found 1 problem" in loud.stdout and "as the vault" in loud.stderr
    quiet = run("check", "--quiet", "--fail-on", "warning")
    assert quiet.exit_code == 1
    assert (
        quiet.stdout == "a.md:3:5: L001 " + loud.stdout.split(" L001 ", 1)[1].splitlines()[0] + "\n"
    )
    assert quiet.stderr == ""
    (vault / "a.md").write_text(CLEAN, encoding="utf-8")
    clean = run("check", "-q")
    assert (clean.exit_code, clean.stdout, clean.stderr) == (0, "", "")


def test_quiet_fix_says_nothing(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Dana.md": "---\ntype: contact\naliases: Dana W\n---\n# Dana\n"})
    loud = run("check", str(vault), "--diff")
    assert "Would fix" in loud.stderr
    quiet = run("check", str(vault), "--fix", "--quiet", "--exit-zero")
    assert quiet.exit_code == 0
    assert quiet.stderr == ""
    assert "aliases: [Dana W]" in (vault / "People" / "Dana.md").read_text(encoding="utf-8")


def test_verbose_says_the_vault_the_settings_and_the_times(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"a.md": BROKEN, ".obsidian/daily-notes.json": '{"folder": "Daily"}'},
        config="cadence = 30\n",
    )
    plain = run("check", str(vault))
    loud = run("check", str(vault), "--verbose")
    assert loud.stdout == plain.stdout and loud.exit_code == plain.exit_code
    lines = loud.stderr.splitlines()
    assert f"mdnet: vault: {vault.resolve()}" in lines
    read = next(line for line in lines if line.startswith("mdnet: settings read: "))
    assert str(vault.resolve() / "mdnet.toml") in read and ".obsidian/daily-notes.json" in read
    assert "mdnet: notes: 1 read, 1 checked" in lines
    times = lines[-1]
    assert times.startswith("mdnet: time: settings ")
    for phase in ("notes", "rules", "output", "total"):
        assert f"{phase} " in times
