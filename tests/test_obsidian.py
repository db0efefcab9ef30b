"""Tests for mdnet.obsidian: Obsidian's own settings in `.obsidian/`, and mdnet.toml winning."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, codes, run, vault_rows
from hypothesis import given
from hypothesis import settings as settings_profile
from hypothesis import strategies as st

from mdnet.config import SettingsWarning, load_config
from mdnet.obsidian import read_obsidian

CONTACT = "---\nnetwork: peers\n---\n"
NETWORKS = '[networks.peers]\n[folders]\ncontacts = "People"\n'
TEMPLATE = "---\ntype: contact\ncreated: {{date}}\n---\n"


def settings(vault: Path, name: str, data: Any) -> None:
    """Write `.obsidian/NAME` (JSON unless `data` is text)."""
    path = vault / ".obsidian" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


def never_contacted(vault: Path, *args: str) -> list[str]:
    return [r["path"] for r in vault_rows(vault, "--select", "C005", *args)]


# ------------------------------------------------------------------ daily notes


def test_daily_notes_folder_and_nested_format(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana.md": CONTACT,
            "People/Lee.md": CONTACT,
            "Journal/2026/11/2026-11-02 Monday.md": "Lunch with [[Dana]]\n",
            # not under the daily-notes folder: a plain note, so Lee stays never contacted
            "Notes/2026-11-03.md": "Call with [[Lee]]\n",
        },
        config=NETWORKS,
    )
    assert never_contacted(vault) == ["People/Dana.md"]  # by default: any YYYY-MM-DD note
    settings(vault, "daily-notes.json", {"folder": "Journal/", "format": "YYYY/MM/YYYY-MM-DD dddd"})
    assert never_contacted(vault) == ["People/Lee.md"]


def test_daily_notes_folder_alone_keeps_the_default_format(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"People/Dana.md": CONTACT, "Daily/Archive/2026-11-02.md": "Lunch with [[Dana]]\n"},
        config=NETWORKS,
    )
    settings(vault, "daily-notes.json", {"folder": "Daily", "template": "Templates/Daily"})
    assert never_contacted(vault) == []  # at any depth under the folder, as JimsObsidianVault


def test_mdnet_toml_wins_over_daily_notes_json(make_vault: MakeVault) -> None:
    files = {"People/Dana.md": CONTACT, "Log/02.11.2026.md": "Lunch with [[Dana]]\n"}
    vault = make_vault(files, config='daily_notes = "DD.MM.YYYY"\n' + NETWORKS)
    settings(vault, "daily-notes.json", {"folder": "Daily", "format": "YYYY-MM-DD"})
    assert never_contacted(vault) == ["People/Dana.md"]  # the folder still comes from Obsidian
    config = NETWORKS.replace("[folders]\n", '[folders]\ndaily = ""\n')
    vault = make_vault(files, config='daily_notes = "DD.MM.YYYY"\n' + config, name="both")
    settings(vault, "daily-notes.json", {"folder": "Daily", "format": "YYYY-MM-DD"})
    assert never_contacted(vault) == []


def test_core_plugin_turned_off_means_no_daily_notes_settings(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"People/Dana.md": CONTACT, "Notes/2026-11-02.md": "Lunch with [[Dana]]\n"},
        config=NETWORKS,
    )
    settings(vault, "daily-notes.json", {"folder": "Daily"})
    assert never_contacted(vault) == ["People/Dana.md"]
    settings(vault, "core-plugins.json", {"daily-notes": False, "templates": True})
    assert never_contacted(vault) == []


# ------------------------------------------------------------------ templates


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("templates.json", {"folder": "Meta/Templates"}),
        ("plugins/templater-obsidian/data.json", {"templates_folder": "/Meta/Templates/"}),
    ],
)
def test_template_folders_are_not_notes(make_vault: MakeVault, name: str, data: Any) -> None:
    vault = make_vault(
        {
            "Meta/Templates/Contact.md": TEMPLATE,
            "Meta/Templates/Person.md": "---\ntype: contact\nnetwork: peers\n---\n",
            "Home.md": "New people start from [[Contact]] and [[Meta/Templates/Person]].\n",
        },
        config="[networks.peers]\n",
    )
    assert {"C005", "F002"} <= set(codes(vault))
    settings(vault, name, data)
    assert codes(vault) == []  # not linted, not a contact, and links to them resolve
    due = run("due", str(vault), "--format", "json")
    assert "Person" not in due.stdout


def test_kepano_style_templates_with_placeholders_are_quiet(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Templates/Daily Note Template.md": "---\ndate: {{date}}\n---\n",
            "Templates/Bases/People.md": "---\ncategories: [[People]]\n---\n",
            "Daily/2026-11-02.md": "---\ntags: [daily]\n---\nSee [[Daily Note Template]].\n",
        }
    )
    settings(vault, "templates.json", {"folder": "Templates"})
    assert codes(vault) == []


# ------------------------------------------------------------------ excluded files


def test_obsidian_excluded_files_are_left_out(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana.md": CONTACT,
            "Archive/old.md": "---\ndate: {{date}}\n---\n",
            "Archived notes.md": "---\ndate: {{date}}\n---\n",
            "Clips/2026-11-02.md": "Lunch with [[Dana]]\n",
            "Home.md": "See [[old]].\n",
        },
        config=NETWORKS,
    )
    settings(vault, "app.json", {"userIgnoreFilters": ["Arch", "/^Clips\\//"]})
    rows = vault_rows(vault)
    # not linted; the daily note in an excluded folder does not count (as `exclude`);
    # a link to an excluded note still resolves
    assert [(r["code"], r["path"]) for r in rows] == [("C005", "People/Dana.md")]
    vault.joinpath("mdnet.toml").write_text("exclude = []\n" + NETWORKS, encoding="utf-8")
    assert sorted(codes(vault)) == ["F002", "F002"]  # mdnet.toml's `exclude` wins


# ------------------------------------------------------------------ property types


def test_property_types_hold_in_any_note(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "Notes/Ada.md": (
                "---\n"
                "birthday: 2026-02-30\n"
                "rating: great\n"
                "pages: 12\n"
                "done: maybe\n"
                "seen: true\n"
                "last: 2026-11-02T10:30\n"
                "note: anything\n"
                "empty:\n"
                "---\n"
            ),
            "Notes/Clean.md": "---\nBirthday: 1990-05-01\nrating: '7.5'\ndone: false\n---\n",
        }
    )
    settings(
        vault,
        "types.json",
        {
            "types": {
                "birthday": "date",
                "rating": "number",
                "pages": "number",
                "done": "checkbox",
                "seen": "checkbox",
                "last": "datetime",
                "note": "text",
                "empty": "date",
                "odd": "a type from the future",
            }
        },
    )
    rows = vault_rows(vault)
    assert [(r["code"], r["path"], r["line"], r["column"]) for r in rows] == [
        ("F004", "Notes/Ada.md", 2, 11),
        ("F005", "Notes/Ada.md", 3, 9),
        ("F005", "Notes/Ada.md", 5, 7),
    ]
    assert ".obsidian/types.json" in rows[0]["message"]


def test_mdnet_toml_property_types_win_key_by_key(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"Notes/Ada.md": "---\nrating: great\nborn: soon\n---\n"},
        config='[property_types]\nrating = "text"\n',
    )
    settings(vault, "types.json", {"types": {"rating": "number", "born": "date"}})
    rows = vault_rows(vault)
    assert [(r["code"], r["line"]) for r in rows] == [("F004", 3)]


def test_a_field_mdnet_already_checks_is_reported_once(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Dana.md": "---\ntype: contact\nmet: 2026-13-45\n---\n"})
    assert codes(vault, "--select", "F004") == ["F004"]
    settings(vault, "types.json", {"types": {"met": "date"}})
    assert codes(vault, "--select", "F004") == ["F004"]


# ------------------------------------------------------------------ odd settings files


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("daily-notes.json", "{not json"),
        ("daily-notes.json", "[1, 2]"),
        ("daily-notes.json", '{"folder": 3}'),
        ("daily-notes.json", '{"folder": "../outside"}'),
        ("daily-notes.json", '{"format": "gggg-[W]ww"}'),
        ("daily-notes.json", '{"format": "[YYYY-MM-DD"}'),
        ("templates.json", "\ufffe\x00\x01"),
        ("templates.json", '{"folder": ["a"]}'),
        ("app.json", '{"userIgnoreFilters": "Archive"}'),
        ("app.json", '{"userIgnoreFilters": ["/([a-z/"]}'),
        ("types.json", '{"types": []}'),
        ("types.json", "[" * 100_000 + "]" * 100_000),
    ],
)
def test_odd_settings_files_are_a_warning(make_vault: MakeVault, name: str, text: str) -> None:
    vault = make_vault({"People/Dana.md": CONTACT, "Daily/2026-11-02.md": "[[Dana]]\n"})
    settings(vault, name, text)
    result = run("check", str(vault))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"mdnet: warning: .obsidian/{name}: ")
    assert "All checks passed" in result.stdout


def test_an_odd_format_is_skipped_while_the_rest_is_used(make_vault: MakeVault) -> None:
    vault = make_vault({"Notes/2026-11-02.md": "x\n"})
    settings(vault, "daily-notes.json", {"format": "YYYY-[W]ww", "folder": "Daily"})
    settings(vault, "templates.json", {"folder": "Templates"})
    with pytest.warns(SettingsWarning, match=r"daily-notes\.json: `format`"):
        config = load_config(vault)
    assert (config.daily_notes, config.daily_folder, config.templates) == (
        "YYYY-MM-DD",
        "",
        ("Templates",),
    )


def test_no_obsidian_folder_changes_nothing(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Dana.md": CONTACT, "x/2026-11-02.md": "Lunch with [[Dana]]\n"})
    (vault / ".obsidian").mkdir()
    config = load_config(vault)
    assert config.origins == {}
    assert never_contacted(vault) == []


# ------------------------------------------------------------------ the cache


def test_a_changed_obsidian_setting_is_never_served_from_the_cache(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"People/Dana.md": CONTACT, "Daily/2026-11-02.md": "Lunch with [[Dana]]\n"},
        config=NETWORKS,
    )

    def cached() -> list[str]:
        result = run("check", str(vault), "--select", "C005", "--format", "json", "--exit-zero")
        return [row["code"] for row in json.loads(result.stdout)]

    assert cached() == []
    settings(vault, "daily-notes.json", {"folder": "Journal"})
    assert cached() == ["C005"]
    settings(vault, "daily-notes.json", {"folder": "Daily"})
    assert cached() == []
    settings(vault, "daily-notes.json", {"folder": "Daily", "format": "DD.MM.YYYY"})
    assert cached() == ["C005"]
    assert (vault / ".mdnet_cache").is_dir()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_KEYS = st.sampled_from(["folder", "format", "templates_folder", "userIgnoreFilters", "types", "x"])


@settings_profile(max_examples=60, deadline=None)
@given(
    st.sampled_from(
        [
            "daily-notes.json",
            "templates.json",
            "app.json",
            "types.json",
            "core-plugins.json",
            "plugins/templater-obsidian/data.json",
        ]
    ),
    st.dictionaries(_KEYS, _JSON, max_size=3) | _JSON,
)
def test_any_json_in_a_settings_file_is_read_or_skipped(
    tmp_path_factory: pytest.TempPathFactory, name: str, data: Any
) -> None:
    vault = tmp_path_factory.mktemp("vault")
    settings(vault, name, data)
    found = read_obsidian(vault)
    assert all(w.startswith(".obsidian/") for w in found.warnings)
    assert set(found.values) <= {
        "daily_notes",
        "daily_folder",
        "templates",
        "exclude",
        "property_types",
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_config(vault)  # the values are ones Config accepts
