"""Shared fixtures: small vaults written for each test, and the CLI runner."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from mdnet.cli import cli

TODAY = "2026-11-23"

# Property tests draw the same examples on every run and machine (a seed per test), so a
# green suite stays green on any day; `HYPOTHESIS_PROFILE=explore` draws new ones each run
# (its failures are saved in .hypothesis/ and tried first next time).
settings.register_profile("fixed", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fixed"))

MakeVault = Callable[..., Path]

FORKS = sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1
"""Whether mdnet may hand work to a forked copy here (mdnet/forked.py): Linux, two CPUs."""


def generate_vault(root: Path, notes: int, seed: int) -> None:
    """Write a benchmark vault (benchmarks/generate.py) of this many notes at `root`."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("generate", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    module.generate(root, notes, seed=seed)


@pytest.fixture(autouse=True)
def _isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Keep tests out of the real home folder and away from MDNET_TODAY / colour settings."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MDNET_TODAY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    yield


@pytest.fixture
def make_vault(tmp_path: Path) -> MakeVault:
    """Write a vault: `make_vault({"People/Dana.md": "...", ...}, config="...")`.

    Text is dedented; `config` (TOML text) becomes mdnet.toml when given."""

    def make(files: dict[str, str | bytes], config: str | None = None, name: str = "vault") -> Path:
        root = tmp_path / name
        root.mkdir(exist_ok=True)
        if config is not None:
            (root / "mdnet.toml").write_text(textwrap.dedent(config), encoding="utf-8")
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        return root

    return make


def run(*args: str, today: str | None = TODAY) -> Result:
    """Run the CLI in-process; `--today` is added to commands that take it."""
    argv = list(args)
    if today and argv and argv[0] in ("check", "due", "report", "calendar"):
        argv += ["--today", today]
    return CliRunner().invoke(cli, argv, catch_exceptions=False)


def check_json(vault: Path, *args: str) -> list[dict[str, Any]]:
    """`mdnet check VAULT --format json` as a list of findings."""
    result = run("check", str(vault), "--format", "json", "--exit-zero", *args)
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def codes(vault: Path, *args: str) -> list[str]:
    return [row["code"] for row in check_json(vault, *args)]


def vault_rows(vault: Path, *args: str) -> list[dict[str, Any]]:
    """`check_json`, with each path relative to the vault root instead of the current folder."""
    found = check_json(vault, *args)
    for row in found:
        full = os.path.normpath(Path.cwd().resolve() / row["path"])
        row["path"] = Path(full).relative_to(vault.resolve()).as_posix()
    return found
