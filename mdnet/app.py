"""The application layer: one function per command, from a request to an Outcome.

Light at import time: what parses, models and renders a vault is imported inside the
functions that use it, so that a replayed `check`, `due` or `report` (mdnet/replay.py) loads
none of it (tests/test_lazy_imports.py). The requests of `report`, `log` and `calendar` are
defined in mdnet/apprequests.py, which the other commands do not import."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mdnet.errors import UsageError
from mdnet.roots import find_root, find_vault_above

if TYPE_CHECKING:
    from mdnet.analysis import Analysis
    from mdnet.apprequests import CalendarRequest, LogRequest, ReportRequest
    from mdnet.config import Config
    from mdnet.scaffold import NewNote


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a command prints and its exit code."""

    stdout: str = ""
    stderr: str = ""
    code: int = 0


def open_vault(
    root: Path, today: date, use_cache: bool = True, config: Config | None = None
) -> Analysis:
    """Load a vault's configuration (unless given: check --config, --isolated) and notes."""
    from mdnet.analysis import Options, analyse
    from mdnet.cache import cached_loader
    from mdnet.config import load_config

    if not root.exists():
        raise UsageError(f"{root}: no such folder")
    if not root.is_dir():
        raise UsageError(f"{root}: not a folder")
    config = config if config is not None else load_config(root)
    options = Options(root=root, config=config, today=today)
    return analyse(options, cached_loader(use_cache), remember=use_cache)


def display_root(root: Path, cwd: Path) -> str:
    """The vault root as shown before each finding's path: relative to the current folder
    (with `..` if need be, as linters print), '' when it is the current folder."""
    try:
        rel = os.path.relpath(root.resolve(), cwd.resolve())
    except ValueError:  # another drive on Windows
        return str(root)
    return "" if rel == "." else rel.replace(os.sep, "/")


def shown(path: Path, cwd: Path) -> str:
    """A path mdnet wrote or created: relative when inside the current folder, else whole."""
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix() or "."
    except ValueError:
        return str(path)


@dataclass(frozen=True, slots=True)
class CheckRequest:
    paths: tuple[Path, ...]
    vault: Path | None
    fmt: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    fail_on: str
    exit_zero: bool
    statistics: bool
    use_cache: bool
    today: date
    color: bool
    cwd: Path
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    fix_only: bool = False
    baseline: Path | None = None
    """The baseline file to read (default: .mdnet-baseline.json at the vault root)."""
    add_baseline: Path | None = None
    """Record today's findings in this file (a relative path is from the current folder;
    the empty path means the default file)."""
    no_baseline: bool = False
    stdin: bytes | None = None
    """The text of the note given as `-`, read as the file `stdin_filename`."""
    stdin_filename: Path | None = None
    show_files: bool = False
    output_file: Path | None = None
    config_file: Path | None = None
    """--config: this file instead of the vault's mdnet.toml or [tool.mdnet]."""
    isolated: bool = False
    """--isolated: no configuration file, no `.obsidian/` settings: the defaults."""
    quiet: bool = False
    """--quiet: the findings only (no summary, no notices)."""
    verbose: bool = False
    """--verbose: the vault, the settings files read and the time of each phase, on stderr."""


