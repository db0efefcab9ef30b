"""Running the selected rules over an analysed vault and collecting diagnostics."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from mdnet.analysis import Analysis
from mdnet.diagnostics import Diagnostic, Severity, is_suppressed
from mdnet.rules import Rule, select_rules


@dataclass(frozen=True, slots=True)
class Selection:
    """Which rules run: config `[rules]` merged with `--select` / `--ignore`."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)

    @classmethod
    def merge(
        cls, analysis: Analysis, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
    ) -> Selection:
        """Command-line `--select` replaces the config's; `--ignore` adds to it."""
        rules = analysis.config.rules
        return cls(
            select=select or rules.select,
            ignore=rules.ignore + ignore,
            severity=dict(rules.severity),
        )

    def rules(self) -> list[Rule]:
        return select_rules(self.select, self.ignore)


def run_rules(
    analysis: Analysis, selection: Selection, only: Collection[str] | None = None
) -> list[Diagnostic]:
    """Diagnostics of the selected rules, suppressions applied, sorted by place.

    `only` limits reporting to those vault-relative paths (the whole vault is still read)."""
    out: list[Diagnostic] = []
    for rule in selection.rules():
        severity = rule.severity
        for prefix in sorted(selection.severity, key=len):
            if rule.code.startswith(prefix):
                severity = Severity.parse(selection.severity[prefix])
        for finding in rule.check(analysis):
            if only is not None and finding.path not in only:
                continue
            diag = Diagnostic(
                path=finding.path,
                line=finding.line,
                column=finding.col,
                code=rule.code,
                name=rule.name,
                severity=severity,
                message=finding.message,
                fix=rule.fix,
            )
            if not is_suppressed(diag, analysis.notes.get(diag.path)):
                out.append(diag)
    out.sort(key=Diagnostic.sort_key)
    return out
