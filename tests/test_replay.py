"""Replay (mdnet/replay.py): a stored output is served only while nothing it read changed."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MakeVault, run
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mdnet import obsidian, replay
from mdnet import vault as vault_module
from mdnet.cli import cli

CONTACT = "---\ntype: contact\nnetwork: work\naliases: [{alias}]\n---\n# {name}\n\n## Log\n"
CONFIG = '[networks.work]\ncadence = "{days}d"\n'


@pytest.fixture
def instant(monkeypatch: pytest.MonkeyPatch) -> None:
    """Store results however recently the files changed (the tests give each change its own
    mtime instead, as the settling time guarantees for real)."""
    monkeypatch.setattr(replay, "SETTLE_NS", -(10**18))


def entries(vault: Path) -> list[Path]:
    return sorted((vault / replay.FOLDER).glob("replay-*.bin"))


def no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, reading the vault's notes fails: only a replay can answer."""

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the vault was read")

    monkeypatch.setattr(vault_module, "discover", fail)


def vault_files(make_vault: MakeVault) -> Path:
    return make_vault(
        {
            "People/Dana.md": CONTACT.format(alias="D", name="Dana") + "- 2026-11-01 met [[Sam]]\n",
            "People/Sam.md": CONTACT.format(alias="S", name="Sam"),
            "Notes/Idea.md": "# Idea\n\nSee [[Nobody]] and [[D]].\n",
        },
        config=CONFIG.format(days=30),
    )


def test_a_hit_prints_the_stored_output_without_reading_the_vault(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, instant: None
) -> None:
    vault = vault_files(make_vault)
    fresh = run("check", str(vault), "--no-cache")
    first = run("check", str(vault))
    assert len(entries(vault)) == 1
    no_loading(monkeypatch)
    second = run("check", str(vault))
    assert (second.stdout, second.stderr, second.exit_code) == (
        fresh.stdout,
        fresh.stderr,
        fresh.exit_code,
    )
    assert first.stdout == fresh.stdout
    assert "L001" in second.stdout
    due = run("due", str(vault))  # not stored: it has to read the vault, which now fails
    assert "the vault was read" in due.stderr


def test_due_and_report_are_replayed_and_keep_the_whole_vault_entry(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, instant: None, tmp_path: Path
) -> None:
    vault = vault_files(make_vault)
    one = str(vault / "Notes" / "Idea.md")
    requests = [
        ("check", str(vault)),
        ("check", one),
        ("due", str(vault)),
        ("report", str(vault), "--format", "json", "-o", "-"),
    ]
    before = [run(*r) for r in requests]
    assert len(entries(vault)) == len(requests) <= replay.KEEP
    report_file = tmp_path / "out.json"
    run("report", str(vault), "--format", "json", "-o", str(report_file))
    no_loading(monkeypatch)
    after = [run(*r) for r in requests]
    assert [(r.stdout, r.exit_code) for r in after] == [(r.stdout, r.exit_code) for r in before]
    assert "Idea.md" in after[1].stdout and "Dana.md" not in after[1].stdout
    report_file.unlink()
    run("report", str(vault), "--format", "json", "-o", str(report_file))
    written = json.loads(report_file.read_text(encoding="utf-8"))  # written each time
    assert written["today"] == json.loads(before[3].stdout)["today"]


def test_commands_that_write_are_never_replayed(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, instant: None, tmp_path: Path
) -> None:
    vault = vault_files(make_vault)
    run("check", str(vault))
    run("check", str(vault))
    no_loading(monkeypatch)
    out = tmp_path / "findings.txt"
    for args in (
        ("--fix",),
        ("--diff",),
        ("--fix-only",),
        ("--add-baseline",),
        ("--output-file", str(out)),
    ):
        assert "the vault was read" in run("check", str(vault), *args).stderr, args


def test_no_cache_neither_reads_nor_writes_a_replay(
    make_vault: MakeVault, instant: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = vault_files(make_vault)
    run("check", str(vault), "--no-cache")
    assert entries(vault) == []
    run("check", str(vault))
    [entry] = entries(vault)
    head, _, _ = entry.read_bytes().partition(b"\n")
    meta = json.loads(head)
    fake = b"FAKE\n"
    meta.update(stdout=len(fake), stderr=0)
    entry.write_bytes(json.dumps(meta).encode() + b"\n" + fake)
    assert run("check", str(vault)).stdout == "FAKE\n"  # served: the key still matches
    assert "L001" in run("check", str(vault), "--no-cache").stdout


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"\x80\x04\x95garbage" + data,  # a pickle, or anything else
        lambda data: data.replace(b'"format": 1', b'"format": 0', 1) + b"FAKE",  # older
        lambda data: data.replace(b'"key": "', b'"key": "0', 1),  # another key
        lambda data: b'{"format": 1}\nFAKE',
        lambda data: b"",
    ],
)
def test_corrupt_foreign_or_older_entries_are_ignored(
    make_vault: MakeVault, instant: None, damage: object
) -> None:
    vault = vault_files(make_vault)
    fresh = run("check", str(vault), "--no-cache").stdout
    run("check", str(vault))
    [entry] = entries(vault)
    assert callable(damage)
    entry.write_bytes(damage(entry.read_bytes()))
    assert run("check", str(vault)).stdout == fresh
    assert run("check", str(vault)).stdout == fresh  # stored again, valid
    assert b"FAKE" not in entry.read_bytes()


