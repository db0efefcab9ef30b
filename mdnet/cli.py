"""The command line: the `mdnet` group, its commands (one module each in mdnet/commands/, as
pre-commit's) and the console script. No logic lives here."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, MutableMapping
from importlib import import_module

import click

from mdnet import __version__, forked

COMMANDS: dict[str, str] = {
    "check": "mdnet.commands.check:command",
    "rules": "mdnet.commands.rules:command",
    "rule": "mdnet.commands.rule:command",
    "due": "mdnet.commands.due:command",
    "report": "mdnet.commands.report:command",
    "clean": "mdnet.commands.clean:command",
    "init": "mdnet.commands.init:command",
    "new": "mdnet.commands.new:command",
    "log": "mdnet.commands.log:command",
    "calendar": "mdnet.commands.calendar:command",
    "server": "mdnet.commands.server:server",
    "import": "mdnet.commands.import_:command",
    "show": "mdnet.commands.show:command",
    "config": "mdnet.commands.config:command",
    "sync-properties": "mdnet.commands.sync_properties:command",
}
"""Each command's name -> where it is ("module:attribute"), imported only when it runs or
`--help` lists it: `mdnet check` loads nothing of the other commands (a replayed run must
stay as cheap as reading the vault, see mdnet/replay.py)."""


class LazyCommands(MutableMapping[str, click.Command]):
    """The group's commands as click wants them (a mapping), each imported when looked up:
    listing the names imports nothing; `--help` imports them all for their short help."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = dict(table)
        self.loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self.loaded:
            module, _, attribute = self.table[name].partition(":")  # KeyError: no such command
            command = getattr(import_module(module), attribute)
            if not isinstance(command, click.Command) or command.name != name:
                raise TypeError(f"{self.table[name]} is not the command {name!r}")
            self.loaded[name] = command
        return self.loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self.loaded[name] = command  # cli.add_command(...): already imported

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self.table.pop(name, None)
        self.loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self.table, *self.loaded]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*self.table, *self.loaded]))

    def __contains__(self, name: object) -> bool:
        return name in self.table or name in self.loaded


@click.group(
    commands=LazyCommands(COMMANDS),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
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


def main() -> None:
    """The console script: click's usage errors become one line too, like every other error."""
    # A run builds hundreds of thousands of small records and few reference cycles; the
    # cyclic collector would re-scan them all again and again (a third of a warm run on a
    # 50,000-note vault). The process is short-lived: let it exit instead.
    gc.disable()
    command = [a for a in sys.argv[1:] if not a.startswith("-")][:1]
    # One thread and a short life: work may go to a forked copy (not in the language server
    # or `watch`, which run for hours and may run threads).
    forked.ALLOWED = command in (["check"], ["report"]) and "--watch" not in sys.argv
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
    forked.finish()
    if command == ["server"]:
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
