"""Tests for mdnet.vault.read_note: a note is read whole even when it changed after listing."""

from __future__ import annotations

import msgspec
from conftest import MakeVault

from mdnet.config import Config
from mdnet.vault import discover, read_note


def test_a_note_that_grew_after_listing_is_read_whole(make_vault: MakeVault) -> None:
    root = make_vault({"Note.md": "[[A]]\n"})
    entries, _ = discover(root, ())
    (root / "Note.md").write_text("[[A]]\n[[B]]\n" + "x" * 10_000 + "\n[[C]]\n", encoding="utf-8")
    note = read_note(root, entries[0], Config())
    assert [(lk.target, lk.line) for lk in note.links] == [("A", 1), ("B", 2), ("C", 4)]
    assert note.problems == ()


def test_a_note_that_shrank_after_listing_is_read_as_it_is(make_vault: MakeVault) -> None:
    root = make_vault({"Note.md": "[[A]]\n" + "x" * 5_000 + "\n"})
    entries, _ = discover(root, ())
    (root / "Note.md").write_text("[[B]]\n", encoding="utf-8")
    note = read_note(root, entries[0], Config())
    assert [(lk.target, lk.line, lk.col) for lk in note.links] == [("B", 1, 1)]


def test_a_note_that_grew_past_the_limit_after_listing_is_f001(make_vault: MakeVault) -> None:
    root = make_vault({"Note.md": "small\n"})
    entries, _ = discover(root, ())
    (root / "Note.md").write_text("y" * 2_000, encoding="utf-8")
    config = msgspec.structs.replace(Config(), max_file_size=1_000)
    note = read_note(root, entries[0], config)
    assert [(p.code, p.line, p.col) for p in note.problems] == [("F001", 1, 1)]


def test_each_settings_classify_their_own_notes(make_vault: MakeVault) -> None:
    # The kind selectors and daily pattern are made once per settings, not once per note.
    root = make_vault({"People/Dana.md": "hi\n", "Journal/2026-11-02.md": "hi\n"})
    entries, _ = discover(root, ())
    usual = msgspec.structs.replace(Config(), folders={"contacts": ("People",)})
    other = msgspec.structs.replace(
        usual, folders={"contacts": ("Journal",)}, daily_notes="DD-MM-YYYY"
    )
    read = [(read_note(root, e, c).kind, e.path) for c in (usual, other, usual) for e in entries]
    assert read == [
        ("daily", "Journal/2026-11-02.md"),
        ("contact", "People/Dana.md"),
        ("contact", "Journal/2026-11-02.md"),
        ("note", "People/Dana.md"),
        ("daily", "Journal/2026-11-02.md"),
        ("contact", "People/Dana.md"),
    ]
