"""`mdnet rules`: the rule catalogue, in one of its formats."""

from __future__ import annotations

import click

from mdnet import app, formats
from mdnet.commands.options import format_option
from mdnet.commands.runner import run


@click.command("rules")
@format_option(formats.RULES)
@click.pass_context
def command(ctx: click.Context, fmt: str) -> None:
    """List every rule: code, name, default severity and summary.

    \b
    Examples:
      mdnet rules
      mdnet rules --format markdown > docs/rules.md
    """
    run(ctx, lambda: app.list_rules(fmt))
