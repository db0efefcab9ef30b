"""`mdnet import`: the click command; the work is in mdnet.importer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from mdnet.commands.options import today_option, vault_option
from mdnet.importer import FORMATS
from mdnet.importer.csvfile import FIELDS
from mdnet.model import CONTACT_STATUSES

EPILOG = """
\b
Examples:
  mdnet import contacts.vcf                       # vCard 3 or 4, into People/
  mdnet import contacts.csv --network peers --tag imported --dry-run
  mdnet import Connections.csv --vault my-vault --status paused   # LinkedIn
  mdnet import outlook.csv --encoding cp1252
  mdnet import people.csv --map name="Full name" --map email=Mail --map met="First met"
  mdnet import contacts.vcf --update              # add missing e-mails, roles, ...

\b
Exit codes: 0 every row imported or already there; 1 some rows were skipped
(each one is listed as FILE:LINE: skipped: why); 2 usage error. See docs/import.md.
"""


@click.command("import", epilog=EPILOG)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@vault_option()
@click.option(
    "--from",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="The file's format: auto is vCard for .vcf files, else CSV (Google, Outlook, "
    "LinkedIn are recognised by their columns).",
)
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="FIELD=COLUMN",
    help=f"CSV: read FIELD from COLUMN (repeatable). Fields: {', '.join(FIELDS)}.",
)
@click.option("--network", metavar="NAME", help="The network of every imported contact.")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Add a tag (repeatable).")
@click.option(
    "--status",
    type=click.Choice(CONTACT_STATUSES),
    help="The status of imported contacts (default: the template's, active).",
)
@click.option(
    "--update",
    is_flag=True,
    help="Add missing properties to contacts already in the vault; never change one.",
)
@click.option("--dry-run", is_flag=True, help="Print what would be written; write nothing.")
@click.option(
    "--encoding",
    default="utf-8",
    show_default=True,
    help="The file's text encoding (Outlook on Windows writes cp1252).",
)
@today_option(
    help="The date for the template's {{date}} (also MDNET_TODAY). Default: the local date."
)
@click.pass_context
def command(
    ctx: click.Context,
    file: Path,
    vault: Path | None,
    fmt: str,
    mapping: tuple[str, ...],
    network: str | None,
    tags: tuple[str, ...],
    status: str | None,
    update: bool,
    dry_run: bool,
    encoding: str,
    today: date,
) -> None:
    """Import contacts from a vCard (.vcf), CSV or LinkedIn Connections.csv file.

    Each person becomes a contact note in the vault's contacts folder (People/ by
    default), written from the vault's contact template (Templates/Contact.md, else
    mdnet's own). A person who is already a contact (same name or alias, same e-mail
    address or URL) is listed as already there and never overwritten; --update adds the
    properties their note lacks. Rows without a name, with text that is not in the
    file's encoding or with a date that does not exist are listed and skipped.
    """
    from mdnet.app import Outcome
    from mdnet.commands.runner import run
    from mdnet.importer.write import ImportRequest, run_import
    from mdnet.roots import find_root

    def call() -> Outcome:
        result = run_import(
            ImportRequest(
                file=file,
                vault=vault if vault is not None else find_root(Path.cwd()),
                today=today,
                fmt=fmt,
                mapping=mapping,
                network=network,
                tags=tags,
                status=status,
                update=update,
                dry_run=dry_run,
                encoding=encoding,
            )
        )
        return Outcome(stdout=result.text, code=result.code)

    run(ctx, call)
