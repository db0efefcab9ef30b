"""JUnit XML output of `mdnet check`: one test case per note, one failure per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from mdnet.render import CheckResult

# XML 1.0 cannot carry most control characters, even escaped: drop them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def junit(result: CheckResult) -> str:
    by_path: dict[str, list[int]] = {path: [] for path in result.paths}
    for i, d in enumerate(result.diagnostics):
        by_path.setdefault(d.path, []).append(i)
    failed = sum(1 for found in by_path.values() if found)
    counts = {"tests": str(len(by_path)), "failures": str(failed), "errors": "0"}
    suites = ET.Element("testsuites", {"name": "mdnet", **counts})
    suite = ET.SubElement(
        suites, "testsuite", {"name": "mdnet check", **counts, "skipped": "0", "time": "0"}
    )
    for path in sorted(by_path):
        shown = _clean(result.display(path))
        case = ET.SubElement(
            suite, "testcase", {"classname": "mdnet", "name": shown, "file": shown, "time": "0"}
        )
        for i in by_path[path]:
            d = result.diagnostics[i]
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "type": d.code,
                    "message": _clean(f"{d.code} {d.message}"),
                },
            )
            detail = f"{shown}:{d.line}:{d.column}: {d.code} {d.name} ({d.severity})\n{d.message}"
            if d.help:
                detail += f"\nHow to fix: {d.help}"
            failure.text = _clean(detail)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
