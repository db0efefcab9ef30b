"""Incremental runs equal full runs: the notes cache, each note's touches kept between runs
(mdnet/touchstore.py), the replay of whole outputs, and the language server's memory.

A random sequence of edits (a log line, a new daily note, a rename, a deletion, an alias,
a setting, another day) is applied to a small vault; after each, `check` and `report` with
everything reused must print exactly what a run with `--no-cache` prints."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from conftest import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdnet import cache, replay, touchstore
from mdnet.derive import interactions
from mdnet.server.state import VaultState

CONTACT = "---\ntype: contact\nnetwork: {network}\naliases: [{alias}]\n---\n# {name}\n\n## Log\n"
NAMES = ("Dana Reyes", "Sam Okafor", "Lee Chen", "Ana Lima")
CONFIG = (
    '[tags]\ngive = ["{give}"]\n'
    '[networks.work]\ncadence = "{days}d"\n[networks.friends]\ncadence = "60d"\n'
)
GOAL = (
    "---\ntype: goal\ngoal: Talk with 5 people in my work network by 2026-12-31\n"
    "deadline: 2026-12-31\nmeasure: interactions network:work\ntarget: 5\n---\n"
)
EVENT = "---\ntype: event\ndate: 2026-10-02\nattendees: ['[[Dana Reyes]]', '[[SO]]']\n---\n"


def alias(name: str) -> str:
    return "".join(part[0] for part in name.split())


def write(root: Path, rel: str, text: str, clock: list[int]) -> None:
    """Write a note and give it an mtime of its own (as the settling time guarantees)."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    clock[0] += 1_000_000_000
    os.utime(path, ns=(clock[0], clock[0]))


def seed(root: Path, clock: list[int]) -> None:
    write(root, "mdnet.toml", CONFIG.format(days=30, give="give"), clock)
    for n, name in enumerate(NAMES):
        network = "work" if n % 2 == 0 else "friends"
        note = CONTACT.format(network=network, alias=alias(name), name=name)
        write(root, f"People/{name}.md", note + f"- 2026-0{n + 5}-10 Coffee #give\n", clock)
    write(root, "Goals/Work.md", GOAL, clock)
    write(root, "Events/Meetup.md", EVENT, clock)
    write(root, "Daily/2026-11-01.md", "Lunch with [[LC]] and [[Ana Lima|Ana]].\n", clock)
    write(root, "People/Kim Park.md", KIM, clock)


KIM = (  # findings of every per-note rule (mdnet/findingmemo.py): C004, F007, F008, L001
    "---\ntype: contact\nNetwork: work\n---\n# Kim Park\n\nProbably hiring in spring.\n"
    "<!-- mdnet-disable-next-line G1 -->\nAsk [[Kim's boss]] and [[SO]].\n"
)


ACTIONS = st.sampled_from(
    ("log", "daily", "rename", "delete", "alias", "settings", "today", "contact", "task")
)


def apply(root: Path, action: str, n: int, clock: list[int], today: list[str]) -> None:
    """One edit of the vault; `n` picks what it applies to."""
    people = sorted((root / "People").glob("*.md")) if (root / "People").is_dir() else []
    person = people[n % len(people)] if people else None
    day = f"2026-11-{n % 20 + 1:02d}"
    if action == "log" and person is not None:
        text = person.read_text(encoding="utf-8") + f"- {day} Call about [[{NAMES[n % 4]}]] #ask\n"
        write(root, person.relative_to(root).as_posix(), text, clock)
    elif action == "daily":
        who = NAMES[n % 4] if n % 3 else alias(NAMES[n % 4])
        write(root, f"Daily/{day}.md", f"Met [[{who}]] for tea. #give\n", clock)
    elif action == "rename" and person is not None:
        person.rename(person.with_name(f"Renamed {n}.md"))
    elif action == "delete" and person is not None:
        person.unlink()
    elif action == "alias" and person is not None:
        text = person.read_text(encoding="utf-8").replace("aliases: [", f"aliases: [X{n % 3}, ", 1)
        write(root, person.relative_to(root).as_posix(), text, clock)
        write(root, f"Daily/2026-10-{n % 20 + 1:02d}.md", f"Saw [[X{n % 3}]].\n", clock)
    elif action == "settings":
        give = "give" if n % 2 else "gift"
        write(root, "mdnet.toml", CONFIG.format(days=10 + n % 50, give=give), clock)
    elif action == "today":
        today[0] = f"2026-12-{n % 28 + 1:02d}"
    elif action == "contact":
        name = NAMES[n % 4] if n % 2 else f"New {n}"
        note = CONTACT.format(network="work", alias=alias(NAMES[(n + 1) % 4]), name=name)
        write(root, f"People/More/{name}.md", note, clock)
    elif action == "task" and person is not None:
        text = person.read_text(encoding="utf-8") + f"- [x] Sent the deck ✅ {day}\n"
        write(root, person.relative_to(root).as_posix(), text, clock)


