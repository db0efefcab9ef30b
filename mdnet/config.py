"""Configuration: defaults, loading from mdnet.toml or pyproject.toml, validation."""

from __future__ import annotations

import re
import tomllib
import warnings
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from msgspec import Struct, field
from msgspec.structs import replace

from mdnet.codes import CODE_RE as CODE_RE
from mdnet.dates import DateError, daily_format_regex
from mdnet.errors import ConfigError
from mdnet.errors import SettingsWarning as SettingsWarning
from mdnet.textscan import DEFAULT_ASSUMPTIONS, DEFAULT_VAGUE

SEVERITIES = ("error", "warning", "info")
#: Obsidian's property types (`.obsidian/types.json`, `[property_types]`).
PROPERTY_TYPES = ("text", "multitext", "number", "checkbox", "date", "datetime", "aliases", "tags")
#: What `mdnet sync-properties` writes -> the front-matter key it writes it under.
SYNC_KEYS = {
    "last_contact": "mdnet_last_contact",
    "next_due": "mdnet_next_due",
    "state": "mdnet_state",
}


class Network(Struct, frozen=True):
    """A target network ("bucket") of contacts."""

    name: str
    cadence_days: int | None = None
    value: str | None = None
    description: str | None = None


class Scorecard(Struct, frozen=True):
    """`[scorecard]`: points per kind of interaction, for `measure: {count: points}`."""

    give: float = 3
    ask: float = 1
    followup: float = 2
    new_contact: float = 2
    event: float = 5
    other: float = 1
    """An interaction of no other kind (a call, a coffee)."""
    followup_tags: tuple[str, ...] = ("followup", "follow-up")
    """`[scorecard] followup_tags`: the tags that make an interaction a follow-up."""


class RulesConfig(Struct, frozen=True):
    """Which rules run and at what severity."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(glob, codes) pairs: these rules say nothing on the notes the glob matches."""


class Config(Struct, frozen=True):
    """The validated configuration of one vault; every default lives here."""

    source: Path | None = None
    cadence_days: int = 60
    due_soon_days: int = 7
    follow_up_days: int = 7
    short_max_days: int = 92
    exclude: tuple[str, ...] = ()
    daily_notes: str = "YYYY-MM-DD"
    daily_folder: str = ""
    """Daily notes are only looked for under this folder ('' = anywhere)."""
    templates: tuple[str, ...] = ()
    """Template folders: not notes (never checked, never counted), yet links to them resolve."""
    max_file_size: int = 5_000_000
    max_front_matter_size: int = 100_000
    folders: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Kind (`contacts`, `goals`, `events`) -> its folders; new notes go to the first."""
    contact_tags: tuple[str, ...] = ()
    """A note with one of these front-matter tags (or a sub-tag) is a contact."""
    contact_categories: tuple[str, ...] = ()
    """A note whose `categories` property holds one of these (`[[People]]`) is a contact."""
    property_types: Mapping[str, str] = field(default_factory=dict)
    """Property name (lower case) -> Obsidian type (`date`, `number`, `checkbox`...)."""
    networks: Mapping[str, Network] = field(default_factory=dict)
    attendee_keys: tuple[str, ...] = ("attendees", "people")
    """Properties of an event or meeting note that list who was there (any case)."""
    give_tags: tuple[str, ...] = ("give", "intro", "help", "share")
    ask_tags: tuple[str, ...] = ("ask", "request")
    vague_words: tuple[str, ...] = DEFAULT_VAGUE
    assumption_words: tuple[str, ...] = DEFAULT_ASSUMPTIONS
    rules: RulesConfig = field(default_factory=RulesConfig)
    report_title: str = "My network"
    birthday_key: str = "birthday"
    anniversary_key: str = "anniversary"
    """The contact properties holding a birthday and an anniversary (`[contacts]`)."""
    sync_keys: Mapping[str, str] = field(default_factory=lambda: dict(SYNC_KEYS))
    """What `mdnet sync-properties` writes (`last_contact`, `next_due`, `state`) -> the
    front-matter key it writes it under (`[sync]`); mdnet never reads these keys."""
    scorecard: Scorecard = field(default_factory=Scorecard)
    new_per_event: int = 1
    """E004: new contacts expected at each past event (0 turns the rule off)."""
    pace_factor: float = 3.0
    """G012: how many times the recent pace a goal may need before it is unrealistic."""
    origins: Mapping[str, str] = field(default_factory=dict)
    """Setting (field name, or `property_types.KEY`) -> where its value came from
    (`mdnet.toml`, `pyproject.toml`, `.obsidian/FILE`); a setting not listed is a default."""

    def folder(self, kind: str) -> str | None:
        """Where new notes of a kind (`contacts`, `goals`, `events`) go: its first folder."""
        folders = self.folders.get(kind)
        return folders[0] if folders else None

    def daily_regex(self) -> re.Pattern[str]:
        """The regex over a note's path (without `.md`) that daily notes match."""
        return _daily_regex(self.daily_notes, self.daily_folder)

    def kind_selectors(self) -> dict[str, str]:
        """What makes a note a contact, goal or event without `type:`, in the order tried:
        `folder:PATH`, then `tag:NAME`, then `category:NAME` (all lower case) -> kind."""
        out: dict[str, str] = {}
        for plural, folders in self.folders.items():
            for folder in folders:
                out.setdefault(f"folder:{folder.lower()}", plural.rstrip("s"))
        for tag in self.contact_tags:
            out.setdefault(f"tag:{tag.lower()}", "contact")
        for category in self.contact_categories:
            out.setdefault(f"category:{category.lower()}", "contact")
        return out

    def parse_fingerprint(self) -> str:
        """A digest of the settings that change how a single note is parsed."""
        parts = [
            self.daily_notes,
            self.daily_folder,
            repr(sorted(self.kind_selectors().items())),
            str(self.max_file_size),
            str(self.max_front_matter_size),
        ]
        import hashlib  # here, not at start-up: only the cache needs it

        return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]


