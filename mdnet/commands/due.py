"""`mdnet due`: who to reach out to now."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from mdnet import app, formats
from mdnet.commands.options import (
    format_option,
    no_cache_option,
    parse_days,
    today_option,
    vault_argument,
)
from mdnet.commands.runner import run


@click.command("due")
@vault_argument
@click.option(
    "--within",
    default="7d",
    show_default=True,
    callback=parse_days,
    help="Include contacts due, and birthdays, within this long (7d, 2w, 1m).",
)
@click.option("--network", metavar="NAME", help="Only contacts of this network.")
@format_option(formats.DUE)
@no_cache_option
@today_option()
@click.pass_context
def command(
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
    (the network's `value` in mdnet.toml) and any open task that mentions them. Then the
    birthdays and anniversaries of the same days ("birthday in 3 days").

    \b
    Examples:
      mdnet due                          # the vault in the current folder
      mdnet due my-vault --within 14d
      mdnet due my-vault --network bankers --format json
    """
    run(ctx, lambda: app.due(vault, today, within, network, fmt, use_cache=not no_cache))
