"""The JSON Schema of mdnet.toml and the loader agree: documents generated from the schema
load, every key the loader reads is in the schema with its default, and a wrong value of
each kind is refused by both."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import MakeVault, run
from msgspec.structs import fields

from mdnet.config import TOP_KEYS, Config, parse_config
from mdnet.errors import ConfigError
from mdnet.schema import SCHEMA_FILE, schema_text

ROOT = Path(__file__).resolve().parents[1]


def _schema() -> dict[str, Any]:
    result = run("config", "--schema")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


SCHEMA = json.loads(schema_text())
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def _valid(doc: dict[str, Any]) -> bool:
    return VALIDATOR.is_valid(doc)


def _nest(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    doc: Any = value
    for part in reversed(path):
        doc = {part: doc}
    result: dict[str, Any] = doc
    return result


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        resolved: dict[str, Any] = SCHEMA["definitions"][name]
        return resolved
    return node


def leaves(
    node: dict[str, Any] = SCHEMA, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every key that holds a value (not a table of fixed keys), with its schema; a table
    of free keys (networks, severity) is entered through one example key."""
    if node.get("type") == "object" and "properties" in node:
        for key, sub in node["properties"].items():
            yield from leaves(sub, (*path, key))
    elif node.get("type") == "object" and isinstance(node.get("additionalProperties"), dict):
        names = _resolve(node.get("propertyNames", {})).get("enum", ["name"])
        yield from leaves(node["additionalProperties"], (*path, names[0]))
    else:
        yield path, node


# Text each pattern of the schema refuses; the loader must refuse it too.
NOT_MATCHING = {
    "45d": ["soon", "0d", "-5d", "3 fortnights", "1.5w", ""],  # a duration
    "YYYY-MM-DD": ["Notes", "[Daily", "YYYY\\MM\\DD", "Week W"],  # a daily-note format
}


def examples(node: dict[str, Any]) -> list[Any]:
    """Values the schema allows at a leaf: its default and one of each type it names."""
    node = _resolve(node)
    out = [node["default"]] if "default" in node else []
    out += node.get("examples", [])
    if "enum" in node:
        out += node["enum"][:3]
    for option in node.get("anyOf", []):
        out += examples(option)
    kind = node.get("type")
    if kind == "integer":
        out += [node.get("minimum", 1), node.get("minimum", 1) + 30]
    elif kind == "number":
        out += [0, 2.5]
    elif kind == "string" and "pattern" not in node:
        out += ["Notes"]
    elif kind == "array":
        out += [[], [examples(node["items"])[0]]]
    return out


def wrong(node: dict[str, Any]) -> list[Any]:
    """Values of the wrong kind for a leaf: the schema must refuse each."""
    node = _resolve(node)
    kinds = {node.get("type")} | {_resolve(o).get("type") for o in node.get("anyOf", [])}
    numeric = bool(kinds & {"integer", "number"})
    out: list[Any] = [True, {"a": 1}, 1.5 if "number" not in kinds else "x"]
    if "enum" in node:
        out += ["no-such-value", 3]
    if numeric:
        out += [-1]
    if "string" not in kinds and "enum" not in node:
        out += ["12"]
    elif not numeric:
        out += [3]
    out += [[3]] if "array" in kinds else [["a"]]
    for example, refused in NOT_MATCHING.items():
        if example in node.get("examples", []):
            out += refused
    return out


LEAVES = list(leaves())


def _id(item: tuple[tuple[str, ...], dict[str, Any]]) -> str:
    return ".".join(item[0])


