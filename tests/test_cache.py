"""The on-disk cache and parallel parsing never change a result."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import MakeVault, run

from mdnet import cache
from mdnet.config import load_config
from mdnet.vault import discover

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def outputs(vault: Path) -> tuple[str, str]:
    """check (json) and report (json), with and without the cache; asserts they agree."""
    cold = run("check", str(vault), "--format", "json", "--no-cache", "--exit-zero").stdout
    warm = run("check", str(vault), "--format", "json", "--exit-zero").stdout
    again = run("check", str(vault), "--format", "json", "--exit-zero").stdout
    assert cold == warm == again
    report = run("report", str(vault), "--format", "json").stdout
    return cold, report


def touch_later(path: Path) -> None:
    """Make sure a rewrite is seen even on file systems with coarse timestamps."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_sample_vault_is_the_same_with_and_without_cache(tmp_path: Path) -> None:
    vault = tmp_path / "sample"
    shutil.copytree(ROOT / "sample-vault", vault, ignore=shutil.ignore_patterns(".mdnet_cache"))
    outputs(vault)
    assert (vault / ".mdnet_cache" / ".gitignore").read_text().strip().endswith("*")


def test_edits_renames_deletions_and_config_changes(tmp_path: Path) -> None:
    vault = tmp_path / "gen"
    _generator().generate(vault, 300, seed=7)  # type: ignore[attr-defined]
    before = outputs(vault)
    people = sorted((vault / "People").glob("*.md"))
    # an edit: a new dated line in one contact's log that introduces another contact
    first, second = people[0], people[1]
    with first.open("a", encoding="utf-8") as handle:
        handle.write(f"- 2026-11-22 Introduced to [[{second.stem}]] #give\n")
    touch_later(first)
    edited = outputs(vault)
    assert edited != before
    assert '"last_contact": "2026-11-22"' in edited[1]
    # a rename and a deletion
    people[2].rename(people[2].with_name("Renamed person.md"))
    people[3].unlink()
    renamed = outputs(vault)
    assert "Renamed person.md" in renamed[1]
    assert people[3].name not in renamed[1]
    # a configuration change that affects parsing: no file is a daily note any more
    config = vault / "mdnet.toml"
    config.write_text('daily_notes = "YYYY_MM_DD"\n' + config.read_text())
    changed = outputs(vault)
    assert changed != renamed


def test_a_change_in_one_note_updates_findings_about_another(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana.md": "---\ntype: contact\nnetwork: x\n---\n## Log\n- 2026-01-02 Coffee\n",
            "People/Sam.md": "---\ntype: contact\nnetwork: x\n---\n## Log\n- 2026-01-02 Call\n",
        },
        config="[networks.x]\n",
    )
    assert "People/Sam.md" in run("check", str(vault), "--select", "C001").stdout
    dana = vault / "People" / "Dana.md"
    dana.write_text(dana.read_text() + "- 2026-11-20 Introduced her to [[Sam]]\n")
    touch_later(dana)
    out = run("check", str(vault), "--select", "C001").stdout
    assert "People/Sam.md" not in out and "People/Dana.md" not in out


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"\x80\x04\x95truncated", None],
    ids=["empty", "garbage", "truncated", "foreign"],
)
def test_a_bad_cache_is_discarded_silently(make_vault: MakeVault, damage: bytes | None) -> None:
    vault = make_vault({"Goals/G.md": "---\ntype: goal\ngoal: Meet some people\n---\n"})
    clean = run("check", str(vault)).stdout
    (path,) = (vault / ".mdnet_cache").glob("notes-*.pickle")
    if damage is None:  # a pickle that would run code when loaded
        import pickle

        marker = vault / "PWNED"
        payload = pickle.dumps((os.system, (f"touch '{marker}'",)))
        path.write_bytes(payload)
    else:
        path.write_bytes(damage)
    result = run("check", str(vault))
    assert result.stdout == clean
    assert not (vault / "PWNED").exists()


def test_no_cache_writes_nothing_and_clean_removes_it(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/G.md": "---\ntype: goal\ngoal: Meet 3 people\n---\n"})
    run("check", str(vault), "--no-cache")
    assert not (vault / ".mdnet_cache").exists()
    run("check", str(vault))
    assert (vault / ".mdnet_cache").is_dir()
    result = run("clean", str(vault))
    assert result.exit_code == 0 and not (vault / ".mdnet_cache").exists()
    assert "no cache" in run("clean", str(vault)).stderr


def test_parallel_parsing_gives_the_same_notes_as_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = tmp_path / "gen"
    _generator().generate(vault, 400, seed=3)  # type: ignore[attr-defined]
    config = load_config(vault)
    entries, _ = discover(vault, config.exclude)
    serial = cache.parse_all(vault, entries, config)
    monkeypatch.setattr(cache, "PARALLEL_MIN", 10)
    monkeypatch.setattr(cache.os, "cpu_count", lambda: 2)
    parallel = cache.parse_all(vault, entries, config)
    assert parallel == serial
    assert len(serial) == len(entries) > 300
