"""`mdnet init`: create a vault; the work is in mdnet.scaffold.init."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from mdnet import app
from mdnet.commands.options import today_option
from mdnet.commands.runner import run


@click.command("init")
@click.argument(
    "directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@today_option()
@click.pass_context
def command(ctx: click.Context, directory: Path, today: date) -> None:
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
