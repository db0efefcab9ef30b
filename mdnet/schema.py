"""The JSON Schema of `mdnet.toml` and `[tool.mdnet]`, generated from :mod:`mdnet.configspec`.

Taplo (and Even Better TOML, which runs it) completes and checks a TOML file against a JSON
Schema: `mdnet config --schema` prints it; the package ships the same text as
`mdnet/mdnet.schema.json` (a test fails when the two differ, or when the schema and the
loader disagree). `scripts/gen_docs.py` rewrites the shipped file.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from mdnet.config import CODE_RE, Config
from mdnet.configspec import SETTINGS, Setting, default_of
from mdnet.dates import DAILY_TOKENS, MAX_DURATION_DAYS
from mdnet.dates.durations import _DURATION_WORDS, _UNIT_DAYS  # what parse_duration reads
from mdnet.dates.moment import _MOMENT_LETTERS  # the letters a format may use only in tokens

SCHEMA_FILE = "mdnet.schema.json"
SCHEMA_ID = "https://github.com/mdnet/mdnet/raw/main/mdnet/mdnet.schema.json"

# `45d`, `8 weeks`, `every 2 months`, `monthly`: the forms mdnet.dates.parse_duration reads
# (in any case; JSON Schema patterns have no flag for it, so letters are spelled [dD]).
_UNITS = "|".join(re.escape(u) for u in sorted(filter(None, _UNIT_DAYS), key=len, reverse=True))
_WORDS = "|".join(re.escape(w) for w in sorted(_DURATION_WORDS, key=len, reverse=True))


def _any_case(pattern: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in pattern)


_COUNT = r"\+?0*[1-9][0-9]{0,4}"  # 1 to 99999 (the loader caps a duration at 100 years)
_UNIT = f"({_any_case(_UNITS)})"
DURATION_PATTERN = (
    rf"^\s*({_any_case(_WORDS)}|({_any_case('every')}\s+)?({_COUNT}\s*{_UNIT}?|{_UNIT}))\s*$"
)

# A daily-note format: moment.js tokens, [literal text], and characters that are no token.
_LITERAL = "".join(sorted(_MOMENT_LETTERS))
DAILY_PATTERN = "^(" + "|".join(DAILY_TOKENS) + r"|\[[^\]]*\]|[^\[\]\\" + _LITERAL + "])+$"
EXAMPLES = {
    "duration": ["45d", "8w", "2 months", "every 2 weeks", "monthly"],
    "daily_format": ["YYYY-MM-DD", "YYYY/MM/YYYY-MM-DD dddd", "Do MMMM YYYY", "[Daily] DD.MM.YY"],
}


def selectors() -> list[str]:
    """Every rule code and prefix that selects a rule, and ALL (what --select accepts)."""
    from mdnet.rules import all_rules

    codes = [r.code for r in all_rules()]
    found = {c[:i] for c in codes for i in range(1, len(c) + 1)}
    return ["ALL", *sorted(p for p in found if CODE_RE.match(p))]


def _leaf(setting: Setting) -> dict[str, Any]:
    kind = setting.kind
    if kind == "duration":
        return {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": MAX_DURATION_DAYS},
                {"type": "string", "pattern": DURATION_PATTERN},
            ],
            "examples": EXAMPLES[kind],
        }
    if kind == "daily_format":
        return {"type": "string", "pattern": DAILY_PATTERN, "examples": EXAMPLES[kind]}
    if kind == "count":
        return {"type": "integer", "minimum": 0}
    if kind == "number":
        return {"type": "number", "minimum": 0, "maximum": 999_999_999}
    if kind in ("string", "folder"):
        return {"type": "string"}
    if kind == "strings":
        return {"type": "array", "items": {"type": "string"}}
    if kind == "folders":
        return {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    if kind == "choice":
        return {"enum": list(setting.choices)}
    code = {"$ref": "#/definitions/selector"}
    if kind == "selectors":
        return {"type": "array", "items": code}
    if kind == "selectors_or_one":
        return {"anyOf": [code, {"type": "array", "items": code}]}
    raise ValueError(f"no JSON Schema for the kind {kind!r}")


def _node(setting: Setting, config: Config, names: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"description": setting.help}
    if setting.kind == "table":
        out["type"] = "object"
        if setting.keys:
            out["properties"] = {k: _node(s, config, names) for k, s in setting.keys.items()}
            out["additionalProperties"] = False
        elif setting.each is not None:
            out["additionalProperties"] = _node(setting.each, config, names)
            if setting.key_kind == "selector":
                out["propertyNames"] = {"$ref": "#/definitions/selector"}
    else:
        out.update(_leaf(setting))
    default = default_of(setting, config)
    if default is not None:
        out["default"] = default
    return out


def config_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of an mdnet.toml file."""
    config, names = Config(), selectors()
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "mdnet.toml",
        "description": "The configuration of mdnet, the linter for vaults of networking "
        "goals and contacts (also [tool.mdnet] in pyproject.toml).",
        "type": "object",
        "properties": {k: _node(s, config, names) for k, s in SETTINGS.items()},
        "additionalProperties": False,
        "definitions": {
            "selector": {
                "description": "A rule code (G001), a prefix (G, G00) or ALL.",
                "enum": names,
            }
        },
    }


def pyproject_schema() -> dict[str, Any]:
    """A JSON Schema for a pyproject.toml that checks its [tool.mdnet] table only."""
    inner = config_schema()
    definitions = inner.pop("definitions")
    del inner["$schema"], inner["$id"]
    inner["title"] = "[tool.mdnet]"
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "pyproject.toml ([tool.mdnet] only)",
        "type": "object",
        "properties": {"tool": {"type": "object", "properties": {"mdnet": inner}}},
        "definitions": definitions,
    }


def schema_text(pyproject: bool = False) -> str:
    """The schema as the shipped file holds it: indented JSON, one trailing newline."""
    data = pyproject_schema() if pyproject else config_schema()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def shipped_schema() -> str:
    """The text of the schema file in the installed package."""
    return resources.files("mdnet").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
