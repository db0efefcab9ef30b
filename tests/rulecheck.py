"""Rule tests in memory: note text in, findings out, as yamllint's `check(src, conf, problem1=...)`.

    check(GOAL, "G002", (2, 7))                       # one note, one finding at line 2 col 7
    check({"Goals/A.md": A, "Goals/B.md": B}, "G", ("Goals/A.md", 2, 7, "G002"))
    check(GOAL, "G003", config="vague_words = ['tons']")

The notes are parsed from the given text through the same path `mdnet check -` reads stdin
with (`checking.with_overlay`), the rules run through `check.run_rules` (suppressions and
severities as configured apply), and no file is written. Text is dedented as `make_vault`
does. `findings` returns what `check` compares, for tests that look at messages.
"""

from __future__ import annotations

import datetime as dt
import textwrap
import tomllib
from collections.abc import Mapping
from pathlib import Path

from mdnet.analysis import Analysis
from mdnet.check import Selection, run_rules
from mdnet.checking import with_overlay
from mdnet.config import parse_config
from mdnet.diagnostics import Diagnostic
from mdnet.vault import Vault

TODAY = dt.date(2026, 11, 23)
PATH = "Goals/Test.md"
"""Where a single note given as text is put: in the default goals folder."""

Notes = str | Mapping[str, str]


def analyse(notes: Notes, config: str = "", today: dt.date = TODAY) -> Analysis:
    """The analysis of a vault holding just these notes (path -> text), read from memory."""
    files = {PATH: notes} if isinstance(notes, str) else dict(notes)
    settings = parse_config(tomllib.loads(textwrap.dedent(config)))
    empty = Analysis(Vault(Path("/nonexistent-vault"), (), ()), settings, today)
    overlay = {
        path: textwrap.dedent(text).lstrip("\n").encode("utf-8") for path, text in files.items()
    }
    return with_overlay(empty, overlay)


def findings(
    notes: Notes, select: str, config: str = "", today: dt.date = TODAY
) -> list[Diagnostic]:
    """The diagnostics of the rules `select` names (codes or prefixes, comma-separated),
    sorted by place."""
    analysis = analyse(notes, config, today)
    codes = tuple(code.strip() for code in select.split(","))
    return run_rules(analysis, Selection.merge(analysis, select=codes))


def check(
    notes: Notes,
    select: str,
    *problems: tuple[int, int] | tuple[str, int, int] | tuple[str, int, int, str],
    config: str = "",
    today: dt.date = TODAY,
) -> None:
    """Assert that exactly these problems are found, in order of place.

    A problem is `(line, col)` when `notes` is one note's text and `select` one code;
    `(path, line, col)` for a vault of several notes; `(path, line, col, code)` when
    `select` names several rules. No problem given: the input must be clean."""
    found = findings(notes, select, config, today)
    width = max((len(p) for p in problems), default=2)
    shown: list[tuple[object, ...]] = []
    for d in found:
        row: tuple[object, ...] = (d.path, d.line, d.column, d.code)
        short = width == 2 and d.path == PATH
        shown.append((d.line, d.column) if short else row[: max(width, 3)])
    listing = "\n".join(f"{d.code} {d.path}:{d.line}:{d.column} {d.message}" for d in found)
    assert shown == list(problems), listing
