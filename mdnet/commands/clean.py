"""`mdnet clean`: remove the cache of parsed notes."""

from __future__ import annotations

from pathlib import Path

import click

from mdnet import app
from mdnet.commands.options import vault_argument
from mdnet.commands.runner import run


@click.command("clean")
@vault_argument
@click.pass_context
def command(ctx: click.Context, vault: Path) -> None:
    """Remove the vault's cache of parsed notes (.mdnet_cache/).

    The cache is rebuilt on the next run; it never changes a result.

    \b
    Examples:
      mdnet clean
      mdnet clean my-vault
    """
    run(ctx, lambda: app.clean(vault))
