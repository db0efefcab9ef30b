"""Text formats of `mdnet check`: concise (path:line:col: CODE message) and full."""

from __future__ import annotations

from collections import Counter

from mdnet.diagnostics import Diagnostic, Severity
from mdnet.render import CheckResult, formatter
from mdnet.render.safe import terminal_safe

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def _head(result: CheckResult, d: Diagnostic) -> str:
    place = terminal_safe(f"{result.display(d.path)}:{d.line}:{d.column}:")
    code = _paint(d.code, "1;" + _COLORS[d.severity], result.color)
    return f"{_paint(place, '1', result.color)} {code} {terminal_safe(d.message)}"


def summary(result: CheckResult) -> str:
    counts = Counter(d.severity for d in result.diagnostics)
    total = len(result.diagnostics)
    notes = f"{result.files} note{'s' if result.files != 1 else ''}"
    if not total:
        return _paint(f"All checks passed ({notes}).", "32", result.color)
    parts = [
        f"{counts[s]} {str(s) + ('s' if counts[s] != 1 and s != Severity.INFO else '')}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[s]
    ]
    word = "problem" if total == 1 else "problems"
    return f"Found {total} {word} ({', '.join(parts)}) in {notes}."


def statistics(result: CheckResult) -> str:
    counts = Counter((d.code, d.name, d.severity) for d in result.diagnostics)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    return "\n".join(f"{n:>{width}}  {code}  {name} [{sev}]" for (code, name, sev), n in rows)


@formatter("concise")
def concise(result: CheckResult) -> str:
    if result.statistics:
        body = statistics(result)
    else:
        body = "\n".join(_head(result, d) for d in result.diagnostics)
    return (body + "\n" if body else "") + summary(result) + "\n"


@formatter("full")
def full(result: CheckResult) -> str:
    if result.statistics:
        return concise(result)
    blocks = []
    cache: dict[str, list[str]] = {}
    for d in result.diagnostics:
        lines = cache.get(d.path)
        if lines is None:
            try:
                raw = (result.root / d.path).read_bytes()[:5_000_000]
                text = raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
                lines = text.split("\n")  # as the parser counts lines: \f or U+2028 end none
            except OSError:
                lines = []
            cache[d.path] = lines
        block = [_head(result, d)]
        if 0 < d.line <= len(lines):
            source = terminal_safe(lines[d.line - 1])[:200]
            gutter = f"{d.line:>5} | "
            block.append(gutter + source)
            block.append(
                " " * (len(gutter) + max(d.column - 1, 0)) + _paint("^", "1;31", result.color)
            )
        if d.fix:
            block.append(f"  = help: {terminal_safe(d.fix)}")
        blocks.append("\n".join(block))
    body = "\n\n".join(blocks)
    return (body + "\n\n" if body else "") + summary(result) + "\n"
