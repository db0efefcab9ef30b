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


def docs_href(code: str, template: str | None) -> str | None:
    """The page of a rule: the given URL template (`--docs-url`), else docs/rules/CODE.md of
    this checkout when mdnet runs from one; else none (`mdnet rule CODE` prints it)."""
    if template:
        return template.replace("{code}", code)
    page = _CHECKOUT_DOCS / f"{code}.md"
    return page.as_uri() if page.is_file() else None


def to_lsp(
    diags: Sequence[Diagnostic], lines: Sequence[str], codec: Codec, docs: str | None
) -> list[lsp.Diagnostic]:
    out = []
    for d in diags:
        line, start, end = diagnostic_extent(d, lines)
        href = docs_href(d.code, docs)
        out.append(
            lsp.Diagnostic(
                range=codec.range(lines, line, start, end),
                message=d.message,
                severity=_SEVERITY[d.severity],
                code=d.code,
                code_description=lsp.CodeDescription(href=href) if href else None,
                source=SOURCE,
                data={"name": d.name, "line": d.line, "column": d.column},
            )
        )
    return out
