"""Tests for mdnet.config: defaults, mdnet.toml and [tool.mdnet], validation errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, codes, run, vault_rows

from mdnet.config import Config, daily_pattern_regex, find_config, load_config, parse_config
from mdnet.dates import daily_match_date
from mdnet.errors import ConfigError

TEMPLATE = """\
---
type: contact
created: {{date}}
---
"""

GOAL_NO_DEADLINE = """\
---
type: goal
goal: Meet 10 bloggers
---
"""


# --------------------------------------------------------------------------- defaults


def test_defaults_without_any_config(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    vault.mkdir()
    config = load_config(vault)
    assert config == Config()
    assert config.source is None
    assert config.cadence_days == 60
    assert config.follow_up_days == 7
    assert config.short_max_days == 92
    assert config.daily_notes == "YYYY-MM-DD"
    assert config.exclude == ()
    assert config.rules.select == ("ALL",)
    assert "some" in config.vague_words
    assert config.give_tags == ("give", "intro", "help", "share")
    assert config.ask_tags == ("ask", "request")


def test_no_config_means_no_folders(make_vault: MakeVault) -> None:
    # Without [folders] a note in People/ is a plain note: no contact rules apply.
    vault = make_vault({"People/Dana.md": "Just a note\n"})
    assert codes(vault) == []


# --------------------------------------------------------------------------- loading


def test_full_example_from_the_spec(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "mdnet.toml").write_text(
        """
cadence = "45d"
follow_up_days = 10
short_max_days = 40
exclude = ["Templates/**"]
daily_notes = "YYYY-MM-DD"

[folders]
contacts = "People/"
goals = "Goals"

[networks.bloggers]
cadence = "8w"
value = "Guest posts"

[networks.bankers]

[tags]
give = ["#Give", "intro"]
ask = ["ask"]

[rules]
select = ["ALL"]
ignore = ["E001"]
severity = { C001 = "error" }

