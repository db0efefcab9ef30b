"""Obsidian's own settings in `.obsidian/`: daily notes, templates, excluded files, types.

Read once per run, before the vault; a file that is missing is no setting, and a file that
is not the JSON Obsidian writes is skipped with a one-line warning, never an error. The
values are named as `Config` fields; `mdnet.config.load_config` lets mdnet.toml win."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from mdnet.config import PROPERTY_TYPES
from mdnet.dates import DateError, daily_format_regex

SETTINGS_DIR = ".obsidian"
DAILY_NOTES = "daily-notes.json"
TEMPLATES = "templates.json"
TEMPLATER = "plugins/templater-obsidian/data.json"
APP = "app.json"
TYPES = "types.json"
CORE_PLUGINS = "core-plugins.json"
MAX_SETTINGS_SIZE = 5_000_000
"""A settings file larger than this is not Obsidian's (they are a few kB): skipped."""


class ObsidianSettings(Struct, frozen=True):
    """What `.obsidian/` says, as `Config` field -> value, with where each came from."""

    values: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    """Field (or `property_types.KEY`) -> `.obsidian/FILE`."""
    warnings: tuple[str, ...] = ()


class _Reader:
    def __init__(self, root: Path) -> None:
        self.folder = root / SETTINGS_DIR
        self.values: dict[str, Any] = {}
        self.origins: dict[str, str] = {}
        self.warnings: list[str] = []

    def shown(self, name: str) -> str:
        return f"{SETTINGS_DIR}/{name}"

    def warn(self, name: str, problem: str) -> None:
        self.warnings.append(f"{self.shown(name)}: {problem}; ignored")

    def load(self, name: str) -> dict[str, Any] | None:
        """The JSON object in `.obsidian/NAME`; None (with a warning) when it is not one."""
        path = self.folder / name
        try:
            if not path.is_file():
                return None
            if path.stat().st_size > MAX_SETTINGS_SIZE:
                self.warn(name, f"larger than {MAX_SETTINGS_SIZE:,} bytes")
                return None
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except OSError as exc:
            self.warn(name, f"cannot be read ({exc.strerror})")
            return None
        except UnicodeDecodeError:
            self.warn(name, "is not UTF-8 text")
            return None
        except (ValueError, RecursionError) as exc:
            self.warn(name, f"is not valid JSON ({str(exc).splitlines()[0][:80]})")
            return None
        if not isinstance(data, dict):
            self.warn(name, "is not a JSON object")
            return None
        return data

    def set(self, name: str, setting: str, value: Any) -> None:
        self.values[setting] = value
        self.origins[setting] = self.shown(name)

    def folder_value(self, name: str, data: dict[str, Any], key: str) -> str | None:
        """`data[key]` as a vault folder ('' for the vault itself); None when unusable."""
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.warn(name, f"`{key}` is not text")
            return None
        folder = value.strip().strip("/").strip()
        if ".." in folder.split("/") or "\\" in folder:
            self.warn(name, f"`{key}` {value!r} is not a folder inside the vault")
            return None
        return folder


def _plugin_enabled(reader: _Reader, plugin: str) -> bool:
    """False only when core-plugins.json says the core plugin is off."""
    path = reader.folder / CORE_PLUGINS
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig")) if path.is_file() else None
    except (OSError, ValueError, RecursionError):
        return True  # an unreadable list of plugins says nothing
    if isinstance(data, list):  # older Obsidian: the enabled plugins
        return plugin in data
    if isinstance(data, dict) and plugin in data:  # newer: plugin -> on/off
        return data[plugin] is not False
    return True


def _daily_notes(reader: _Reader) -> None:
    data = reader.load(DAILY_NOTES)
    if data is None or not _plugin_enabled(reader, "daily-notes"):
        return
    folder = reader.folder_value(DAILY_NOTES, data, "folder")
    fmt = data.get("format")
    if fmt is not None and not isinstance(fmt, str):
        reader.warn(DAILY_NOTES, "`format` is not text")
        fmt = None
    if fmt and fmt.strip():
        try:
            daily_format_regex(fmt, folder or "")
        except DateError as exc:
            reader.warn(DAILY_NOTES, f"`format` {exc}")
            return  # the folder alone would point at notes mdnet cannot date
        reader.set(DAILY_NOTES, "daily_notes", fmt)
    if folder:
        reader.set(DAILY_NOTES, "daily_folder", folder)


def _templates(reader: _Reader) -> None:
    folders: list[str] = []
    sources: list[str] = []
    for name, key in ((TEMPLATES, "folder"), (TEMPLATER, "templates_folder")):
        data = reader.load(name)
        folder = reader.folder_value(name, data, key) if data is not None else None
        if folder:  # '' would make the whole vault a template folder: never meant
            if folder.lower() not in (f.lower() for f in folders):
                folders.append(folder)
            sources.append(reader.shown(name))
    if folders:
        reader.values["templates"] = tuple(folders)
        reader.origins["templates"] = ", ".join(sources)


def ignore_filter_glob(entry: str) -> str | None:
    """An Obsidian "Excluded files" entry as an `exclude` pattern: a path prefix becomes a
    glob anchored at the vault root; `/regex/` becomes `re:regex`; None when empty."""
    text = entry.strip()
    if len(text) > 2 and text.startswith("/") and text.endswith("/"):
        return "re:" + text[1:-1]
    text = text.lstrip("/")
    if not text:
        return None
    if text.endswith("/"):
        return "/" + text.rstrip("/")
    return "/" + text + "*"  # Obsidian matches the start of the path: `Arch` hides `Archive/`


def _excluded_files(reader: _Reader) -> None:
    data = reader.load(APP)
    if data is None or "userIgnoreFilters" not in data:
        return
    entries = data["userIgnoreFilters"]
    if entries is None:
        return
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        reader.warn(APP, "`userIgnoreFilters` is not a list of text")
        return
    globs: list[str] = []
    for entry in entries:
        glob = ignore_filter_glob(entry)
        if glob is not None and glob.startswith("re:"):
            try:
                re.compile(glob[3:])
            except re.error as exc:
                reader.warn(APP, f"the filter {entry!r} is not a regular expression ({exc})")
                continue
        if glob is not None:
            globs.append(glob)
    if globs:
        reader.set(APP, "exclude", tuple(globs))


def _property_types(reader: _Reader) -> None:
    data = reader.load(TYPES)
    if data is None:
        return
    types = data.get("types")
    if not isinstance(types, dict):
        reader.warn(TYPES, "has no `types` object")
        return
    known = {str(k).lower(): v for k, v in types.items() if v in PROPERTY_TYPES}
    if known:
        reader.values["property_types"] = known
        for key in known:
            reader.origins[f"property_types.{key}"] = reader.shown(TYPES)


def read_obsidian(root: Path) -> ObsidianSettings:
    """The settings mdnet uses from `ROOT/.obsidian/`; empty when there is none."""
    reader = _Reader(root)
    try:
        if not reader.folder.is_dir():
            return ObsidianSettings()
    except OSError:
        return ObsidianSettings()
    _daily_notes(reader)
    _templates(reader)
    _excluded_files(reader)
    _property_types(reader)
    return ObsidianSettings(reader.values, reader.origins, tuple(reader.warnings))
