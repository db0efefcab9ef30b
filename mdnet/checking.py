"""`mdnet check` from a request to an Outcome: rules, fixes, the baseline, the output.

The vault is read from disk, except the note given on standard input (`--stdin-filename
PATH -`), which is read as if it were that file: an editor lints the text it has not saved."""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct, field

from mdnet.analysis import Analysis
from mdnet.app import (
    CheckRequest,
    Outcome,
    _targets,
    display_root,
    is_note,
    open_vault,
    shown,
)
from mdnet.check import Selection, run_rules
from mdnet.config import Config, load_config
from mdnet.diagnostics import Diagnostic, Severity
from mdnet.errors import UsageError
from mdnet.fixes import Source, attach_fixes
from mdnet.laps import Laps
from mdnet.render import CheckResult, render_check

DEFAULT_BASELINE = ".mdnet-baseline.json"


class Workspace(Struct):
    """The vault as this run sees it: the files on disk, and the note read from stdin."""

    root: Path
    request: CheckRequest
    overlay: dict[str, bytes] = field(default_factory=dict)
    config: Config | None = None
    """The settings read once for the run (None: the vault's own, read on each analysis)."""

    def read(self, path: str) -> bytes:
        if path in self.overlay:
            return self.overlay[path]
        return (self.root / path).read_bytes()

    def analyse(self) -> Analysis:
        analysis = open_vault(self.root, self.request.today, self.request.use_cache, self.config)
        return with_overlay(analysis, self.overlay) if self.overlay else analysis

    def write(self, path: str, before: bytes, text: str) -> str | None:
        """Write fixed text: to the note on disk, or back into the overlay."""
        if path in self.overlay:
            self.overlay[path] = text.encode("utf-8")
            return None
        from mdnet.fixes.run import write_if_unchanged

        return write_if_unchanged(self.root / path, before, text)


def with_overlay(analysis: Analysis, overlay: dict[str, bytes]) -> Analysis:
    """The analysis with these notes parsed from the given bytes instead of the disk."""
    from mdnet.note import Note, Problem, classify, parse_note
    from mdnet.vault import Vault

    config = analysis.config
    folders, daily = config.kind_selectors(), config.daily_regex()
    notes = dict(analysis.notes)
    files = set(analysis.vault.files)
    for path, data in overlay.items():
        if len(data) > config.max_file_size:
            kind, day = classify(path, {}, folders, daily)
            limit = f"file is {len(data):,} bytes, over the limit of {config.max_file_size:,}"
            notes[path] = Note(path, kind, problems=(Problem("F001", 1, 1, limit),), daily_date=day)
        else:
            notes[path] = parse_note(
                path,
                data,
                folders=folders,
                daily=daily,
                max_front_matter_size=config.max_front_matter_size,
            )
        parts = path.split("/")
        files |= {path, *("/".join(parts[:i]) + "/" for i in range(1, len(parts)))}
    vault = Vault(analysis.vault.root, tuple(notes[p] for p in sorted(notes)), tuple(sorted(files)))
    return Analysis(vault, config, analysis.today)


def run_check(request: CheckRequest) -> Outcome:
    laps = Laps()
    outcome = _check(request, laps)
    if request.verbose:  # --verbose: the vault, its settings files, each phase's time
        return Outcome(outcome.stdout, outcome.stderr + laps.report(), outcome.code)
    return outcome


def _check(request: CheckRequest, laps: Laps) -> Outcome:
    root, only, folders = _targets(request)
    file = request.config_file
    file = file if file is None or file.is_absolute() else request.cwd / file
    config = load_config(root, file, request.isolated)
    laps.settings(root, config, request.isolated)
    laps.lap("settings")
    space = Workspace(root, request, config=config)
    if request.stdin is not None:
        only = _stdin_target(space, request)
    analysis = space.analyse()
    laps.lap("notes")
    notice = "" if request.quiet else _where(root, request)
    if folders and "." not in folders:
        inside = {p for p in analysis.notes if any(p.startswith(f + "/") for f in folders)}
        only = (only or set()) | inside
    elif folders:
        only = None  # one of the folders is the vault itself
    selection = Selection.merge(analysis, request.select, request.ignore)
    paths = set(only if only is not None else analysis.notes) & set(analysis.notes)
    shown_root = display_root(root, request.cwd)
    laps.lines.append(f"notes: {len(analysis.notes)} read, {len(paths)} checked")
    if request.show_files:
        return Outcome(_files(analysis, paths, shown_root), notice)
    diagnostics = run_rules(analysis, selection, only)
    laps.lap("rules")
    if analysis.forked:
        laps.lines.append(f"per-note rules: {analysis.forked} notes, in a second process")
    fixing = request.fix or request.fix_only or request.diff
    stderr = notice
    sources: dict[str, Source] = {}
    # Unsafe fixes are worked out when they may be applied or are printed in full.
    unsafe = request.unsafe_fixes or (not fixing and request.fmt in ("json", "sarif", "full"))
    if fixing or request.fmt != "junit":
        diagnostics, sources = attach_fixes(analysis, diagnostics, root, unsafe, space.read)
        laps.lap("fixes")
    if request.diff:
        from mdnet.fixes.run import diff_of

        text, count, notes = diff_of(diagnostics, sources, request.unsafe_fixes, shown_root)
        word = "problem" if count == 1 else "problems"
        message = f"Would fix {count} {word} in {notes} note{'s' if notes != 1 else ''}.\n"
        message = message if count else "No fixes available.\n"
        message = "" if request.quiet else message
        return _output(request, Outcome(text, notice + message, 1 if count else 0))
    if request.fix or request.fix_only:
        from mdnet.fixes.run import fix_until_stable

        def recheck() -> tuple[list[Diagnostic], dict[str, Source]]:
            again = space.analyse()
            found = run_rules(again, selection, only)
            return attach_fixes(again, found, root, request.unsafe_fixes, space.read)

        run = fix_until_stable(diagnostics, sources, request.unsafe_fixes, recheck, space.write)
        diagnostics = run.diagnostics
        total = sum(run.fixed.values())
        done = f"Fixed {total} problem{'s' if total != 1 else ''}"
        done += f" in {len(run.fixed)} note{'s' if len(run.fixed) != 1 else ''}.\n"
        done = "" if request.quiet else done
        laps.lap("fixes")
        stderr += run.report(lambda p: f"{shown_root}/{p}" if shown_root else p)
        if request.stdin is not None:
            # As formatters do: the fixed text on stdout, everything else on stderr.
            fixed = next(iter(space.overlay.values())).decode("utf-8", "surrogateescape")
            if request.fix_only:
                return Outcome(fixed, stderr + (done if total else ""), 0)
            report = _report(request, root, shown_root, selection, paths, diagnostics, space, only)
            return Outcome(fixed, stderr + report.stdout + report.stderr, report.code)
        if request.fix_only:
            none = "" if request.quiet else "No fixes applied.\n"
            return _output(request, Outcome(done if total else none, stderr, 0))
        stderr += done if total else ""
    report = _report(request, root, shown_root, selection, paths, diagnostics, space, only)
    return _output(request, Outcome(report.stdout, stderr + report.stderr, report.code))


