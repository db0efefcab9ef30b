"""A report written to a file carries mdnet's mark, so that a later run replaces it and
nothing else (:func:`mdnet.fsutil.write_atomic` with `replace_generated_only`)."""

from __future__ import annotations

import json
from pathlib import Path

from mdnet import __version__
from mdnet.fsutil import GENERATED_MARK, write_atomic

HTML_COMMENT = f"<!-- {GENERATED_MARK}: edits here are lost when the report is rewritten -->"
# What reports written before the mark carried, near their start: the HTML page's generator
# tag, and the first keys of the JSON object.
_EARLIER_HTML = '<meta name="generator" content="mdnet">'
_EARLIER_JSON = '{\n  "today": "'


def marked(text: str, fmt: str) -> str:
    """The report with GENERATED_MARK near its start: an HTML comment after the doctype, a
    first `generator` key in JSON. Markdown carries its own (mdnet.report.markdown)."""
    if GENERATED_MARK in text[:300]:
        return text
    if fmt == "json":
        from mdnet.report.data import json_text

        data = json.loads(text)
        return json_text({"generator": f"{GENERATED_MARK} {__version__}", **data})
    if fmt == "html":
        first, newline, rest = text.partition("\n")
        if first.lstrip().lower().startswith("<!doctype"):
            return f"{first}\n{HTML_COMMENT}{newline}{rest}"
        return f"{HTML_COMMENT}\n{text}"
    return text


def write_report(path: Path, text: str, fmt: str) -> None:
    """Write the report to `path`, marked; an existing file is replaced only when mdnet
    wrote it (its mark, or the start of a report from before the mark), never a note, a
    page or data of someone else's."""
    write_atomic(path, marked(text, fmt), replace_generated_only=not _earlier_report(path))


def _earlier_report(path: Path) -> bool:
    """An HTML or JSON report written by an mdnet that did not mark its files yet."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(1000)
    except OSError:
        return False
    if path.suffix.lower() == ".md":
        return False
    if head.startswith(_EARLIER_JSON):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return False
        return isinstance(data, dict) and {"today", "title", "summary", "contacts"} <= set(data)
    return head.lower().startswith("<!doctype html>") and _EARLIER_HTML in head
