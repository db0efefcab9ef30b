"""Running the selected rules over an analysed vault and collecting diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Collection

from msgspec import Struct, field

from mdnet import forked
from mdnet.analysis import Analysis
from mdnet.diagnostics import Diagnostic, Finding, Severity, code_matches, is_suppressed
from mdnet.errors import ConfigError, UsageError
from mdnet.findingmemo import memo_key, reusable
from mdnet.rules import Rule, select_rules, unknown_selector
from mdnet.vault import is_excluded


class Selection(Struct, frozen=True):
    """Which rules run: config `[rules]` merged with `--select` / `--ignore`."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def merge(
        cls, analysis: Analysis, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
    ) -> Selection:
        """Command-line `--select` replaces the config's; `--ignore` adds to it.

        A code or prefix that names no rule is an error (a typo must not turn rules off)."""
        for option, codes in (("--select", select), ("--ignore", ignore)):
            for code in codes:
                problem = unknown_selector(code)
                if problem:
                    raise UsageError(f"{option}: {problem}")
        rules = analysis.config.rules
        where = str(analysis.config.source or "configuration")
        listed = [("rules.select", c) for c in rules.select]
        listed += [("rules.ignore", c) for c in rules.ignore]
        listed += [("rules.severity", c) for c in rules.severity]
        listed += [
            (f"rules.per-file-ignores.{g!r}", c) for g, cs in rules.per_file_ignores for c in cs
        ]
        for key, code in listed:
            problem = unknown_selector(code)
            if problem:
                raise ConfigError(f"{where}: `{key}`: {problem}")
        return cls(
            select=select or rules.select,
            ignore=rules.ignore + ignore,
            severity=dict(rules.severity),
            per_file_ignores=tuple(rules.per_file_ignores),
        )

    def rules(self) -> list[Rule]:
        return select_rules(self.select, self.ignore)

    def severity_of(self, rule: Rule) -> Severity:
        """The configured severity: the most specific matching code or prefix wins, ALL least."""
        severity = rule.severity
        matching = [p for p in self.severity if p == "ALL" or rule.code.startswith(p)]
        for prefix in sorted(matching, key=lambda p: 0 if p == "ALL" else len(p)):
            severity = Severity.parse(self.severity[prefix])
        return severity

    def ignored_in(self, path: str, code: str) -> bool:
        """True when `per-file-ignores` turns the rule off for this note."""
        return any(
            code_matches(code, codes) and is_excluded(path, (glob,))
            for glob, codes in self.per_file_ignores
        )


def run_rules(
    analysis: Analysis, selection: Selection, only: Collection[str] | None = None
) -> list[Diagnostic]:
    """Diagnostics of the selected rules, suppressions applied, sorted by place.

    `only` limits reporting to those vault-relative paths (the whole vault is still read)."""
    out: list[Diagnostic] = []
    rules = selection.rules()
    focus = frozenset(only) if only is not None else None
    per_note = _per_note(analysis, [r for r in rules if r.per_note], focus)
    before, analysis.focus = analysis.focus, focus
    try:
        others = [(rule, f) for rule in rules if not rule.per_note for f in rule.check(analysis)]
    finally:
        analysis.focus = before
    found = per_note() + others
    severity = {rule.code: selection.severity_of(rule) for rule in rules}
    for rule, finding in found:
        if only is not None and finding.path not in only:
            continue
        if selection.per_file_ignores and selection.ignored_in(finding.path, rule.code):
            continue
        diag = Diagnostic(
            path=finding.path,
            line=finding.line,
            column=finding.col,
            code=rule.code,
            name=rule.name,
            severity=severity[rule.code],
            message=finding.message,
            help=rule.fix,
        )
        if not is_suppressed(diag, analysis.notes.get(diag.path)):
            out.append(diag)
    out.sort(key=Diagnostic.sort_key)
    return out


def _per_note(
    analysis: Analysis, rules: list[Rule], focus: frozenset[str] | None
) -> Callable[[], list[tuple[Rule, Finding]]]:
    """The per-note rules' findings on the notes in focus (every note when None): kept ones
    for the notes whose findings still hold (see mdnet/findingmemo.py), the rules run on
    the others. The memo is updated with what they found.

    Returns how to get them. With many notes to run the rules on (a cold run), they run in a
    forked copy of this process (mdnet/forked.py) while this one runs the other rules."""
    if not rules:
        return list
    memo, stamps = analysis.findings_before, analysis.stamps
    # The key holds the link context, which collecting the interactions works out: with no
    # findings kept (a cold run), it is needed only once the rules have run.
    key = memo_key(analysis.config, analysis.memo.context) if memo.entries else None
    codes = tuple(sorted(r.code for r in rules))
    held = memo.holding(key, stamps) if key is not None else {}
    targets = analysis.notes.keys() if focus is None else focus & analysis.notes.keys()
    kept = [p for p in targets if reusable(held.get(p), codes)]
    fresh = set(targets).difference(kept)
    by_code = {rule.code: rule for rule in rules}

    def run() -> list[tuple[str, Finding]]:
        before, analysis.focus = analysis.focus, focus if not kept else frozenset(fresh)
        try:
            return [(rule.code, f) for rule in rules for f in rule.check(analysis)]
        finally:
            analysis.focus = before

    if len(fresh) >= FORK_MIN and forked.available():
        analysis.forked = len(fresh)
        _ = analysis.model  # built once, for both processes; the copy writes its file
        pending = forked.start(run, list[tuple[str, Finding]])
    else:
        done = run() if fresh else []
        pending = lambda: done  # noqa: E731

    def join() -> list[tuple[Rule, Finding]]:
        ran = pending()
        new = ((f.path, (code, f.line, f.col, f.message)) for code, f in ran)
        now = key if key is not None else memo_key(analysis.config, analysis.memo.context)
        analysis.keep_findings(memo.updated(now, held, stamps, codes, fresh, new))
        found = [(by_code[code], f) for code, f in ran]
        for path in kept:
            for code, line, col, message in memo.entries[path][1][1]:
                if code in by_code:
                    found.append((by_code[code], Finding(path, line, col, message)))
        return found

    return join


FORK_MIN = 1000
"""Notes to run the per-note rules on from which they run in a forked copy of the process
(about 20 us a note against a few ms to fork)."""
