"""`mdnet rules`: the rule catalogue, in one of its formats."""

from __future__ import annotations

import click

from mdnet import app, formats
from mdnet.commands.runner import run


@click.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.RULES.names()),
    default=formats.RULES.default,
    show_default=True,
    help=formats.RULES.help() + ".",
)
@click.pass_context
def command(ctx: click.Context, fmt: str) -> None:
    """List every rule: code, name, default severity and summary.

    \b
    Examples:
      mdnet rules
      mdnet rules --format markdown > docs/rules.md
    """
    run(ctx, lambda: app.list_rules(fmt))
