"""Real public vaults (../shared/corpus): every command completes, with findings, no traceback,
and without writing anything into the corpus."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import run

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
VAULTS = sorted(p for p in CORPUS.glob("*/") if p.is_dir()) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not VAULTS, reason=f"no corpus of real vaults at {CORPUS}")


def _state(root: Path) -> dict[str, tuple[int, int]]:
    """Size and mtime of everything in the vault, the cache folder included."""
    return {
        p.relative_to(root).as_posix(): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in root.rglob("*")
    }


def _ok(result: Any, args: tuple[str, ...]) -> None:
    assert result.exit_code in (0, 1), (args, result.output)
    assert "Traceback" not in result.output and "internal error" not in result.output, args


COMMANDS: dict[str, Callable[[Path, Path], tuple[str, ...]]] = {
    "due": lambda v, o: ("due", str(v), "--no-cache"),
    "due-json": lambda v, o: ("due", str(v), "--format", "json", "--no-cache", "--within", "30d"),
    "report-json": lambda v, o: ("report", str(v), "--format", "json", "--no-cache"),
    "report-md": lambda v, o: ("report", str(v), "--format", "md", "-o", str(o), "--no-cache"),
    "report-html": lambda v, o: ("report", str(v), "-o", str(o), "--no-cache"),
    "report-public": lambda v, o: ("report", str(v), "--public", "-o", str(o), "--no-cache"),
    "check-full": lambda v, o: ("check", str(v), "--format", "full", "--no-cache"),
    "check-sarif": lambda v, o: ("check", str(v), "--format", "sarif", "--no-cache"),
}


@pytest.mark.parametrize("vault", VAULTS, ids=lambda p: p.name)
def test_every_command_completes_on_a_real_vault(
    vault: Path, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    before = _state(vault)
    args = ("check", str(vault), "--format", "json", "--no-cache")
    result = run(*args)
    _ok(result, args)
    rows = json.loads(result.stdout)
    counts = Counter(row["code"] for row in rows)
    notes = sum(1 for _ in vault.rglob("*.md"))
    summary = ", ".join(f"{code} {n}" for code, n in sorted(counts.items())) or "no findings"
    print(f"\n{vault.name}: {notes} notes; {summary}")
    record_property(f"{vault.name} counts", dict(sorted(counts.items())))
    for row in rows:  # every finding points into the vault, at a line of its file
        assert row["line"] >= 1 and row["column"] >= 1, row
    for name, make in COMMANDS.items():
        out = tmp_path / f"{name}.{'md' if name == 'report-md' else 'html'}"
        args = make(vault, out)
        result = run(*args)
        _ok(result, args)
        if name == "report-json":
            data = json.loads(result.stdout)
            assert data["findings"]["total"] == len(rows)
        if "-o" in args:
            assert out.stat().st_size > 0
    assert _state(vault) == before, "a command wrote into the corpus"