def _targets(request: CheckRequest) -> tuple[Path, set[str] | None, tuple[str, ...]]:
    """The vault root, and what to report on: notes and sub-folders of one vault (their
    vault-relative paths; "." is the whole vault), or everything."""
    files = [p for p in request.paths if not p.is_dir()]
    folders = [p for p in request.paths if p.is_dir()]
    for p in files:
        if not p.exists():
            raise UsageError(f"{p}: no such file or folder")
    others = [p for p in files if not is_note(p)]
    files = [p for p in files if is_note(p)]
    if others and not files and not folders:  # only files that are no notes: report on none
        return request.vault or find_root(others[0]), set(), ()
    if not request.paths:
        start = request.stdin_filename if request.stdin is not None else None
        root = request.vault or find_root(request.cwd / start if start else request.cwd)
        return _not_too_wide(root), None, ()
    if request.vault is not None:
        root = request.vault
    elif len(folders) == 1 and not files:
        root = find_vault_above(folders[0]) or folders[0]
    else:
        places = [f.resolve() for f in folders] + [f.resolve().parent for f in files]
        common = Path(os.path.commonpath(places))
        if folders:
            root = find_vault_above(common) or common
        else:  # files only: the one vault of them all, else the vault of their common folder
            roots = {find_root(f).resolve() for f in files}
            root = roots.pop() if len(roots) == 1 else find_root(common)
    root = _not_too_wide(root)
    named = set()
    for p in files:
        try:
            named.add(p.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            raise UsageError(f"{p} is not inside the vault {root}") from None
    rels = []
    for folder in folders:
        rel = os.path.relpath(folder.resolve(), root.resolve()).replace(os.sep, "/")
        if rel.startswith(".."):
            raise UsageError(f"{folder} is not inside the vault {root}")
        rels.append(rel)
    return root, named if files else None, tuple(rels)


def is_note(path: Path) -> bool:
    """Only `.md` files are notes: `check x.pdf` (or README.markdown from a hook) reports
    nothing on it."""
    return path.suffix.lower() == ".md"


def _not_too_wide(root: Path) -> Path:
    """Refuse to treat a home folder or the file-system root as a vault when nothing marks it
    as one: mdnet would walk every file below it."""
    full = root.resolve()
    if (full == Path.home().resolve() or full == Path(full.anchor)) and (
        find_vault_above(full) is None and not (full / ".git").exists()
    ):
        what = "your home folder" if full == Path.home().resolve() else "the file-system root"
        raise UsageError(
            f"{root} is {what}, not a vault (no mdnet.toml or .obsidian); "
            "run mdnet in the vault's folder, or give it with --vault"
        )
    return root


def check(request: CheckRequest) -> Outcome:
    def compute() -> Outcome:
        from mdnet.checking import run_check

        return run_check(request)

    if request.verbose or request.config_file is not None:
        return compute()  # this run's timings; a config file outside the vault
    if (
        request.fix
        or request.fix_only
        or request.diff
        or request.add_baseline is not None
        or request.output_file is not None
        or request.stdin is not None
        or request.verbose
    ):
        return compute()  # writes, reads stdin or times its phases: never replayed
    root = _targets(request)[0]
    given = [(str(p.resolve()), p.is_dir(), p.exists()) for p in (*request.paths, root)]
    named = [getattr(request, f.name) for f in fields(request)]  # --config, --baseline, ...
    extra = tuple(request.cwd / p for p in (*request.paths, *named) if isinstance(p, Path))
    about = f"check {request!r} {given!r}"
    return _replayed(root, about, request.use_cache, compute, extra)


def _replayed(
    root: Path,
    request: str,
    use: bool,
    compute: Callable[[], Outcome],
    extra: tuple[Path, ...] = (),
) -> Outcome:
    """The outcome of a command that writes nothing, replayed when nothing it reads has
    changed since it was stored (see mdnet/replay.py); `--no-cache` computes it afresh."""
    if not use:
        return compute()
    from mdnet.replay import replay

    def fresh() -> tuple[str, str, int]:
        outcome = compute()
        return outcome.stdout, outcome.stderr, outcome.code

    return Outcome(*replay(root, request, fresh, extra))


def list_rules(fmt: str) -> Outcome:
    from mdnet.formats import RULES
    from mdnet.rules import all_rules

    return Outcome(RULES.renderer(fmt)(all_rules()))


def explain_rule(code: str) -> Outcome:
    from mdnet.rules import all_rules, fix_availability, get_rule

    found = get_rule(code) or next((r for r in all_rules() if r.name == code.lower()), None)
    if found is None:
        raise UsageError(f"no rule {code!r}; `mdnet rules` lists them")
    text = (
        f"{found.code} {found.name} (default severity: {found.severity})\n\n"
        f"{found.summary}.\n\n{found.explanation}\n\nHow to fix: {found.fix}\n\n"
        f"{fix_availability(found)}\n"
    )
    return Outcome(text)


def due(
    root: Path, today: date, within: int, network: str | None, fmt: str, use_cache: bool = True
) -> Outcome:
    def compute() -> Outcome:
        from mdnet.due import check_network, due_list
        from mdnet.formats import DUE

        analysis = open_vault(root, today, use_cache)
        _require_notes(analysis, root)
        if network is not None:
            check_network(analysis, network)  # with the nearest name
        return Outcome(DUE.renderer(fmt)(analysis, due_list(analysis, within, network)))

    if not root.is_dir():
        return compute()  # its error
    about = f"due {(str(root), str(root.resolve()), today, within, network, fmt)!r}"
    return _replayed(root, about, use_cache, compute)


def _require_notes(analysis: Analysis, root: Path) -> None:
    if not analysis.notes:
        raise UsageError(f"{root}: no Markdown notes found (is this the vault folder?)")


def report(request: ReportRequest) -> Outcome:
    from mdnet.formats import REPORT

    def compute() -> Outcome:
        from mdnet.check import Selection, run_rules
        from mdnet.report.build import build_report
        from mdnet.report.data import ReportOptions

        analysis = open_vault(request.root, request.today, request.use_cache)
        _require_notes(analysis, request.root)
        data = build_report(analysis, run_rules(analysis, Selection.merge(analysis)))
        if request.public:
            from mdnet.report.public import redact

            data = redact(data)
        options = ReportOptions(
            links="markdown" if request.links == "markdown" else "wiki",
            template_dirs=(request.root / ".mdnet" / "templates",),
        )
        return Outcome(REPORT.renderer(request.fmt)(data, options))

    if request.root.is_dir():  # the text is replayed; writing it is done each time
        keyed = replace(request, output=None)
        about = f"report {keyed!r} {str(request.root.resolve())!r}"
        named = [getattr(keyed, f.name) for f in fields(keyed)]
        extra = tuple(request.cwd / p for p in named if isinstance(p, Path))
        text = _replayed(request.root, about, request.use_cache, compute, extra).stdout
    else:
        text = compute().stdout  # its error
    output = request.output
    default = REPORT[request.fmt].output
    if output is None and default is not None:
        output = request.cwd / default
    if output is None or str(output) == "-":
        return Outcome(text)
    from mdnet.report.output import write_report

    write_report(output, text, request.fmt)  # over no file but one mdnet wrote
    return Outcome(stderr=f"wrote {output}\n")


def clean(root: Path) -> Outcome:
    from mdnet.cache import clean as remove_cache

    if not root.is_dir():
        raise UsageError(f"{root}: no such folder")
    removed = remove_cache(root)
    return Outcome(
        stderr=f"removed {root / '.mdnet_cache'}\n" if removed else "no cache to remove\n"
    )


# ---------------------------------------------------------------- init, new, log, calendar


def _vault(vault: Path | None, cwd: Path) -> Path:
    root = vault if vault is not None else find_root(cwd)
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder")
    return root


def init(root: Path, today: date, cwd: Path) -> Outcome:
    from mdnet.scaffold import init_vault

    created = init_vault(root, today)
    where = shown(root, cwd)
    lines = [f"Created a vault in {where}:", *(f"  {path}" for path in created), ""]
    lines.append(f"Next: read {where}/README.md, then run `mdnet check {where}`.")
    return Outcome("\n".join(lines) + "\n")


def new_deadline(request: NewNote) -> date:
    """The deadline `mdnet new goal` suggests when it asks for one."""
    from mdnet.config import load_config
    from mdnet.scaffold import suggested_deadline

    root = _vault(request.vault, request.cwd)
    return suggested_deadline(root, load_config(root), request)


def new(request: NewNote) -> Outcome:
    from mdnet.config import load_config
    from mdnet.scaffold import new_note

    root = _vault(request.vault, request.cwd)
    path, source = new_note(root, load_config(root), request)
    used = "" if source == "built-in" else f"created from the template {source}\n"
    return Outcome(stdout=shown(path, request.cwd) + "\n", stderr=used)


def log(request: LogRequest) -> Outcome:
    from mdnet.scaffold import log_interaction

    root = _vault(request.vault, request.cwd)
    analysis = open_vault(root, request.day)
    path, line = log_interaction(analysis, request.name, request.text, request.day, request.tags)
    return Outcome(f"{shown(path, request.cwd)}: {line}\n")


def calendar(request: CalendarRequest) -> Outcome:
    from mdnet.calendar import build_calendar

    analysis = open_vault(request.root, request.today, request.use_cache)
    _require_notes(analysis, request.root)
    text = build_calendar(analysis, public=request.public, alarm_days=request.alarm_days)
    if request.output is None or str(request.output) == "-":
        return Outcome(text)
    from mdnet.fsutil import write_atomic

    # Replace an earlier export, never another file that happens to have the name.
    write_atomic(request.output, text, replace_generated_only=True)
    return Outcome(stderr=f"wrote {request.output}\n")
