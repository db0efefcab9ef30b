"""`mdnet calendar`: an iCalendar file of due dates and deadlines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from mdnet import app
from mdnet.apprequests import CalendarRequest
from mdnet.commands.options import no_cache_option, parse_days, today_option, vault_argument
from mdnet.commands.runner import run


@click.command("calendar")
@vault_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the .ics file here (default: stdout). Only an earlier export is replaced.",
)
@click.option(
    "--public", is_flag=True, help="Name no one and leave out private contacts and goals."
)
@click.option(
    "--alarm",
    metavar="DURATION",
    callback=parse_days,
    help="A reminder this long before each event (1d, 2d, 1w; 0d on the day).",
)
@no_cache_option
@today_option()
@click.pass_context
def command(
    ctx: click.Context,
    vault: Path,
    output: Path | None,
    public: bool,
    alarm: int | None,
    no_cache: bool,
    today: date,
) -> None:
    """Export an iCalendar file: when to reach out to each contact, and goal deadlines.

    One all-day event per active contact on their next due date (today when overdue), and
    one per active goal and milestone deadline; a yearly event per birthday and anniversary
    (none with --public). Event UIDs come from the note's path, so
    importing the file again (or subscribing to it) updates the events instead of
    duplicating them.

    \b
    Examples:
      mdnet calendar my-vault -o due.ics
      mdnet calendar my-vault --public -o site/due.ics   # safe to publish
      mdnet calendar my-vault --alarm 1d -o due.ics      # a reminder the day before
      mdnet calendar > ~/Calendars/network.ics
    """
    run(
        ctx,
        lambda: app.calendar(
            CalendarRequest(
                root=vault,
                today=today,
                output=output,
                public=public,
                use_cache=not no_cache,
                alarm_days=alarm,
            )
        ),
    )
