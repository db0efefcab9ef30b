"""The one exit point of every command: run the core, print its Outcome, turn an MdnetError
into one line (exit 2), and colour only where it is wanted."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable

import click

from mdnet.app import Outcome
from mdnet.errors import MdnetError, SettingsWarning


def color(to_terminal: bool = True) -> bool:
    """Colour on a terminal; NO_COLOR (not empty) turns it off, FORCE_COLOR (not empty or
    0) on, anywhere: no-color.org and force-color.org."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    return to_terminal and sys.stdout.isatty()


def run(ctx: click.Context, call: Callable[[], Outcome]) -> None:
    """The one exit point: print the outcome, or turn an MdnetError into one line and exit 2."""
    try:
        with warnings.catch_warnings(record=True) as notices:
            warnings.simplefilter("always", SettingsWarning)
            outcome = call()
        for notice in notices:
            if not issubclass(notice.category, SettingsWarning):
                warnings.warn_explicit(notice.message, notice.category, notice.filename, 0)
        mine = [str(n.message) for n in notices if issubclass(n.category, SettingsWarning)]
        for message in dict.fromkeys(mine):  # each once, in order
            click.echo(f"mdnet: warning: {message}", err=True)
    except MdnetError as exc:
        click.echo(f"mdnet: error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    except Exception as exc:  # never a traceback unless asked for
        if ctx.obj and ctx.obj.get("debug"):
            raise
        click.echo(
            f"mdnet: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", err=True
        )
        ctx.exit(2)
    if outcome.stdout:
        # click strips colour when stdout is no terminal; FORCE_COLOR asked for it anyway.
        click.echo(outcome.stdout, nl=False, color=color(to_terminal=False) or None)
    if outcome.stderr:
        click.echo(outcome.stderr, err=True, nl=False)
    ctx.exit(outcome.code)
