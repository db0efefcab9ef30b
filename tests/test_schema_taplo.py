"""The schema under the real Taplo (the TOML toolkit behind Even Better TOML): `taplo check`
accepts a good mdnet.toml and points at each wrong value, by the three ways
docs/configuration.md gives (--schema, the #:schema directive, a .taplo.toml rule)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run

from mdnet.schema import SCHEMA_FILE

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "mdnet" / SCHEMA_FILE
TAPLO = shutil.which("taplo", path=str(Path(sys.executable).parent)) or shutil.which("taplo")

pytestmark = pytest.mark.skipif(
    TAPLO is None and not os.environ.get("CI"), reason="taplo is not installed"
)

GOOD = """\
cadence = "8w"
daily_notes = "YYYY/MM/YYYY-MM-DD dddd"

[folders]
contacts = ["People", "Clients"]

[networks.bankers]
cadence = "monthly"
value = "Intros to fintech founders"

[rules]
select = ["ALL"]
ignore = ["G00", "L001"]
severity = { C001 = "error" }
per-file-ignores = { "Clippings/**" = ["L001"] }
"""
BAD = """\
cadence = "soon"
due_soon_days = -1

[rules]
select = ["G1"]

[networks.x]
cadenc = 3
"""


def _taplo(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert TAPLO is not None
    env = {**os.environ, "RUST_LOG": "error", "NO_COLOR": "1"}
    return subprocess.run(
        [TAPLO, "check", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=60
    )


def _errors(result: subprocess.CompletedProcess[str]) -> set[int]:
    """The lines Taplo points at (`┌─ FILE:LINE:COL`)."""
    lines = set()
    for text in result.stderr.splitlines():
        if "┌─" in text:
            lines.add(int(text.rsplit(":", 2)[-2]))
    return lines


def test_taplo_accepts_a_good_file_and_points_at_each_bad_value(tmp_path: Path) -> None:
    (tmp_path / "mdnet.toml").write_text(GOOD, encoding="utf-8")
    assert run("check", str(tmp_path), "--show-settings").exit_code == 0  # mdnet reads it too
    good = _taplo(tmp_path, "--schema", SCHEMA.as_uri(), "mdnet.toml")
    assert good.returncode == 0, good.stderr
    (tmp_path / "mdnet.toml").write_text(BAD, encoding="utf-8")
    bad = _taplo(tmp_path, "--schema", SCHEMA.as_uri(), "mdnet.toml")
    assert bad.returncode != 0
    assert {1, 2, 5, 8} <= _errors(bad)  # cadence, due_soon_days, select, cadenc


def test_the_init_vaults_file_passes(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "v")).exit_code == 0
    result = _taplo(tmp_path, "--schema", SCHEMA.as_uri(), "v/mdnet.toml")
    assert result.returncode == 0, result.stderr


def test_the_schema_directive_and_a_taplo_rule(tmp_path: Path) -> None:
    schema = run("config", "--schema").stdout
    (tmp_path / "mdnet.schema.json").write_text(schema, encoding="utf-8")
    (tmp_path / "mdnet.toml").write_text("#:schema ./mdnet.schema.json\n" + BAD, encoding="utf-8")
    assert 2 in _errors(_taplo(tmp_path, "mdnet.toml"))
    (tmp_path / "mdnet.toml").write_text(BAD, encoding="utf-8")
    assert _taplo(tmp_path, "mdnet.toml").returncode == 0  # no schema: any TOML goes
    (tmp_path / ".taplo.toml").write_text(
        '[[rule]]\ninclude = ["**/mdnet.toml"]\n\n[rule.schema]\npath = "./mdnet.schema.json"\n',
        encoding="utf-8",
    )
    assert 2 in _errors(_taplo(tmp_path, "mdnet.toml"))


def test_the_pyproject_schema_checks_tool_mdnet_only(tmp_path: Path) -> None:
    (tmp_path / "pp.json").write_text(run("config", "--schema", "--pyproject").stdout)
    text = '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n\n[tool.mdnet]\n'
    (tmp_path / "pyproject.toml").write_text(text + 'cadence = "8w"\n', encoding="utf-8")
    uri = (tmp_path / "pp.json").as_uri()
    assert _taplo(tmp_path, "--schema", uri, "pyproject.toml").returncode == 0
    (tmp_path / "pyproject.toml").write_text(text + 'cadence = "soon"\n', encoding="utf-8")
    assert _errors(_taplo(tmp_path, "--schema", uri, "pyproject.toml")) == {8}
