"""GitLab Code Quality output of `mdnet check` (a CodeClimate-style JSON array)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from mdnet.baseline import fingerprint, line_texts
from mdnet.diagnostics import Severity
from mdnet.render import CheckResult

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def gitlab(result: CheckResult) -> str:
    """One issue per finding. The fingerprint is the baseline's (path, code, message without
    numbers, line text) with a count for repeats, so that GitLab's merge-request widget
    tells new findings from old ones when lines move."""
    texts = line_texts(result.root, list(result.diagnostics))
    seen: Counter[str] = Counter()
    issues = []
    for d in result.diagnostics:
        base = f"{d.path}\0{d.code}\0{fingerprint(d, texts[(d.path, d.line)])}"
        seen[base] += 1
        digest = hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()
        issues.append(
            {
                "type": "issue",
                "check_name": f"{d.code} {d.name}",
                "description": f"{d.code} {d.message}",
                "categories": ["Style"],
                "severity": SEVERITY[d.severity],
                "fingerprint": digest,
                "location": {"path": result.display(d.path), "lines": {"begin": d.line}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
