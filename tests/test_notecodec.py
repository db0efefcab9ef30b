"""Cached notes decode their body on first use (mdnet/notecodec.py): such a note is the
parsed note in every way code can tell, a warm run decodes the bodies of few notes, and a
body that does not decode is read from the file again."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date
from pathlib import Path

import msgspec
import pytest
from conftest import MakeVault, run
from test_cache import _checked, _tricky_vault

from mdnet import cache, replay
from mdnet.app import open_vault
from mdnet.check import Selection, run_rules
from mdnet.config import load_config
from mdnet.errors import MdnetError
from mdnet.note import Note
from mdnet.notecodec import LAZY, LazyNote
from mdnet.vault import discover


@pytest.fixture(autouse=True)
def instant(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reuse what was read however recently it changed."""
    for module in (replay, cache):
        monkeypatch.setattr(module, "SETTLE_NS", -(10**18))


def _loaded(vault: Path) -> tuple[list[Note], list[Note]]:
    """The vault's notes parsed afresh, and as the (filled) cache gives them back."""
    config = load_config(vault)
    entries, _ = discover(vault, config.exclude)
    parsed = cache.cached_loader(False)(vault, entries, config)
    cache.cached_loader(True)(vault, entries, config)  # fills the cache
    return parsed, cache.cached_loader(True)(vault, entries, config)


def _decoded(note: Note) -> set[str]:
    """The body fields of a cached note that were decoded so far."""
    found = set()
    for name in LAZY:
        try:
            Note.__dict__[name].__get__(note, Note)
            found.add(name)
        except AttributeError:
            pass
    return found


def test_a_cached_note_is_the_parsed_note_in_every_way(make_vault: MakeVault) -> None:
    parsed, cached = _loaded(_tricky_vault(make_vault))
    lazy = [n for n in cached if isinstance(n, LazyNote)]
    assert len(lazy) >= 6  # not the odd entries (integers beyond 64 bits), the non-UTF-8 name
    for fresh, kept in zip(parsed, cached, strict=True):
        assert kept.path == fresh.path
        # Equal both ways round, in repr (nan != nan), in MessagePack and through pickle.
        assert repr(kept) == repr(fresh)
        if "nan" not in repr(fresh):  # nan != nan
            assert kept == fresh and fresh == kept
        assert kept != Note("Other.md", "note") and Note("Other.md", "note") != kept
        if isinstance(kept, LazyNote):  # the odd entries hold what MessagePack cannot
            assert msgspec.msgpack.encode(kept) == msgspec.msgpack.encode(fresh)
        again = pickle.loads(pickle.dumps(kept))
        assert type(again) is Note and repr(again) == repr(fresh)


def test_reading_one_body_field_decodes_that_field_only(make_vault: MakeVault) -> None:
    vault = make_vault({"Notes/A.md": "# A\n\n- 2026-11-02 Lunch with [[B]] #give\n\nText.\n"})
    parsed, (note,) = _loaded(vault)
    assert _decoded(note) == set()
    assert note.links == parsed[0].links
    assert _decoded(note) == {"links"}


def test_a_warm_run_after_one_changed_note_decodes_few_bodies(make_vault: MakeVault) -> None:
    notes = {
        f"Daily/2026-11-{d:02d}.md": f"- 2026-11-{d:02d} Lunch with [[Dana]]\n" for d in (1, 2, 3)
    }
    notes["People/Dana.md"] = "---\ntype: contact\nnetwork: work\n---\n## Log\n- 2026-10-01 Call\n"
    notes.update({f"Notes/Plain {n}.md": f"Idea {n}, and a link to [[Dana]].\n" for n in range(40)})
    vault = make_vault(notes, config="[networks.work]\n")
    changed = "Daily/2026-11-03.md"
    # Its shard is written again: the other notes in it are written as they were read.
    assert [p for p in notes if p != changed and cache.shard_of(p) == cache.shard_of(changed)]
    assert run("check", str(vault), "--exit-zero").exit_code == 0  # fills every cache
    daily = vault / changed
    daily.write_text(daily.read_text() + "- 2026-11-03 Coffee with [[Dana]]\n")
    analysis = open_vault(vault, date(2026, 11, 23), use_cache=True)
    run_rules(analysis, Selection.merge(analysis))
    decoded = {n.path for n in analysis.vault.notes if isinstance(n, LazyNote) and _decoded(n)}
    assert not isinstance(analysis.notes[changed], LazyNote)  # parsed afresh
    assert decoded == set()  # every other note's touches and findings were kept


