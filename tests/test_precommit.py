"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit.

`pre-commit try-repo` builds a virtualenv and pip-installs mdnet from a git repository,
as it does for users: this needs the package index, so the test is slow (about 20 seconds
per install) but it is the only way to know the hook works. It tries a snapshot of this
working tree (a one-commit copy), because `try-repo` on a work tree with uncommitted
changes only picks up tracked and staged files, and new modules would be missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"

BAD_GOAL = """\
---
type: goal
goal: Meet 5 bloggers from my niche
horizon: long
start: 2026-01-01
target: 5
---
"""
GOOD_GOAL = BAD_GOAL.replace("target: 5\n", "target: 5\ndeadline: 2026-12-31\n")
IGNORED = {
    ".git",
    ".venv",
    "venv",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".mdnet_cache",
    "build",
    "dist",
    "node_modules",
}


def _pre_commit() -> list[str] | None:
    """The pre-commit command of this Python environment, else one on PATH."""
    beside = Path(sys.executable).parent / "pre-commit"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("pre-commit")
    return [found] if found else None


def _git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "mdnet tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "mdnet tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def _source_files() -> list[str]:
    """This repository's files, as git would commit them (ignored files left out)."""
    try:
        listed = _git("ls-files", "-co", "--exclude-standard", "-z", cwd=ROOT)
        return [p for p in listed.split("\0") if p and (ROOT / p).is_file()]
    except (subprocess.CalledProcessError, OSError):  # not a git work tree: walk it
        files = []
        for folder, dirs, names in os.walk(ROOT):
            dirs[:] = [d for d in dirs if d not in IGNORED and not d.endswith(".egg-info")]
            files += [os.path.relpath(os.path.join(folder, n), ROOT) for n in names]
        return files


@pytest.fixture(scope="session")
def pre_commit() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    command = _pre_commit()
    if command is None:
        pytest.skip("pre-commit is not installed (it is in the test extra: pip install -e .[test])")
    return command


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, pre_commit: list[str]) -> Path:
    """A one-commit git repository holding this working tree, for `pre-commit try-repo`."""
    repo = tmp_path_factory.mktemp("mdnet-repo")
    for rel in _source_files():
        target = repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "snapshot for the pre-commit test", cwd=repo)
    return repo


