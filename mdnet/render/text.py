"""Text formats of `mdnet check`: concise (path:line:col: CODE message) and full."""

from __future__ import annotations

from collections import Counter

from mdnet.diagnostics import Diagnostic, Severity
from mdnet.render import CheckResult
from mdnet.render.safe import terminal_safe

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def _head(result: CheckResult, d: Diagnostic) -> str:
    place = terminal_safe(f"{result.display(d.path)}:{d.line}:{d.column}:")
    code = _paint(d.code, "1;" + _COLORS[d.severity], result.color)
    mark = "[*] " if fixable(result, d) else ""
    return f"{_paint(place, '1', result.color)} {code} {mark}{terminal_safe(d.message)}"


def fixable(result: CheckResult, d: Diagnostic) -> bool:
    """True when `--fix` (with `--unsafe-fixes` when given) would fix the finding."""
    return d.fix is not None and (d.fix.applicability == "safe" or result.unsafe_fixes)


def fix_hint(result: CheckResult) -> str:
    """`[*] 3 fixable with --fix`, as ruff says it, and the unsafe fixes left out."""
    can = sum(1 for d in result.diagnostics if fixable(result, d))
    if not can:
        return ""
    option = "--fix --unsafe-fixes" if result.unsafe_fixes else "--fix"
    return f"[*] {can} fixable with `mdnet check {option}` (`--diff` shows the changes first)."


def baseline_note(result: CheckResult) -> str:
    parts = []
    if result.baselined:
        n = result.baselined
        parts.append(f"{n} finding{'s' if n != 1 else ''} left out (--no-baseline shows them)")
    if result.stale:
        parts.append(
            f"{result.stale} baseline entr{'y' if result.stale == 1 else 'ies'} no longer "
            f"found (--add-baseline removes {'it' if result.stale == 1 else 'them'})"
        )
    return "; ".join(parts)


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


def summary_lines(result: CheckResult) -> str:
    """The summary, then what is fixable and what the baseline holds, one line each."""
    if result.quiet:
        return ""
    lines = [summary(result), fix_hint(result)]
    note = baseline_note(result)
    if note and not result.statistics:
        lines.append(f"Baseline: {note}.")
    return "".join(line + "\n" for line in lines if line)


def statistics(result: CheckResult) -> str:
    counts = Counter((d.code, d.name, d.severity) for d in result.diagnostics)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    fixes = Counter(d.code for d in result.diagnostics if fixable(result, d))
    lines = [
        f"{n:>{width}}  {code}  {'[*] ' if fixes[code] else ''}{name} [{sev}]"
        for (code, name, sev), n in rows
    ]
    note = baseline_note(result)
    if note:
        lines.append(f"Baseline: {note}.")
    return "\n".join(lines)


def concise(result: CheckResult) -> str:
    if result.statistics:
        body = statistics(result)
    else:
        body = "\n".join(_head(result, d) for d in result.diagnostics)
    return (body + "\n" if body else "") + summary_lines(result)


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
        if d.help:
            block.append(f"  = help: {terminal_safe(d.help)}")
        if d.fix is not None:
            block.append(f"  = fix ({d.fix.applicability}): {terminal_safe(d.fix.message)}")
        blocks.append("\n".join(block))
    body = "\n\n".join(blocks)
    return (body + "\n\n" if body else "") + summary_lines(result)
