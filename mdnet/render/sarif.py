"""SARIF 2.1.0 output of `mdnet check`, as GitHub code scanning reads it."""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any
from urllib.parse import quote

from mdnet import __version__
from mdnet.diagnostics import Fix, Severity
from mdnet.render import CheckResult
from mdnet.rules import Rule, all_rules

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
VERSION = "2.1.0"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def homepage() -> str | None:
    """The project's URL from the installed package's metadata, when it declares one."""
    try:
        meta = metadata.metadata("mdnet")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("homepage", "repository", "source") and url.strip():
            return url.strip()
    home = str(meta["Home-page"]).strip() if "Home-page" in meta else ""
    return home or None


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A SARIF reportingDescriptor: what `mdnet rule CODE` says, for the code-scanning UI."""
    help_text = f"{rule.explanation}\n\nHow to fix: {rule.fix}"
    help_markdown = (
        f"**{rule.code} {rule.name}**: {rule.summary}.\n\n"
        f"```text\n{rule.explanation}\n```\n\n**How to fix:** {rule.fix}"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.summary}."},
        "fullDescription": {"text": rule.explanation or f"{rule.summary}."},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["mdnet", rule.name], "fixable": rule.fixable or "no"},
    }


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference: forward slashes, spaces and the like escaped."""
    return quote(path.replace("\\", "/"), safe="/-._~!$&'()*+,;=@")


def sarif_fix(uri: str, fix: Fix) -> dict[str, Any]:
    """A SARIF fix: the replacements `--fix` would make, regions 1-based, end exclusive."""
    return {
        "description": {"text": f"{fix.message} ({fix.applicability} fix)"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": e.line,
                            "startColumn": e.col,
                            "endLine": e.end_line,
                            "endColumn": e.end_col,
                        },
                        "insertedContent": {"text": e.content},
                    }
                    for e in fix.edits
                ],
            }
        ],
    }


def sarif(result: CheckResult) -> str:
    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors = [rule_descriptor(rule) for rule in rules]
    results = []
    for d in result.diagnostics:
        if d.code not in index:  # not in the registry: describe it from the finding
            index[d.code] = len(descriptors)
            descriptors.append({"id": d.code, "name": d.name, "shortDescription": {"text": d.name}})
        entry: dict[str, Any] = {}
        results.append(entry)
        entry.update(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": artifact_uri(result.display(d.path)),
                                "uriBaseId": "%SRCROOT%",
                            },
                            "region": {
                                "startLine": max(d.line, 1),
                                "startColumn": max(d.column, 1),
                            },
                        }
                    }
                ],
            }
        )
        if d.fix is not None:
            entry["fixes"] = [sarif_fix(artifact_uri(result.display(d.path)), d.fix)]
    driver: dict[str, Any] = {
        "name": "mdnet",
        "version": __version__,
        "semanticVersion": __version__,
    }
    url = homepage()
    if url:
        driver["informationUri"] = url
    driver["rules"] = descriptors
    document = {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
