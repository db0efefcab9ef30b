"""Reading a configuration file: mdnet.toml or [tool.mdnet], TOML into a validated Config,
with a one-line ConfigError naming the key for anything it cannot use."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mdnet.config import (
    _SYNC_KEY,
    CODE_RE,
    READ_KEYS,
    SYNC_KEYS,
    Config,
    Network,
    RulesConfig,
    Scorecard,
    category_name,
    daily_pattern_regex,
    find_config,
)
from mdnet.dates import DateError, parse_duration
from mdnet.errors import ConfigError


def load_file(root: Path, file: Path | None = None) -> Config:
    """The configuration file of the vault at `root` (or `file`, given with --config), read
    and validated; defaults when it has none."""
    path = file if file is not None else find_config(root)
    if path is None:
        return Config()
    if file is not None and not file.is_file():
        raise ConfigError(f"{file}: no such configuration file (--config)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        if not isinstance(tool, dict) or "mdnet" not in tool:
            raise ConfigError(f"{path}: no [tool.mdnet] table")
        data = tool["mdnet"]
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.mdnet] must be a table")
    return parse_config(data, path)


def parse_config(data: Mapping[str, Any], source: Path | None = None) -> Config:
    """Validate a configuration mapping (as read from TOML) into a Config."""
    where = str(source) if source else "configuration"

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{where}: `{key}` {problem}")

    from mdnet.configspec import SETTINGS, check_shape  # the keys and kinds the schema shows

    check_shape(data, fail)  # unknown keys, wrong types and choices: what follows reads values

    def duration(key: str, value: Any) -> int:
        try:
            return parse_duration(value)
        except DateError as exc:
            raise fail(key, f"is invalid: {exc}") from exc

    def positive_int(key: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise fail(key, f"must be a non-negative integer, not {value!r}")
        return value

    def strings(key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, f"must be a list of strings, not {value!r}")
        return tuple(value)

    def string(key: str, value: Any) -> str:
        if not isinstance(value, str):
            raise fail(key, f"must be a string, not {value!r}")
        return value

    def table(key: str, value: Any) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise fail(key, "must be a table")
        return value

    def folder_list(key: str, value: Any) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise fail(key, f"must be a folder or a list of folders, not {value!r}")
        folders = tuple(v.strip().strip("/") for v in items)
        for folder in folders:
            if ".." in folder.split("/") or folder.startswith("~"):
                raise fail(key, f"must be a folder inside the vault, not {folder!r}")
        return tuple(f for f in folders if f)

    kwargs: dict[str, Any] = {"source": source}
    # Every plain setting (rule options included, declared next to their rule) is read by
    # its kind in mdnet.configspec into the Config attribute it names.
    readers: dict[str, Callable[[str, Any], Any]] = {
        "duration": duration,
        "count": positive_int,
        "number": lambda k, v: _positive_number(fail, k, v),
        "string": string,
        "daily_format": string,
        "strings": strings,
        "folders": folder_list,
    }
    for key, setting in SETTINGS.items():
        if key in data and setting.kind in readers and setting.default:
            kwargs[setting.default] = readers[setting.kind](key, data[key])
    if "daily_notes" in kwargs:
        daily_pattern_regex(
            kwargs["daily_notes"], lambda p: fail("daily_notes", f"is invalid: {p}")
        )

    if "folders" in data:
        folders: dict[str, tuple[str, ...]] = {}
        for kind, value in table("folders", data["folders"]).items():
            if kind == "daily":
                if not isinstance(value, str):
                    raise fail("folders.daily", f"must be one folder, not {value!r}")
                kwargs["daily_folder"] = "".join(folder_list("folders.daily", value))
                continue
            listed = folder_list(f"folders.{kind}", value)
            if listed:  # `contacts = []`: no folder, as when the key is absent
                folders[kind] = listed
        kwargs["folders"] = folders

    if "contacts" in data:
        contacts = table("contacts", data["contacts"])
        for key, value in contacts.items():
            if key in ("birthday", "anniversary"):
                kwargs[f"{key}_key"] = string(f"contacts.{key}", value).strip()
                if not kwargs[f"{key}_key"]:
                    raise fail(f"contacts.{key}", "must name a property")
                continue
            names = strings(f"contacts.{key}", value)
            if key == "tags":
                kwargs["contact_tags"] = tuple(t.strip().lstrip("#").lower() for t in names)
            else:
                kwargs["contact_categories"] = tuple(category_name(c) for c in names)

    if "property_types" in data:
        types: dict[str, str] = {}
        for key, value in table("property_types", data["property_types"]).items():
            types[key.lower()] = value
        kwargs["property_types"] = types

    if "networks" in data:
        networks: dict[str, Network] = {}
        for name, spec in table("networks", data["networks"]).items():
            spec = table(f"networks.{name}", spec)
            networks[name] = Network(
                name=name,
                cadence_days=duration(f"networks.{name}.cadence", spec["cadence"])
                if "cadence" in spec
                else None,
                value=string(f"networks.{name}.value", spec["value"]) if "value" in spec else None,
                description=string(f"networks.{name}.description", spec["description"])
                if "description" in spec
                else None,
            )
        kwargs["networks"] = networks

    if "tags" in data:
        tags = table("tags", data["tags"])
        for key, value in tags.items():
            kwargs[f"{key}_tags"] = tuple(
                t.lstrip("#").lower() for t in strings(f"tags.{key}", value)
            )

    if "rules" in data:
        rules = table("rules", data["rules"])
        select = strings("rules.select", rules.get("select", ["ALL"]))
        ignore = strings("rules.ignore", rules.get("ignore", []))
        for key, codes in (("rules.select", select), ("rules.ignore", ignore)):
            for code in codes:
                if not CODE_RE.match(code):
                    raise fail(key, f"has {code!r}, which is not a rule code or prefix")
        severity = table("rules.severity", rules.get("severity", {}))
        for code in severity:
            if not CODE_RE.match(code):
                raise fail(f"rules.severity.{code}", "is not a rule code")
        per_file = []  # per-file-ignores: {"Clippings/**" = ["L001"]}
        globs = table("rules.per-file-ignores", rules.get("per-file-ignores", {}))
        for glob, codes in globs.items():
            key = f"rules.per-file-ignores.{glob!r}"
            listed = strings(key, [codes] if isinstance(codes, str) else codes)
            for code in listed:
                if not CODE_RE.match(code):
                    raise fail(key, f"has {code!r}, which is not a rule code or prefix")
            per_file.append((glob, listed))
        kwargs["rules"] = RulesConfig(
            select=select, ignore=ignore, severity=dict(severity), per_file_ignores=tuple(per_file)
        )

    if "sync" in data:
        kwargs["sync_keys"] = _sync_keys(table("sync", data["sync"]), kwargs, fail)

    if "report" in data:
        report = table("report", data["report"])
        if "title" in report:
            kwargs["report_title"] = string("report.title", report["title"])

    if "scorecard" in data:
        card: dict[str, Any] = {}
        for key, value in table("scorecard", data["scorecard"]).items():
            if key == "followup_tags":
                listed = strings("scorecard.followup_tags", value)
                card[key] = tuple(t.lstrip("#").lower() for t in listed)
            else:
                card[key] = _positive_number(fail, f"scorecard.{key}", value)
        kwargs["scorecard"] = Scorecard(**card)

    label = source.name if source else "configuration"
    kwargs["origins"] = {name: label for name in kwargs if name != "source"}
    return Config(**kwargs)


def _positive_number(fail: Callable[[str, str], ConfigError], key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1e9:
        raise fail(key, f"must be a non-negative number, not {value!r}")
    return float(value)


def _sync_keys(
    given: Mapping[str, Any], kwargs: Mapping[str, Any], fail: Callable[[str, str], ConfigError]
) -> dict[str, str]:
    """`[sync]`: plain keys, distinct, and none that mdnet reads (its own output must
    never change what it derives, and `last_contact` is the user's manual override)."""
    keys = dict(SYNC_KEYS)
    read = READ_KEYS | {
        str(kwargs.get("birthday_key", "birthday")).lower(),
        str(kwargs.get("anniversary_key", "anniversary")).lower(),
    }
    for name, value in given.items():
        where = f"sync.{name}"
        if name not in SYNC_KEYS:
            raise fail(where, f"is not a known setting ({', '.join(SYNC_KEYS)})")
        if not isinstance(value, str) or not _SYNC_KEY.fullmatch(value):
            raise fail(where, f"must be a plain property name like mdnet_{name}, not {value!r}")
        if value.lower() in read:
            raise fail(where, f"must not be `{value}`, a property mdnet reads; use mdnet_{name}")
        keys[name] = value
    if len({k.lower() for k in keys.values()}) < len(keys):
        raise fail("sync", "must name a different property for each value")
    return keys