def test_config_schema_prints_the_shipped_file_and_is_a_draft7_schema() -> None:
    printed = _schema()
    shipped = (ROOT / "mdnet" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert json.loads(shipped) == printed, "run `python scripts/gen_docs.py`"
    jsonschema.Draft7Validator.check_schema(printed)
    path = run("config", "--schema-path")
    assert path.exit_code == 0
    assert json.loads(Path(path.stdout.strip()).read_text(encoding="utf-8")) == printed


def test_every_key_the_loader_reads_is_in_the_schema() -> None:
    assert set(SCHEMA["properties"]) == TOP_KEYS
    assert SCHEMA["additionalProperties"] is False


def test_the_defaults_in_the_schema_are_the_loaders() -> None:
    """A file that sets every key to the schema's default loads as the default Config."""
    doc: dict[str, Any] = {}
    for path, node in LEAVES:
        if "default" in node:
            where = doc
            for part in path[:-1]:
                where = where.setdefault(part, {})
            where[path[-1]] = node["default"]
    assert _valid(doc)
    loaded, default = parse_config(doc), Config()
    for item in fields(Config):
        if item.name not in ("source", "origins"):
            assert getattr(loaded, item.name) == getattr(default, item.name), item.name
    assert {n for n in loaded.origins} >= {"cadence_days", "rules", "report_title"}


@pytest.mark.parametrize(("path", "node"), LEAVES, ids=[_id(x) for x in LEAVES])
def test_each_value_the_schema_allows_loads(path: tuple[str, ...], node: dict[str, Any]) -> None:
    values = examples(node)
    assert values, path
    for value in values:
        doc = _nest(path, value)
        assert _valid(doc), (path, value)
        parse_config(doc)  # raises ConfigError when the loader disagrees


@pytest.mark.parametrize(("path", "node"), LEAVES, ids=[_id(x) for x in LEAVES])
def test_a_wrong_value_is_refused_by_both(path: tuple[str, ...], node: dict[str, Any]) -> None:
    for value in wrong(node):
        doc = _nest(path, value)
        assert not _valid(doc), (path, value)
        with pytest.raises(ConfigError) as caught:
            parse_config(doc)
        assert f"`{'.'.join(path[:2])}" in str(caught.value), (path, value, caught.value)


def _tables(node: dict[str, Any] = SCHEMA, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if node.get("type") == "object" and "properties" in node:
        yield path
        for key, sub in node["properties"].items():
            yield from _tables(sub, (*path, key))
    elif node.get("type") == "object" and isinstance(node.get("additionalProperties"), dict):
        yield from _tables(node["additionalProperties"], (*path, "name"))


@pytest.mark.parametrize("path", list(_tables()), ids=lambda p: ".".join(p) or "top")
def test_an_unknown_key_is_refused_by_both(path: tuple[str, ...]) -> None:
    doc = _nest((*path, "no_such_key"), 1)
    if path and path[0] == "networks":
        doc = {"networks": {"name": {"no_such_key": 1}}}
    assert not _valid(doc)
    with pytest.raises(ConfigError, match="no_such_key"):
        parse_config(doc)


@pytest.mark.parametrize("selector", ["G1", "L00Z", "G9"])
def test_a_selector_that_names_no_rule_is_refused_by_the_schema_and_check(
    make_vault: MakeVault, selector: str
) -> None:
    doc = {"rules": {"select": [selector]}}
    assert not _valid(doc)
    vault = make_vault({"a.md": "# A\n"}, config=f'[rules]\nselect = ["{selector}"]\n')
    assert run("check", str(vault)).exit_code == 2
    assert _valid({"rules": {"select": ["G", "G00", "L001", "ALL"]}})


def test_the_configuration_init_writes_is_valid(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "v")).exit_code == 0
    data = tomllib.loads((tmp_path / "v" / "mdnet.toml").read_text(encoding="utf-8"))
    errors = [e.message for e in VALIDATOR.iter_errors(data)]
    assert errors == []


def test_a_full_file_from_the_schema_is_checked_through_the_cli(make_vault: MakeVault) -> None:
    """Every key at once, written as TOML: `check --show-settings` reads it (exit 0)."""
    from mdnet.settings import toml_value

    lines = []
    for path, node in LEAVES:
        value = examples(node)[-1]
        value = "_".join(path) if value == "Notes" else value  # distinct property names
        key = ".".join(json.dumps(p) for p in path)
        lines.append(f"{key} = {toml_value(value)}")
    text = "\n".join(lines) + "\n"
    assert _valid(tomllib.loads(text))
    vault = make_vault({"a.md": "# A\n"}, config=text)
    result = run("check", str(vault), "--show-settings")
    assert result.exit_code == 0, result.output
    negative = text.replace('"due_soon_days" = ', '"due_soon_days" = -')
    broken = make_vault({"a.md": "# A\n"}, config=negative, name="bad")
    result = run("check", str(broken))
    assert result.exit_code == 2 and "due_soon_days" in result.stderr


def test_pyproject_schema_checks_tool_mdnet_only() -> None:
    result = run("config", "--schema", "--pyproject")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    check = jsonschema.Draft7Validator(schema)
    good = {"project": {"name": "x"}, "tool": {"ruff": {"line-length": 1}, "mdnet": {}}}
    assert check.is_valid(good)
    assert not check.is_valid({"tool": {"mdnet": {"cadence": "soon"}}})


def test_config_without_an_option_is_a_usage_error() -> None:
    result = run("config")
    assert result.exit_code == 2
    assert "--schema" in result.stderr
