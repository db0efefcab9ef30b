"""The installed `mdnet` entry point: exit codes and one-line errors, as a shell sees them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def mdnet(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mdnet", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check", "sample-vault", "--today", "9999-12-31"),
        ("check", "sample-vault", "--today", "tomorrow"),
        ("check", "sample-vault", "--format", "yaml"),
        ("nosuch",),
        ("check", "no-such-folder"),
        ("rule", "X999"),
        ("due", "sample-vault", "--within", "soon"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = mdnet(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mdnet: error: "), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_exit_codes_of_a_run() -> None:
    assert mdnet("check", "sample-vault", "--today", "2026-11-23").returncode == 1
    clean = mdnet("check", "sample-vault", "--today", "2026-11-23", "--select", "E001,E002")
    assert clean.returncode == 0 and "All checks passed" in clean.stdout
    assert mdnet("--help").returncode == 0
