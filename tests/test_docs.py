"""Docs cannot drift: every rule and every command must be documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from conftest import run

from mdnet.cli import cli
from mdnet.rules import Rule, all_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = all_rules()
SPEC_CODES = [
    *(f"F00{i}" for i in range(1, 7)),
    *(f"L00{i}" for i in range(1, 4)),
    *(f"G00{i}" for i in range(1, 10)),
]


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the CLI, nested groups included."""
    paths: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(_commands(command, (*prefix, name)))
    return paths


COMMANDS = _commands(cli)


def test_the_catalogue_has_the_spec_rules() -> None:
    codes = [rule.code for rule in RULES]
    assert codes == sorted(codes)
    assert set(SPEC_CODES) <= set(codes)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: Rule) -> None:
    assert re.fullmatch(r"[A-Z][0-9]{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.strip(), f"{rule.code} has no summary"
    assert "\n" not in rule.summary, f"{rule.code}: the summary must be one line"
    assert rule.fix.strip(), f"{rule.code} has no fix"
    for part in ("Why:", "Fix:", "Example:"):
        assert part in rule.explanation, f"{rule.code}'s explanation lacks {part!r}"
    why = rule.explanation.split("Why:", 1)[1].split("Fix:", 1)[0]
    example = rule.explanation.split("Example:", 1)[1]
    assert len(why.split()) >= 8, f"{rule.code}: say why it matters"
    assert example.strip(), f"{rule.code}: the example is empty"


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_a_docs_page(rule: Rule) -> None:
    page = ROOT / "docs" / "rules" / f"{rule.code}.md"
    assert page.is_file(), f"{page.relative_to(ROOT)} is missing; generate the rule docs"
    text = page.read_text(encoding="utf-8")
    assert rule.code in text
    assert rule.name in text


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_command_prints_the_explanation(rule: Rule) -> None:
    result = run("rule", rule.code)
    assert result.exit_code == 0
    assert rule.name in result.stdout
    assert rule.explanation in result.stdout


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda p: " ".join(p) or "mdnet")
def test_every_command_help_has_examples(path: tuple[str, ...]) -> None:
    result = run(*path, "--help", today=None)
    assert result.exit_code == 0, result.output
    assert "Examples:" in result.stdout, f"`mdnet {' '.join(path)} --help` has no examples"


def test_readme_mentions_every_command() -> None:
    readme = ROOT / "README.md"
    assert readme.is_file(), "README.md is missing"
    text = readme.read_text(encoding="utf-8")
    missing = [
        " ".join(path)
        for path in COMMANDS
        if not re.search(rf"\bmdnet {re.escape(' '.join(path))}\b", text)
    ]
    assert not missing, f"README.md does not mention: {missing}"


def test_every_check_option_is_in_its_help() -> None:
    help_text = run("check", "--help", today=None).stdout
    command = cli.commands["check"]
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"check {param.opts[0]} has no help text"
            assert param.opts[0] in help_text
