"""`mdnet init`, `mdnet new` and `mdnet log`: what they write, and what they never touch."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import TODAY, MakeVault, check_json, run

from mdnet.cli import cli
from mdnet.commands import new as new_command
from mdnet.config import Config, load_config
from mdnet.errors import UsageError
from mdnet.scaffold import (
    default_deadline,
    fill_template,
    init_plan,
    insert_log,
    log_line,
    moment_format,
    note_filename,
    set_front_matter,
)

DAY = date(2026, 11, 23)


def _tree(root: Path) -> dict[str, bytes]:
    """The notes and other files of a vault (not mdnet's own cache)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".mdnet_cache" not in p.parts
    }


# --------------------------------------------------------------------------- init


def test_init_creates_a_vault_that_checks_clean(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    result = run("init", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    for path in (
        "mdnet.toml",
        "README.md",
        "Templates/Contact.md",
        "Templates/Goal.md",
        "Templates/Event.md",
        "People/Jamie Rivera.md",
        "Goals/Meet 12 people in my field.md",
        "Goals/Meet 2 peers at events this month.md",
        "Events/Local writers meetup.md",
        f"Daily/{TODAY}.md",
    ):
        assert (vault / path).is_file(), path
        assert path in result.stdout  # it says what it created
    for folder in ("People", "Goals", "Events", "Daily", "Templates"):
        assert (vault / folder).is_dir()
    # No errors and no warnings -- not even an info finding -- on the day it was made.
    assert check_json(vault) == []
    config = load_config(vault)
    assert config.templates == ("Templates",)
    assert config.daily_folder == "Daily"
    assert config.origins["templates"] == ".obsidian/templates.json"
    assert json.loads((vault / ".obsidian" / "daily-notes.json").read_text()) == {
        "folder": "Daily",
        "format": "YYYY-MM-DD",
        "template": "Templates/Daily",
    }
    assert set(config.networks) == {"peers", "mentors"}
    assert all(n.cadence_days and n.value for n in config.networks.values())


def test_init_examples_cover_every_kind(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    assert run("init", str(vault), "--today", TODAY).exit_code == 0
    data = run("report", str(vault), "--format", "json").stdout
    assert '"Jamie Rivera"' in data
    assert '"horizon": "long"' in data and '"horizon": "short"' in data
    notes = run("check", str(vault), "--format", "junit").stdout
    assert '/Events/Local writers meetup.md"' in notes
    assert f'/Daily/{TODAY}.md"' in notes


def test_init_templates_are_obsidian_templates(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    assert run("init", str(vault), "--today", TODAY).exit_code == 0
    for kind in ("Contact", "Goal", "Event"):
        text = (vault / "Templates" / f"{kind}.md").read_text(encoding="utf-8")
        assert "{{title}}" in text or "{{date}}" in text
        assert "<%" not in text  # core Templates syntax only: no plugin needed


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "README.md").write_text("mine\n", encoding="utf-8")
    (vault / "People").mkdir()
    (vault / "People" / "Jamie Rivera.md").write_text("also mine\n", encoding="utf-8")
    before = _tree(vault)
    result = run("init", str(vault), "--today", TODAY)
    assert result.exit_code == 2
    assert "README.md" in result.stderr and "People/Jamie Rivera.md" in result.stderr
    assert "Traceback" not in result.output
    assert _tree(vault) == before
    assert sorted(p.name for p in vault.iterdir()) == ["People", "README.md"]


def test_init_in_an_existing_empty_folder_and_twice(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    assert run("init", str(vault), "--today", TODAY).exit_code == 0
    again = run("init", str(vault), "--today", TODAY)
    assert again.exit_code == 2
    assert "mdnet.toml" in again.stderr


def test_init_on_a_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    result = run("init", str(target), "--today", TODAY)
    assert result.exit_code == 2


def test_init_files_have_ordinary_permissions(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    assert run("init", str(vault), "--today", TODAY).exit_code == 0
    mode = stat.S_IMODE((vault / "mdnet.toml").stat().st_mode)
    assert mode & 0o044  # readable by others as umask allows, not mkstemp's 0600


@pytest.mark.parametrize("today", [date(2026, 2, 28), date(2028, 2, 29), date(2026, 12, 31)])
def test_init_plan_is_dated_from_today(today: date) -> None:
    plan = {p.path: p.text for p in init_plan(today)}
    assert f"Daily/{today.isoformat()}.md" in plan
    examples = [
        t for p, t in plan.items() if p.split("/")[0] in ("People", "Goals", "Events", "Daily")
    ]
    assert len(examples) == 5
    assert all("{{" not in text and "<%" not in text for text in examples)


# --------------------------------------------------------------------------- templates


def test_fill_template_placeholders() -> None:
    text = (
        "{{title}} {{date}} {{time}} {{date:dddd D MMMM YYYY}} {{ date:YY/MM/DD }} {{time:HH[h]mm}}"
    )
    out = fill_template(text, "Dana", DAY, time(9, 5))
    assert out == "Dana 2026-11-23 09:05 Monday 23 November 2026 26/11/23 09h05"


def test_fill_template_drops_templater_commands() -> None:
    text = 'start: <% tp.date.now("YYYY-MM-DD") %>\n<%*\nlet x = 1\n%>body {{title}}'
    assert fill_template(text, "G", DAY) == "start: \nbody G"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("YYYY-MM-DD", "2026-11-23"),
        ("Do MMM", "23rd Nov"),
        ("ddd, [week] W", "Mon, week 48"),
        ("M/D/YY", "11/23/26"),
        ("DDDD Q", "327 4"),
        ("h:mm a", "2:30 pm"),
    ],
)
def test_moment_format(fmt: str, expected: str) -> None:
    assert moment_format(fmt, DAY, time(14, 30)) == expected


def test_set_front_matter_keeps_other_lines() -> None:
    text = (
        "---\ntype: goal\n# a comment\nparent:\ndeadline: <x>\naliases:\n  - a\n  - b\n---\nbody\n"
    )
    out = set_front_matter(
        text,
        {"deadline": "2026-12-31", "aliases": None, "start": "2026-11-23"},
        {"parent": '"[[P]]"', "type": "contact"},
    )
    assert out == (
        '---\ntype: goal\n# a comment\nparent: "[[P]]"\ndeadline: 2026-12-31\n'
        "start: 2026-11-23\n---\nbody\n"
    )


def test_set_front_matter_adds_one_when_missing() -> None:
    assert set_front_matter("# Title\n", {"type": "event"}) == "---\ntype: event\n---\n# Title\n"


@pytest.mark.parametrize(
    ("horizon", "start", "expected"),
    [
        ("short", date(2026, 11, 23), date(2026, 12, 23)),
        ("long", date(2026, 3, 1), date(2026, 12, 31)),
        ("long", date(2026, 11, 23), date(2027, 12, 31)),
    ],  # < 92 days left: next year's end
)
def test_default_deadline(horizon: str, start: date, expected: date) -> None:
    assert default_deadline(horizon, start) == expected


# --------------------------------------------------------------------------- new


@pytest.mark.parametrize(
    "name",
    [
        "../escape",
        "a/b",
        "a\\b",
        "..",
        ".hidden",
        "x\x00y",
        "tab\tname",
        "what?",
        'quo"te',
        "colon:",
        "link[[x]]",
        "pipe|x",
        "hash#tag",
        "",
        "   ",
        "trailing.",
        "CON",
        "nul.md",
        "x" * 250,
    ],
)
def test_bad_note_names_are_refused(name: str) -> None:
    with pytest.raises(UsageError):
        note_filename(name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dana Whitfield", "Dana Whitfield.md"),
        ("  Sam O'Neil  ", "Sam O'Neil.md"),
        ("Zoë Ünal.md", "Zoë Ünal.md"),
        ("Q3 pitch, v2 (draft)", "Q3 pitch, v2 (draft).md"),
    ],
)
def test_good_note_names(name: str, expected: str) -> None:
    assert note_filename(name) == expected


def test_new_contact_from_the_builtin_template(make_vault: MakeVault) -> None:
    vault = make_vault({}, config='[networks.peers]\ncadence = "30d"\n')
    result = run(
        "new",
        "contact",
        "Dana Whitfield",
        "--vault",
        str(vault),
        "--network",
        "peers",
        "--today",
        TODAY,
    )
    assert result.exit_code == 0, result.output
    path = vault / "People" / "Dana Whitfield.md"
    assert result.stdout.strip().endswith("People/Dana Whitfield.md")
    text = path.read_text(encoding="utf-8")
    assert "type: contact\n" in text
    assert f"met: {TODAY}\n" in text
    assert "network: peers\n" in text
    assert 'name: "Dana Whitfield"' in text
    assert "## Log" in text
    assert [r["code"] for r in check_json(vault)] == []


def test_new_goal_defaults_and_options(make_vault: MakeVault) -> None:
    vault = make_vault({}, config="[folders]\ngoals = 'Objectives'\n")
    assert (
        run(
            "new", "goal", "Publish 30 guest posts", "--vault", str(vault), "--today", "2026-03-01"
        ).exit_code
        == 0
    )
    text = (vault / "Objectives" / "Publish 30 guest posts.md").read_text(encoding="utf-8")
    assert "horizon: long\n" in text
    assert "start: 2026-03-01\n" in text
    assert "deadline: 2026-12-31\n" in text
    assert 'goal: "Publish 30 guest posts"' in text
    assert "parent:" not in text.split("---")[1]

    result = run(
        "new",
        "goal",
        "Pitch 5 bloggers",
        "--vault",
        str(vault),
        "--parent",
        "[[Publish 30 guest posts]]",
        "--today",
        "2026-03-01",
    )
    assert result.exit_code == 0, result.output
    text = (vault / "Objectives" / "Pitch 5 bloggers.md").read_text(encoding="utf-8")
    assert "horizon: short\n" in text
    assert 'parent: "[[Publish 30 guest posts]]"\n' in text
    assert "deadline: 2026-03-31\n" in text
    codes = {r["code"] for r in check_json(vault, "--today", "2026-03-01")}
    assert not codes & {"G001", "G002", "G005", "G006", "G007", "G009", "F002", "F003"}

    result = run(
        "new",
        "goal",
        "Meet 3 bankers",
        "--vault",
        str(vault),
        "--deadline",
        "2026-04-15",
        "--today",
        "2026-03-01",
    )
    assert result.exit_code == 0
    text = (vault / "Objectives" / "Meet 3 bankers.md").read_text(encoding="utf-8")
    assert "deadline: 2026-04-15\n" in text

    bad = run(
        "new",
        "goal",
        "Meet 4 bankers",
        "--vault",
        str(vault),
        "--deadline",
        "2026-01-15",
        "--today",
        "2026-03-01",
    )
    assert bad.exit_code == 2 and "before the start" in bad.stderr


def test_new_goal_prompts_for_the_deadline_in_a_terminal(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault({}, config="")
    monkeypatch.setattr(new_command, "_interactive", lambda: True)
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["new", "goal", "Meet 5 editors", "--vault", str(vault), "--today", TODAY],
        input="not a date\n2027-02-01\n",
    )
    assert result.exit_code == 0, result.output
    assert "Deadline [2027-12-31]" in result.output
    text = (vault / "Goals" / "Meet 5 editors.md").read_text(encoding="utf-8")
    assert "deadline: 2027-02-01\n" in text
    # Enter takes the suggestion.
    result = runner.invoke(
        cli,
        [
            "new",
            "goal",
            "Meet 6 editors",
            "--horizon",
            "short",
            "--vault",
            str(vault),
            "--today",
            TODAY,
        ],
        input="\n",
    )
    assert result.exit_code == 0, result.output
    text = (vault / "Goals" / "Meet 6 editors.md").read_text(encoding="utf-8")
    assert "deadline: 2026-12-23\n" in text


@pytest.mark.parametrize(
    "args",
    [
        ("event", "X", "--network", "peers"),
        ("contact", "X", "--deadline", "2027-01-01"),
        ("event", "X", "--parent", "Goal"),
        ("contact", "X", "--horizon", "long"),
    ],
)
def test_new_options_belong_to_their_kind(make_vault: MakeVault, args: tuple[str, ...]) -> None:
    vault = make_vault({})
    result = run("new", *args, "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 2
    assert "are for goals" in result.stderr or "is for contacts" in result.stderr
    assert list(vault.iterdir()) == []


def test_new_event(make_vault: MakeVault) -> None:
    vault = make_vault({})
    assert (
        run("new", "event", "FinCon 2026", "--vault", str(vault), "--today", TODAY).exit_code == 0
    )
    text = (vault / "Events" / "FinCon 2026.md").read_text(encoding="utf-8")
    assert f"date: {TODAY}\n" in text and "type: event\n" in text and "# FinCon 2026" in text


def test_new_uses_the_vault_template(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Templates/contact.md": """\
            ---
            name: "{{title}}"
            met: <% tp.date.now("YYYY-MM-DD") %>
            network: bloggers
            ---
            Created {{date:D MMMM YYYY}} for {{title}}.
            <% tp.file.cursor() %>
            """,
        },
        config='exclude = ["Templates/**"]\n[networks.bloggers]\n',
    )
    result = run("new", "contact", "Sam Ortiz", "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "Templates/contact.md" in result.stderr
    text = (vault / "People" / "Sam Ortiz.md").read_text(encoding="utf-8")
    assert text == (
        '---\nname: "Sam Ortiz"\nmet: 2026-11-23\nnetwork: bloggers\n'
        "type: contact\n---\nCreated 23 November 2026 for Sam Ortiz.\n\n"
    )


def test_new_finds_obsidians_templates_folder(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            ".obsidian/templates.json": '{"folder": "Meta/Templates"}',
            "Meta/Templates/Event.md": "---\ntype: event\n---\n# {{title}} (mine)\n",
        },
        config='exclude = ["Meta/**"]\n',
    )
    assert run("new", "event", "Dinner", "--vault", str(vault), "--today", TODAY).exit_code == 0
    assert "(mine)" in (vault / "Events" / "Dinner.md").read_text(encoding="utf-8")


def test_new_never_overwrites(make_vault: MakeVault) -> None:
    vault = make_vault({"People/dana whitfield.md": "mine\n"})
    result = run("new", "contact", "Dana Whitfield", "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 2
    assert "not overwriting" in result.stderr
    assert (vault / "People" / "dana whitfield.md").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in (vault / "People").iterdir()) == ["dana whitfield.md"]


@pytest.mark.parametrize("name", ["../../outside", "/etc/passwd", "People/../../x", ".."])
def test_new_rejects_names_that_escape(make_vault: MakeVault, name: str) -> None:
    vault = make_vault({})
    before = sorted(p.name for p in vault.parent.iterdir())
    result = run("new", "contact", name, "--vault", str(vault), "--today", TODAY)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert sorted(p.name for p in vault.parent.iterdir()) == before
    assert not (vault / "People").exists()


def test_new_finds_the_vault_upward(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault({"People/x.md": "x\n"}, config="")
    monkeypatch.chdir(vault / "People")
    result = run("new", "contact", "Ana", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert (vault / "People" / "Ana.md").is_file()
    assert result.stdout == "Ana.md\n"  # relative to the current folder


# --------------------------------------------------------------------------- log

CONTACT = """\
---
type: contact
name: Dana Whitfield
aliases: [Dana]
network: bloggers
---
## What they do
Edits blogs.

## Log
- 2026-03-14 Met at the meetup
- 2026-04-20 Sent numbers #share
  with a follow-up paragraph

## Challenges
Two guest writers a month.
"""


def _inserted_only(before: bytes, after: bytes, line: bytes) -> None:
    """`after` is `before` with exactly `line` (and one line break) inserted somewhere."""
    assert len(after) > len(before)
    i = 0
    while i < len(before) and before[i] == after[i]:
        i += 1
    tail = len(before) - i
    assert after[len(after) - tail :] == before[i:], "bytes after the insertion changed"
    inserted = after[i : len(after) - tail]
    assert inserted.strip(b"\r\n") == line or inserted.strip(b"\r\n").endswith(line)
    assert inserted.count(b"\n") <= 3


def _log(vault: Path, *args: str) -> str:
    """Run `mdnet log` on the vault; its output with paths relative to the vault."""
    result = run("log", *args, "--vault", str(vault))
    assert result.exit_code == 0, result.output
    return result.stdout.replace(f"{vault}/", "")


def test_log_appends_after_the_last_item_byte_for_byte(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Dana Whitfield.md": CONTACT})
    path = vault / "People" / "Dana Whitfield.md"
    before = path.read_bytes()
    out = _log(
        vault,
        "dana",
        "Coffee; introduced her to [[Sam Ortiz]]",
        "--tag",
        "give",
        "--date",
        "2026-11-02",
    )
    assert out == (
        "People/Dana Whitfield.md: - 2026-11-02 Coffee; introduced her to [[Sam Ortiz]] #give\n"
    )
    after = path.read_bytes()
    line = b"- 2026-11-02 Coffee; introduced her to [[Sam Ortiz]] #give"
    _inserted_only(before, after, line)
    assert after == before.replace(
        b"  with a follow-up paragraph\n", b"  with a follow-up paragraph\n" + line + b"\n"
    )


def test_log_keeps_crlf_bom_and_missing_final_newline(make_vault: MakeVault) -> None:
    raw = ("\ufeff" + CONTACT.split("\n## Challenges")[0].rstrip("\n")).replace("\n", "\r\n")
    vault = make_vault({"People/Dana Whitfield.md": raw.encode("utf-8")})
    path = vault / "People" / "Dana Whitfield.md"
    before = path.read_bytes()
    assert not before.endswith(b"\n")
    _log(vault, "Dana Whitfield", "Call", "--date", "2026-11-05")
    after = path.read_bytes()
    assert after == before + b"\r\n- 2026-11-05 Call"
    assert after.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in after.replace(b"\r\n", b"")


def test_log_creates_the_section_when_missing(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Sam.md": "---\ntype: contact\n---\nRuns a podcast.\n"})
    path = vault / "People" / "Sam.md"
    before = path.read_bytes()
    _log(vault, "sam", "Recorded an episode", "--tag", "give", "--date", "2026-11-10")
    assert path.read_bytes() == before + b"\n## Log\n- 2026-11-10 Recorded an episode #give\n"
    # Now the section exists: the next line goes under it.
    _log(vault, "Sam", "Thanked him", "--date", "2026-11-11")
    assert path.read_bytes().endswith(b"#give\n- 2026-11-11 Thanked him\n")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("## Log\n", "## Log\n- L\n"),
        ("## Log\n\n## Next\n", "## Log\n- L\n\n## Next\n"),
        ("## Log\nSome words.\n\n## Next\n", "## Log\nSome words.\n- L\n\n## Next\n"),
        (
            "## Log\n- a\n  - nested\n\nAfter the list.\n",
            "## Log\n- a\n  - nested\n- L\n\nAfter the list.\n",
        ),
        ("## Log\n* a\n### Older\n- b\n# Top\n", "## Log\n* a\n### Older\n- b\n- L\n# Top\n"),
        (
            "## Log\n```\n## not a heading\n- not an item\n```\n- a\n",
            "## Log\n```\n## not a heading\n- not an item\n```\n- a\n- L\n",
        ),
        ("## Log\n* a\n", "## Log\n* a\n* L\n"),
        ("x", "x\n\n## Log\n- L"),
        ("", "## Log\n- L\n"),
        ("Text\n\n", "Text\n\n## Log\n- L\n"),
    ],
)
def test_insert_log_positions(body: str, expected: str) -> None:
    out = insert_log(body.encode(), "- L", Config())
    assert out.decode() == expected


def test_insert_log_refuses_non_utf8() -> None:
    with pytest.raises(UsageError):
        insert_log(b"## Log\n\xff\n", "- L", Config())


def test_log_line_tags_and_validation() -> None:
    assert log_line(" Coffee ", DAY, ["give", "#intro"]) == "- 2026-11-23 Coffee #give #intro"
    assert log_line("Coffee #give", DAY, ["Give"]) == "- 2026-11-23 Coffee #give"
    for text in ("", "two\nlines", "bell\x07"):
        with pytest.raises(UsageError):
            log_line(text, DAY, [])
    for tag in ("two words", "123", "a#b"):
        with pytest.raises(UsageError):
            log_line("x", DAY, [tag])


def test_log_finds_contacts_by_alias_and_file_name(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana Whitfield.md": CONTACT,
            "People/dw2.md": "---\ntype: contact\nname: Sam Ortiz\n---\n",
        }
    )
    assert _log(vault, "DANA", "a").startswith("People/Dana Whitfield.md:")
    assert _log(vault, "dw2", "b").startswith("People/dw2.md:")
    assert _log(vault, "sam ortiz", "c").startswith("People/dw2.md:")


def test_log_ambiguous_and_unknown(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Alex Chen.md": "---\ntype: contact\naliases: [Alex]\n---\n",
            "People/Alexandra Ruiz.md": "---\ntype: contact\naliases: [Alex]\n---\n",
        }
    )
    before = _tree(vault)
    result = run("log", "alex", "hi", "--vault", str(vault))
    assert result.exit_code == 2
    assert "People/Alex Chen.md" in result.stderr and "People/Alexandra Ruiz.md" in result.stderr
    result = run("log", "Alexandr Ruiz", "hi", "--vault", str(vault))
    assert result.exit_code == 2
    assert "did you mean 'Alexandra Ruiz'" in result.stderr
    assert _tree(vault) == before


def test_log_keeps_the_file_mode(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Dana Whitfield.md": CONTACT})
    path = vault / "People" / "Dana Whitfield.md"
    os.chmod(path, 0o640)
    _log(vault, "Dana", "x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_log_through_a_symlink_updates_the_target(make_vault: MakeVault, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "Dana.md"
    target.parent.mkdir()
    target.write_text(CONTACT, encoding="utf-8")
    vault = make_vault({})
    (vault / "People").mkdir()
    link = vault / "People" / "Dana Whitfield.md"
    link.symlink_to(target)
    _log(vault, "Dana Whitfield", "via the link", "--date", "2026-11-01")
    assert link.is_symlink()
    assert "- 2026-11-01 via the link" in target.read_text(encoding="utf-8")


def test_log_uses_mdnet_today(make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault({"People/Dana Whitfield.md": CONTACT})
    monkeypatch.setenv("MDNET_TODAY", "2026-10-01")
    assert "- 2026-10-01 x" in _log(vault, "Dana", "x")


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", ["init", "new", "log", "calendar"])
def test_help_has_examples(command: str) -> None:
    result = run(command, "--help", today=None)
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"mdnet {command}" in result.stdout.split("Examples:", 1)[1]


def test_shell_completion_of_commands_and_contact_names(make_vault: MakeVault) -> None:
    exe = Path(sys.executable).parent / "mdnet"
    if not exe.is_file():
        pytest.skip("the mdnet script is not installed next to this Python")
    vault = make_vault({"People/Dana Whitfield.md": CONTACT, "People/Sam.md": "x\n"}, config="")
    env = {**os.environ, "_MDNET_COMPLETE": "bash_source"}
    source = subprocess.run([str(exe)], env=env, capture_output=True, text=True, cwd=vault)
    assert "_mdnet_completion" in source.stdout
    env.update(_MDNET_COMPLETE="bash_complete", COMP_WORDS="mdnet log Da", COMP_CWORD="2")
    names = subprocess.run([str(exe)], env=env, capture_output=True, text=True, cwd=vault)
    assert names.stdout.split() == ["plain,Dana", "Whitfield"]
    env.update(COMP_WORDS="mdnet ca", COMP_CWORD="1")
    commands = subprocess.run([str(exe)], env=env, capture_output=True, text=True, cwd=vault)
    assert "plain,calendar" in commands.stdout


def test_shell_completion_of_log_finds_contacts_as_check_does(make_vault: MakeVault) -> None:
    exe = Path(sys.executable).parent / "mdnet"
    if not exe.is_file():
        pytest.skip("the mdnet script is not installed next to this Python")
    config = '[folders]\ncontacts = ["Team", "Clients"]\n[contacts]\ntags = ["person"]\n'
    vault = make_vault(
        {
            "Team/Dana Whitfield.md": CONTACT,
            "Clients/Dan Ortiz.md": "x\n",
            "Notes/Dale Ng.md": "---\ntags: [person]\n---\n",
            "Notes/Dashboard.md": "x\n",  # not a contact
            "Notes/Sam.md": "---\ntype: contact\n---\n",  # not Da...
        },
        config=config,
    )
    env = {**os.environ, "_MDNET_COMPLETE": "bash_complete", "COMP_CWORD": "2"}
    env["COMP_WORDS"] = "mdnet log Da"
    names = subprocess.run([str(exe)], env=env, capture_output=True, text=True, cwd=vault)
    assert names.stdout.splitlines() == ["plain,Dale Ng", "plain,Dan Ortiz", "plain,Dana Whitfield"]
    env["COMP_WORDS"] = "mdnet log ''"
    names = subprocess.run([str(exe)], env=env, capture_output=True, text=True, cwd=vault)
    assert "plain,Sam" in names.stdout.splitlines()


def test_init_keeps_the_obsidian_settings_a_vault_has(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    settings = vault / ".obsidian"
    settings.mkdir(parents=True)
    daily = '{"folder": "Journal", "format": "YYYY/MM/YYYY-MM-DD dddd"}'
    (settings / "daily-notes.json").write_text(daily, encoding="utf-8")
    (settings / "templates.json").write_text('{"folder": "Meta/Tpl"}\n', encoding="utf-8")
    (settings / "app.json").write_text("{}", encoding="utf-8")
    result = run("init", str(vault), "--today", TODAY)  # TODAY is a Monday
    assert result.exit_code == 0, result.output
    assert (settings / "daily-notes.json").read_text(encoding="utf-8") == daily
    assert (settings / "templates.json").read_text(encoding="utf-8") == '{"folder": "Meta/Tpl"}\n'
    assert (vault / "Meta/Tpl/Contact.md").is_file()  # where `mdnet new` will look
    assert not (vault / "Templates").exists()
    assert (vault / f"Journal/2026/11/{TODAY} Monday.md").is_file()
    assert check_json(vault) == []
    new = run("new", "contact", "Ada Lovelace", "--vault", str(vault), "--today", TODAY)
    assert new.exit_code == 0, new.output
    assert "Meta/Tpl/Contact.md" in new.output


def test_init_writes_only_the_obsidian_settings_that_are_missing(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / ".obsidian" / "templates.json").write_text('{"folder": "Tpl"}', encoding="utf-8")
    assert run("init", str(vault), "--today", TODAY).exit_code == 0
    written = json.loads((vault / ".obsidian" / "daily-notes.json").read_text(encoding="utf-8"))
    assert written == {"folder": "Daily", "format": "YYYY-MM-DD", "template": "Tpl/Daily"}
    assert check_json(vault) == []