FOLDER_KINDS = ("contacts", "goals", "events", "meetings")
#: Contact properties mdnet reads: `[sync]` may not write under any of them.
READ_KEYS = frozenset(
    {
        *("name", "network", "cadence", "met", "status", "snooze", "last_contact"),
        *("private", "company", "role", "type", "aliases", "alias", "tags", "tag"),
    }
)
_SYNC_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*")
TOP_KEYS = {
    "sync",
    "cadence",
    "due_soon_days",
    "follow_up_days",
    "short_max_days",
    "exclude",
    "daily_notes",
    "templates",
    "max_file_size",
    "max_front_matter_size",
    "vague_words",
    "assumption_words",
    "attendee_keys",
    "folders",
    "contacts",
    "property_types",
    "networks",
    "tags",
    "rules",
    "report",
    "scorecard",
    "new_per_event",
    "pace_factor",
}


def find_config(vault: Path) -> Path | None:
    """The config file for a vault: mdnet.toml at its root, else a pyproject.toml upward."""
    own = vault / "mdnet.toml"
    if own.is_file():
        return own
    for folder in (vault, *vault.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if isinstance(data.get("tool"), dict) and "mdnet" in data["tool"]:
                return candidate
    return None


def load_config(vault: Path, file: Path | None = None, isolated: bool = False) -> Config:
    """Load and validate the vault's configuration; defaults when there is none.

    Obsidian's own settings (`.obsidian/`) fill in what mdnet.toml (or [tool.mdnet]) does
    not set; what cannot be used is skipped with a :class:`SettingsWarning`. `file` (check
    --config) is read instead of the vault's own file; `isolated` (check --isolated) reads
    no file at all, `.obsidian/` neither: the defaults."""
    from mdnet.obsidian import read_obsidian  # here: obsidian.py imports this module

    if isolated:
        return Config()
    root = vault.resolve()
    config = _load_file(root, file)
    obsidian = read_obsidian(root)
    for message in obsidian.warnings:
        warnings.warn(message, SettingsWarning, stacklevel=2)
    return with_obsidian(config, obsidian.values, obsidian.origins)


def with_obsidian(config: Config, values: Mapping[str, Any], origins: Mapping[str, str]) -> Config:
    """`config` with the settings read from `.obsidian/` where the config file set none;
    property types merge key by key (the config file's win)."""
    changes: dict[str, Any] = {}
    merged_origins = dict(config.origins)
    for name, value in values.items():
        if name == "property_types":
            types = dict(value)
            types.update(config.property_types)
            changes[name] = types
            for key in value:
                merged_origins.setdefault(f"property_types.{key}", origins[f"{name}.{key}"])
        elif name not in config.origins:
            changes[name] = value
            merged_origins[name] = origins[name]
    return replace(config, origins=merged_origins, **changes)


def _load_file(root: Path, file: Path | None = None) -> Config:
    from mdnet.configread import load_file  # here: configread imports this module

    return load_file(root, file)


def parse_config(data: Mapping[str, Any], source: Path | None = None) -> Config:
    """Validate a configuration mapping (as read from TOML) into a Config."""
    from mdnet.configread import parse_config as parse

    return parse(data, source)


def listed_names(meta: Mapping[str, Any], keys: tuple[str, ...]) -> set[str]:
    """The tags or categories a note's property lists, compared in lower case: `#person`,
    `person/friend`, `a, b`, `[[People]]`; the key in any case (Obsidian reads `Tags:`)."""
    names: set[str] = set()
    for key, value in meta.items():
        if not isinstance(key, str) or key.lower() not in keys:
            continue
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str):
                continue
            parts = [item] if "[[" in item else re.split(r"[,\s]+", item)
            for part in parts:
                text = part.strip()
                text = category_name(text) if text.startswith("[[") else text.lstrip("#").lower()
                if text:
                    names.add(text)
    return names


def category_name(value: str) -> str:
    """A category as compared: `[[People]]`, `People.md`, `Lists/People` -> `people`."""
    text = value.strip()
    if text.startswith("[[") and text.endswith("]]"):
        text = text[2:-2]
    text = re.split(r"[|#]", text, maxsplit=1)[0].strip().rsplit("/", 1)[-1]
    if text.lower().endswith(".md"):
        text = text[:-3]
    return text.strip().lower()


@lru_cache(maxsize=16)
def _daily_regex(pattern: str, folder: str) -> re.Pattern[str]:
    return daily_pattern_regex(pattern, folder=folder)


def daily_pattern_regex(
    pattern: str, fail: Callable[[str], Exception] | None = None, folder: str = ""
) -> re.Pattern[str]:
    """The regex over a note's path (without `.md`) for daily notes named by `pattern`, a
    moment.js format such as `YYYY-MM-DD` or `YYYY/MM/YYYY-MM-DD dddd` (see
    :func:`mdnet.dates.daily_format_regex`); a ConfigError naming `daily_notes` otherwise."""
    try:
        return daily_format_regex(pattern, folder)
    except DateError as exc:
        raise (
            fail(str(exc)) if fail else ConfigError(f"`daily_notes` is invalid: {exc}")
        ) from None