@pytest.fixture(scope="session")
def shared_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One pre-commit home and one pip cache for the session, out of the real home."""
    base = tmp_path_factory.mktemp("pre-commit-home")
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=str(base / "pre-commit"),
        PIP_CACHE_DIR=str(base / "pip"),
        VIRTUALENV_OVERRIDE_APP_DATA=str(base / "virtualenv"),
        MDNET_TODAY=TODAY,
        NO_COLOR="1",
        GIT_AUTHOR_NAME="mdnet tests",
        GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="mdnet tests",
        GIT_COMMITTER_EMAIL="tests@example.invalid",
    )
    env.pop("PRE_COMMIT", None)
    env.pop("MDNET_DEBUG", None)
    return env


def test_the_manifest_declares_the_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    check = hooks["mdnet-check"]
    assert check["entry"] == "mdnet check"
    assert check["language"] == "python"
    assert check["types"] == ["markdown"]
    assert check["require_serial"] is True
    fix = hooks["mdnet-fix"]
    assert fix["entry"] == "mdnet check --fix-only"
    assert fix["types"] == ["markdown"]
    assert list(hooks).index("mdnet-fix") < list(hooks).index("mdnet-check")
    vault = hooks["mdnet-check-vault"]
    assert vault["pass_filenames"] is False
    assert vault["entry"] == "mdnet check"


def test_the_manifest_is_valid_for_pre_commit(pre_commit: list[str]) -> None:
    done = subprocess.run(
        [*pre_commit, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_try_repo_fails_a_goal_without_deadline_then_passes(
    pre_commit: list[str], hook_repo: Path, shared_env: dict[str, str], tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    (vault / "Goals").mkdir(parents=True)
    (vault / "mdnet.toml").write_text(
        textwrap.dedent("""\
        exclude = ["Templates/**"]
        [folders]
        goals = "Goals"
        """),
        encoding="utf-8",
    )
    _git("init", "-q", cwd=vault)
    _git("add", "mdnet.toml", cwd=vault)
    _git("commit", "-q", "-m", "a vault", cwd=vault)

    def try_repo() -> subprocess.CompletedProcess[str]:
        # No hook id: every hook of the manifest runs, from one installed environment.
        return subprocess.run(
            [*pre_commit, "try-repo", str(hook_repo), "--color", "never"],
            cwd=vault,
            env=shared_env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    # A commit adding a goal with no deadline (and a non-Markdown file the hook must skip).
    goal = vault / "Goals" / "Meet 5 bloggers.md"
    goal.write_text(BAD_GOAL, encoding="utf-8")
    (vault / "notes.txt").write_text("not a note\n", encoding="utf-8")
    _git("add", "-A", cwd=vault)
    failed = try_repo()
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "- hook id: mdnet-check" in output
    assert "- hook id: mdnet-check-vault" in output
    assert "Goals/Meet 5 bloggers.md:3:7: G001 goal has no deadline" in output
    assert "notes.txt" not in output.split("Using config:")[-1].split("=" * 79)[-1]

    # The fixed goal passes.
    goal.write_text(GOOD_GOAL, encoding="utf-8")
    _git("add", "-A", cwd=vault)
    passed = try_repo()
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "G001" not in output
    assert output.count("Passed") == 3


def test_try_repo_fix_hook_fixes_fails_the_commit_then_passes(
    pre_commit: list[str], hook_repo: Path, shared_env: dict[str, str], tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    (vault / "People").mkdir(parents=True)
    (vault / "mdnet.toml").write_text('[folders]\ncontacts = "People"\n', encoding="utf-8")
    _git("init", "-q", cwd=vault)
    note = vault / "People" / "Dana.md"
    before = b"---\r\ntype: contact\r\nmet: 2026/11/02   # at FinCon\r\n---\r\n# Dana\r\n"
    note.write_bytes(before)
    _git("add", "-A", cwd=vault)

    def try_fix() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*pre_commit, "try-repo", str(hook_repo), "mdnet-fix", "--color", "never"],
            cwd=vault,
            env=shared_env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    changed = try_fix()
    output = changed.stdout + changed.stderr
    assert changed.returncode == 1, output
    assert "files were modified by this hook" in output
    assert note.read_bytes() == before.replace(b"2026/11/02", b"2026-11-02")

    _git("add", "-A", cwd=vault)
    passed = try_fix()
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "Passed" in output
    assert note.read_bytes() == before.replace(b"2026/11/02", b"2026-11-02")


def _yaml_blocks(text: str) -> list[str]:
    return [block.split("```", 1)[0] for block in text.split("```yaml\n")[1:]]


def test_the_documented_config_snippets_are_valid(pre_commit: list[str], tmp_path: Path) -> None:
    """The snippets users paste into .pre-commit-config.yaml pass pre-commit's own check."""
    docs = (ROOT / "docs" / "integrations.md").read_text(encoding="utf-8")
    snippets = [b for b in _yaml_blocks(docs) if b.startswith("repos:")]
    assert len(snippets) >= 2
    hook_ids = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    for i, snippet in enumerate(snippets):
        config = tmp_path / f"config-{i}.yaml"
        config.write_text(snippet, encoding="utf-8")
        done = subprocess.run(
            [*pre_commit, "validate-config", str(config)], capture_output=True, text=True
        )
        assert done.returncode == 0, snippet + done.stdout + done.stderr
        for repo in yaml.safe_load(snippet)["repos"]:
            for hook in repo["hooks"]:
                assert hook["id"] in hook_ids
