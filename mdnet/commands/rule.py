"""`mdnet rule CODE`: one rule explained."""

from __future__ import annotations

import click

from mdnet import app
from mdnet.commands.runner import run


@click.command("rule")
@click.argument("code")
@click.pass_context
def command(ctx: click.Context, code: str) -> None:
    """Explain one rule: why it matters, how to fix it, an example.

    \b
    Examples:
      mdnet rule G003
      mdnet rule goal-vague-quantifier
    """
    run(ctx, lambda: app.explain_rule(code))
