"""L rules through `mdnet check`: broken links, ambiguous links, duplicate contacts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MakeVault
from conftest import vault_rows as rows

DANA = "---\ntype: contact\naliases: [Dana, DW]\n---\n"
SAM = "---\ntype: contact\n---\n"


def places(vault: Path, code: str) -> list[tuple[str, int, int]]:
    return [(r["path"], r["line"], r["column"]) for r in rows(vault, "--select", code)]


def messages(vault: Path, code: str) -> list[str]:
    return [r["message"] for r in rows(vault, "--select", code)]


BASE = {
    "People/Dana Whitfield.md": DANA,
    "People/Sam Ortiz.md": SAM,
    "Goals/Publish 30 guest posts.md": "---\ntype: goal\n---\n",
    "Attachments/photo.png": b"\x89PNG",
    "Attachments/Report.pdf": b"%PDF",
    "Board.canvas": "{}",
    "Daily.base": "views: []\n",
}


# --------------------------------------------------------------------------- L001


@pytest.mark.parametrize(
    ("line_text", "col", "shown"),
    [
        ("Coffee with [[Jon Smyth]]", 13, "[[Jon Smyth]]"),
        ("Coffee with [[Jon Smyth|Jon]]", 13, "[[Jon Smyth]]"),
        ("Coffee with [[Jon Smyth#Log]]", 13, "[[Jon Smyth]]"),
        ("Coffee with [[Jon Smyth#^abc123]]", 13, "[[Jon Smyth]]"),
        ("See ![[missing.png]]", 5, "[[missing.png]]"),
        ("See [[People/Jon Smyth]]", 5, "[[People/Jon Smyth]]"),
        ("See [[Archive/Dana Whitfield]]", 5, "[[Archive/Dana Whitfield]]"),
        ("See [x](People/Jon%20Smyth.md)", 5, "(People/Jon Smyth.md)"),
        ("See [x](../Nowhere.md)", 5, "(../Nowhere.md)"),
        ("| [[Jon Smyth\\|Jon]] | x |", 3, "[[Jon Smyth]]"),
        ("- 2026-11-02 Coffee with [[Jon Smyth]] #give", 26, "[[Jon Smyth]]"),
        ("- [x] emailed [[Jon Smyth]] ✅ 2026-11-02", 15, "[[Jon Smyth]]"),
    ],
)
def test_l001_body_links(make_vault: MakeVault, line_text: str, col: int, shown: str) -> None:
    vault = make_vault({**BASE, "Daily/2026-11-10.md": f"# Tuesday\n\n{line_text}\n"})
    found = rows(vault, "--select", "L001")
    assert [(r["path"], r["line"], r["column"]) for r in found] == [("Daily/2026-11-10.md", 3, col)]
    assert shown in found[0]["message"]
    assert found[0]["severity"] == "warning"


def test_l001_property_links_point_at_their_value(make_vault: MakeVault) -> None:
    note = (
        "---\n"
        "type: event\n"
        "date: 2026-10-14\n"
        'goal: "[[Nope Goal]]"\n'
        'attendees: ["[[Dana]]", "[[Ghost]]"]\n'
        "speakers:\n"
        '  - "[[Sam Ortiz]]"\n'
        '  - "[[Phantom]]"\n'
        "---\n"
    )
    vault = make_vault({**BASE, "Events/Dinner.md": note})
    found = rows(vault, "--select", "L001")
    assert [(r["line"], r["column"]) for r in found] == [(4, 8), (5, 26), (8, 6)]
    assert "in `goal`" in found[0]["message"]
    assert "[[Ghost]] in `attendees`" in found[1]["message"]
    assert "[[Phantom]] in `speakers`" in found[2]["message"]


def test_l001_resolving_links_are_quiet(make_vault: MakeVault) -> None:
    text = """\
    ---
    type: event
    date: 2026-10-14
    goal: "[[Publish 30 guest posts]]"
    attendees: ["[[Dana]]", "[[sam ortiz]]"]
    ---
    - 2026-11-02 [[Dana Whitfield]], [[DW|her]], [[dana whitfield#Log]], [[Sam Ortiz#^b1]]
    - [[2026-11-02]] and [[2026-13-45]] are days, never broken
    Embeds: ![[photo.png]] [[Report.pdf]] ![[Daily.base]] [[Board.canvas]]
    Paths: [[People/Dana Whitfield]] [[Attachments/photo.png]]
    Markdown: [a](../People/Dana%20Whitfield.md) [b](<../People/Sam Ortiz.md>)
    External: [site](https://example.com/Nope.md) [top](#heading)
    Code: `[[Nope]]`
    %%[[Nope]]%% <!-- [[Nope]] -->
    ```
    [[Nope]]
    ```
    """
    vault = make_vault({**BASE, "Events/Dinner.md": text})
    assert places(vault, "L001") == []


def test_l001_link_to_an_excluded_note_is_not_broken(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Templates/Contact.md": "---\ncreated: {{date}}\n---\n", "a.md": "[[Contact]]\n"},
        config='exclude = ["Templates/**"]\n',
    )
    assert places(vault, "L") == []


def test_l001_hidden_folders_are_not_link_targets(make_vault: MakeVault) -> None:
    vault = make_vault({".trash/Old.md": "x\n", "a.md": "[[Old]]\n"})
    assert places(vault, "L001") == [("a.md", 1, 1)]


def test_l001_in_an_unreadable_note_is_not_reported(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": b"[[Nope]]\n\x00"})
    assert places(vault, "L001") == []


UNRUN = '---\nDate: <% tp.date.now() %>\nAlias: [ "<% tp.date.now("YYYY-MM-DD") %>" ]\n---\n'


@pytest.mark.parametrize("target", ["<% tp.date.yesterday() %>", "{{date:YYYY-MM-DD}}"])
def test_l001_a_placeholder_link_says_the_template_never_ran(
    make_vault: MakeVault, target: str
) -> None:
    vault = make_vault({"Daily/2023-09-12.md": f"Back to [[{target}]]\n"})
    assert places(vault, "L001") == [("Daily/2023-09-12.md", 1, 9)]
    (message,) = messages(vault, "L001")
    assert "template placeholder" in message and "templates = [" in message


def test_l001_a_placeholder_link_in_a_note_with_an_f002_placeholder_is_that_one_finding(
    make_vault: MakeVault,
) -> None:
    text = UNRUN + "<< [[<% tp.date.yesterday() %>]] | [[{{tomorrow}}]] >>\nSee [[Nobody]]\n"
    vault = make_vault({"Daily/2023-09-12.md": text})
    found = rows(vault, "--select", "F002,L001")
    assert [(r["code"], r["line"]) for r in found] == [("F002", 3), ("L001", 6)]
    assert "template placeholder" in found[0]["message"]


def test_l001_an_f002_of_another_cause_keeps_placeholder_links(make_vault: MakeVault) -> None:
    text = "---\nkey: [unclosed\n---\n[[<% tp.date.yesterday() %>]]\n"
    vault = make_vault({"Notes/Broken.md": text})
    assert places(vault, "L001") == [("Notes/Broken.md", 4, 1)]


# --------------------------------------------------------------------------- L002


AMBIGUOUS = {
    "People/Alex.md": "---\ntype: contact\n---\n",
    "Archive/Alex.md": "old notes\n",
}


def test_l002_ambiguous_name(make_vault: MakeVault) -> None:
    vault = make_vault({**AMBIGUOUS, "Daily/2026-11-02.md": "Lunch with\n[[Alex]] today\n"})
    found = rows(vault, "--select", "L002")
    assert [(r["path"], r["line"], r["column"]) for r in found] == [("Daily/2026-11-02.md", 2, 1)]
    message = found[0]["message"]
    assert "Archive/Alex.md" in message
    assert "People/Alex.md" in message
    assert "using People/Alex.md" in message  # shortest path
    assert places(vault, "L001") == []


def test_l002_names_three_candidates_and_counts_the_others(make_vault: MakeVault) -> None:
    langs = ("de", "en", "fr", "it", "ja")
    vault = make_vault({**{f"{lang}/Alex.md": "x\n" for lang in langs}, "a.md": "[[Alex]]\n"})
    (message,) = messages(vault, "L002")
    assert "de/Alex.md, en/Alex.md, fr/Alex.md and 2 more" in message
    assert "it/Alex.md" not in message.split(";")[0]
    assert message.endswith("; using de/Alex.md")


def test_l002_shows_a_markdown_link_as_a_markdown_link(make_vault: MakeVault) -> None:
    vault = make_vault({**AMBIGUOUS, "a.md": "Lunch with [Alex](Alex.md) and [[Alex]]\n"})
    assert places(vault, "L002") == [("a.md", 1, 12), ("a.md", 1, 32)]
    markdown, wiki = messages(vault, "L002")
    assert "(Alex.md)" in markdown
    assert "[[" not in markdown
    assert "[[Alex]]" in wiki


def test_l002_name_and_alias(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Alex Chen.md": "---\ntype: contact\naliases: [Alex]\n---\n",
            "People/Alexandra Ruiz.md": "---\ntype: contact\naliases: [Alex]\n---\n",
            "a.md": "Met [[Alex]]\n",
        }
    )
    assert places(vault, "L002") == [("a.md", 1, 5)]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("Archive/Notes.md", "[[Alex]]\n"),  # the same folder wins
        ("People/Notes.md", "[[Alex]]\n"),
        ("a.md", "[[People/Alex]] and [[Archive/Alex]]\n"),  # a path is exact
        ("b.md", "[x](People/Alex.md)\n"),
    ],
)
def test_l002_quiet(make_vault: MakeVault, path: str, text: str) -> None:
    vault = make_vault({**AMBIGUOUS, path: text})
    assert places(vault, "L002") == []


# --------------------------------------------------------------------------- L003


def test_l003_shared_alias(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Alex Chen.md": "---\ntype: contact\naliases: [Alex, AC]\n---\n",
            "People/Alexandra Ruiz.md": "---\ntype: contact\nnetwork: x\naliases: [Alex]\n---\n",
        }
    )
    found = rows(vault, "--select", "L003")
    assert [(r["path"], r["line"], r["column"]) for r in found] == [
        ("People/Alexandra Ruiz.md", 4, 10)
    ]
    assert found[0]["message"] == "alias 'Alex' is also used by People/Alex Chen.md"
    assert found[0]["severity"] == "error"


def test_l003_shared_name(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana Whitfield.md": "---\ntype: contact\n---\n",
            "Work/Dana W.md": "---\ntype: contact\nnetwork: x\nname: Dana Whitfield\n---\n",
        }
    )
    found = rows(vault, "--select", "L003")
    assert [(r["path"], r["line"], r["column"]) for r in found] == [("Work/Dana W.md", 4, 7)]
    assert "name 'Dana Whitfield'" in found[0]["message"]
    assert "People/Dana Whitfield.md" in found[0]["message"]


def test_l003_alias_equal_to_another_contacts_name(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana.md": "---\ntype: contact\n---\n",
            "People/Other.md": "---\ntype: contact\naliases: [dana]\n---\n",
        }
    )
    assert places(vault, "L003") == [("People/Other.md", 3, 10)]


def test_l003_quiet(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Alex Chen.md": "---\ntype: contact\naliases: [Alex C.]\n---\n",
            "People/Alexandra Ruiz.md": "---\ntype: contact\naliases: [Alex R.]\n---\n",
            # the same name on a note that is not a contact is no duplicate contact
            "Notes/Alex C..md": "A plain note\n",
            # a contact's own alias equal to its own name is not a duplicate
            "People/Sam.md": "---\ntype: contact\naliases: [Sam, sam]\n---\n",
        }
    )
    assert places(vault, "L003") == []
