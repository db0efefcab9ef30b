"""`mdnet report`: the state of the vault as HTML, Markdown or JSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from mdnet import app, formats
from mdnet.apprequests import ReportRequest
from mdnet.commands.options import format_option, no_cache_option, today_option, vault_argument
from mdnet.commands.runner import run


@click.command("report")
@vault_argument
@format_option(formats.REPORT)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here ('-' for stdout; an existing file only if mdnet wrote it). "
    "Default: report.html for HTML, else stdout.",
)
@click.option(
    "--public",
    is_flag=True,
    help="Redact for publishing: no names, no note text, no private goals.",
)
@click.option(
    "--links",
    type=click.Choice(["wiki", "markdown"]),
    default="wiki",
    show_default=True,
    help="Link style of the Markdown report.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Write the report again whenever a note or a settings file changes; Ctrl-C ends.",
)
@no_cache_option
@today_option()
@click.pass_context
def command(
    ctx: click.Context,
    vault: Path,
    fmt: str,
    output: Path | None,
    public: bool,
    links: str,
    watch: bool,
    no_cache: bool,
    today: date,
) -> None:
    """Render the state of the vault: relationships, goals, networks, activity, findings.

    \b
    Examples:
      mdnet report my-vault -o report.html          # a self-contained page
      mdnet report my-vault --public -o site/index.html
      mdnet report my-vault --format md -o "my-vault/Network report.md"
      mdnet report my-vault --format json | jq '.contacts[] | select(.state=="overdue")'
      mdnet report my-vault --watch -o report.html  # rewritten on each change, for a browser tab
    """
    if watch:  # each run is this command without --watch
        from mdnet import watch as watching

        def again() -> None:
            ctx.invoke(command, **{**ctx.params, "watch": False})

        written = output if output is not None else Path(formats.REPORT[fmt].output or "-")
        watching.command(ctx, again, (vault.resolve(),), skip=[written])
    run(
        ctx,
        lambda: app.report(
            ReportRequest(
                root=vault,
                today=today,
                fmt=fmt,
                output=output,
                public=public,
                links=links,
                cwd=Path.cwd(),
                use_cache=not no_cache,
            )
        ),
    )
