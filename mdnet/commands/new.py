"""`mdnet new`: a contact, goal or event note from a template; the work is in mdnet.scaffold.new."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from mdnet import app
from mdnet.commands.options import parse_optional_day, today_option, vault_option
from mdnet.commands.runner import run
from mdnet.note import MODELLED_KINDS


def _interactive() -> bool:
    """True when someone can answer a prompt (the prompt itself goes to stderr)."""
    return sys.stdin.isatty()


def _typed_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


@click.command("new")
@click.argument("kind", type=click.Choice(MODELLED_KINDS))
@click.argument("name")
@vault_option()
@click.option(
    "--deadline",
    callback=parse_optional_day,
    metavar="YYYY-MM-DD",
    help="Goals: the deadline. Asked for in a terminal; else 30 days after the "
    "start for a milestone, the end of the year for a long-term goal.",
)
@click.option(
    "--horizon",
    type=click.Choice(["long", "short"]),
    help="Goals: long-term goal or short-term milestone (default: short with "
    "--parent, else the template's, else long).",
)
@click.option("--parent", metavar="GOAL", help="Goals: the long-term goal this milestone serves.")
@click.option("--network", metavar="NAME", help="Contacts: the target network.")
@today_option()
@click.pass_context
def command(
    ctx: click.Context,
    kind: str,
    name: str,
    vault: Path | None,
    deadline: date | None,
    horizon: str | None,
    parent: str | None,
    network: str | None,
    today: date,
) -> None:
    """Write a new contact, goal or event note from a template and print its path.

    The template is the vault's Templates/Contact.md (Goal.md, Event.md; the folder set in
    Obsidian's Templates plugin wins), else mdnet's own. {{title}}, {{date}}, {{time}} and
    {{date:FORMAT}} are filled in; Templater's <% ... %> commands are removed, since only
    Obsidian can run them. mdnet then sets `type`, `met` (contacts), `start`, `deadline`,
    `horizon` and `parent` (goals) or `date` (events) to today or to the options. The note
    goes in the folder configured for its kind (People/, Goals/, Events/ by default) and an
    existing note is never overwritten.

    \b
    Examples:
      mdnet new contact "Dana Whitfield" --network bloggers
      mdnet new goal "Publish 30 guest posts" --horizon long --deadline 2026-12-31
      mdnet new goal "Pitch 5 FinCon bloggers" --parent "Publish 30 guest posts"
      mdnet new event "FinCon 2026" --vault my-vault
      $EDITOR "$(mdnet new contact 'Sam Ortiz')"
    """
    from datetime import datetime

    from msgspec.structs import replace

    from mdnet.scaffold.new import NewNote

    request = NewNote(
        kind=kind,
        name=name,
        vault=vault,
        today=today,
        cwd=Path.cwd(),
        deadline=deadline,
        horizon=horizon,
        parent=parent,
        network=network,
        clock=datetime.now().time().replace(microsecond=0),
    )

    def call() -> app.Outcome:
        chosen = request
        if kind == "goal" and deadline is None and _interactive():
            suggested = app.new_deadline(request)
            answer = click.prompt(
                "Deadline", default=suggested.isoformat(), err=True, value_proc=_typed_date
            )
            chosen = replace(request, deadline=answer)
        return app.new(chosen)

    run(ctx, call)
