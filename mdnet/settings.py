"""`mdnet check --show-settings`: the effective configuration, and where each value came from."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from msgspec import Struct
from msgspec.structs import fields

from mdnet.config import FOLDER_KINDS, Config, load_config
from mdnet.configspec import toml_keys
from mdnet.vault import find_root, find_vault_above

DEFAULT = "default"

# Config fields whose TOML key is another name (read from mdnet.configspec, which names the
# Config attribute each key sets); every other field is shown by its own name.
_KEYS = toml_keys()
_HIDDEN = {"source", "origins"}


def toml_value(value: Any) -> str:
    """A value as TOML writes it: strings quoted, lists in brackets, tables inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(str(k))} = {toml_value(v)}" for k, v in value.items())
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(str(value))


def _key(name: str) -> str:
    bare = name.replace("-", "").replace("_", "").isalnum() and name.isascii()
    return name if bare else json.dumps(name)


def settings_rows(config: Config) -> list[tuple[str, str, str]]:
    """(TOML key, value, origin) for every setting, in the order of `Config`'s fields."""
    rows: list[tuple[str, str, str]] = []
    origins = config.origins

    def add(key: str, value: Any, origin: str) -> None:
        rows.append((key, toml_value(value), origin))

    for field in fields(config):
        name = field.name
        if name in _HIDDEN:
            continue
        value = getattr(config, name)
        origin = origins.get(name, DEFAULT)
        if name == "folders":
            for kind in (*FOLDER_KINDS, *sorted(set(value) - set(FOLDER_KINDS))):
                add(f"folders.{kind}", list(value.get(kind, ())), origin)
        elif name == "property_types":
            if not value:
                add("property_types", {}, DEFAULT)
            for key in sorted(value):
                add(
                    f"property_types.{_key(key)}",
                    value[key],
                    origins.get(f"property_types.{key}") or origins.get(name, DEFAULT),
                )
        elif name == "networks":
            if not value:
                add("networks", {}, origin)
            for network in value.values():
                spec = {
                    "cadence": network.cadence_days,
                    "value": network.value,
                    "description": network.description,
                }
                table = {k: v for k, v in spec.items() if v is not None}
                add(f"networks.{_key(network.name)}", table, origin)
        elif isinstance(value, Struct):
            for sub in fields(value):
                item = getattr(value, sub.name)
                if sub.name == "per_file_ignores":  # pairs (glob, codes): a table in TOML
                    item = dict(item)
                key = f"{name}.{sub.name}"
                add(_KEYS.get(key, key), item, origin)
        else:
            add(_KEYS.get(name, name), value, origin)
    return rows


def describe(root: Path, config: Config, isolated: bool = False) -> str:
    """The settings as TOML lines, each with a comment saying where it came from."""
    rows = settings_rows(config)
    width = min(max(len(f"{k} = {v}") for k, v, _ in rows), 60)
    where = str(config.source) if config.source else "none (defaults, and .obsidian/ if any)"
    where = "none (--isolated: the defaults)" if isolated else where
    lines = [f"# Effective settings of the vault {root}", f"# Configuration file: {where}"]
    lines += [f"{f'{k} = {v}':<{width}}  # {origin}" for k, v, origin in rows]
    return "\n".join(lines) + "\n"


def show_settings(
    paths: tuple[Path, ...],
    vault: Path | None,
    cwd: Path,
    file: Path | None = None,
    isolated: bool = False,
) -> str:
    """`check --show-settings`: the settings of the vault that `check PATHS` would read
    (with --config FILE, from that file; with --isolated, the defaults)."""
    start = paths[0] if paths else cwd
    root = vault or (find_vault_above(start) if start.is_dir() else None) or find_root(start)
    file = file if file is None or file.is_absolute() else cwd / file
    return describe(root, load_config(root, file, isolated), isolated)
