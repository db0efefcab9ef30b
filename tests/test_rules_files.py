"""F rules through `mdnet check`: unreadable files, front matter, dates, fields, types."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import MakeVault, check_json, run
from conftest import vault_rows as rows


def findings(vault: Path, code: str) -> list[tuple[str, int, int, str]]:
    return [
        (row["path"], row["line"], row["column"], row["message"])
        for row in rows(vault, "--select", code)
    ]


def one(vault: Path, code: str) -> tuple[str, int, int, str]:
    found = findings(vault, code)
    assert len(found) == 1, found
    return found[0]


CLEAN_CONTACT = """\
---
type: contact
name: Dana Whitfield
aliases: [Dana]
met: 2026-03-14
cadence: 45d
status: active
private: false
---
## Log
- 2026-11-02 Coffee
"""

CLEAN_GOAL = """\
---
type: goal
goal: Meet 10 bloggers
horizon: long
start: 2026-01-01
deadline: 2026-12-31
target: 10
status: active
---
"""


@pytest.mark.parametrize("code", ["F001", "F002", "F003", "F004", "F005", "F006"])
def test_clean_notes_are_quiet(make_vault: MakeVault, code: str) -> None:
    vault = make_vault(
        {
            "People/Dana Whitfield.md": CLEAN_CONTACT,
            "Goals/Meet 10 bloggers.md": CLEAN_GOAL,
            "Daily/2026-11-02.md": "Coffee with [[Dana]]\n",
            "Empty.md": "",
            "Bom.md": b"\xef\xbb\xbf---\ntype: note\n---\n",
            "Crlf.md": b"---\r\ntype: note\r\n---\r\nText\r\n",
            "Event.md": '---\ntype: event\ndate: 2026-10-14\ngoal: "[[Meet 10 bloggers]]"\n---\n',
        }
    )
    assert findings(vault, code) == []


# --------------------------------------------------------------------------- F001


@pytest.mark.parametrize(
    ("data", "line", "col", "words"),
    [
        ("---\nname: Zoë\n---\n".encode("latin-1"), 2, 9, "not UTF-8"),
        ("---\nname: Zoë\n---\n".encode("utf-16"), 1, 1, "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, 1, "binary"),
    ],
)
def test_f001_undecodable(
    make_vault: MakeVault, data: bytes, line: int, col: int, words: str
) -> None:
    vault = make_vault({"People/Zoë.md": data, "ok.md": "fine\n"})
    path, got_line, got_col, message = one(vault, "F001")
    assert (path, got_line, got_col) == ("People/Zoë.md", line, col)
    assert words in message


def test_f001_over_the_size_limit(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"big.md": "x" * 2000 + "\n", "small.md": "x\n"}, config="max_file_size = 1000\n"
    )
    path, line, col, message = one(vault, "F001")
    assert (path, line, col) == ("big.md", 1, 1)
    assert "limit" in message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_f001_dangling_symlink(make_vault: MakeVault) -> None:
    vault = make_vault({"ok.md": "x\n"})
    (vault / "gone.md").symlink_to(vault / "missing.md")
    path, line, col, message = one(vault, "F001")
    assert (path, line, col) == ("gone.md", 1, 1)
    assert "symbolic link" in message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_is_not_followed(make_vault: MakeVault) -> None:
    vault = make_vault({"Sub/note.md": "See [[Nobody]]\n"})
    (vault / "Sub" / "loop").symlink_to(vault, target_is_directory=True)
    assert [(r["path"], r["code"]) for r in rows(vault)] == [("Sub/note.md", "L001")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_f001_unreadable_permissions(make_vault: MakeVault) -> None:
    vault = make_vault({"secret.md": "x\n"})
    (vault / "secret.md").chmod(0)
    try:
        path, _, _, message = one(vault, "F001")
    finally:
        (vault / "secret.md").chmod(0o644)
    assert path == "secret.md"
    assert "cannot read" in message


def test_f001_does_not_stop_the_rest_of_the_vault(make_vault: MakeVault) -> None:
    vault = make_vault({"bad.md": b"\x00\x01", "good.md": "[[Nowhere]]\n"})
    found = sorted((r["path"], r["code"]) for r in rows(vault))
    assert found == [("bad.md", "F001"), ("good.md", "L001")]


# --------------------------------------------------------------------------- F002


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("---\ntype: contact\nrole: CEO: Acme\n---\n", 3, 10, "mapping values"),
        ("---\ntype: contact\nname: x\n\tnetwork: y\n---\n", 4, 1, "invalid YAML"),
        ("---\ntype: contact\ncreated: {{date}}\n---\n", 3, 10, "template"),
        (
            "---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            "e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n",
            1,
            1,
            "alias bomb",
        ),
        ("---\nx: " + "[" * 200 + "]" * 200 + "\n---\n", 1, 1, "nested"),
    ],
)
def test_f002(make_vault: MakeVault, text: str, line: int, col: int, words: str) -> None:
    vault = make_vault({"People/Dana.md": text})
    path, got_line, got_col, message = one(vault, "F002")
    assert (path, got_line, got_col) == ("People/Dana.md", line, col)
    assert words in message


def test_f002_templates_are_quiet_when_excluded(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Templates/Contact.md": "---\ncreated: {{date}}\ntitle: <% tp.file.title %>\n---\n"},
        config='exclude = ["Templates/**"]\n',
    )
    assert findings(vault, "F") == []


# --------------------------------------------------------------------------- F003


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("---\n- a\n- b\n---\n", 2, 1, "a list"),
        ("---\nhello\n---\n", 2, 1, "a single value"),
        ("---\nnetwork: a\nname: x\nnetwork: b\n---\n", 4, 1, "duplicate key `network`"),
        ("---\ntype: contact\nname: x\n\nBody without a closing fence\n", 1, 1, "never closed"),
        ("+++\ntitle = 'x'\n+++\nbody\n", 1, 1, "TOML"),
    ],
)
def test_f003(make_vault: MakeVault, text: str, line: int, col: int, words: str) -> None:
    vault = make_vault({"note.md": text})
    path, got_line, got_col, message = one(vault, "F003")
    assert (path, got_line, got_col) == ("note.md", line, col)
    assert words in message


def test_f003_front_matter_over_its_size_limit(make_vault: MakeVault) -> None:
    text = "---\nbio: " + "x" * 500 + "\n---\n"
    vault = make_vault({"note.md": text}, config="max_front_matter_size = 100\n")
    assert one(vault, "F003")[1:3] == (1, 1)


def test_a_horizontal_rule_later_is_not_front_matter(make_vault: MakeVault) -> None:
    vault = make_vault({"note.md": "Intro\n\n---\n\nafter\n---\n"})
    assert findings(vault, "F") == []


# --------------------------------------------------------------------------- F004


@pytest.mark.parametrize(
    ("front", "line", "col", "words"),
    [
        ("type: goal\ngoal: Meet 10 people\ndeadline: 2026-13-45", 4, 11, "month 13"),
        ("type: goal\ngoal: Meet 10 people\ndeadline: next month", 4, 11, "not a date"),
        (
            "type: goal\ngoal: Meet 10 people\nstart: 2026-02-30\ndeadline: 2026-12-31",
            4,
            8,
            "28 days",
        ),
        ("type: contact\nmet: '2026-02-30'", 3, 7, "2026-02-30"),
        ("type: contact\nsnooze: 31/12/2026", 3, 9, "2026-12-31"),
        ("type: contact\nlast_contact: yesterday", 3, 15, "last_contact"),
        ("type: event\ndate: 1700000000000", 3, 7, "epoch milliseconds"),
    ],
)
def test_f004(make_vault: MakeVault, front: str, line: int, col: int, words: str) -> None:
    vault = make_vault({"note.md": f"---\n{front}\n---\n"})
    path, got_line, got_col, message = one(vault, "F004")
    assert (path, got_line, got_col) == ("note.md", line, col)
    assert words in message


def test_f004_bad_date_is_not_a_missing_deadline(make_vault: MakeVault) -> None:
    vault = make_vault({"g.md": "---\ntype: goal\ngoal: Meet 10\ndeadline: 2026-13-45\n---\n"})
    assert [r["code"] for r in check_json(vault, "--select", "F004,G001")] == ["F004"]


def test_f004_valid_dates_are_quiet(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "c.md": "---\ntype: contact\nmet: 2024-02-29\nsnooze: '2026-12-01'\n---\n",
            "e.md": "---\ntype: event\ndate: 2026-10-14T18:30\n---\n",
        }
    )
    assert findings(vault, "F004") == []


# --------------------------------------------------------------------------- F005


@pytest.mark.parametrize(
    ("front", "line", "col", "words"),
    [
        (
            "type: goal\ngoal: Meet bloggers\ndeadline: 2026-12-31\ntarget: ten",
            5,
            9,
            "`target` must be a number",
        ),
        ("type: contact\naliases: Dana", 3, 10, "aliases: [Dana]"),
        ("type: contact\naliases: {a: 1}", 3, 10, "list of names"),
        (
            "type: goal\ngoal: x 5\ndeadline: 2026-12-31\nparent: [[Publish 30 guest posts]]",
            5,
            9,
            '"[[Publish 30 guest posts]]"',
        ),
        ('x: !!python/object/apply:os.system ["true"]', 2, 4, "unsafe"),
        ("type: contact\nprivate: yes please", 3, 10, "true or false"),
        ("type: goal\ngoal: 5 posts\ndeadline: 2026-12-31\nhorizon: medium", 5, 10, "long, short"),
        ("type: goal\ngoal: 5 posts\nevery: fortnight", 4, 8, "`every`"),
        (
            "type: goal\ngoal: 5 posts\ndeadline: 2026-12-31\nmeasure: {count: friends}",
            5,
            10,
            "measure.count",
        ),
        ("type: contact\nname: [a, b]", 3, 7, "`name` must be text"),
    ],
)
def test_f005(make_vault: MakeVault, front: str, line: int, col: int, words: str) -> None:
    vault = make_vault({"note.md": f"---\n{front}\n---\n"})
    path, got_line, got_col, message = one(vault, "F005")
    assert (path, got_line, got_col) == ("note.md", line, col)
    assert words in message


def test_f005_unsafe_tag_is_never_executed(make_vault: MakeVault, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    vault = make_vault(
        {"note.md": f'---\nx: !!python/object/apply:os.system ["echo pwned > {marker}"]\n---\n'}
    )
    assert one(vault, "F005")[1:3] == (2, 4)
    assert not marker.exists()


# --------------------------------------------------------------------------- F006


@pytest.mark.parametrize(
    ("value", "col", "words"),
    [
        ("contcat", 7, "did you mean 'contact'?"),
        ("gaol", 7, "did you mean 'goal'?"),
        ("'evnt'", 8, "did you mean 'event'?"),
        ("widget", 7, "known: contact, goal, event"),
    ],
)
def test_f006(make_vault: MakeVault, value: str, col: int, words: str) -> None:
    vault = make_vault({"note.md": f"---\ntitle: x\ntype: {value}\n---\n"})
    path, line, got_col, message = one(vault, "F006")
    assert (path, line, got_col) == ("note.md", 3, col)
    assert words in message


def test_f006_is_a_warning(make_vault: MakeVault) -> None:
    vault = make_vault({"note.md": "---\ntype: contcat\n---\n"})
    (row,) = check_json(vault, "--select", "F006")
    assert row["severity"] == "warning"
    assert row["name"] == "unknown-type"
    result = run("check", str(vault), "--select", "F006")
    assert result.exit_code == 0  # a warning does not fail by default


@pytest.mark.parametrize("value", ["contact", "Goal", "EVENT", "note", "daily"])
def test_f006_known_types_are_quiet(make_vault: MakeVault, value: str) -> None:
    vault = make_vault({"note.md": f"---\ntype: {value}\n---\n"})
    assert findings(vault, "F006") == []


def test_property_types_from_mdnet_toml_alone(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Notes/a.md": "---\nrating: 5\nwhen: 2026-11-02\nok: true\n---\n",
            "Notes/b.md": "---\nrating: five\nwhen: 2026-02-30\nok: 1\n---\n",
        },
        config='[property_types]\nrating = "number"\nwhen = "date"\nok = "checkbox"\n',
    )
    found = rows(vault, "--select", "F")
    assert [(r["code"], r["path"], r["line"], r["column"]) for r in found] == [
        ("F005", "Notes/b.md", 2, 9),
        ("F004", "Notes/b.md", 3, 7),
        ("F005", "Notes/b.md", 4, 5),
    ]
    assert "mdnet.toml" in found[0]["message"]
