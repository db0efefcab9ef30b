"""mdnet diagnostics as LSP diagnostics: code, link to the rule's page, severity, range."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types as lsp

import mdnet
from mdnet.diagnostics import Diagnostic, Severity
from mdnet.server.text import Codec, diagnostic_extent

SOURCE = "mdnet"
_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_CHECKOUT_DOCS = Path(mdnet.__file__).resolve().parent.parent / "docs" / "rules"
DEFAULT_DOCS_URL = "https://github.com/OWNER/mdnet/blob/main/docs/rules/{code}.md"


def docs_href(code: str, template: str | None) -> str:
    """The page of a rule: the given URL template, else docs/rules/CODE.md of this checkout
    when mdnet runs from one, else the repository's page."""
    if template:
        return template.replace("{code}", code)
    page = _CHECKOUT_DOCS / f"{code}.md"
    if page.is_file():
        return page.as_uri()
    return DEFAULT_DOCS_URL.replace("{code}", code)


def to_lsp(
    diags: Sequence[Diagnostic], lines: Sequence[str], codec: Codec, docs: str | None
) -> list[lsp.Diagnostic]:
    out = []
    for d in diags:
        line, start, end = diagnostic_extent(d, lines)
        out.append(
            lsp.Diagnostic(
                range=codec.range(lines, line, start, end),
                message=d.message,
                severity=_SEVERITY[d.severity],
                code=d.code,
                code_description=lsp.CodeDescription(href=docs_href(d.code, docs)),
                source=SOURCE,
                data={"name": d.name, "line": d.line, "column": d.column},
            )
        )
    return out