def _report(
    request: CheckRequest,
    root: Path,
    shown_root: str,
    selection: Selection,
    paths: set[str],
    diagnostics: list[Diagnostic],
    space: Workspace,
    only: set[str] | None = None,
) -> Outcome:
    """The baseline applied (or written), then the findings in the chosen format."""
    baselined = stale = 0
    if request.add_baseline is not None or not request.no_baseline:
        from mdnet import baseline

        file = _baseline_file(root, request)
        recorded = baseline.load(file)
        if request.add_baseline is not None:
            count = baseline.write(file, root, diagnostics, only, recorded, space.read)
            said = f"Recorded {count} findings in {shown(file, request.cwd)}.\n"
            return Outcome(stderr="" if request.quiet else said)
        if recorded is not None:
            filtered = baseline.apply(recorded, root, diagnostics, only, space.read)
            diagnostics, baselined, stale = filtered.diagnostics, filtered.baselined, filtered.stale
    result = CheckResult(
        diagnostics=tuple(diagnostics),
        files=len(paths),
        rules=tuple(selection.rules()),
        root=root,
        display_root=shown_root,
        color=request.color,
        statistics=request.statistics,
        paths=tuple(sorted(paths)),
        baselined=baselined,
        stale=stale,
        unsafe_fixes=request.unsafe_fixes,
        quiet=request.quiet,
    )
    threshold = Severity.parse(request.fail_on)
    failed = any(d.severity >= threshold for d in diagnostics)
    return Outcome(
        render_check(request.fmt, result), "", 1 if failed and not request.exit_zero else 0
    )


def _where(root: Path, request: CheckRequest) -> str:
    """Say which files are no notes, and which folder is the vault when nothing marked it
    (no path, no marker, no git)."""
    skipped = "".join(
        f"mdnet: skipped {p}: not a Markdown note (.md)\n"
        for p in request.paths
        if not p.is_dir() and not is_note(p)
    )
    if request.paths or request.vault is not None or request.stdin is not None:
        return skipped
    from mdnet.vault import find_vault_above

    full = root.resolve()
    if find_vault_above(full) or any((f / ".git").exists() for f in (full, *full.parents)):
        return ""
    return f"mdnet: no mdnet.toml, .obsidian or .git here or above; checking {full} as the vault\n"


def _stdin_target(space: Workspace, request: CheckRequest) -> set[str]:
    """The vault-relative path the text on stdin stands for; it joins the overlay."""
    name = request.stdin_filename
    if name is None:
        raise UsageError("reading a note from `-` needs --stdin-filename PATH (where it belongs)")
    full = name if name.is_absolute() else request.cwd / name
    try:
        rel = full.resolve().relative_to(space.root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{name} is not inside the vault {space.root}") from None
    if not rel.lower().endswith(".md"):
        raise UsageError(f"{name}: --stdin-filename must name a Markdown note (.md)")
    assert request.stdin is not None
    space.overlay[rel] = request.stdin
    return {rel}


def _files(analysis: Analysis, paths: set[str], shown_root: str) -> str:
    """`--show-files`: each note that would be checked, with the kind mdnet gives it."""
    lines = []
    for path in sorted(paths):
        where = f"{shown_root}/{path}" if shown_root else path
        lines.append(f"{analysis.notes[path].kind:<8} {where}")
    return "".join(line + "\n" for line in lines)


def _output(request: CheckRequest, outcome: Outcome) -> Outcome:
    """With --output-file, the report goes to that file instead of stdout."""
    if request.output_file is None:
        return outcome
    from mdnet.fsutil import write_atomic

    target = request.output_file
    target = target if target.is_absolute() else request.cwd / target
    if target.suffix.lower() == ".md" and target.exists():
        raise UsageError(f"{request.output_file} is a note; not overwriting it")
    write_atomic(target, outcome.stdout)
    return Outcome("", outcome.stderr, outcome.code)


def _baseline_file(root: Path, request: CheckRequest) -> Path:
    chosen = request.add_baseline if request.add_baseline is not None else request.baseline
    if chosen is None or str(chosen) in ("", "."):
        return root / DEFAULT_BASELINE
    return chosen if chosen.is_absolute() else request.cwd / chosen
