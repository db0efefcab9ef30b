"""The per-note rules' findings kept per note (mdnet/findingmemo.py): a run after a few
changed notes runs those rules on the changed notes only, and prints what a full run
prints when the link targets, the settings or the rule selection change."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from conftest import run

from mdnet import cache, replay
from mdnet.rules import REGISTRY, all_rules

PER_NOTE = sorted(r.code for r in all_rules() if r.per_note)

CONTACT = "---\ntype: contact\nnetwork: work\n---\n# {name}\n\nProbably {what}.\n"
DAILY = "Lunch with [[Dana]] and [[Robin]].\n<!-- mdnet-disable-next-line G1 -->\nok\n"


@pytest.fixture
def instant(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reuse what was read however recently it changed (each write gets its own mtime)."""
    for module in (replay, cache):
        monkeypatch.setattr(module, "SETTLE_NS", -(10**18))


@pytest.fixture
def vault(tmp_path: Path, instant: None) -> Iterator[Path]:
    root = tmp_path / "v"
    clock[0] = 1_700_000_000_000_000_000
    write(root, "mdnet.toml", '[networks.work]\ncadence = "30d"\n')
    write(root, "People/Dana.md", CONTACT.format(name="Dana", what="hiring"))
    write(root, "People/Sam.md", CONTACT.format(name="Sam", what="moving"))
    write(root, "Daily/2026-11-01.md", DAILY)
    yield root


clock = [0]


def write(root: Path, rel: str, text: str) -> None:
    """Write a file with an mtime of its own, one second after the last."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    clock[0] += 1_000_000_000
    os.utime(path, ns=(clock[0], clock[0]))


def found(root: Path, *args: str, compare: bool = True, where: str = "") -> list[str]:
    """`check` (of `where` in the vault, else of all of it) as `path:line:col code` lines;
    `compare`: after checking that it prints what a `--no-cache` run prints."""
    target = str(root / where) if where else str(root)
    for stored in (root / ".mdnet_cache").glob("replay-*.bin"):
        stored.unlink()  # or the run would replay a whole stored output
    kept = run("check", target, "--format", "json", "--exit-zero", *args)
    assert kept.exit_code == 0, kept.output
    if compare:
        full = run("check", target, "--format", "json", "--exit-zero", "--no-cache", *args)
        assert kept.stdout == full.stdout
    rows = msgspec.json.decode(kept.stdout)
    return [f"{Path(r['path']).name}:{r['line']}:{r['column']} {r['code']}" for r in rows]


def spy(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The notes each per-note rule reports on, one set per rule run, from now on."""
    seen: list[set[str]] = []
    for code in PER_NOTE:
        rule = REGISTRY[code]

        def check(analysis: object, real: object = rule.check) -> object:
            seen.append({n.path for n in analysis.focused()})  # type: ignore[attr-defined]
            return real(analysis)  # type: ignore[operator]

        monkeypatch.setitem(REGISTRY, code, msgspec.structs.replace(rule, check=check))
    return seen


def test_the_per_note_rules_are_the_expected_ones() -> None:
    assert PER_NOTE == ["C004", "F007", "F008", "L001", "L002"]