[report]
title = "My network"
""",
        encoding="utf-8",
    )
    config = load_config(vault)
    assert config.source == (vault / "mdnet.toml").resolve()
    assert config.cadence_days == 45
    assert config.follow_up_days == 10
    assert config.short_max_days == 40
    assert config.exclude == ("Templates/**",)
    assert dict(config.folders) == {"contacts": ("People",), "goals": ("Goals",)}
    assert config.networks["bloggers"].cadence_days == 56
    assert config.networks["bloggers"].value == "Guest posts"
    assert config.networks["bankers"].cadence_days is None
    assert config.give_tags == ("give", "intro")
    assert config.rules.ignore == ("E001",)
    assert dict(config.rules.severity) == {"C001": "error"}
    assert config.report_title == "My network"


def test_pyproject_found_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.mdnet]\ncadence = "30d"\n', encoding="utf-8"
    )
    vault = tmp_path / "notes" / "vault"
    vault.mkdir(parents=True)
    assert find_config(vault) == tmp_path / "pyproject.toml"
    assert load_config(vault).cadence_days == 30


def test_pyproject_without_tool_mdnet_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mdnet]\ncadence = "30d"\n', encoding="utf-8")
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(vault) == tmp_path / "pyproject.toml"


def test_mdnet_toml_beats_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mdnet]\ncadence = "30d"\n', encoding="utf-8")
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "mdnet.toml").write_text('cadence = "20d"\n', encoding="utf-8")
    assert load_config(vault).cadence_days == 20


def test_pyproject_config_applies_through_the_cli(tmp_path: Path, make_vault: MakeVault) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mdnet]\n[tool.mdnet.rules]\nignore = ["G001"]\n', encoding="utf-8"
    )
    vault = make_vault({"Goal.md": GOAL_NO_DEADLINE})
    assert codes(vault) == []
    (tmp_path / "pyproject.toml").write_text('[tool.mdnet]\ncadence = "30d"\n', encoding="utf-8")
    assert codes(vault) == ["G001"]


def test_unknown_key_in_pyproject_names_the_file(tmp_path: Path, make_vault: MakeVault) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.mdnet]\ncadense = '30d'\n", encoding="utf-8")
    vault = make_vault({"a.md": "x\n"})
    result = run("check", str(vault))
    assert result.exit_code == 2
    assert "cadense" in result.stderr
    assert "pyproject.toml" in result.stderr


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("bogus = 1\n", "bogus"),
        ('cadence = "often"\n', "cadence"),
        ("cadence = true\n", "cadence"),
        ("follow_up_days = -1\n", "follow_up_days"),
        ('short_max_days = "92"\n', "short_max_days"),
        ('exclude = "Templates/**"\n', "exclude"),
        ('daily_notes = "DD-MM"\n', "daily_notes"),
        ('daily_notes = "notes-MM-DD"\n', "daily_notes"),
        ('[folders]\npeople = "People"\n', "folders.people"),
        ("[folders]\ncontacts = 3\n", "folders.contacts"),
        ('[networks.bloggers]\ncadence = "often"\n', "networks.bloggers.cadence"),
        ('[networks.bloggers]\nvalu = "x"\n', "networks.bloggers.valu"),
        ('[tags]\ngive = "give"\n', "tags.give"),
        ('[tags]\nthanks = ["ty"]\n', "tags.thanks"),
        ('[rules]\nselect = ["g001"]\n', "rules.select"),
        ('[rules]\nignore = ["X-1"]\n', "rules.ignore"),
        ('[rules]\nseverity = { G001 = "fatal" }\n', "rules.severity.G001"),
        ('[rules]\nseverty = { G001 = "error" }\n', "rules.severty"),
        ('[report]\nheading = "x"\n', "report.heading"),
    ],
)
def test_bad_config_exits_2_naming_the_key_and_file(
    make_vault: MakeVault, toml: str, key: str
) -> None:
    vault = make_vault({"a.md": "x\n"}, config=toml)
    result = run("check", str(vault))
    assert result.exit_code == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "\n" not in message, message  # one line
    assert "Traceback" not in result.output
    assert f"`{key}`" in message
    assert "mdnet.toml" in message
    assert message.startswith("mdnet: error:")


def test_invalid_toml_exits_2(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": "x\n"}, config="cadence = \n")
    result = run("check", str(vault))
    assert result.exit_code == 2
    assert "mdnet.toml" in result.stderr
    assert "TOML" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"cadence": "often"}, "cadence"),
        ({"rules": {"severity": {"C001": "loud"}}}, "rules.severity.C001"),
        ({"networks": {"x": {"cadence": "sometimes"}}}, "networks.x.cadence"),
        ({"daily_notes": "MM-DD"}, "daily_notes"),
        ({"networks": {"x": "45d"}}, "networks.x"),
    ],
)
def test_parse_config_raises_config_error(data: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(data, Path("vault/mdnet.toml"))
    assert f"`{key}`" in str(info.value)
    assert "vault/mdnet.toml" in str(info.value)


@pytest.mark.parametrize(
    ("value", "days"),
    [("45d", 45), ("8w", 56), ("2m", 60), ("1y", 365), (30, 30), ("weekly", 7), ("monthly", 30)],
)
def test_cadence_values(value: object, days: int) -> None:
    assert parse_config({"cadence": value}).cadence_days == days


def test_config_is_frozen() -> None:
    config = parse_config({})
    with pytest.raises(AttributeError):
        config.cadence_days = 1  # type: ignore[misc]


# ------------------------------------------------------------------ exclude, folders, daily


def test_exclude_globs_skip_templates(make_vault: MakeVault) -> None:
    files = {"Templates/Contact.md": TEMPLATE, "Templates/Sub/Goal.md": TEMPLATE, "a.md": "x\n"}
    vault = make_vault(files, config='exclude = ["Templates/**"]\n')
    assert codes(vault, "--select", "F") == []
    vault = make_vault(files, config="", name="unconfigured")
    assert codes(vault, "--select", "F") == ["F002", "F002"]


@pytest.mark.parametrize(
    ("pattern", "excluded"),
    [
        ("Templates/**", True),
        ("templates/**", True),  # case-insensitive, as on macOS and Windows
        ("*.md", True),
        ("**/Contact.md", True),
        ("Templates", True),
        ("Contact.md", True),  # no `/`: matches at any depth, as in gitignore
        ("/Contact.md", False),  # a leading `/` anchors at the vault root
        ("Sub/Contact.md", False),
        ("Templ", False),
        ("Other/**", False),
    ],
)
def test_exclude_patterns(make_vault: MakeVault, pattern: str, excluded: bool) -> None:
    vault = make_vault({"Templates/Contact.md": TEMPLATE}, config=f'exclude = ["{pattern}"]\n')
    assert codes(vault, "--select", "F") == ([] if excluded else ["F002"])


def test_excluded_files_still_count_as_link_targets(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Templates/Contact.md": TEMPLATE, "a.md": "See [[Contact]]\n"},
        config='exclude = ["Templates/**"]\n',
    )
    assert codes(vault) == []


def test_folders_decide_the_kind(make_vault: MakeVault) -> None:
    files = {"Aims/Meet people.md": "---\ngoal: Meet some people\n---\n"}
    vault = make_vault(files, config='[folders]\ngoals = "Aims"\n')
    assert sorted(codes(vault, "--select", "G001,G002")) == ["G001", "G002"]
    vault = make_vault(files, config='[folders]\ngoals = "Goals"\n', name="other")
    assert codes(vault, "--select", "G001,G002") == []


def test_type_beats_folders(make_vault: MakeVault) -> None:
    files = {"Aims/Meet people.md": "---\ntype: note\ngoal: Meet some people\n---\n"}
    vault = make_vault(files, config='[folders]\ngoals = "Aims"\n')
    assert codes(vault, "--select", "G") == []


def test_daily_notes_pattern() -> None:
    pattern = daily_pattern_regex("DD.MM.YYYY")
    found = pattern.match("Journal/02.11.2026")
    assert found is not None
    assert daily_match_date(found) == date(2026, 11, 2)
    assert pattern.match("2026-11-02") is None
    with pytest.raises(ConfigError):
        daily_pattern_regex("YYYY-MM")


def test_daily_notes_pattern_applies_to_the_vault(make_vault: MakeVault) -> None:
    # A daily note links a contact: that is an interaction on the note's date, so the
    # contact is contacted (no C005) only when the file name is read as a daily note.
    files = {
        "People/Dana.md": "---\ntype: contact\nnetwork: bloggers\n---\n",
        "Journal/02.11.2026.md": "Lunch with [[Dana]]\n",
    }
    base = '[networks.bloggers]\n[folders]\ncontacts = "People"\n'
    vault = make_vault(files, config='daily_notes = "YYYY-MM-DD"\n' + base)
    assert codes(vault, "--select", "C005") == ["C005"]
    vault = make_vault(files, config='daily_notes = "DD.MM.YYYY"\n' + base, name="dotted")
    assert codes(vault, "--select", "C005") == []


@pytest.mark.parametrize(
    ("pattern", "name"),
    [
        ("YYYY/MM/DD", "Daily/2026/11/02.md"),
        ("YYYY-MM-DD dddd", "2026-11-02 Monday.md"),
        ("YYYY-MM-DD (DD)", "2026-11-02 (02).md"),
        ("Do MMMM YYYY", "Journal/2nd November 2026.md"),
    ],
)
def test_daily_notes_patterns_users_write(make_vault: MakeVault, pattern: str, name: str) -> None:
    files = {"People/Dana.md": "---\ntype: contact\n---\n", name: "Lunch with [[Dana]]\n"}
    vault = make_vault(files, config=f'daily_notes = "{pattern}"\n')
    assert codes(vault, "--select", "C005") == []
    vault = make_vault(files, name="unconfigured")
    assert codes(vault, "--select", "C005") == ["C005"]


@pytest.mark.parametrize(
    "pattern",
    ["YYYY-MM", "gggg-[W]ww", "YYYY-MM-DD HH:mm", "[YYYY-MM-DD", "/YYYY-MM-DD", "notes-YYYY-MM-DD"],
)
def test_an_unusable_daily_notes_pattern_is_a_config_error(
    make_vault: MakeVault, pattern: str
) -> None:
    vault = make_vault({"a.md": "x\n"}, config=f'daily_notes = "{pattern}"\n')
    result = run("check", str(vault))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "`daily_notes`" in result.stderr
    assert "internal error" not in result.stderr


def test_several_contact_folders(make_vault: MakeVault) -> None:
    files = {
        "People/Dana.md": "---\nnetwork: peers\n---\n",
        "Clients/Acme Lee.md": "---\nnetwork: peers\n---\n",
        "Notes/Other.md": "---\nnetwork: peers\n---\n",
    }
    vault = make_vault(files, config='[folders]\ncontacts = ["People", "/Clients/"]\n')
    assert sorted(r["path"] for r in vault_rows(vault, "--select", "C005")) == [
        "Clients/Acme Lee.md",
        "People/Dana.md",
    ]


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("[folders]\ncontacts = [1]\n", "folders.contacts"),
        ('[folders]\ncontacts = ["../x"]\n', "folders.contacts"),
        ('[folders]\ndaily = ["a", "b"]\n', "folders.daily"),
        ('[folders]\nnotes = "N"\n', "folders.notes"),
        ('[contacts]\ntags = "person"\n', "contacts.tags"),
        ('[contacts]\nfolders = ["x"]\n', "contacts.folders"),
        ('[property_types]\nbirthday = "day"\n', "property_types.birthday"),
        ("templates = 3\n", "templates"),
    ],
)
def test_new_settings_are_validated(make_vault: MakeVault, toml: str, key: str) -> None:
    vault = make_vault({"a.md": "x\n"}, config=toml)
    result = run("check", str(vault))
    assert result.exit_code == 2
    assert f"`{key}`" in result.stderr


def test_contacts_by_tag_or_category(make_vault: MakeVault) -> None:
    files = {
        "References/Steph.md": (
            '---\ncategories:\n  - "[[People]]"\ntype:\n  - "[[Authors]]"\n---\n'
        ),
        "Notes/Ada.md": "---\ntags: [reading, person/friend]\n---\n",
        "Notes/Bo.md": "---\nTags: '#Person'\n---\n",
        "Notes/Cy.md": "---\ntags: [personal]\ncategories: [Places]\n---\n",
        "Notes/Di.md": "---\ntype: note\ntags: [person]\n---\n",  # `type:` wins
    }
    vault = make_vault(files)
    assert codes(vault, "--select", "C005") == []  # nothing is a contact by default
    config = '[contacts]\ntags = ["#person"]\ncategories = ["[[People]]"]\n'
    vault = make_vault(files, config=config, name="configured")
    assert sorted(r["path"] for r in vault_rows(vault, "--select", "C005")) == [
        "Notes/Ada.md",
        "Notes/Bo.md",
        "References/Steph.md",
    ]
