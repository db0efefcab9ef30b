"""Tests for mdnet.links: resolving links as Obsidian does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MakeVault, run, vault_rows

from mdnet.config import daily_pattern_regex
from mdnet.links import LinkIndex, Resolution, note_aliases
from mdnet.note import Link, Note, parse_note

DAILY = daily_pattern_regex("YYYY-MM-DD")

FILES = [
    "People/Dana Whitfield.md",
    "People/Sam Ortiz.md",
    "People/Alex.md",
    "Archive/Alex.md",
    "Old/People/Alex.md",
    "Goals/Publish 30 guest posts.md",
    "Goals/Sub/Deep note.md",
    "Projects/Plan.md",
    "Projects/Notes/Plan.md",
    "Notes/Plan.md",
    "Attachments/photo.png",
    "Attachments/Report.pdf",
    "Board.canvas",
    "Bases/Daily.base",
    "Elevator pitch.md",
]

NOTES = {
    "People/Dana Whitfield.md": "---\naliases: [Dana, DW]\n---\n",
    "People/Sam Ortiz.md": "---\naliases: Sammy\n---\n",
}


def make_note(path: str, text: str) -> Note:
    return parse_note(path, text.encode(), folders={}, daily=DAILY, max_front_matter_size=100_000)


@pytest.fixture(scope="module")
def index() -> LinkIndex:
    notes = [make_note(path, NOTES.get(path, "")) for path in FILES if path.endswith(".md")]
    return LinkIndex(FILES, notes)


def wiki(target: str) -> Link:
    return Link(target, 1, 1, "wiki")


def markdown(target: str) -> Link:
    return Link(target, 1, 1, "markdown")


@pytest.mark.parametrize(
    ("target", "source", "expected"),
    [
        # by name, case-insensitively, from anywhere
        ("Dana Whitfield", "Daily/2026-11-02.md", "People/Dana Whitfield.md"),
        ("dana whitfield", "Daily/2026-11-02.md", "People/Dana Whitfield.md"),
        ("DANA WHITFIELD.md", "x.md", "People/Dana Whitfield.md"),
        ("elevator PITCH", "People/Sam Ortiz.md", "Elevator pitch.md"),
        # folder paths from the vault root
        ("People/Dana Whitfield", "Goals/x.md", "People/Dana Whitfield.md"),
        ("people/dana whitfield", "Goals/x.md", "People/Dana Whitfield.md"),
        ("Goals/Sub/Deep note", "People/Alex.md", "Goals/Sub/Deep note.md"),
        # a partial path matches the end of a longer one
        ("Sub/Deep note", "x.md", "Goals/Sub/Deep note.md"),
        # aliases (list and single string)
        ("Dana", "x.md", "People/Dana Whitfield.md"),
        ("dw", "x.md", "People/Dana Whitfield.md"),
        ("Sammy", "x.md", "People/Sam Ortiz.md"),
        # attachments and other files resolve by name
        ("photo.png", "x.md", "Attachments/photo.png"),
        ("Report.pdf", "x.md", "Attachments/Report.pdf"),
        ("report.PDF", "x.md", "Attachments/Report.pdf"),
        ("Board.canvas", "x.md", "Board.canvas"),
        ("Daily.base", "x.md", "Bases/Daily.base"),
        ("Attachments/photo.png", "People/Alex.md", "Attachments/photo.png"),
    ],
)
def test_wikilinks_resolve(index: LinkIndex, target: str, source: str, expected: str) -> None:
    resolution = index.resolve(wiki(target), source)
    assert resolution.path == expected
    assert not resolution.ambiguous


@pytest.mark.parametrize(
    "target",
    [
        "Nobody",
        "photo",  # an attachment needs its extension
        "Board",
        "People/Nobody",
        "Nowhere/Dana Whitfield",
        "Report.png",
    ],
)
def test_broken_links(index: LinkIndex, target: str) -> None:
    assert index.resolve(wiki(target), "x.md") == Resolution(None)


@pytest.mark.parametrize(
    ("target", "source", "expected"),
    [
        ("Dana Whitfield.md", "People/Sam Ortiz.md", "People/Dana Whitfield.md"),
        ("../People/Dana Whitfield.md", "Goals/x.md", "People/Dana Whitfield.md"),
        ("./Sam Ortiz.md", "People/Dana Whitfield.md", "People/Sam Ortiz.md"),
        ("../../People/Sam Ortiz.md", "Goals/Sub/Deep note.md", "People/Sam Ortiz.md"),
        ("Deep note.md", "Goals/Sub/Other.md", "Goals/Sub/Deep note.md"),
        # a path that is not relative to the note is tried from the root
        ("People/Sam Ortiz.md", "Goals/x.md", "People/Sam Ortiz.md"),
        ("../Attachments/photo.png", "People/Alex.md", "Attachments/photo.png"),
    ],
)
def test_markdown_links_are_relative_to_the_note(
    index: LinkIndex, target: str, source: str, expected: str
) -> None:
    assert index.resolve(markdown(target), source).path == expected


def test_relative_path_that_goes_nowhere_is_broken(index: LinkIndex) -> None:
    assert index.resolve(markdown("../Nobody.md"), "People/Alex.md").path is None
    assert index.resolve(wiki("./Nobody"), "People/Alex.md").path is None


def test_same_folder_wins(index: LinkIndex) -> None:
    resolution = index.resolve(wiki("Alex"), "Archive/Notes about Alex.md")
    assert resolution.path == "Archive/Alex.md"
    assert not resolution.ambiguous
    resolution = index.resolve(wiki("alex"), "People/Dana Whitfield.md")
    assert resolution.path == "People/Alex.md"
    assert not resolution.ambiguous


def test_ambiguous_link_resolves_to_the_shortest_path(index: LinkIndex) -> None:
    resolution = index.resolve(wiki("Alex"), "Daily/2026-11-02.md")
    assert resolution.ambiguous
    assert sorted(resolution.candidates) == [
        "Archive/Alex.md",
        "Old/People/Alex.md",
        "People/Alex.md",
    ]
    assert resolution.path == "People/Alex.md"  # shortest path, then alphabetical


def test_ambiguous_partial_path(index: LinkIndex) -> None:
    resolution = index.resolve(wiki("People/Alex"), "x.md")
    assert resolution.path == "People/Alex.md"  # exact path from the root wins
    assert not resolution.ambiguous
    resolution = index.resolve(wiki("Plan"), "x.md")
    assert resolution.ambiguous
    assert resolution.path == "Notes/Plan.md"
    assert len(resolution.candidates) == 3


def test_name_beats_alias() -> None:
    notes = [
        make_note("People/Alex Chen.md", "---\naliases: [Sam Ortiz]\n---\n"),
        make_note("People/Sam Ortiz.md", ""),
    ]
    index = LinkIndex([n.path for n in notes], notes)
    assert index.resolve(wiki("Sam Ortiz"), "x.md").path == "People/Sam Ortiz.md"


def test_shared_alias_is_ambiguous() -> None:
    notes = [
        make_note("People/Alex Chen.md", "---\naliases: [Alex]\n---\n"),
        make_note("People/Alexandra Ruiz.md", "---\naliases: [Alex]\n---\n"),
    ]
    index = LinkIndex([n.path for n in notes], notes)
    resolution = index.resolve(wiki("Alex"), "Daily/2026-11-02.md")
    assert resolution.ambiguous
    assert resolution.path == "People/Alex Chen.md"


def test_resolution_is_cached_per_folder(index: LinkIndex) -> None:
    first = index.resolve(wiki("Alex"), "Archive/a.md")
    second = index.resolve(wiki("Alex"), "People/b.md")
    assert (first.path, second.path) == ("Archive/Alex.md", "People/Alex.md")


def test_each_note_resolves_names_from_its_own_folder() -> None:
    # A name with one file or none is remembered for every folder; a name of several files
    # and a Markdown link are resolved from each note's folder.
    files = ["People/Sam Ortiz.md", "Projects/Plan.md", "Notes/Plan.md", "Archive/Plan.md"]
    text = "[[Sam Ortiz]] [[Plan]] [p](Plan.md) [[Nobody]] [[ Sam Ortiz ]]\n"
    notes = [make_note(path, text) for path in ("Projects/a.md", "Notes/b.md", "Daily/c.md")]
    index = LinkIndex(files, [make_note(path, "") for path in files])
    found = [[r.path for r in index.resolve_note(note)] for note in notes]
    sam = "People/Sam Ortiz.md"
    assert found == [  # the wikilinks of a line, then its Markdown link
        [sam, "Projects/Plan.md", None, sam, "Projects/Plan.md"],
        [sam, "Notes/Plan.md", None, sam, "Notes/Plan.md"],
        [sam, "Notes/Plan.md", None, sam, "Notes/Plan.md"],
    ]
    assert [index.resolve(wiki("Plan"), path).ambiguous for path in ("a.md", "Archive/d.md")] == [
        True,
        False,
    ]


@pytest.mark.parametrize(
    ("front_matter", "aliases"),
    [
        ("aliases: [Dana, DW]", ["Dana", "DW"]),
        ("aliases: Dana", ["Dana"]),
        ("alias: Dana", ["Dana"]),
        ("aliases: [Dana, 3, '']", ["Dana"]),
        ("aliases: ''", []),
        ("aliases: 7", []),
        ("name: x", []),
        ("Alias: [JB, Jimmy]", ["JB", "Jimmy"]),
        ("Aliases: Jim", ["Jim"]),
        ("ALIASES: [Jim]", ["Jim"]),
        ("aliases: [A]\nAlias: B", ["A", "B"]),
        ("aliasing: [Jim]", []),
        ("my_aliases: [Jim]", []),
    ],
)
def test_note_aliases(front_matter: str, aliases: list[str]) -> None:
    assert note_aliases(make_note("a.md", f"---\n{front_matter}\n---\n")) == aliases


def test_markdown_links_may_point_at_a_folder_but_wikilinks_may_not() -> None:
    files = ["README.md", "queries/", "queries/q1.md", "docs/guide.md"]
    index = LinkIndex(files, [])
    md = Link("queries", 1, 1, "markdown")
    assert index.resolve(md, "README.md").path == "queries"
    assert index.resolve(Link("../queries", 1, 1, "markdown"), "docs/guide.md").path == "queries"
    assert index.resolve(Link("queries", 1, 1, "wiki"), "README.md").path is None


def test_a_markdown_link_is_first_a_path_from_the_note_folder() -> None:
    files = ["docs/Plan.md", "Plan.md"]
    index = LinkIndex(files, [])
    assert index.resolve(Link("Plan.md", 1, 1, "markdown"), "docs/guide.md").path == "docs/Plan.md"
    assert index.resolve(Link("Plan.md", 1, 1, "markdown"), "x.md").path == "Plan.md"


def _contacts(vault: Path) -> dict[str, dict[str, object]]:
    result = run("report", str(vault), "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["path"]: row for row in json.loads(result.stdout)["contacts"]}


def test_aliases_under_any_case_key_resolve_and_count(make_vault: MakeVault) -> None:
    """Obsidian reads `Alias:` and `Aliases:`: links to them resolve, and a daily note that
    names a contact by such an alias is an interaction with that contact."""
    vault = make_vault(
        {
            "People/Jim Brig.md": "---\nAlias: [JB]\nnetwork: work\n---\n",
            "People/Samuel Ortiz.md": "---\nAliases: Sam\nnetwork: work\n---\n",
            "2026-11-20.md": "- coffee with [[JB]]\n",
            "2026-11-21.md": "Lunch with [[Sam]]. Then [[Nobody]].\n",
        },
        config='[folders]\ncontacts = "People"\n',
    )
    rows = [(r["code"], r["path"], r["line"], r["column"]) for r in vault_rows(vault)]
    assert rows == [("L001", "2026-11-21.md", 1, 26)]
    contacts = _contacts(vault)
    assert contacts["People/Jim Brig.md"]["last_contact"] == "2026-11-20"
    assert contacts["People/Samuel Ortiz.md"]["last_contact"] == "2026-11-21"


def test_a_vault_with_lower_case_aliases_is_clean(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana.md": "---\naliases: [DW]\nnetwork: work\n---\n",
            "2026-11-20.md": "- call with [[DW]]\n",
        },
        config='[folders]\ncontacts = "People"\n',
    )
    assert vault_rows(vault) == []
    assert _contacts(vault)["People/Dana.md"]["last_contact"] == "2026-11-20"
