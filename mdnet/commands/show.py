"""`mdnet show NAME`: the click command; the work is in mdnet.show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from mdnet.commands.options import no_cache_option, today_option, vault_option

EPILOG = """
\b
Examples:
  mdnet show "Marcus Bell"                        # the vault in the current folder
  mdnet show "marcus bell" --vault sample-vault --today 2026-11-23
  mdnet show Dana --format json | jq '.interactions[0]'

\b
NAME is a contact's name, an alias or the file name, in any case. Exit codes: 0 shown;
2 no such contact (with a suggestion), several match, or another usage error.
"""


@click.command("show", epilog=EPILOG)
@click.argument("name")
@vault_option()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@no_cache_option
@today_option()
@click.pass_context
def command(
    ctx: click.Context, name: str, vault: Path | None, fmt: str, no_cache: bool, today: date
) -> None:
    """One contact's whole picture: state, cadence, next due date, every interaction
    (newest first, with the note and line it comes from), gives and asks, open plans,
    the goals that count them and the events they attended."""
    from mdnet.app import Outcome, open_vault
    from mdnet.commands.runner import run
    from mdnet.roots import find_root
    from mdnet.show import render_json, render_text, show_contact

    def call() -> Outcome:
        root = vault if vault is not None else find_root(Path.cwd())
        analysis = open_vault(root, today, use_cache=not no_cache)
        picture = show_contact(analysis, name)
        return Outcome(render_json(picture) if fmt == "json" else render_text(picture))

    run(ctx, call)
