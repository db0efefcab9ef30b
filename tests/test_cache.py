"""The on-disk cache and parallel parsing never change a result."""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
from pathlib import Path

import msgspec
import pytest
from conftest import FORKS, MakeVault, generate_vault, run

from mdnet import cache, forked, parallel
from mdnet.config import Config, load_config
from mdnet.note import Note
from mdnet.vault import FileEntry, discover

ROOT = Path(__file__).resolve().parents[1]


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
    generate_vault(vault, 300, seed=7)
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


def _code_pickle(marker: Path) -> bytes:
    """A pickle that would run a shell command when loaded."""
    import pickle

    return pickle.dumps((os.system, (f"touch '{marker}'",)))


def _damages(vault: Path, good: bytes) -> dict[str, bytes]:
    stamp = cache.code_stamp()
    marker = vault / "PWNED"
    wrong_shape = {"Goals/G.md": [1, 2, 3, {"path": 5, "kind": ["x"]}]}
    return {
        "empty": b"",
        "garbage": b"garbage",
        "truncated": good[: len(good) // 2],
        "pickle that runs code": _code_pickle(marker),
        "another stamp": msgspec.msgpack.encode(["0" * 64, {}, b""]),
        "wrong types": msgspec.msgpack.encode([stamp, wrong_shape, b""]),
        "code in the odd entries": msgspec.msgpack.encode([stamp, {}, _code_pickle(marker)]),
        "a class in the odd entries": msgspec.msgpack.encode(
            [stamp, {}, pickle.dumps({"Goals/G.md": (1, 2, 3, Path("x"))})]
        ),
        "nested too deep": msgspec.msgpack.encode(
            [stamp, {"Goals/G.md": [1, 2, 3, {"path": "Goals/G.md", "meta": {"k": None}}]}, b""]
        ).replace(b"\xa1k\xc0", b"\xa1k" + b"\x91" * 1_000_000 + b"\xc0"),
    }


DAMAGES = list(_damages(Path("/x"), b"").keys())


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_bad_cache_is_ignored_and_rewritten(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    monkeypatch.setattr(cache, "SETTLE_NS", 0)
    vault = make_vault({"Goals/G.md": "---\ntype: goal\ngoal: Meet some people\n---\n"})
    clean = _checked(vault, "--no-cache")
    assert _checked(vault) == clean
    (path,) = (vault / ".mdnet_cache").glob("notes-*.msgpack")
    assert "Goals/G.md" in cache._load(path)
    path.write_bytes(_damages(vault, path.read_bytes())[damage])
    assert cache._load(path) == {}
    assert _checked(vault) == clean  # no crash, the note parsed again
    assert not (vault / "PWNED").exists()
    assert "Goals/G.md" in cache._load(path)  # and the shard written anew


def test_an_older_format_is_ignored_and_removed(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "SETTLE_NS", -(10**18))  # kept however recently written
    vault = make_vault({"Goals/G.md": "---\ntype: goal\ngoal: Meet some people\n---\n"})
    old = vault / ".mdnet_cache" / "notes-3-0123456789abcdef-0.pickle"
    old.parent.mkdir()
    old.write_bytes(_code_pickle(vault / "PWNED"))
    clean = _checked(vault, "--no-cache")
    assert _checked(vault) == clean
    assert not old.exists() and not (vault / "PWNED").exists()
    assert list(old.parent.glob(f"notes-{cache.FORMAT}-*.msgpack"))


def _checked(vault: Path, *args: str) -> str:
    """`check --format json` written with --output-file, which is never replayed: every run
    reads the notes (from the cache when it may)."""
    out = vault.parent / "out.json"
    result = run(
        "check", str(vault), "--format", "json", "--exit-zero", "--output-file", str(out), *args
    )
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


TRICKY = {
    "People/Big.md": """\
        ---
        type: contact
        network: work
        id: 123456789012345678901234567890
        negative: -18446744073709551617
        edge: 18446744073709551615
        nested: {a: [1, [2, {b: 340282366920938463463374607431768211456}]], 7: seven}
        bigkey: {99999999999999999999999: x}
        ---
        ## Log
        - 2026-11-02 Coffee with [[Caf\u00e9 \u2615]]
        """,
    "People/Caf\u00e9 \u2615.md": """\
        ---
        type: contact
        network: work
        floats: [1.5, -0.0, .inf, -.inf, .nan, 1e308, 5e-324, 0.1]
        when: 2026-11-02
        stamp: !!timestamp 2026-11-02T10:00:00Z
        flags: [true, false, null, ~, yes]
        nested: {a: {b: {c: [x, {d: []}, {}]}}, 1.5: float key, null: null key, true: t}
        \u540d\u524d: "\u5c71\u7530 \u0634\u0643\u0631\u0627 \U0001f600"
        escaped: "tab\\there \\u00e9 \\U0001F600"
        ---
        Met at [[Big]]. #tag/\u00e9t\u00e9
        - [ ] 2026-11-20 Follow up \u2705 2026-11-21
        """,
    "Notes/Empty meta.md": "---\n---\nJust text with a [link](Big.md)\n",
    "Notes/No meta.md": "# Heading\n\n- item [[Nobody]]\n",
    "Notes/Bad yaml.md": "---\nkey: [unclosed\n---\nbody\n",
    "Notes/Not a map.md": "---\n- a list\n---\n",
    "Daily/2026-11-20.md": "- 2026-11-20 Lunch with [[Big]] #give\n",
}


def _tricky_vault(make_vault: MakeVault) -> Path:
    vault = make_vault(TRICKY, config="[networks.work]\n")
    with contextlib.suppress(OSError, UnicodeEncodeError):  # a name that is not UTF-8
        (vault / "Notes" / "Latin-1 caf\udce9.md").write_text("Links to [[Big]]\n")
    return vault


def test_tricky_notes_are_the_same_from_the_cache(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "SETTLE_NS", 0)
    vault = _tricky_vault(make_vault)
    config = load_config(vault)
    entries, _ = discover(vault, config.exclude)
    parsed = cache.cached_loader(False)(vault, entries, config)
    notes = {n.path: n for n in parsed}
    assert notes["People/Big.md"].meta["id"] == 123456789012345678901234567890
    assert notes["People/Caf\u00e9 \u2615.md"].meta["nested"][1.5] == "float key"
    no_cache = _checked(vault, "--no-cache")
    report = run("report", str(vault), "--format", "json", "--no-cache").stdout
    assert _checked(vault) == no_cache  # cold: fills the cache

    real_read_note = cache.read_note

    def parse_again(root: Path, entry: FileEntry, config: Config) -> Note:
        assert entry.problem, f"{entry.path} was parsed again: it should come from the cache"
        return real_read_note(root, entry, config)  # a name that is not UTF-8: read each time

    monkeypatch.setattr(cache, "read_note", parse_again)
    cached = cache.cached_loader(True)(vault, entries, config)
    assert repr(cached) == repr(parsed)  # repr: nan != nan, and 1 == 1.0 == True
    assert [type(v) for n in cached for v in n.meta.values()] == [
        type(v) for n in parsed for v in n.meta.values()
    ]
    assert _checked(vault) == no_cache  # warm
    assert run("report", str(vault), "--format", "json").stdout == report


def test_one_changed_note_rewrites_only_its_shard(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "SETTLE_NS", -(10**18))  # kept, though touch_later is ahead
    files = {f"Notes/N{i}.md": f"Note {i} links to [[N{i + 1}]]\n" for i in range(200)}
    vault = make_vault(files)
    _checked(vault)
    folder = vault / ".mdnet_cache"
    shards = sorted(folder.glob("notes-*.msgpack"))
    assert len(shards) == cache.SHARDS
    before = {p.name: p.stat().st_ino for p in shards}
    key = "Notes/N7.md"
    edited = vault / key
    edited.write_text("Note 7 now links to [[N1]]\n")
    touch_later(edited)
    _checked(vault)
    after = {p.name: p.stat().st_ino for p in sorted(folder.glob("notes-*.msgpack"))}
    rewritten = [name for name in after if after[name] != before[name]]
    assert rewritten == [p.name for p in shards if p.stem.endswith(f"-{cache.shard_of(key):x}")]
    assert not list(folder.glob(".tmp-*"))


def test_a_failed_cache_write_keeps_the_old_shards(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "SETTLE_NS", 0)
    vault = make_vault({"Notes/A.md": "[[B]]\n", "Notes/B.md": "[[A]]\n"})
    clean = _checked(vault)
    folder = vault / ".mdnet_cache"
    stored = {p.name: p.read_bytes() for p in folder.glob("notes-*.msgpack")}

    real_replace = os.replace

    def fail(source: str, target: str | Path) -> None:
        if Path(target).name.startswith("notes-"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(cache.os, "replace", fail)
    (vault / "Notes" / "A.md").write_text("[[B]] and [[Nowhere]]\n")
    touch_later(vault / "Notes" / "A.md")
    assert _checked(vault) != clean  # the run goes on
    assert {p.name: p.read_bytes() for p in folder.glob("notes-*.msgpack")} == stored
    assert not list(folder.glob(".tmp-*"))


def test_a_vault_where_the_cache_cannot_be_written(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/G.md": "---\ntype: goal\ngoal: Meet some people\n---\n"})
    clean = _checked(vault, "--no-cache")
    (vault / ".mdnet_cache").write_text("not a folder")  # as a read-only vault: mkdir fails
    assert _checked(vault) == clean
    assert _checked(vault) == clean
    assert (vault / ".mdnet_cache").read_text() == "not a folder"


def test_no_cache_writes_nothing_and_clean_removes_it(make_vault: MakeVault) -> None:
    vault = make_vault({"Goals/G.md": "---\ntype: goal\ngoal: Meet 3 people\n---\n"})
    run("check", str(vault), "--no-cache")
    assert not (vault / ".mdnet_cache").exists()
    run("check", str(vault))
    assert (vault / ".mdnet_cache").is_dir()
    result = run("clean", str(vault))
    assert result.exit_code == 0 and not (vault / ".mdnet_cache").exists()
    assert "no cache" in run("clean", str(vault)).stderr


def test_notes_from_worker_processes_are_the_same_as_parsed_here(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = _tricky_vault(make_vault)
    config = load_config(vault)
    entries, _ = discover(vault, config.exclude)
    serial = parallel.parse_all(vault, entries, config)
    for entry in entries:  # each as a worker sends it: MessagePack, or a pickle when it must
        sent = pickle.loads(pickle.dumps(parallel._parse_chunk((vault, [entry], config))))
        assert sent.startswith(b"P") == (entry.path == "People/Big.md")  # P: pickled
        assert repr(parallel._received(sent)) == repr([n for n in serial if n.path == entry.path])
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert repr(parallel.parse_all(vault, entries, config)) == repr(serial)  # a pool
    if FORKS:
        monkeypatch.setattr(forked, "ALLOWED", True)  # as the console script: a forked copy
        monkeypatch.setattr(parallel, "CHUNK", 1)  # each note a chunk, taken by either process
        assert forked.available()
        by_path = {n.path: n for n in serial}
        for order in (entries, entries[1:] + entries[:1]):  # the big number first or last
            expected = [by_path[e.path] for e in order]
            assert repr(parallel.parse_all(vault, order, config)) == repr(expected)


def test_a_note_the_cache_cannot_hold_is_parsed_again(tmp_path: Path) -> None:
    fine = Note("A.md", "note", meta={"n": 2**70, "s": "caf\udce9"})
    unknown = Note("B.md", "note", meta={"odd": 1j})  # no type the parser makes
    entries = {"A.md": (1, 2, 3, fine), "B.md": (1, 2, 3, unknown), "caf\udce9.md": (1, 2, 3, fine)}
    cache._store(tmp_path, "notes-x", {0: entries}, "stamp")
    loaded = cache._load(tmp_path / "notes-x-0.msgpack", "stamp")
    assert loaded == {"A.md": entries["A.md"], "caf\udce9.md": entries["caf\udce9.md"]}
