"""The command line: the `mdnet` group, its commands (one module each in mdnet/commands/, as
pre-commit's) and the console script. No logic lives here."""

from __future__ import annotations

import gc
import os
import sys

import click

from mdnet import __version__
from mdnet.commands import (
    calendar,
    check,
    clean,
    config,
    due,
    import_,
    init,
    log,
    new,
    report,
    rule,
    rules,
    server,
    show,
    sync_properties,
)


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


COMMANDS: tuple[click.Command, ...] = (
    check.command,
    rules.command,
    rule.command,
    due.command,
    report.command,
    clean.command,
    init.command,
    new.command,
    log.command,
    calendar.command,
    server.server,
    import_.command,
    show.command,
    config.command,
    sync_properties.command,
)
for command in COMMANDS:
    cli.add_command(command)


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
    code = code if isinstance(code, int) else 0
    if [a for a in sys.argv[1:] if not a.startswith("-")][:1] == ["server"]:
        sys.exit(code)  # a long-lived process: shut down the usual way
    # The output is written: leave without tearing down the records one by one (about an
    # eighth of a warm run). Nothing else is pending: files are written atomically and
    # closed, worker pools are shut down by then.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        code = code or 120  # what Python exits with when flushing stdout fails
    os._exit(code)
