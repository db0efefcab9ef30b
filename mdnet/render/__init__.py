"""The renderers of `mdnet check`: what they are given (CheckResult); their names are in
mdnet.formats.CHECK."""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct

from mdnet.diagnostics import Diagnostic
from mdnet.formats import CHECK
from mdnet.rules import Rule


class CheckResult(Struct, frozen=True):
    """What a check renderer needs: the findings and how they were produced."""

    diagnostics: tuple[Diagnostic, ...]
    files: int
    """How many notes were reported on."""
    rules: tuple[Rule, ...]
    root: Path
    display_root: str
    """How to show the vault root in front of each path ('' when it is the current folder)."""
    color: bool = False
    statistics: bool = False
    paths: tuple[str, ...] = ()
    """The vault-relative paths of the notes reported on (JUnit has a test case for each)."""
    baselined: int = 0
    """Findings left out because the baseline holds them."""
    stale: int = 0
    """Baseline entries no finding matches any more."""
    unsafe_fixes: bool = False
    """Whether unsafe fixes count as available (`--unsafe-fixes`)."""
    quiet: bool = False
    """`--quiet`: the findings only, no summary lines."""

    def display(self, path: str) -> str:
        return f"{self.display_root}/{path}" if self.display_root else path


def render_check(name: str, result: CheckResult) -> str:
    return CHECK.renderer(name)(result)
