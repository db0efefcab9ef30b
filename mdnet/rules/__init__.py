"""The rule registry: every rule is a function registered with its code, name and docs."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mdnet.diagnostics import Finding, Severity

if TYPE_CHECKING:
    from mdnet.analysis import Analysis

Check = Callable[["Analysis"], Iterable[Finding]]
CODE = re.compile(r"^[A-Z][0-9]{3}$")
NAME = re.compile(r"^[a-z]+(-[a-z]+)*$")


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule. Its docstring is the explanation `mdnet rule CODE` prints."""

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    fix: str
    check: Check


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str, summary: str, fix: str) -> Callable[[Check], Check]:
    """Register a rule; the decorated function's docstring explains why, how to fix, examples."""

    def register(check: Check) -> Check:
        if not CODE.match(code) or not NAME.match(name):
            raise ValueError(f"bad rule code or name: {code} {name}")
        if code in REGISTRY:
            raise ValueError(f"duplicate rule code {code}")
        REGISTRY[code] = Rule(
            code=code,
            name=name,
            severity=Severity.parse(severity),
            summary=summary,
            explanation=inspect.cleandoc(check.__doc__ or ""),
            fix=fix,
            check=check,
        )
        return check

    return register


def all_rules() -> list[Rule]:
    """Every rule, loading the rule modules on first use, ordered by code."""
    from mdnet.rules import contacts, events, files, goals, links  # noqa: F401

    return [REGISTRY[c] for c in sorted(REGISTRY)]


def get_rule(code: str) -> Rule | None:
    all_rules()
    return REGISTRY.get(code.upper())


def select_rules(select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """Rules enabled by codes/prefixes; the most specific of select and ignore wins."""
    select, ignore = list(select), list(ignore)

    def best(code: str, patterns: list[str]) -> int:
        lengths = [
            0 if p == "ALL" else len(p) for p in patterns if p == "ALL" or code.startswith(p)
        ]
        return max(lengths, default=-1)

    return [r for r in all_rules() if best(r.code, select) > best(r.code, ignore)]
