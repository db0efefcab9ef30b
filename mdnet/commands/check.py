"""`mdnet check`: lint a vault, or some of its notes; the work is in mdnet.checking."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from mdnet import app, formats
from mdnet.codes import CODE_RE
from mdnet.commands import runner
from mdnet.commands.options import format_option, no_cache_option, today_option

EPILOG = """
\b
Examples:
  mdnet check                      # the vault in the current folder
  mdnet check my-vault             # a vault elsewhere
  mdnet check People/Dana.md       # report on one note (the whole vault is read)
  mdnet check --select G --ignore G010 --format full
  mdnet check --format github      # annotations in GitHub Actions
  mdnet check --fail-on warning    # exit 1 on warnings too
  mdnet check --diff               # the changes --fix would make; writes nothing
  mdnet check --fix                # apply the safe fixes, then report what is left
  mdnet check --fix --unsafe-fixes # also fixes that guess (nearest network, link, type)
  mdnet check --fix-only           # fix, report nothing (the mdnet-fix pre-commit hook)
  mdnet check my-vault --add-baseline   # record today's findings in .mdnet-baseline.json
  mdnet check                      # then: only findings that are not in the baseline
  mdnet check --no-baseline --statistics   # everything, and stale baseline entries
  mdnet check --stdin-filename People/Dana.md - < draft.md   # unsaved text, as that note
  mdnet check --format sarif --output-file mdnet.sarif
  mdnet check People --show-files  # the notes it would check, with their kind
  mdnet check --show-settings      # the settings in effect, and where each comes from
  mdnet check --config ci.toml     # these settings instead of the vault's mdnet.toml
  mdnet check --isolated           # no settings file, no .obsidian/: the defaults
  mdnet check -q                   # the findings only, no summary
  mdnet check -v                   # also: the vault, settings files read, time per phase
  mdnet check --watch              # again on each change to a note or a setting; Ctrl-C stops
"""


def _codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for v in value for c in v.split(",") if c.strip())
    for code in codes:
        if not CODE_RE.match(code):
            raise click.BadParameter(f"{code!r} is not a rule code or prefix")
    return codes


@click.command("check", epilog=EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--vault",
    type=click.Path(file_okay=False, path_type=Path),
    help="The vault root (default: found upward from PATHS or the current folder).",
)
@format_option(formats.CHECK)
@click.option(
    "--select",
    multiple=True,
    callback=_codes,
    metavar="CODES",
    help="Only these rule codes or prefixes (comma-separated, ALL for every rule).",
)
@click.option(
    "--ignore",
    multiple=True,
    callback=_codes,
    metavar="CODES",
    help="Skip these rule codes or prefixes.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings.")
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of each finding.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes ([*] in the output) to the notes.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff: also the fixes that may change meaning.",
)
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--fix-only", is_flag=True, help="Apply the fixes and report nothing else.")
@click.option(
    "--add-baseline",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[FILE]",
    help="Record today's findings (default: .mdnet-baseline.json at the vault root); "
    "later runs report only new ones.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="The baseline to read (default: .mdnet-baseline.json at the vault root, if any).",
)
@click.option("--no-baseline", is_flag=True, help="Report every finding, ignoring the baseline.")
@click.option(
    "--stdin-filename",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help="With `-` as the path: the note on standard input is this file of the vault.",
)
@click.option("--show-files", is_flag=True, help="List the notes that would be checked, with kind.")
@click.option(
    "--output-file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write the report to FILE instead of standard output.",
)
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the effective settings and where each comes from (default, mdnet.toml, "
    "pyproject.toml, .obsidian/FILE); check nothing.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Read the settings from FILE (an mdnet.toml, or a pyproject.toml's [tool.mdnet]) "
    "instead of the vault's own; .obsidian/ settings still fill in the rest.",
)
@click.option(
    "--isolated",
    is_flag=True,
    help="Ignore every settings file (mdnet.toml, pyproject.toml, .obsidian/): the defaults.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary, no notes.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also say on stderr which vault and settings files were read, and each phase's time.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Check again whenever a note or a settings file changes (clears a terminal); Ctrl-C ends.",
)
@no_cache_option
@today_option()
@click.pass_context
def command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    vault: Path | None,
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    exit_zero: bool,
    statistics: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    fix_only: bool,
    add_baseline: str | None,
    baseline: Path | None,
    no_baseline: bool,
    stdin_filename: Path | None,
    show_files: bool,
    output_file: Path | None,
    show_settings: bool,
    config_file: Path | None,
    isolated: bool,
    quiet: bool,
    verbose: bool,
    watch: bool,
    no_cache: bool,
    today: date,
) -> None:
    """Check a vault (or some of its notes) and report problems as path:line:col."""
    stdin = None
    if watch:
        from mdnet import watch as watching

        stdin_used = paths == (Path("-"),) or stdin_filename is not None
        flags = {"--fix": fix, "--fix-only": fix_only, "--add-baseline": add_baseline is not None}
        watching.refuse({**flags, "standard input (-)": stdin_used})

        def again() -> None:  # each run is this command without --watch
            ctx.invoke(command, **{**ctx.params, "watch": False})

        watched = watching.roots(paths, vault, Path.cwd())
        watching.command(ctx, again, watched, skip=[p for p in [output_file] if p], clear=True)
    if paths == (Path("-"),) and not show_settings:
        stdin, paths = sys.stdin.buffer.read(), ()
    if config_file is not None and isolated:
        raise click.UsageError("--config and --isolated go one at a time")
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose go one at a time")
    if show_settings:
        from mdnet.settings import show_settings as settings_text

        def settings() -> app.Outcome:
            return app.Outcome(settings_text(paths, vault, Path.cwd(), config_file, isolated))

        runner.run(ctx, settings)
    runner.run(
        ctx,
        lambda: app.check(
            app.CheckRequest(
                paths=paths,
                vault=vault,
                fmt=fmt,
                select=select,
                ignore=ignore,
                fail_on=fail_on,
                exit_zero=exit_zero,
                statistics=statistics,
                use_cache=not no_cache,
                today=today,
                color=runner.color(to_terminal=output_file is None),
                cwd=Path.cwd(),
                fix=fix,
                unsafe_fixes=unsafe_fixes,
                diff=diff,
                fix_only=fix_only,
                baseline=baseline,
                add_baseline=None if add_baseline is None else Path(add_baseline),
                no_baseline=no_baseline,
                stdin=stdin,
                stdin_filename=stdin_filename,
                show_files=show_files,
                output_file=output_file,
                config_file=config_file,
                isolated=isolated,
                quiet=quiet,
                verbose=verbose,
            )
        ),
    )
