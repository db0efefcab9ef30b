"""A report written to a file carries mdnet's mark, so that a later run replaces it and
nothing else (:func:`mdnet.fsutil.write_atomic` with `replace_generated_only`)."""

from __future__ import annotations

import json

from mdnet import __version__
from mdnet.fsutil import GENERATED_MARK

HTML_COMMENT = f"<!-- {GENERATED_MARK}: edits here are lost when the report is rewritten -->"


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