def test_recently_changed_files_keep_a_result_from_being_stored(make_vault: MakeVault) -> None:
    vault = vault_files(make_vault)
    note = vault / "Notes" / "Idea.md"
    run("check", str(vault))
    assert entries(vault) == []  # every file was written just now
    stamp = note.stat()
    note.write_text(note.read_text().replace("Nobody", "Nobodz"), encoding="utf-8")
    os.utime(note, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same size, same mtime
    assert "Nobodz" in run("check", str(vault)).stdout


def test_a_same_size_rewrite_with_the_old_mtime_is_seen(
    make_vault: MakeVault, instant: None
) -> None:
    vault = vault_files(make_vault)
    note = vault / "Notes" / "Idea.md"
    assert "Nobody" in run("check", str(vault)).stdout
    stamp = note.stat()
    time.sleep(0.05)  # beyond one tick of the file system's clock: the ctime differs
    note.write_text(note.read_text().replace("Nobody", "Nobodz"), encoding="utf-8")
    os.utime(note, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert note.stat().st_size == stamp.st_size
    assert "Nobodz" in run("check", str(vault)).stdout


def test_settings_warnings_are_replayed(
    make_vault: MakeVault, instant: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = vault_files(make_vault)
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "daily-notes.json").write_text("[1]", encoding="utf-8")
    first = run("check", str(vault))
    no_loading(monkeypatch)
    second = run("check", str(vault))
    assert "daily-notes.json" in first.stderr
    assert second.stderr == first.stderr


def test_the_key_covers_every_settings_file_mdnet_reads() -> None:
    for name in (
        obsidian.DAILY_NOTES,
        obsidian.TEMPLATES,
        obsidian.TEMPLATER,
        obsidian.APP,
        obsidian.TYPES,
        obsidian.CORE_PLUGINS,
    ):
        assert replay.covers(f"{obsidian.SETTINGS_DIR}/{name}"), name
    assert replay.covers(".mdnet-baseline.json")
    assert replay.covers(".mdnet/templates/report.html")
    assert replay.covers("People/Dana.md") and replay.covers("Attachments/a.png")
    assert not replay.covers(".obsidian/workspace.json")
    assert not replay.covers(".git/index")
    assert not replay.covers(".mdnet_cache/notes-2-0.pickle")


# ---------------------------------------------------------------- the property


NAMES = ["Ann", "Bob", "Cyd", "Dee"]
ACTIONS = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.tuples(st.just("alias"), st.sampled_from(NAMES), st.sampled_from(["X", "Y"])),
    st.tuples(st.just("rename"), st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.tuples(st.just("delete"), st.sampled_from(NAMES), st.just("")),
    st.tuples(st.just("add"), st.sampled_from(NAMES), st.sampled_from(["Y", "Z"])),
    st.tuples(st.just("config"), st.sampled_from(["7", "30", "x"]), st.just("")),
    st.tuples(st.just("daily"), st.sampled_from(["YYYY-MM-DD", "DD.MM.YYYY"]), st.just("")),
    st.tuples(st.just("today"), st.sampled_from(["2026-11-23", "2027-02-01"]), st.just("")),
    st.tuples(st.just("format"), st.sampled_from(["concise", "json"]), st.just("")),
    st.tuples(st.just("nothing"), st.just(""), st.just("")),
)


class World:
    """A small vault that changes; each change gets an mtime of its own."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.clock = 1_700_000_000 * 10**9
        self.today = "2026-11-23"
        self.fmt = "concise"
        self.write("mdnet.toml", CONFIG.format(days=30))
        for name in NAMES[:3]:
            self.write(f"People/{name}.md", CONTACT.format(alias=name[0] + "1", name=name))
        self.write("Daily/2026-11-20.md", "- met [[Ann]] and [[B1]]\n")
        self.write("Journal/2026-11-21.md", "- met [[Cyd]]\n")

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.clock += 10**9
        os.utime(path, ns=(self.clock, self.clock))

    def apply(self, action: tuple[str, str, str]) -> None:
        kind, a, b = action
        note = self.root / "People" / f"{a}.md"
        if kind == "edit" and note.exists():
            self.write(f"People/{a}.md", note.read_text() + f"- 2026-11-0{len(b)} met [[{b}]]\n")
        elif kind == "alias" and note.exists():
            self.write(f"People/{a}.md", note.read_text().replace("aliases: [", f"aliases: [{b}, "))
        elif kind == "rename" and note.exists() and a != b:
            text = note.read_text()
            note.unlink()
            self.write(f"People/{b}.md", text)
        elif kind == "delete" and note.exists():
            note.unlink()
        elif kind == "add" and not note.exists():
            self.write(f"People/{a}.md", CONTACT.format(alias=b, name=a))
        elif kind == "config":
            cadence = f'cadence = "{a}d"' if a != "x" else 'cadence = "often"'
            self.write("mdnet.toml", f"[networks.work]\n{cadence}\n")
        elif kind == "daily":
            self.write(".obsidian/daily-notes.json", json.dumps({"format": a}))
        elif kind == "today":
            self.today = a
        elif kind == "format":
            self.fmt = a

    def outputs(self, *extra: str) -> list[tuple[str, str, int]]:
        runner = CliRunner()
        found = []
        for args in (
            ["check", str(self.root), "--format", self.fmt],
            ["check", str(self.root / "People" / "Ann.md"), "--format", self.fmt],
            ["due", str(self.root)],
        ):
            result = runner.invoke(cli, [*args, "--today", self.today, *extra])
            found.append((result.stdout, result.stderr, result.exit_code))
        return found


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(ACTIONS, min_size=1, max_size=6))
@example([("daily", "DD.MM.YYYY", ""), ("daily", "YYYY-MM-DD", "")])
@example([("config", "7", ""), ("config", "30", "")])
@example([("today", "2027-02-01", ""), ("today", "2026-11-23", "")])
@example([("alias", "Cyd", "Y"), ("rename", "Ann", "Dee"), ("rename", "Dee", "Ann")])
def test_replayed_results_equal_a_fresh_run(
    instant: None, actions: list[tuple[str, str, str]]
) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        world = World(folder / "vault")
        world.outputs()  # stores the first state
        for action in actions:
            world.apply(action)
            fresh = world.outputs("--no-cache")
            assert world.outputs() == fresh, action  # after the change: never stale
            assert world.outputs() == fresh, action  # replayed
        assert entries(world.root)  # results were stored (and some replayed)
    finally:
        shutil.rmtree(folder)


def test_a_config_file_outside_the_vault_is_part_of_the_key(
    make_vault: MakeVault, instant: None, tmp_path: Path
) -> None:
    vault = vault_files(make_vault)
    outside = tmp_path / "other.toml"
    outside.write_text('[networks.work]\ncadence = "30d"\n', encoding="utf-8")
    first = run("check", str(vault), "--config", str(outside), "--format", "json", "--exit-zero")
    assert "C002" not in first.stdout
    outside.write_text("[networks.other]\n", encoding="utf-8")  # `work` is no network now
    second = run("check", str(vault), "--config", str(outside), "--format", "json", "--exit-zero")
    fresh = run(
        "check",
        str(vault),
        "--config",
        str(outside),
        "--format",
        "json",
        "--exit-zero",
        "--no-cache",
    )
    assert second.stdout == fresh.stdout != first.stdout


def test_verbose_runs_are_never_replayed(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, instant: None
) -> None:
    vault = vault_files(make_vault)
    run("check", str(vault), "--verbose")
    run("check", str(vault), "--verbose")
    no_loading(monkeypatch)
    assert "the vault was read" in run("check", str(vault), "--verbose").stderr


WHAT_THE_KEY_COVERS = {
    "People/Dana.md": True,
    "a/b/c/deep.md": True,
    "Assets/photo.png": True,
    ".mdnet-baseline.json": True,  # the root's hidden files: the baseline
    "mdnet.toml": True,
    ".obsidian/daily-notes.json": True,
    ".obsidian/workspace.json": False,  # rewritten by Obsidian as you click around
    ".obsidian/plugins/dataview/data.json": True,
    ".obsidian/plugins/dataview/main.js": False,
    ".obsidian/themes/x/theme.css": False,
    ".mdnet/templates/report.html": True,
    ".git/config": False,
    ".trash/old.md": False,
    "People/.draft.md": False,
    "a/.hidden/c.md": False,
    "a/b/.cache/x.json": False,
}


def test_the_key_changes_with_exactly_the_files_mdnet_reads(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    for rel in WHAT_THE_KEY_COVERS:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x", encoding="utf-8")
    changed = {}
    for rel in WHAT_THE_KEY_COVERS:
        before = replay.key(root, "check")[0]
        with (root / rel).open("a", encoding="utf-8") as handle:
            handle.write("y")  # a new size: a new line in the key if the file is in it
        changed[rel] = replay.key(root, "check")[0] != before
    assert changed == WHAT_THE_KEY_COVERS
    assert all(replay.covers(rel) == covered for rel, covered in WHAT_THE_KEY_COVERS.items())
