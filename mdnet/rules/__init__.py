"""The rule registry: every rule is a function registered with its code, name and docs."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from msgspec import Struct

from mdnet.diagnostics import Finding, Severity

if TYPE_CHECKING:
    from mdnet.analysis import Analysis

Check = Callable[["Analysis"], Iterable[Finding]]
CODE = re.compile(r"^[A-Z][0-9]{3}$")
NAME = re.compile(r"^[a-z]+(-[a-z]+)*$")


class Option(Struct, frozen=True):
    """A key of mdnet.toml that tunes a rule, declared next to the rule (yamllint's CONF):
    its kind (a :mod:`mdnet.configspec` kind: `count`, `number`, `strings`...), a one-line
    help, and the :class:`mdnet.config.Config` attribute that holds its value and default.
    The loader validates it by its kind, as every other setting."""

    key: str
    kind: str
    help: str
    attr: str


def option(key: str, kind: str, help: str, attr: str | None = None) -> Option:
    """Declare a rule option; pass it to :func:`rule` as `options=`."""
    return Option(key, kind, help, attr or key)


class Rule(Struct, frozen=True):
    """A registered rule. Its docstring is the explanation `mdnet rule CODE` prints."""

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    fix: str
    check: Check
    fixable: str | None = None
    """`safe` or `unsafe` when some of its findings carry a fix `--fix` can apply, else None."""
    options: tuple[Option, ...] = ()
    """The settings of mdnet.toml that tune it."""
    per_note: bool = False
    """Its findings on a note come from that note alone, the vault's link targets and
    contacts, and the settings; they are kept per note between runs (mdnet/findingmemo.py).
    Such a rule reports on `analysis.focused()` only."""


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: str,
    summary: str,
    fix: str,
    fixable: str | None = None,
    options: tuple[Option, ...] = (),
    per_note: bool = False,
) -> Callable[[Check], Check]:
    """Register a rule; the decorated function's docstring explains why, how to fix, examples.

    `fixable` says whether `--fix` can fix some of its findings: `safe` (the meaning stays)
    or `unsafe` (a guess, applied only with `--unsafe-fixes`). `per_note`: see Rule."""

    def register(check: Check) -> Check:
        if not CODE.match(code) or not NAME.match(name):
            raise ValueError(f"bad rule code or name: {code} {name}")
        if fixable not in (None, "safe", "unsafe"):
            raise ValueError(f"bad fixable value for {code}: {fixable}")
        if code in REGISTRY:
            raise ValueError(f"duplicate rule code {code}")
        REGISTRY[code] = Rule(
            code=code,
            name=name,
            severity=Severity.parse(severity),
            summary=summary,
            explanation=inspect.cleandoc(check.__doc__ or ""),
            fix=fix,
            check=_one_finding_per_cause(code, check),
            fixable=fixable,
            options=options,
            per_note=per_note,
        )
        return check

    return register


def _one_finding_per_cause(code: str, check: Check) -> Check:
    """A note whose front matter could not be read (F002, F003) gets that finding and no
    other: a missing deadline or network would only repeat it. Links in its body are still
    checked (L rules on lines below the front matter), as Obsidian still shows them."""
    if code.startswith("F"):
        return check
    keep_body = code.startswith("L")

    def checked(analysis: Analysis) -> Iterator[Finding]:
        notes = analysis.notes
        for finding in check(analysis):
            note = notes.get(finding.path)
            if (
                note is None
                or not note.front_matter_failed
                or (keep_body and finding.line >= note.body_line)
            ):
                yield finding

    return checked


def fix_availability(rule: Rule) -> str:
    """One sentence on what `--fix` can do for the rule's findings."""
    if rule.fixable == "safe":
        return "Fix: safe, for some findings ([*] in the output): `mdnet check --fix` applies it."
    if rule.fixable == "unsafe":
        return (
            "Fix: unsafe (a guess that may change meaning), for some findings: "
            "`mdnet check --fix --unsafe-fixes` applies it; `--diff` shows it first."
        )
    return "Fix: none automatic; fix it by hand."


def all_rules() -> list[Rule]:
    """Every rule, loading the rule modules on first use, ordered by code."""
    from mdnet.rules import contacts, events, files, goals, keys, links, strategy  # noqa: F401

    return [REGISTRY[c] for c in sorted(REGISTRY)]


def rule_options() -> dict[str, Option]:
    """Every rule option, by its key in mdnet.toml (an option several rules share is one)."""
    return {o.key: o for r in all_rules() for o in r.options}


def get_rule(code: str) -> Rule | None:
    all_rules()
    return REGISTRY.get(code.upper())


def select_rules(select: Iterable[str], ignore: Iterable[str]) -> list[Rule]:
    """Rules enabled by codes/prefixes; the most specific of select and ignore wins."""
    select, ignore = list(select), list(ignore)

    def best(code: str, patterns: list[str]) -> int:
        lengths = [
            0 if p == "ALL" else len(p) for p in patterns if p == "ALL" or code.startswith(p)
        ]
        return max(lengths, default=-1)

    return [r for r in all_rules() if best(r.code, select) > best(r.code, ignore)]


def unknown_selector(pattern: str) -> str | None:
    """None when `pattern` (a code, a prefix or ALL) names at least one rule, else a
    one-line problem with the nearest code or prefix: `G1` selects nothing, `G001` is meant."""
    pattern = pattern.strip().upper()
    codes = [r.code for r in all_rules()]
    if pattern == "ALL" or any(c.startswith(pattern) for c in codes):
        return None
    guess = None
    padded = re.fullmatch(r"([A-Z])([0-9]{1,2})", pattern)
    if padded and f"{padded[1]}{int(padded[2]):03d}" in codes:
        guess = f"{padded[1]}{int(padded[2]):03d}"
    if guess is None:
        import difflib  # only for a code that matches no rule

        prefixes = sorted({c[:1] for c in codes} | set(codes))
        close = difflib.get_close_matches(pattern, prefixes, n=1, cutoff=0.5)
        guess = close[0] if close else None
    hint = f"; did you mean {guess}?" if guess else "; `mdnet rules` lists them"
    return f"{pattern!r} matches no rule{hint}"
