"""`mdnet log`: a dated line in a contact's `## Log`; the work is in mdnet.scaffold.log."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from mdnet import app
from mdnet.apprequests import LogRequest
from mdnet.commands.options import parse_day, vault_option
from mdnet.commands.runner import run


def _complete_contacts(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Contact names for shell completion: the file names of the vault's contacts, found as
    `check` finds them (the configured folders, tags and categories, `type: contact`)."""
    try:
        import warnings

        from mdnet.roots import find_root

        root = Path(ctx.params.get("vault") or find_root(Path.cwd()))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a settings warning is for the command itself
            contacts = app.open_vault(root, date.today()).model.contacts
        names = sorted({path.rsplit("/", 1)[-1][:-3] for path in contacts})
    except Exception:  # completion must never fail loudly
        return []
    return [n for n in names if n.lower().startswith(incomplete.lower())]


def _past_day(ctx: click.Context, param: click.Parameter, value: str | None) -> date:
    """--date: a day up to today (MDNET_TODAY, else the local date); a later one is a plan."""
    day = parse_day(ctx, param, value)
    today = parse_day(ctx, param, os.environ.get("MDNET_TODAY"))
    if day > today:
        raise click.BadParameter(
            f"{day} is after today ({today}): log what happened; plan a touch as an open "
            f"task in the note instead (- [ ] Call them ⏳ {day})"
        )
    return day


@click.command("log")
@click.argument("name", shell_complete=_complete_contacts)
@click.argument("text")
@vault_option()
@click.option(
    "--date",
    "day",
    envvar="MDNET_TODAY",
    callback=_past_day,
    metavar="YYYY-MM-DD",
    help="When it happened, today or before (default: today; also MDNET_TODAY).",
)
@click.option(
    "--tag",
    "tags",
    multiple=True,
    metavar="TAG",
    help="Add #TAG: give, intro, help, share, ask, request, ... (repeatable).",
)
@click.pass_context
def command(
    ctx: click.Context, name: str, text: str, vault: Path | None, day: date, tags: tuple[str, ...]
) -> None:
    """Add a dated line to a contact's `## Log` section: `- YYYY-MM-DD TEXT #TAG`.

    NAME is the contact's name, an alias or the file name, in any case. The line goes
    after the last item of the `## Log` section (the section is added at the end of the
    note when missing); nothing else in the file changes, line endings included.

    \b
    Examples:
      mdnet log Dana "Coffee; introduced her to [[Sam Ortiz]]" --tag give
      mdnet log "Sam Ortiz" "Asked for feedback on my pitch" --tag ask --date 2026-11-20
      mdnet log dana "Sent the December calendar" --vault my-vault
    """
    run(
        ctx,
        lambda: app.log(
            LogRequest(name=name, text=text, vault=vault, day=day, tags=tags, cwd=Path.cwd())
        ),
    )