def _damaged(vault: Path, field: str, value: object) -> Path:
    """Write `value` as Notes/A.md's `field` in its cached entry, and remove every other
    cache file (or the run would replay, or keep the note's findings); the shard's path."""
    (shard,) = (vault / ".mdnet_cache").glob("notes-*.msgpack")
    stamp, entries, odd = msgspec.msgpack.decode(shard.read_bytes())
    index = [f.name for f in dataclasses.fields(Note)].index(field)
    entries["Notes/A.md"][6][index] = value
    shard.write_bytes(msgspec.msgpack.encode([stamp, entries, odd]))
    for stored in (vault / ".mdnet_cache").glob("*"):
        if not stored.name.startswith("notes-"):
            stored.unlink()
    return shard


def test_a_body_that_does_not_decode_is_read_again(make_vault: MakeVault) -> None:
    vault = make_vault({"Notes/A.md": "See [[Nobody]] and [[Elsewhere]].\n"})
    clean = _checked(vault, "--no-cache")
    assert _checked(vault) == clean
    shard = _damaged(vault, "links", [["not a link"]])  # the head still decodes
    assert _checked(vault) == clean
    note = cache._load(shard)["Notes/A.md"][3]  # read without a way to read the file again
    with pytest.raises(MdnetError, match="mdnet clean"):
        note.links  # noqa: B018


def _head_read(note: Note) -> bool:
    return isinstance(note, LazyNote) and note._head is not None


def test_a_note_checked_alone_reads_the_heads_of_few_notes(make_vault: MakeVault) -> None:
    """A pre-commit run: the link index takes every note's aliases, and the parse problems
    of every note are read, from beside the note; the model takes each unchanged contact,
    goal and event from its store (modelstore.py): no unchanged note's head is read."""
    notes = {f"Daily/2026-11-{d:02d}.md": f"- Lunch with [[Dee]] ({d})\n" for d in range(1, 9)}
    notes["People/Dana.md"] = "---\ntype: contact\naliases: [Dee]\n---\n## Log\n- 2026-10-01 Call\n"
    notes["Notes/Aliased.md"] = "---\naliases: [Thing]\ntags: [x]\n---\nSee [[Thing]].\n"
    notes["Notes/Broken.md"] = "---\nkey: [unclosed\n---\nText.\n"  # F002, kept beside
    vault = make_vault(notes)
    whole = _checked(vault, "--no-cache")
    assert '"F002"' in whole and '"L001"' not in whole  # [[Dee]] and [[Thing]]: aliases
    assert _checked(vault) == whole  # fills the cache
    changed = "Daily/2026-11-08.md"
    (vault / changed).write_text("- Lunch with [[Dee]] and [[Thing]] again\n")
    analysis = open_vault(vault, date(2026, 11, 23), use_cache=True)
    found = run_rules(analysis, Selection.merge(analysis), only=[changed])
    assert not [d for d in found if d.code == "L001"]  # the aliases, read from beside
    read = {n.path for n in analysis.vault.notes if _head_read(n)}
    assert read == set(), read
    assert analysis.model.contacts["People/Dana.md"].aliases == ("Dee",)
    assert [p.code for p in analysis.notes["Notes/Broken.md"].problems] == ["F002"]
    assert not _head_read(analysis.notes["Notes/Broken.md"])


def test_a_head_that_does_not_decode_is_read_again(make_vault: MakeVault) -> None:
    vault = make_vault({"Notes/A.md": "---\ntags: [x]\n---\nSee [[Nobody]].\n"})
    clean = _checked(vault, "--no-cache")
    assert _checked(vault) == clean
    shard = _damaged(vault, "meta", "not a mapping")  # the note's head no longer decodes
    assert _checked(vault) == clean
    note = cache._load(shard)["Notes/A.md"][3]
    assert note.path == "Notes/A.md" and note.kind == "note"  # known without the head
    with pytest.raises(MdnetError, match="mdnet clean"):
        note.meta  # noqa: B018