def test_after_one_changed_note_the_per_note_rules_run_on_it_only(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = spy(monkeypatch)
    before = found(vault, compare=False)
    assert "Dana.md:7:1 C004" in before and "2026-11-01.md:1:25 L001" in before
    assert seen == [{"People/Dana.md", "People/Sam.md", "Daily/2026-11-01.md"}] * len(PER_NOTE)
    seen.clear()
    write(vault, "People/Sam.md", CONTACT.format(name="Sam", what="moving") + "See [[Nobody]].\n")
    after = found(vault, compare=False)
    assert seen == [{"People/Sam.md"}] * len(PER_NOTE)
    assert set(after) - set(before) == {"Sam.md:8:5 L001"}
    assert found(vault) == after


def test_nothing_changed_runs_no_per_note_rule_on_any_note(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = found(vault)
    seen = spy(monkeypatch)
    assert found(vault, compare=False) == before
    assert seen == []  # every note's findings were kept


def test_a_new_note_changes_the_findings_of_an_unchanged_note_that_links_to_it(
    vault: Path,
) -> None:
    assert "2026-11-01.md:1:25 L001" in found(vault)  # [[Robin]]: no such note yet
    write(vault, "People/Robin.md", CONTACT.format(name="Robin", what="busy"))
    assert "2026-11-01.md:1:25 L001" not in found(vault)
    (vault / "People/Robin.md").unlink()
    assert "2026-11-01.md:1:25 L001" in found(vault)


def test_a_new_alias_elsewhere_changes_the_findings_of_an_unchanged_note(vault: Path) -> None:
    assert "2026-11-01.md:1:25 L001" in found(vault)
    text = CONTACT.format(name="Sam", what="moving").replace("network", "aliases: [Robin]\nnetwork")
    write(vault, "People/Sam.md", text)
    assert "2026-11-01.md:1:25 L001" not in found(vault)


def test_a_changed_setting_changes_the_findings_of_unchanged_notes(vault: Path) -> None:
    assert {"Dana.md:7:1 C004", "Sam.md:7:1 C004"} <= set(found(vault))
    write(
        vault,
        "mdnet.toml",
        'assumption_words = ["maybe"]\n[networks.work]\ncadence = "30d"\n',
    )
    assert not [f for f in found(vault) if f.endswith("C004")]


def test_a_narrower_selection_first_does_not_lose_the_other_rules_findings(vault: Path) -> None:
    assert found(vault, "--select", "L001") == ["2026-11-01.md:1:25 L001"]
    everything = found(vault)
    assert {"Dana.md:7:1 C004", "2026-11-01.md:2:1 F008"} <= set(everything)
    assert found(vault, "--select", "C004") == ["Dana.md:7:1 C004", "Sam.md:7:1 C004"]


def test_checking_some_paths_keeps_the_other_notes_findings(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found(vault)
    write(vault, "People/Dana.md", CONTACT.format(name="Dana", what="leaving"))
    assert found(vault, "--select", "C004") == ["Dana.md:7:1 C004", "Sam.md:7:1 C004"]
    assert found(vault, where="People/Dana.md") == ["Dana.md:7:1 C004"]
    seen = spy(monkeypatch)
    found(vault, compare=False)
    assert seen == []  # Dana's new findings were kept by the run on her note


@pytest.mark.parametrize("damage", ["garbage", "foreign", "wrong-types", "other-version"])
def test_a_bad_findings_file_is_ignored_safely(
    vault: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = found(vault)
    shards = list((vault / ".mdnet_cache").glob("findings-*.msgpack"))
    assert shards
    marker = vault / "PWNED"
    for shard in shards:
        if damage == "garbage":
            shard.write_bytes(b"\x93\xa4truncated")
        elif damage == "foreign":  # a pickle that would run code, were it unpickled
            shard.write_bytes(pickle.dumps((os.system, (f"touch '{marker}'",))))
        elif damage == "wrong-types":  # well-formed MessagePack, not findings
            entry = [[1, 2, 3], [["C004"], [["C004", "six", 1, "x"]]]]
            data = [cache.code_stamp(), "key", {"People/Dana.md": entry}]
            shard.write_bytes(msgspec.msgpack.encode(data))
        else:  # written by another mdnet: its code stamp differs
            _, key, entries = msgspec.msgpack.decode(shard.read_bytes())
            shard.write_bytes(msgspec.msgpack.encode(["another mdnet", key, entries]))
    seen = spy(monkeypatch)
    assert found(vault, compare=False) == clean
    assert not marker.exists()
    assert seen == [{"People/Dana.md", "People/Sam.md", "Daily/2026-11-01.md"}] * len(PER_NOTE)


def shards(root: Path, notes: bool = False) -> dict[str, int]:
    """The touches and findings shard files (and the notes cache's: `notes`), by name, with
    their inodes (a rewrite changes them)."""
    kinds = ("findings-", "touches-", "notes-") if notes else ("findings-", "touches-")
    return {
        f.name: f.stat().st_ino
        for f in (root / ".mdnet_cache").iterdir()
        if f.name.startswith(kinds)
    }


def test_a_changed_note_rewrites_only_its_own_shards(vault: Path) -> None:
    for n in range(30):  # notes in most shards
        write(vault, f"Notes/N{n}.md", f"Idea {n} about [[Dana]] and [[Nobody {n}]].\n")
    found(vault)
    before = shards(vault)
    assert len(before) == 2 * 16
    write(vault, "Notes/N3.md", "Idea 3 about [[Sam]].\n")
    found(vault, compare=False)
    after = shards(vault)
    rewritten = {name for name in after if after[name] != before.get(name)}
    mine = f"-{cache.shard_of('Notes/N3.md'):x}.msgpack"
    assert {name[-len(mine) :] for name in rewritten} == {mine}
    assert len(rewritten) == 2  # its findings shard and its touches shard


def test_a_note_changed_just_now_rewrites_no_shard(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note changed within `SETTLE_NS` (a pre-commit right after an edit) is parsed and
    derived again but not kept, so no notes, touches or findings shard is rewritten for it;
    once older, it is."""
    found(vault)
    before = shards(vault, notes=True)
    for module in (replay, cache):  # as a real run: notes younger than 3 s are not kept
        monkeypatch.setattr(module, "SETTLE_NS", 3_000_000_000)
    (vault / "People/Sam.md").write_text(CONTACT.format(name="Sam", what="maybe moving"))
    assert "Sam.md:7:10 C004" in found(vault)  # "maybe", as --no-cache finds it
    assert shards(vault, notes=True) == before
    for module in (replay, cache):  # now old enough to keep
        monkeypatch.setattr(module, "SETTLE_NS", -(10**18))
    assert "Sam.md:7:10 C004" in found(vault)
    after = shards(vault, notes=True)
    mine = f"-{cache.shard_of('People/Sam.md'):x}.msgpack"
    assert {n for n in after if after[n] != before[n]} == {n for n in after if n.endswith(mine)}


def test_a_deleted_note_leaves_no_entry_behind(vault: Path) -> None:
    found(vault)
    (vault / "People/Sam.md").unlink()
    found(vault)
    kept = []
    for shard in (vault / ".mdnet_cache").glob("*.msgpack"):
        if shard.name.startswith(("findings-", "touches-")):
            kept += list(msgspec.msgpack.decode(shard.read_bytes())[2])
    assert "People/Dana.md" in kept
    assert "People/Sam.md" not in kept
