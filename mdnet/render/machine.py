"""Machine formats of `mdnet check`: JSON and GitHub Actions workflow annotations."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from mdnet.diagnostics import Fix
from mdnet.render import CheckResult
from mdnet.render.safe import strip_controls


def fix_json(fix: Fix | None) -> dict[str, Any] | None:
    """A fix as ruff's JSON output writes one: applicability, message, edits (1-based, end
    exclusive)."""
    if fix is None:
        return None
    return {
        "applicability": fix.applicability,
        "message": fix.message,
        "edits": [
            {
                "content": e.content,
                "location": {"row": e.line, "column": e.col},
                "end_location": {"row": e.end_line, "column": e.end_col},
            }
            for e in fix.edits
        ],
    }


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def statistics_json(result: CheckResult) -> str:
    """`--statistics --format json`: one object per rule found, the most frequent first."""
    counts = Counter((d.code, d.name, str(d.severity)) for d in result.diagnostics)
    fixable = Counter(
        d.code
        for d in result.diagnostics
        if d.fix is not None and (d.fix.applicability == "safe" or result.unsafe_fixes)
    )
    rows = [
        {"code": code, "name": name, "severity": severity, "count": n, "fixable": fixable[code]}
        for (code, name, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def as_json(result: CheckResult) -> str:
    if result.statistics:
        return statistics_json(result)
    rows = [
        {
            "path": result.display(d.path),
            "line": d.line,
            "column": d.column,
            "code": d.code,
            "name": d.name,
            "severity": str(d.severity),
            "message": d.message,
            "help": d.help,
            "fix": fix_json(d.fix),
        }
        for d in result.diagnostics
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    # Escape sequences and other line breaks (\x85, U+2028) could end or colour the command.
    return strip_controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(result: CheckResult) -> str:
    lines = []
    for d in result.diagnostics:
        props = ",".join(
            [
                f"file={_escape_property(result.display(d.path))}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_escape_property(f'{d.code} {d.name}')}",
            ]
        )
        level = _GITHUB_LEVEL[str(d.severity)]
        lines.append(f"::{level} {props}::{_escape_data(f'{d.code} {d.message}')}")
    return "".join(line + "\n" for line in lines)