def focused(root: Path, rel: str, today: str) -> list[tuple[object, ...]]:
    """`check NOTE` (as pre-commit runs it), each finding as (path, code, line, column)."""
    found = run("check", str(root / rel), "--format", "json", "--exit-zero", today=today)
    assert found.exit_code == 0, found.output
    return [
        tuple(r[k] for k in ("path", "code", "line", "column")) for r in json.loads(found.stdout)
    ]


def outputs(root: Path, today: str, *extra: str) -> tuple[str, str]:
    found = run("check", str(root), "--format", "json", "--exit-zero", *extra, today=today)
    report = run("report", str(root), "--format", "json", *extra, today=today)
    assert found.exit_code == 0 and report.exit_code == 0, found.output + report.output
    return found.stdout, report.stdout


@pytest.fixture
def instant(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reuse what was read however recently it changed (each write gets its own mtime)."""
    for module in (replay, cache):
        monkeypatch.setattr(module, "SETTLE_NS", -(10**18))


@pytest.fixture
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(st.tuples(ACTIONS, st.integers(0, 99)), min_size=1, max_size=6))
def test_incremental_and_replayed_runs_equal_a_full_run(
    steps: list[tuple[str, int]], instant: None, workdir: Path
) -> None:
    root = workdir / "v"
    shutil.rmtree(root, ignore_errors=True)
    clock, today = [1_700_000_000_000_000_000], ["2026-11-23"]
    seed(root, clock)
    outputs(root, today[0])  # fills the caches
    assert list((root / ".mdnet_cache").glob("touches-*.msgpack"))
    for action, n in steps:
        apply(root, action, n, clock, today)
        reused = outputs(root, today[0])
        again = outputs(root, today[0])  # replayed, now that nothing changed
        full = outputs(root, today[0], "--no-cache")
        assert reused == full, (action, n)
        assert again == full, (action, n)
        # A focused check reads only what names its notes' contacts, and gets what the whole
        # vault's check gives them.
        whole = [
            tuple(r[k] for k in ("path", "code", "line", "column")) for r in json.loads(full[0])
        ]
        for rel in (
            f"People/{NAMES[n % 4]}.md",
            "Daily/2026-11-01.md",
            f"Daily/2026-11-{n % 20 + 1:02d}.md",
        ):
            if (root / rel).exists():
                mine = [row for row in whole if str(row[0]).endswith(rel)]
                assert focused(root, rel, today[0]) == mine, (action, n, rel)


def spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the notes whose touches are collected from now on."""
    seen: list[str] = []
    real = interactions._note_touches

    def counted(note: object, signature: object, ctx: object) -> object:
        seen.append(note.path)  # type: ignore[attr-defined]
        return real(note, signature, ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(interactions, "_note_touches", counted)
    return seen


def test_after_one_changed_note_only_that_note_is_collected_again(
    instant: None, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, clock, today = workdir / "v", [1_700_000_000_000_000_000], ["2026-11-23"]
    seed(root, clock)
    before = outputs(root, today[0])
    seen = spy(monkeypatch)
    apply(root, "log", 0, clock, today)  # a line in Ana Lima's log
    after = outputs(root, today[0])
    assert before != after
    assert set(seen) == {"People/Ana Lima.md"}


def test_a_focused_check_reads_the_touches_of_the_notes_naming_its_contacts_only(
    instant: None, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, clock = workdir / "v", [1_700_000_000_000_000_000]
    seed(root, clock)
    for day in range(2, 22):  # notes that name other contacts, or none
        write(root, f"Daily/2026-10-{day:02d}.md", f"Tea with [[{NAMES[day % 3]}]].\n", clock)
    write(root, "Daily/2026-09-01.md", "Met [[AL]] and [[SO]]. #give\n", clock)
    outputs(root, "2026-11-23")
    read: list[interactions.Touches] = []
    real = touchstore._TOUCHES

    class Counting:
        def decode(self, raw: bytes) -> interactions.Touches:
            read.append(real.decode(raw))
            return read[-1]

    monkeypatch.setattr(touchstore, "_TOUCHES", Counting())
    ana = "People/Ana Lima.md"
    write(
        root,
        ana,
        (root / ana).read_text()
        + "- 2026-11-20 Asked [[LC]] and [[Kim Park]] #ask\n- 2026-11-21 Tea with [[SO]]\n",
        clock,
    )
    whole = focused(root, ana, "2026-11-23")
    assert any(code == "C006" for _, code, _, _ in whole)  # Kim Park: asked, never given
    # Ana Lima's note is collected afresh; it asks Lee Chen and Kim Park, so their
    # interactions are read too (C006 asks for them): the notes naming one of the three,
    # the event notes (who was met where), and no other (not Sam Okafor's: no ask).
    naming = (
        {"Daily/2026-11-01.md", "Daily/2026-09-01.md", "People/Lee Chen.md"}
        | {f"Daily/2026-10-{day:02d}.md" for day in range(2, 22) if day % 3 == 2}
        | {"Events/Meetup.md", "People/Kim Park.md"}
    )
    assert len(read) == len(naming)
    assert {i.path for touches in read for i in touches.interactions} <= naming
    monkeypatch.undo()
    assert whole == [
        tuple(r[k] for k in ("path", "code", "line", "column"))
        for r in json.loads(outputs(root, "2026-11-23", "--no-cache")[0])
        if r["path"].endswith(ana)
    ]


def test_a_new_alias_collects_only_the_notes_whose_links_it_changes(
    instant: None, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, clock = workdir / "v", [1_700_000_000_000_000_000]
    seed(root, clock)
    write(root, "Daily/2026-11-02.md", "Coffee with [[Dee]].\n", clock)
    outputs(root, "2026-11-23")
    seen = spy(monkeypatch)
    dana = root / "People/Dana Reyes.md"
    write(root, "People/Dana Reyes.md", dana.read_text().replace("[DR]", "[DR, Dee]"), clock)
    outputs(root, "2026-11-23")
    # Dana's own note changed; the daily note's [[Dee]] now resolves to her.
    assert set(seen) == {"People/Dana Reyes.md", "Daily/2026-11-02.md"}


def damage_store(
    root: Path, kind: str, damage: str, marker: Path, corrupt: Callable[[Any], None]
) -> None:
    """Damage every shard of one per-note store (`kind`: touches, model) as `damage` says:
    bytes that are no MessagePack, a pickle that would run code, well-formed MessagePack of
    the wrong types, another mdnet's code stamp, or else right stamps with `corrupt(entries)`
    applied to the entries; then drop the stored outputs, or the next run would replay."""
    stamp = cache.code_stamp()
    shards = list((root / ".mdnet_cache").glob(f"{kind}-*.msgpack"))
    assert shards
    for shard in shards:
        if damage == "garbage":
            shard.write_bytes(b"\x93\xa4truncated")
        elif damage == "foreign":  # a pickle that would run code, were it unpickled
            shard.write_bytes(pickle.dumps((os.system, (f"touch '{marker}'",))))
        elif damage == "wrong-types":  # well-formed MessagePack, not the store's values
            shard.write_bytes(msgspec.msgpack.encode([stamp, "ctx", {"People/x.md": [1, 2]}]))
        elif damage == "other-version":  # written by another mdnet: its code stamp differs
            _, context, entries = msgspec.msgpack.decode(shard.read_bytes())
            shard.write_bytes(msgspec.msgpack.encode(["another mdnet", context, entries]))
        else:
            _, context, entries = msgspec.msgpack.decode(shard.read_bytes())
            corrupt(entries)
            shard.write_bytes(msgspec.msgpack.encode([stamp, context, entries]))
    for path in (root / ".mdnet_cache").glob("replay-*.bin"):
        path.unlink()


@pytest.mark.parametrize(
    "damage", ["garbage", "foreign", "wrong-types", "other-version", "bad-contact"]
)
def test_a_bad_model_file_is_ignored_safely(instant: None, workdir: Path, damage: str) -> None:
    """The contacts, goals and events kept per note (modelstore.py): a damaged, foreign or
    older file is never run and gives the same findings as no file at all."""
    root, clock = workdir / "v", [1_700_000_000_000_000_000]
    seed(root, clock)
    clean = outputs(root, "2026-11-23", "--no-cache")
    assert outputs(root, "2026-11-23") == clean
    marker = root / "PWNED"

    def bad_contact(entries: Any) -> None:  # right stamps; a contact whose name is a number
        for entry in entries.values():
            if entry[1][1] is not None:
                entry[1][1][1] = 5

    damage_store(root, "model", damage, marker, bad_contact)
    assert run("check", str(root), "--format", "json", "--exit-zero").stdout == clean[0]
    assert not marker.exists()
    assert outputs(root, "2026-11-23") == clean


@pytest.mark.parametrize(
    "damage", ["garbage", "foreign", "wrong-types", "other-version", "bad-touches"]
)
def test_a_bad_touches_file_is_ignored_safely(
    instant: None, workdir: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, clock = workdir / "v", [1_700_000_000_000_000_000]
    seed(root, clock)
    clean = outputs(root, "2026-11-23", "--no-cache")
    outputs(root, "2026-11-23")
    marker = root / "PWNED"

    def bad_touches(entries: Any) -> None:  # right stamps and signatures; touches that are not
        for entry in entries.values():
            entry[1][1] = [[["not a date", 1]], "no plans"]

    damage_store(root, "touches", damage, marker, bad_touches)
    seen = spy(monkeypatch)
    assert run("check", str(root), "--format", "json", "--exit-zero").stdout == clean[0]
    assert not marker.exists()
    assert sorted(seen) == sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))
    assert outputs(root, "2026-11-23") == clean  # every note collected afresh


def test_the_server_collects_only_the_edited_note_and_agrees_with_a_fresh_start(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    root, clock = workdir / "v", [1_700_000_000_000_000_000]
    seed(root, clock)
    state = VaultState(root, date(2026, 11, 23))
    paths = {p.relative_to(root).as_posix() for p in root.rglob("*.md")}
    state.diagnostics(paths)
    seen = spy(monkeypatch)
    dana = "People/Dana Reyes.md"
    text = (root / dana).read_text() + "- 2026-11-20 Intro to [[SO]] #give\n"
    state.set_text(dana, text)
    edited = state.diagnostics(paths)
    assert seen == [dana]
    state.set_text("Daily/2026-11-01.md", "Lunch with [[DR]].\n")  # another contact now
    state.diagnostics(paths)
    assert seen == [dana, "Daily/2026-11-01.md"]
    fresh = VaultState(root, date(2026, 11, 23))
    fresh.set_text(dana, text)
    fresh.set_text("Daily/2026-11-01.md", "Lunch with [[DR]].\n")
    assert fresh.diagnostics(paths) == state.diagnostics(paths)
    assert edited != {}
    relationships = state.analysis().relationships
    assert relationships == fresh.analysis().relationships


EDITS = st.sampled_from(
    (
        "- 2026-11-20 Intro to [[SO]] #give\n",
        "- 2026-11-21 Asked [[Lee Chen]] for a favour #ask\n",
        "Lunch with [[X1]] and [[Dana Reyes]].\n",
        "---\ntype: contact\nnetwork: work\naliases: [X1]\n---\n# Someone\n",
        "---\ntype: goal\ngoal: Meet 3 people by 2026-12-01\ndeadline: 2026-12-01\n---\n",
        "---\ntype: event\ndate: 2026-11-01\nattendees: ['[[LC]]']\n---\n",
        "---\ntype: contact\nnetwork: [broken\n---\n",
        "",
    )
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(edits=st.lists(st.tuples(st.integers(0, 7), EDITS, st.booleans()), min_size=1, max_size=6))
def test_the_servers_updated_analysis_equals_a_fresh_one(
    edits: list[tuple[int, str, bool]], workdir: Path
) -> None:
    from datetime import date

    root = workdir / "v"
    shutil.rmtree(root, ignore_errors=True)
    seed(root, [1_700_000_000_000_000_000])
    state = VaultState(root, date(2026, 11, 23))
    notes = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))
    texts: dict[str, str] = {}
    for n, edit, append in edits:
        path = notes[n % len(notes)]
        before = texts.get(path, (root / path).read_text(encoding="utf-8"))
        texts[path] = before + edit if append else edit
        state.set_text(path, texts[path])
        state.diagnostics({path})  # as the editor asks after each change
    fresh = VaultState(root, date(2026, 11, 23))
    for path, text in texts.items():
        fresh.set_text(path, text)
    assert state.diagnostics(set(notes)) == fresh.diagnostics(set(notes))
    ours, theirs = state.analysis(), fresh.analysis()
    assert ours.model == theirs.model
    assert ours.relationships == theirs.relationships
    assert ours.goals == theirs.goals
    assert ours.counted == theirs.counted
