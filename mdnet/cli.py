"""The command line: parse options, call the core, print, exit. No logic lives here."""

from __future__ import annotations

import gc
import os
import sys
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from mdnet import __version__, app, formats
from mdnet.commands import import_, show
from mdnet.commands.server import server as server_cmd
from mdnet.config import CODE_RE, SettingsWarning
from mdnet.errors import MdnetError
from mdnet.render import check_formats

F = TypeVar("F", bound=Callable[..., Any])

EPILOG_CHECK = """
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
"""


def _today(ctx: click.Context, param: click.Parameter, value: str | None) -> date:
    if not value:
        return date.today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None
    if not 1900 <= day.year <= 9000:  # room for a century of cadence either side
        raise click.BadParameter(f"{value} is out of range (years 1900 to 9000)")
    return day


def today_option(func: F) -> F:
    return click.option(
        "--today",
        envvar="MDNET_TODAY",
        callback=_today,
        metavar="YYYY-MM-DD",
        help="Evaluate as of this date (also MDNET_TODAY). Default: the local date.",
    )(func)


def no_cache_option(func: F) -> F:
    return click.option(
        "--no-cache", is_flag=True, help="Parse every note; do not read or write the cache."
    )(func)


def _codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for v in value for c in v.split(",") if c.strip())
    for code in codes:
        if not CODE_RE.match(code):
            raise click.BadParameter(f"{code!r} is not a rule code or prefix")
    return codes


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="mdnet")
@click.option("--debug", is_flag=True, help="Show a traceback on internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Lint and report on a vault of networking goals and contact notes.

    \b
    Examples:
      mdnet check my-vault           # lint goals, contacts, links, front matter
      mdnet due my-vault             # who to reach out to now
      mdnet report my-vault -o report.html
      mdnet rules                    # the rule catalogue
    """
    ctx.obj = {"debug": debug}


@cli.command(epilog=EPILOG_CHECK)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--vault",
    type=click.Path(file_okay=False, path_type=Path),
    help="The vault root (default: found upward from PATHS or the current folder).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(check_formats()),
    default="concise",
    show_default=True,
    help="Output format.",
)
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
@no_cache_option
@today_option
@click.pass_context
def check(
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
    no_cache: bool,
    today: date,
) -> None:
    """Check a vault (or some of its notes) and report problems as path:line:col."""
    stdin = None
    if paths == (Path("-"),) and not show_settings:
        stdin, paths = sys.stdin.buffer.read(), ()
    if show_settings:
        from mdnet.settings import show_settings as settings_text

        run(ctx, lambda: app.Outcome(settings_text(paths, vault, Path.cwd())))
    run(
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
                color=_color(to_terminal=output_file is None),
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
            )
        ),
    )


@cli.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.RULES.names()),
    default=formats.RULES.default,
    show_default=True,
    help=formats.RULES.help() + ".",
)
@click.pass_context
def rules_cmd(ctx: click.Context, fmt: str) -> None:
    """List every rule: code, name, default severity and summary.

    \b
    Examples:
      mdnet rules
      mdnet rules --format markdown > docs/rules.md
    """
    run(ctx, lambda: app.list_rules(fmt))


@cli.command("rule")
@click.argument("code")
@click.pass_context
def rule_cmd(ctx: click.Context, code: str) -> None:
    """Explain one rule: why it matters, how to fix it, an example.

    \b
    Examples:
      mdnet rule G003
      mdnet rule goal-vague-quantifier
    """
    run(ctx, lambda: app.explain_rule(code))


def _duration(ctx: click.Context, param: click.Parameter, value: str) -> int:
    from mdnet.dates import DateError, parse_duration

    try:
        return parse_duration(value)
    except DateError as exc:
        raise click.BadParameter(str(exc)) from None


@cli.command()
@click.argument(
    "vault", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--within",
    default="7d",
    show_default=True,
    callback=_duration,
    help="Include contacts due within this long (7d, 2w, 1m).",
)
@click.option("--network", metavar="NAME", help="Only contacts of this network.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.DUE.names()),
    default=formats.DUE.default,
    show_default=True,
    help=formats.DUE.help() + ".",
)
@no_cache_option
@today_option
@click.pass_context
def due(
    ctx: click.Context,
    vault: Path,
    within: int,
    network: str | None,
    fmt: str,
    no_cache: bool,
    today: date,
) -> None:
    """Who to reach out to now: overdue first, then due soon, then lapsed contacts.

    Each entry shows the network, when you last talked and what about, what to offer
    (the network's `value` in mdnet.toml) and any open task that mentions them.

    \b
    Examples:
      mdnet due                          # the vault in the current folder
      mdnet due my-vault --within 14d
      mdnet due my-vault --network bankers --format json
    """
    run(ctx, lambda: app.due(vault, today, within, network, fmt, use_cache=not no_cache))


@cli.command()
@click.argument(
    "vault", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.REPORT.names()),
    default=formats.REPORT.default,
    show_default=True,
    help=formats.REPORT.help() + ".",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here ('-' for stdout). Default: report.html for HTML, else stdout.",
)
@click.option(
    "--public",
    is_flag=True,
    help="Redact for publishing: no names, no note text, no private goals.",
)
@click.option(
    "--links",
    type=click.Choice(["wiki", "markdown"]),
    default="wiki",
    show_default=True,
    help="Link style of the Markdown report.",
)
@no_cache_option
@today_option
@click.pass_context
def report(
    ctx: click.Context,
    vault: Path,
    fmt: str,
    output: Path | None,
    public: bool,
    links: str,
    no_cache: bool,
    today: date,
) -> None:
    """Render the state of the vault: relationships, goals, networks, activity, findings.

    \b
    Examples:
      mdnet report my-vault -o report.html          # a self-contained page
      mdnet report my-vault --public -o site/index.html
      mdnet report my-vault --format md -o "my-vault/Network report.md"
      mdnet report my-vault --format json | jq '.contacts[] | select(.state=="overdue")'
    """
    run(
        ctx,
        lambda: app.report(
            app.ReportRequest(
                root=vault,
                today=today,
                fmt=fmt,
                output=output,
                public=public,
                links=links,
                cwd=Path.cwd(),
                use_cache=not no_cache,
            )
        ),
    )


@cli.command()
@click.argument(
    "vault", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.pass_context
def clean(ctx: click.Context, vault: Path) -> None:
    """Remove the vault's cache of parsed notes (.mdnet_cache/).

    The cache is rebuilt on the next run; it never changes a result.

    \b
    Examples:
      mdnet clean
      mdnet clean my-vault
    """
    run(ctx, lambda: app.clean(vault))


@cli.command("init")
@click.argument(
    "directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@today_option
@click.pass_context
def init_cmd(ctx: click.Context, directory: Path, today: date) -> None:
    """Create a vault: mdnet.toml, folders, templates, an example of each note and a README.

    The folder may exist, but nothing in it is overwritten: when any file to create is
    already there, init writes nothing and says which ones. The examples are dated from
    --today and pass `mdnet check` as they are.

    \b
    Examples:
      mdnet init my-vault            # a new folder
      mdnet init                     # the current folder
      mdnet init my-vault && mdnet check my-vault
    """
    run(ctx, lambda: app.init(directory, today, Path.cwd()))


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    return _today(ctx, param, value) if value else None


def _interactive() -> bool:
    """True when someone can answer a prompt (the prompt itself goes to stderr)."""
    return sys.stdin.isatty()


def _typed_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _complete_contacts(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Contact names for shell completion: the file names in the vault's contacts folder."""
    try:
        from mdnet.config import load_config
        from mdnet.vault import find_root

        root = ctx.params.get("vault") or find_root(Path.cwd())
        folder = Path(root) / (load_config(Path(root)).folder("contacts") or "People")
        names = sorted(p.stem for p in folder.glob("*.md"))
    except Exception:  # completion must never fail loudly
        return []
    return [n for n in names if n.lower().startswith(incomplete.lower())]


@cli.command("new")
@click.argument("kind", type=click.Choice(["contact", "goal", "event"]))
@click.argument("name")
@click.option(
    "--vault",
    type=click.Path(file_okay=False, path_type=Path),
    help="The vault root (default: found upward from the current folder).",
)
@click.option(
    "--deadline",
    callback=_date_option,
    metavar="YYYY-MM-DD",
    help="Goals: the deadline. Asked for in a terminal; else 30 days after the "
    "start for a milestone, the end of the year for a long-term goal.",
)
@click.option(
    "--horizon",
    type=click.Choice(["long", "short"]),
    help="Goals: long-term goal or short-term milestone (default: short with "
    "--parent, else the template's, else long).",
)
@click.option("--parent", metavar="GOAL", help="Goals: the long-term goal this milestone serves.")
@click.option("--network", metavar="NAME", help="Contacts: the target network.")
@today_option
@click.pass_context
def new_cmd(
    ctx: click.Context,
    kind: str,
    name: str,
    vault: Path | None,
    deadline: date | None,
    horizon: str | None,
    parent: str | None,
    network: str | None,
    today: date,
) -> None:
    """Write a new contact, goal or event note from a template and print its path.

    The template is the vault's Templates/Contact.md (Goal.md, Event.md; the folder set in
    Obsidian's Templates plugin wins), else mdnet's own. {{title}}, {{date}}, {{time}} and
    {{date:FORMAT}} are filled in; Templater's <% ... %> commands are removed, since only
    Obsidian can run them. mdnet then sets `type`, `met` (contacts), `start`, `deadline`,
    `horizon` and `parent` (goals) or `date` (events) to today or to the options. The note
    goes in the folder configured for its kind (People/, Goals/, Events/ by default) and an
    existing note is never overwritten.

    \b
    Examples:
      mdnet new contact "Dana Whitfield" --network bloggers
      mdnet new goal "Publish 30 guest posts" --horizon long --deadline 2026-12-31
      mdnet new goal "Pitch 5 FinCon bloggers" --parent "Publish 30 guest posts"
      mdnet new event "FinCon 2026" --vault my-vault
      $EDITOR "$(mdnet new contact 'Sam Ortiz')"
    """
    from dataclasses import replace
    from datetime import datetime

    request = app.NewRequest(
        kind=kind,
        name=name,
        vault=vault,
        today=today,
        cwd=Path.cwd(),
        deadline=deadline,
        horizon=horizon,
        parent=parent,
        network=network,
        clock=datetime.now().time().replace(microsecond=0),
    )

    def call() -> app.Outcome:
        chosen = request
        if kind == "goal" and deadline is None and _interactive():
            suggested = app.new_deadline(request)
            answer = click.prompt(
                "Deadline", default=suggested.isoformat(), err=True, value_proc=_typed_date
            )
            chosen = replace(request, deadline=answer)
        return app.new(chosen)

    run(ctx, call)


@cli.command("log")
@click.argument("name", shell_complete=_complete_contacts)
@click.argument("text")
@click.option(
    "--vault",
    type=click.Path(file_okay=False, path_type=Path),
    help="The vault root (default: found upward from the current folder).",
)
@click.option(
    "--date",
    "day",
    envvar="MDNET_TODAY",
    callback=_today,
    metavar="YYYY-MM-DD",
    help="When it happened (default: today; also MDNET_TODAY).",
)
@click.option(
    "--tag",
    "tags",
    multiple=True,
    metavar="TAG",
    help="Add #TAG: give, intro, help, share, ask, request, ... (repeatable).",
)
@click.pass_context
def log_cmd(
    ctx: click.Context, name: str, text: str, vault: Path | None, day: date, tags: tuple[str, ...]
) -> None:
    """Add a dated line to a contact's `## Log` section: `- YYYY-MM-DD TEXT #TAG`.

    NAME is the contact's name, an alias or the file name, in any case. The line goes
    after the last item of the `## Log` section (the section is added at the end of the
    note when missing); nothing else in the file changes, line endings included.

    \b
    Examples:
      mdnet log Dana "Coffee; introduced her to [[Sam Ortiz]]" --tag give
      mdnet log "Sam Ortiz" "Asked for feedback on my pitch" --tag ask --date 2026-11-20
      mdnet log dana "Sent the December calendar" --vault my-vault
    """
    run(
        ctx,
        lambda: app.log(
            app.LogRequest(name=name, text=text, vault=vault, day=day, tags=tags, cwd=Path.cwd())
        ),
    )


@cli.command("calendar")
@click.argument(
    "vault", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the .ics file here (default: stdout). Only an earlier export is replaced.",
)
@click.option(
    "--public", is_flag=True, help="Name no one and leave out private contacts and goals."
)
@no_cache_option
@today_option
@click.pass_context
def calendar_cmd(
    ctx: click.Context,
    vault: Path,
    output: Path | None,
    public: bool,
    no_cache: bool,
    today: date,
) -> None:
    """Export an iCalendar file: when to reach out to each contact, and goal deadlines.

    One all-day event per active contact on their next due date (today when overdue), and
    one per active goal and milestone deadline. Event UIDs come from the note's path, so
    importing the file again (or subscribing to it) updates the events instead of
    duplicating them.

    \b
    Examples:
      mdnet calendar my-vault -o due.ics
      mdnet calendar my-vault --public -o site/due.ics   # safe to publish
      mdnet calendar > ~/Calendars/network.ics
    """
    run(
        ctx,
        lambda: app.calendar(
            app.CalendarRequest(
                root=vault, today=today, output=output, public=public, use_cache=not no_cache
            )
        ),
    )


def _color(to_terminal: bool = True) -> bool:
    """Colour on a terminal; NO_COLOR (not empty) turns it off, FORCE_COLOR (not empty or
    0) on, anywhere: no-color.org and force-color.org."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    return to_terminal and sys.stdout.isatty()


def run(ctx: click.Context, call: Callable[[], app.Outcome]) -> None:
    """The one exit point: print the outcome, or turn an MdnetError into one line and exit 2."""
    try:
        with warnings.catch_warnings(record=True) as notices:
            warnings.simplefilter("always", SettingsWarning)
            outcome = call()
        for notice in notices:
            if not issubclass(notice.category, SettingsWarning):
                warnings.warn_explicit(notice.message, notice.category, notice.filename, 0)
        mine = [str(n.message) for n in notices if issubclass(n.category, SettingsWarning)]
        for message in dict.fromkeys(mine):  # each once, in order
            click.echo(f"mdnet: warning: {message}", err=True)
    except MdnetError as exc:
        click.echo(f"mdnet: error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    except Exception as exc:  # never a traceback unless asked for
        if ctx.obj and ctx.obj.get("debug"):
            raise
        click.echo(
            f"mdnet: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", err=True
        )
        ctx.exit(2)
    if outcome.stdout:
        # click strips colour when stdout is no terminal; FORCE_COLOR asked for it anyway.
        click.echo(outcome.stdout, nl=False, color=_color(to_terminal=False) or None)
    if outcome.stderr:
        click.echo(outcome.stderr, err=True, nl=False)
    ctx.exit(outcome.code)


cli.add_command(import_.command)
cli.add_command(show.command)


cli.add_command(server_cmd)


def main() -> None:
    """The console script: click's usage errors become one line too, like every other error."""
    # A run builds hundreds of thousands of small records and few reference cycles; the
    # cyclic collector would re-scan them all again and again (a third of a warm run on a
    # 50,000-note vault). The process is short-lived: let it exit instead.
    gc.disable()
    try:
        code = cli.main(prog_name="mdnet", standalone_mode=False)
    except click.UsageError as exc:
        where = f"; see `{exc.ctx.command_path} --help`" if exc.ctx else ""
        click.echo(f"mdnet: error: {exc.format_message().rstrip('.')}{where}", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"mdnet: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("mdnet: aborted", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
