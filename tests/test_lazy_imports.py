"""A replayed run loads only what it needs (issue 18): the CLI imports a command when it runs,
and a `check` answered from its stored output (mdnet/replay.py) imports nothing that reads,
parses or models a vault. Measured as a shell sees it: a new process, whose `sys.modules` is
printed as it exits (also the modules imported with importlib, which `-X importtime` omits).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import TODAY, MakeVault, run

from mdnet import replay

HEAVY = ("mdnet.analysis", "mdnet.derive", "mdnet.config", "yaml", "markdown_it", "jinja2")
"""Modules a replay must not import (each is the root of a larger tree)."""
STORE_NOW = "import mdnet.replay as r; r.SETTLE_NS = -(10**18); from mdnet.cli import main; main()"
"""The same CLI, storing its result however recently the vault was written (the tests give
no file time to settle)."""
LOADED = """
import os, sys
from mdnet.cli import main
leave = os._exit
def exit_saying_what_is_loaded(code):
    print("loaded:", *sorted(sys.modules), file=sys.stderr, flush=True)
    leave(code)
os._exit = exit_saying_what_is_loaded
main()
"""
"""The CLI as the console script runs it, printing every module it loaded as it leaves."""
COMMANDS = {
    "calendar",
    "check",
    "clean",
    "config",
    "due",
    "import",
    "init",
    "log",
    "new",
    "report",
    "rule",
    "rules",
    "server",
    "show",
    "sync-properties",
}


def python(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def loaded(*argv: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], set[str], str]:
    """Run mdnet; its result, the modules it loaded and its own stderr."""
    done = python("-c", LOADED, *argv, cwd=cwd)
    lines = done.stderr.splitlines(True)
    found = [line.split()[1:] for line in lines if line.startswith("loaded: ")]
    assert len(found) == 1, done.stderr
    return done, set(found[0]), "".join(li for li in lines if not li.startswith("loaded: "))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))


def vault(make_vault: MakeVault) -> Path:
    return make_vault(
        {
            "People/Dana.md": "---\ntype: contact\nnetwork: work\n---\n# Dana\n\n## Log\n"
            "- 2026-11-01 met [[Sam]] #give\n",
            "People/Sam.md": "---\ntype: contact\nnetwork: work\n---\n# Sam\n",
            "Notes/Idea.md": "# Idea\n\nSee [[Nobody]].\n",
        },
        config='[networks.work]\ncadence = "30d"\n',
    )


def test_a_replayed_check_imports_no_parser_and_prints_the_same(
    make_vault: MakeVault, tmp_path: Path
) -> None:
    root = vault(make_vault)
    argv = ("check", "vault", "--today", TODAY, "--fail-on", "warning")
    first = python("-c", STORE_NOW, *argv, cwd=tmp_path)
    assert first.returncode == 1 and "L001" in first.stdout, first.stderr
    assert len(list((root / replay.FOLDER).glob("replay-*.bin"))) == 1

    second, modules, stderr = loaded(*argv, cwd=tmp_path)
    assert {"mdnet.cli", "mdnet.app", "mdnet.replay", "mdnet.commands.check"} <= modules
    assert heavy(modules) == []
    assert "mdnet.commands.report" not in modules  # nor the other commands
    assert (second.stdout, stderr, second.returncode) == (
        first.stdout,
        first.stderr,
        first.returncode,
    )


def test_a_run_that_reads_the_vault_does_import_them(make_vault: MakeVault, tmp_path: Path) -> None:
    """The control: the same check without a stored result loads the parsers."""
    root = vault(make_vault)
    done, modules, _ = loaded("check", "vault", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0 and "L001" in done.stdout
    assert {"mdnet.analysis", "mdnet.derive", "mdnet.config"} <= set(heavy(modules))
    # Front matter of the commonest shapes only is read without PyYAML; a number needs it.
    assert "yaml" not in modules
    (root / "People" / "Sam.md").write_text("---\ntype: contact\ncadence: 30\n---\n# Sam\n")
    done, modules, _ = loaded("check", "vault", "--no-cache", cwd=tmp_path)
    assert "yaml" in modules


def test_a_check_that_reads_the_vault_leaves_out_what_only_other_runs_use(
    make_vault: MakeVault, tmp_path: Path
) -> None:
    """Not loaded by a check, replayed or not: the requests of other commands, and the
    HTML entities (for a named entity in a Markdown link's destination only)."""
    root = vault(make_vault)
    (root / "Notes" / "Idea.md").write_text("# Idea\n\n[Sam](../People/Sam.md)\n")
    done, modules, _ = loaded("check", "vault", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0 and "L001" not in done.stdout, done.stdout
    assert "mdnet.analysis" in modules
    assert not {"mdnet.apprequests", "html", "html.entities"} & modules
    # Nor what writing files, odd cache entries and calendar arithmetic need (about 10 ms).
    assert not {"tempfile", "shutil", "pickle", "calendar"} & modules

    (root / "Notes" / "Idea.md").write_text("# Idea\n\n[Sam](../People/S&auml;m.md)\n")
    done, modules, _ = loaded("check", "vault", "--no-cache", cwd=tmp_path)
    assert "L001" in done.stdout and "Säm" in done.stdout, done.stdout  # the control
    assert "html.entities" in modules
    _, modules, _ = loaded("report", "vault", "--no-cache", "--format", "json", cwd=tmp_path)
    assert "mdnet.apprequests" in modules


def test_a_clean_replayed_check_exits_0_without_the_parsers(
    make_vault: MakeVault, tmp_path: Path
) -> None:
    make_vault(
        {"People/Dana.md": "---\ntype: contact\nnetwork: work\n---\n# Dana\n"},
        config='[networks.work]\ncadence = "30d"\n',
    )
    argv = ("check", "vault", "--today", TODAY, "--select", "L")
    first = python("-c", STORE_NOW, *argv, cwd=tmp_path)
    assert first.returncode == 0 and "All checks passed" in first.stdout, first.stderr
    second, modules, _ = loaded(*argv, cwd=tmp_path)
    assert "mdnet.replay" in modules and heavy(modules) == []
    assert (second.stdout, second.returncode) == (first.stdout, 0)


def test_a_replayed_due_and_report_import_no_parser(make_vault: MakeVault, tmp_path: Path) -> None:
    vault(make_vault)
    for argv, shows in (
        (("due", "vault", "--today", TODAY, "--within", "40d"), "Dana"),
        (("report", "vault", "--today", TODAY, "--format", "md", "-o", "-"), "L001"),
    ):
        first = python("-c", STORE_NOW, *argv, cwd=tmp_path)
        assert first.returncode == 0 and shows in first.stdout, first.stderr
        second, modules, _ = loaded(*argv, cwd=tmp_path)
        assert "mdnet.replay" in modules
        assert heavy(modules) == [] and "mdnet.dates" not in modules, argv
        assert (second.stdout, second.returncode) == (first.stdout, 0)


def test_help_lists_every_command_with_its_summary() -> None:
    result = run("--help", today=None)
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:", 1)[1].splitlines()
    rows = [line.split(None, 1) for line in listed if line.strip()]
    assert {row[0] for row in rows} == COMMANDS
    assert all(len(row) == 2 and len(row[1]) > 10 for row in rows), rows


def test_loading_the_cli_imports_no_command() -> None:
    code = "import sys, mdnet.cli; print(sorted(m for m in sys.modules if 'commands.' in m))"
    done = python("-c", code, cwd=Path.cwd())
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr


def test_an_unknown_command_is_still_a_usage_error() -> None:
    env = {**os.environ, "MDNET_TODAY": TODAY}
    done = subprocess.run(
        [sys.executable, "-m", "mdnet", "chek"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 2
    assert done.stderr.startswith("mdnet: error: ") and "check" in done.stderr
