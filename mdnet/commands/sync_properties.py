"""`mdnet sync-properties`: the click command; the work is in mdnet.sync."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from mdnet.commands.options import no_cache_option, today_option, vault_argument

EPILOG = """
\b
Examples:
  mdnet sync-properties --dry-run          # show what would change, write nothing
  mdnet sync-properties my-vault
  mdnet sync-properties my-vault --today 2026-11-23

\b
Each contact note gets mdnet_last_contact, mdnet_next_due and mdnet_state (rename them
under [sync] in mdnet.toml); only those lines change, and only when a value changed.
Run it again whenever you like (a cron job, a git hook): a second run writes nothing.
There is no --public: this writes your own notes, never something to publish.
Exit codes: 0 done (notes left alone are listed on stderr); 2 usage error.
"""


@click.command("sync-properties", epilog=EPILOG)
@vault_argument
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@no_cache_option
@today_option()
@click.pass_context
def command(ctx: click.Context, vault: Path, dry_run: bool, no_cache: bool, today: date) -> None:
    """Write each contact's derived last contact, next due date and state into its front
    matter, under mdnet-owned keys, so that Obsidian (Bases, Dataview, the file explorer)
    can sort and filter by them. Opt-in: no other command writes these."""
    from mdnet.app import Outcome, open_vault
    from mdnet.commands.runner import run
    from mdnet.errors import UsageError
    from mdnet.sync import apply, plan, render

    def call() -> Outcome:
        analysis = open_vault(vault, today, use_cache=not no_cache)
        if not analysis.notes:
            raise UsageError(f"{vault}: no Markdown notes found (is this the vault folder?)")
        plans = plan(analysis, analysis.vault.root)
        failed = {} if dry_run else apply(analysis.vault.root, plans)
        stdout, stderr = render(plans, failed, dry_run)
        return Outcome(stdout, stderr)

    run(ctx, call)
