"""Configuration: defaults, loading from mdnet.toml or pyproject.toml, validation."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mdnet.dates import DateError, parse_duration
from mdnet.errors import ConfigError
from mdnet.textscan import DEFAULT_ASSUMPTIONS, DEFAULT_VAGUE

SEVERITIES = ("error", "warning", "info")
CODE_RE = re.compile(r"^(ALL|[A-Z]{1,3}[0-9]{0,3})$")


@dataclass(frozen=True, slots=True)
class Network:
    """A target network ("bucket") of contacts."""

    name: str
    cadence_days: int | None = None
    value: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class RulesConfig:
    """Which rules run and at what severity."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(glob, codes) pairs: these rules say nothing on the notes the glob matches."""


@dataclass(frozen=True, slots=True)
class Config:
    """The validated configuration of one vault; every default lives here."""

    source: Path | None = None
    cadence_days: int = 60
    due_soon_days: int = 7
    follow_up_days: int = 7
    short_max_days: int = 92
    exclude: tuple[str, ...] = ()
    daily_notes: str = "YYYY-MM-DD"
    max_file_size: int = 5_000_000
    max_front_matter_size: int = 100_000
    folders: Mapping[str, str] = field(default_factory=dict)
    networks: Mapping[str, Network] = field(default_factory=dict)
    give_tags: tuple[str, ...] = ("give", "intro", "help", "share")
    ask_tags: tuple[str, ...] = ("ask", "request")
    vague_words: tuple[str, ...] = DEFAULT_VAGUE
    assumption_words: tuple[str, ...] = DEFAULT_ASSUMPTIONS
    rules: RulesConfig = field(default_factory=RulesConfig)
    report_title: str = "My network"

    def parse_fingerprint(self) -> str:
        """A digest of the settings that change how a single note is parsed."""
        parts = [
            self.daily_notes,
            repr(sorted(self.folders.items())),
            str(self.max_file_size),
            str(self.max_front_matter_size),
        ]
        import hashlib  # here, not at start-up: only the cache needs it

        return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]


FOLDER_KINDS = ("contacts", "goals", "events")
TOP_KEYS = {
    "cadence",
    "due_soon_days",
    "follow_up_days",
    "short_max_days",
    "exclude",
    "daily_notes",
    "max_file_size",
    "max_front_matter_size",
    "vague_words",
    "assumption_words",
    "folders",
    "networks",
    "tags",
    "rules",
    "report",
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


def load_config(vault: Path) -> Config:
    """Load and validate the vault's configuration; defaults when there is none."""
    path = find_config(vault.resolve())
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        data = data["tool"]["mdnet"]
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.mdnet] must be a table")
    return parse_config(data, path)


def parse_config(data: Mapping[str, Any], source: Path | None = None) -> Config:
    """Validate a configuration mapping (as read from TOML) into a Config."""
    where = str(source) if source else "configuration"

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{where}: `{key}` {problem}")

    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise fail(unknown[0], f"is not a known setting (known: {', '.join(sorted(TOP_KEYS))})")

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

    kwargs: dict[str, Any] = {"source": source}
    simple: dict[str, tuple[str, Callable[[str, Any], Any]]] = {
        "cadence": ("cadence_days", duration),
        "due_soon_days": ("due_soon_days", positive_int),
        "follow_up_days": ("follow_up_days", positive_int),
        "short_max_days": ("short_max_days", positive_int),
        "exclude": ("exclude", strings),
        "daily_notes": ("daily_notes", string),
        "max_file_size": ("max_file_size", positive_int),
        "max_front_matter_size": ("max_front_matter_size", positive_int),
        "vague_words": ("vague_words", strings),
        "assumption_words": ("assumption_words", strings),
    }
    for key, (attr, convert) in simple.items():
        if key in data:
            kwargs[attr] = convert(key, data[key])
    if "daily_notes" in kwargs:
        daily_pattern_regex(kwargs["daily_notes"], lambda p: fail("daily_notes", p))

    if "folders" in data:
        folders = table("folders", data["folders"])
        for kind, folder in folders.items():
            if kind not in FOLDER_KINDS:
                raise fail(
                    f"folders.{kind}", f"is not a known folder kind ({', '.join(FOLDER_KINDS)})"
                )
            string(f"folders.{kind}", folder)
        kwargs["folders"] = {k: str(v).strip("/") for k, v in folders.items()}

    if "networks" in data:
        networks: dict[str, Network] = {}
        for name, spec in table("networks", data["networks"]).items():
            spec = table(f"networks.{name}", spec)
            for key in spec:
                if key not in ("cadence", "value", "description"):
                    raise fail(
                        f"networks.{name}.{key}",
                        "is not a known setting (cadence, value, description)",
                    )
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
            if key not in ("give", "ask"):
                raise fail(f"tags.{key}", "is not a known setting (give, ask)")
            kwargs[f"{key}_tags"] = tuple(
                t.lstrip("#").lower() for t in strings(f"tags.{key}", value)
            )

    if "rules" in data:
        rules = table("rules", data["rules"])
        for key in rules:
            if key not in ("select", "ignore", "severity", "per-file-ignores"):
                raise fail(
                    f"rules.{key}",
                    "is not a known setting (select, ignore, severity, per-file-ignores)",
                )
        select = strings("rules.select", rules.get("select", ["ALL"]))
        ignore = strings("rules.ignore", rules.get("ignore", []))
        for key, codes in (("rules.select", select), ("rules.ignore", ignore)):
            for code in codes:
                if not CODE_RE.match(code):
                    raise fail(key, f"has {code!r}, which is not a rule code or prefix")
        severity = table("rules.severity", rules.get("severity", {}))
        for code, level in severity.items():
            if not CODE_RE.match(code):
                raise fail(f"rules.severity.{code}", "is not a rule code")
            if level not in SEVERITIES:
                raise fail(f"rules.severity.{code}", f"must be one of {', '.join(SEVERITIES)}")
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

    if "report" in data:
        report = table("report", data["report"])
        for key in report:
            if key != "title":
                raise fail(f"report.{key}", "is not a known setting (title)")
        if "title" in report:
            kwargs["report_title"] = string("report.title", report["title"])

    return Config(**kwargs)


_PATTERN_TOKENS = {"YYYY": r"(?P<y>\d{4})", "MM": r"(?P<m>\d{2})", "DD": r"(?P<d>\d{2})"}


def daily_pattern_regex(
    pattern: str, fail: Callable[[str], Exception] | None = None
) -> re.Pattern[str]:
    """Turn a daily-note file-name pattern such as `YYYY-MM-DD` into a regex."""
    out = []
    i = 0
    seen = set()
    while i < len(pattern):
        token = pattern[i : i + 4] if pattern.startswith("YYYY", i) else pattern[i : i + 2]
        if token in _PATTERN_TOKENS:
            out.append(_PATTERN_TOKENS[token])
            seen.add(token)
            i += len(token)
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    if seen != set(_PATTERN_TOKENS):
        problem = f"must contain YYYY, MM and DD, not {pattern!r}"
        raise (fail(problem) if fail else ConfigError(f"daily_notes {problem}"))
    return re.compile("^" + "".join(out) + "$")
