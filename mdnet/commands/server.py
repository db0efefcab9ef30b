"""`mdnet server`: the click command; the server itself is mdnet.server."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

EPILOG = """
\b
Examples:
  mdnet server                    # started by the editor, talks LSP on stdin/stdout
  mdnet server --vault ~/notes    # one vault, wherever the opened notes are
  mdnet server --log /tmp/mdnet-lsp.log
\b
Set-up for Neovim, VS Code, Helix and Zed: docs/editors.md.
"""


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


@click.command("server", epilog=EPILOG)
@click.option(
    "--vault",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="The vault to serve. Default: the vault holding each opened note.",
)
@click.option(
    "--today",
    envvar="MDNET_TODAY",
    callback=_day,
    metavar="YYYY-MM-DD",
    help="Evaluate as of this date (also MDNET_TODAY). Default: the local date.",
)
@click.option(
    "--docs-url",
    metavar="URL",
    help="Where rule pages are, with {code} for the rule code (linked from each diagnostic).",
)
@click.option(
    "--log",
    "log_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the server's log to this file.",
)
def server(
    vault: Path | None, today: date | None, docs_url: str | None, log_file: Path | None
) -> None:
    """Run the language server over stdio (diagnostics, hover, completion, links, fixes)."""
    from mdnet.server import serve

    serve(vault, today, docs_url, log_file)
