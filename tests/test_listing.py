"""One walk per run (mdnet/listing.py): the replay key's walk hands its listing to the
discovery of the same run, which finds exactly what a walk of its own finds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import MakeVault, run, vault_rows

from mdnet import listing, replay
from mdnet import vault as vault_module
from mdnet.config import load_config

CONTACT = "---\ntype: contact\n---\n# {name}\n\n## Log\n"
EXCLUDE = ("Templates/**",)


@pytest.fixture
def instant(monkeypatch: pytest.MonkeyPatch) -> None:
    """Store results however recently the files changed."""
    monkeypatch.setattr(replay, "SETTLE_NS", -(10**18))


def no_walking(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, a discovery that walks the vault itself fails."""

    def fail(root: Path) -> listing.Listing:
        raise AssertionError("the vault was walked again")

    monkeypatch.setattr(vault_module, "list_vault", fail)


def both(root: Path) -> tuple[list[vault_module.FileEntry], list[str]]:
    """The discovery from the key's listing, after checking that a fresh walk finds the same
    (paths, stamps, problems and order)."""
    listed = vault_module.discover(root, EXCLUDE, replay._key(root, "check", ())[2]())
    assert listed == vault_module.discover(root, EXCLUDE)
    return listed


def test_the_keys_listing_discovers_what_a_fresh_walk_does(make_vault: MakeVault) -> None:
    root = make_vault(
        {
            "People/Dana.md": CONTACT.format(name="Dana"),
            "Notes/Idea.md": "# Idea\n",
            "Assets/photo.png": b"\x89PNG",
            "Templates/Contact.md": CONTACT.format(name="{{title}}"),
            "top.md": "# Top\n",
            ".hidden.md": "# root's hidden file: in the key, never a note\n",
            ".trash/old.md": "# x\n",
            ".obsidian/app.json": "{}",
            ".obsidian/plugins/p/data.json": "{}",
            ".mdnet/templates/report.md": "x",
            "Notes/.draft.md": "# x\n",
            "Notes/.cache/x.md": "# x\n",
        },
        config='exclude = ["Templates/**"]\n',
    )
    (root / "Linked").symlink_to(root / "Notes", target_is_directory=True)
    (root / "Notes" / "alias.md").symlink_to(root / "top.md")
    (root / "gone.md").symlink_to(root / "missing.md")
    (root / "loop.md").symlink_to(root / "loop.md")
    notes, every = both(root)
    assert [(e.path, e.problem) for e in notes] == [
        ("Notes/Idea.md", None),
        ("Notes/alias.md", None),  # a link to a file is read
        ("People/Dana.md", None),
        ("gone.md", "dangling symbolic link"),
        ("loop.md", "dangling symbolic link"),
        ("top.md", None),
    ]
    alias = next(e for e in notes if e.path == "Notes/alias.md")
    assert alias.size == len("# Top\n") and alias.mtime_ns == (root / "top.md").stat().st_mtime_ns
    assert every == [
        "Assets/",
        "Assets/photo.png",
        "Notes/",
        "Notes/Idea.md",
        "Notes/alias.md",
        "People/",
        "People/Dana.md",
        "Templates/",
        "Templates/Contact.md",  # excluded: not a note, still a link target
        "gone.md",
        "loop.md",
        "mdnet.toml",
        "top.md",
    ]


def test_names_that_are_not_utf8_are_listed_alike(make_vault: MakeVault) -> None:
    root = make_vault({"People/Dana.md": CONTACT.format(name="Dana")})
    raw = os.fsencode(root)
    try:
        with open(os.path.join(raw, b"bad\xff.md"), "wb") as handle:
            handle.write(b"# x\n")
        os.mkdir(os.path.join(raw, b"dir\xfe"))
        with open(os.path.join(raw, b"dir\xfe", b"in.md"), "wb") as handle:
            handle.write(b"# x\n")
    except OSError as exc:
        pytest.skip(f"the file system refuses a non-UTF-8 name: {exc}")
    notes, every = both(root)
    bad = "file name is not valid UTF-8; rename the file"
    assert [(e.path, e.problem) for e in notes] == [
        ("People/Dana.md", None),
        ("bad\\xff.md", bad),
        ("dir\\xfe/in.md", bad),
    ]
    assert "dir\\xfe/" in every


def test_an_empty_or_missing_vault_lists_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert both(tmp_path / "empty") == ([], [])
    assert both(tmp_path / "missing") == ([], [])


def test_a_cached_run_walks_the_vault_once(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_vault(
        {
            "People/Dana.md": CONTACT.format(name="Dana") + "- 2026-11-01 met [[Sam]]\n",
            "Notes/Idea.md": "# Idea\n\nSee [[Nobody]].\n",
        }
    )
    fresh = run("check", str(root), "--no-cache", "--format", "json", "--exit-zero")
    assert sorted(r["code"] for r in json.loads(fresh.stdout)) == ["C002", "L001", "L001"]
    no_walking(monkeypatch)
    for command in (("check", "--format", "json", "--exit-zero"), ("due",), ("report", "-o-")):
        result = run(command[0], str(root), *command[1:])
        assert "walked again" not in result.stderr
        assert result.exit_code == 0, result.output
    assert run("check", str(root), "--format", "json", "--exit-zero").stdout == fresh.stdout
    # Nothing outlives the run: a discovery outside one (the language server's) walks.
    with pytest.raises(AssertionError, match="walked again"):
        vault_module.load_vault(root, load_config(root))
    assert "walked again" in run("check", str(root), "--no-cache").stderr


def test_a_listing_is_taken_once_and_for_its_own_root(tmp_path: Path) -> None:
    made = listing.Listing(tmp_path, (), ())
    with listing.handed(made):
        assert listing.take(tmp_path / "other") is None
        assert listing.take(tmp_path) is made
        assert listing.take(tmp_path) is None  # a second discovery walks the vault
    with listing.handed(made):
        pass
    assert listing.take(tmp_path) is None


def test_a_note_changed_after_the_key_was_made_is_read_as_it_is_now(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch, instant: None
) -> None:
    root = make_vault({"Notes/Idea.md": "# Idea\n", "Notes/Other.md": "# Other\n"})
    note = root / "Notes" / "Idea.md"
    looked_up = replay.load
    edits: list[str] = []

    def load_then_edit(where: Path, digest: str) -> object:
        found = looked_up(where, digest)
        if not edits:  # after the key's walk, before the notes are read
            edits.append(note.read_text(encoding="utf-8"))
            note.write_text(edits[0] + "\nSee [[Nobody]].\n", encoding="utf-8")
        return found

    monkeypatch.setattr(replay, "load", load_then_edit)
    found = [(r["code"], r["path"], r["line"]) for r in vault_rows(root)]
    assert found == [("L001", "Notes/Idea.md", 3)]  # the note as it is now, read whole
    fresh = run("check", str(root), "--no-cache", "--format", "json", "--exit-zero")
    assert run("check", str(root), "--format", "json", "--exit-zero").stdout == fresh.stdout
    assert "L001" in fresh.stdout  # the next run was not answered with the one before's
    # The clean case: once the link is gone, so is the finding, replayed or not.
    note.write_text("# Idea\n", encoding="utf-8")
    assert vault_rows(root) == vault_rows(root, "--no-cache") == []
