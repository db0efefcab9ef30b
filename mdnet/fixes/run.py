"""Applying fixes to the vault: pass after pass until nothing changes, never over a note
that changed since it was read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from msgspec import Struct, field

from mdnet.diagnostics import Diagnostic
from mdnet.errors import UsageError
from mdnet.fixes import Source, plan, unified_diff
from mdnet.fsutil import write_atomic

MAX_PASSES = 10
"""Each pass re-reads the vault and fixes what is left; a fix that keeps making new
fixable findings stops here instead of looping."""

Recheck = Callable[[], tuple[list[Diagnostic], dict[str, Source]]]


class FixRun(Struct):
    """What fixing did: notes written (with how many findings fixed in each) and what not."""

    diagnostics: list[Diagnostic]
    """The findings left after the last pass."""
    fixed: Counter[str] = field(default_factory=Counter)
    skipped: list[tuple[Diagnostic, str]] = field(default_factory=list)
    converged: bool = True

    def report(self, shown: Callable[[str], str]) -> str:
        """Lines for standard error: skipped fixes and a failure to converge."""
        lines = [
            f"mdnet: fix skipped: {shown(d.path)}:{d.line}:{d.column}: {d.code}: {why}"
            for d, why in self.skipped
        ]
        if not self.converged:
            lines.append(f"mdnet: fixes did not settle after {MAX_PASSES} passes; run again")
        return "".join(line + "\n" for line in lines)


Write = Callable[[str, bytes, str], "str | None"]
"""(path, the bytes the fixes were made from, new text) -> why it was not written, or None."""


def fix_until_stable(
    diagnostics: list[Diagnostic],
    sources: dict[str, Source],
    unsafe: bool,
    recheck: Recheck,
    write: Write,
) -> FixRun:
    run = FixRun(diagnostics)
    skipped: dict[tuple[str, int, int, str], tuple[Diagnostic, str]] = {}
    for _ in range(MAX_PASSES):
        planned = plan(run.diagnostics, sources, unsafe)
        for d, why in planned.skipped:
            skipped[(d.path, d.line, d.column, d.code)] = (d, why)
        wrote = False
        for path, text in sorted(planned.texts.items()):
            problem = write(path, sources[path].data, text)
            if problem is None:
                run.fixed[path] += planned.applied[path]
                wrote = True
            else:
                for d in run.diagnostics:
                    if d.path == path and d.fix is not None:
                        skipped[(d.path, d.line, d.column, d.code)] = (d, problem)
        if not wrote:
            break
        run.diagnostics, sources = recheck()
    else:
        run.converged = not plan(run.diagnostics, sources, unsafe).texts
    left = {(d.path, d.line, d.column, d.code) for d in run.diagnostics}
    run.skipped = [entry for place, entry in sorted(skipped.items()) if place in left]
    return run


def write_if_unchanged(path: Path, before: bytes, text: str) -> str | None:
    """Write `text` unless the file is no longer the bytes the fixes were made from.

    A note that is a symbolic link is written where the link points: the link stays."""
    try:
        path = path.resolve()
        if path.read_bytes() != before:
            return "the note changed since it was read"
        write_atomic(path, text)
    except (OSError, UsageError) as exc:
        return f"cannot write it ({exc})"
    return None


def diff_of(
    diagnostics: list[Diagnostic], sources: dict[str, Source], unsafe: bool, display_root: str
) -> tuple[str, int, int]:
    """The unified diff of one pass of fixes, with how many findings and notes it fixes."""
    planned = plan(diagnostics, sources, unsafe)
    parts = []
    for path in sorted(planned.texts):
        source = sources[path]
        before = ("\ufeff" if source.bom else "") + source.text
        parts.append(unified_diff(display_root, path, before, planned.texts[path]))
    return "".join(parts), sum(planned.applied.values()), len(planned.texts)
