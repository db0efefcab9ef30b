"""`mdnet rules`: the rule catalogue as text, a Markdown table or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from mdnet.rules import Rule


def render_text(rules: Sequence[Rule]) -> str:
    """One line per rule: code, name, default severity, fix (safe/unsafe/-) and summary."""
    width = max(len(r.name) for r in rules)
    lines = [
        f"{r.code}  {r.name:<{width}}  {r.severity!s:<7}  {r.fixable or '-':<6}  {r.summary}"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def render_markdown(rules: Sequence[Rule]) -> str:
    """A table whose codes link to each rule's page under docs/rules/."""
    lines = ["| code | name | default | fix | summary |", "|---|---|---|---|---|"]
    lines += [
        f"| [{r.code}](rules/{r.code}.md) | {r.name} | {r.severity} | {r.fixable or ''} "
        f"| {r.summary} |"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def render_json(rules: Sequence[Rule]) -> str:
    """Every rule with its code, name, severity, summary, fix and explanation."""
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "severity": str(r.severity),
            "summary": r.summary,
            "fix": r.fix,
            "fixable": r.fixable,
            "explanation": r.explanation,
        }
        for r in rules
    ]
    return json.dumps(rows, indent=2) + "\n"
