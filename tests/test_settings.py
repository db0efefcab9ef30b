"""Tests for `mdnet check --show-settings` (mdnet.settings): values and where they came from."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import msgspec
import pytest
from conftest import MakeVault, run

from mdnet.config import load_config, parse_config

FULL = """\
cadence = "45d"
daily_notes = "YYYY/MM/YYYY-MM-DD dddd"
templates = ["Meta/Templates"]
exclude = ["Archive/**"]
vague_words = ["some", "a \\"few\\""]

[folders]
contacts = ["People", "Clients"]
daily = "Journal"

[contacts]
tags = ["person"]
categories = ["People"]

[property_types]
birthday = "date"
"monthly uses" = "number"

[networks.peers]
cadence = "8w"
value = "Intros"

[tags]
give = ["give"]

[rules]
select = ["C", "F"]
ignore = ["C004"]
severity = { C001 = "info" }
per-file-ignores = { "Clippings/**" = ["L001"] }

[report]
title = "Mine"
"""


def settings(vault: Path, *args: str) -> dict[str, tuple[str, str]]:
    """`check --show-settings` as key -> (value, origin)."""
    result = run("check", str(vault), "--show-settings", *args)
    assert result.exit_code == 0, result.output
    rows = {}
    for line in result.stdout.splitlines():
        if line.startswith("#"):
            continue
        setting, origin = line.rsplit("  # ", 1)
        key, value = setting.split(" = ", 1)
        rows[key] = (value.strip(), origin)
    return rows


def test_defaults_and_no_checking(make_vault: MakeVault) -> None:
    vault = make_vault({"Broken.md": "---\ncreated: {{date}}\n---\n"})
    result = run("check", str(vault), "--show-settings")
    assert result.exit_code == 0  # the note's F002 is not looked for
    assert "F002" not in result.stdout
    rows = settings(vault)
    assert rows["cadence"] == ("60", "default")
    assert rows["daily_notes"] == ('"YYYY-MM-DD"', "default")
    assert {origin for _, origin in rows.values()} == {"default"}


def test_each_value_says_where_it_came_from(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"a.md": "x\n"},
        config='cadence = "45d"\ndaily_notes = "DD.MM.YYYY"\n[rules]\nignore = ["L"]\n',
    )
    obsidian = vault / ".obsidian"
    obsidian.mkdir()
    (obsidian / "daily-notes.json").write_text('{"folder": "Daily", "format": "YYYY-MM-DD"}')
    (obsidian / "templates.json").write_text('{"folder": "Templates"}')
    (obsidian / "types.json").write_text('{"types": {"birthday": "date", "met": "datetime"}}')
    rows = settings(vault)
    assert rows["cadence"] == ("45", "mdnet.toml")
    assert rows["daily_notes"] == ('"DD.MM.YYYY"', "mdnet.toml")  # mdnet.toml wins
    assert rows["folders.daily"] == ('"Daily"', ".obsidian/daily-notes.json")
    assert rows["templates"] == ('["Templates"]', ".obsidian/templates.json")
    assert rows["property_types.birthday"] == ('"date"', ".obsidian/types.json")
    assert rows["rules.ignore"] == ('["L"]', "mdnet.toml")
    assert rows["rules.select"] == ('["ALL"]', "mdnet.toml")  # the [rules] table was given
    assert rows["due_soon_days"] == ("7", "default")


def test_pyproject_is_named(make_vault: MakeVault) -> None:
    vault = make_vault({"notes/a.md": "x\n"})
    (vault / "pyproject.toml").write_text("[tool.mdnet]\nfollow_up_days = 3\n", encoding="utf-8")
    assert settings(vault)["follow_up_days"] == ("3", "pyproject.toml")


def test_the_settings_shown_load_back_as_the_same_configuration(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "x\n"}, config=FULL)
    result = run("check", str(vault), "--show-settings")
    assert result.exit_code == 0, result.output
    shown = tomllib.loads(result.stdout)
    original = load_config(vault)
    again = parse_config(shown)
    ignore = {"source", "origins"}
    for field in msgspec.structs.fields(original):
        if field.name not in ignore:
            assert getattr(again, field.name) == getattr(original, field.name), field.name


def test_found_from_a_sub_folder_and_from_the_current_folder(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault({"People/Dana.md": "x\n"}, config="follow_up_days = 4\n")
    assert settings(vault / "People")["follow_up_days"] == ("4", "mdnet.toml")
    monkeypatch.chdir(vault / "People")
    result = run("check", "--show-settings")
    assert "follow_up_days = 4" in result.stdout
    assert os.fspath(vault.resolve()) in result.stdout.splitlines()[0]


def test_a_bad_setting_is_still_an_error(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "x\n"}, config='daily_notes = "YYYY-MM"\n')
    result = run("check", str(vault), "--show-settings")
    assert result.exit_code == 2
    assert "`daily_notes`" in result.stderr


def test_an_odd_obsidian_file_is_a_warning_here_too(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "x\n"})
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "types.json").write_text("{oops", encoding="utf-8")
    result = run("check", str(vault), "--show-settings")
    assert result.exit_code == 0
    assert result.stderr.startswith("mdnet: warning: .obsidian/types.json: ")
    assert json.dumps("YYYY-MM-DD") in result.stdout
