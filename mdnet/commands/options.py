"""The options several commands share, as decorators: the vault (an argument or `--vault`),
`--today` and `--no-cache`; and the callbacks that read a date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from mdnet.formats import Registry

F = TypeVar("F", bound=Callable[..., Any])

VAULT_HELP = "The vault root (default: found upward from the current folder)."
DAYS = re.compile(r"[1-9][0-9]{0,3}d")
"""1d to 9999d: a duration read here without mdnet.dates."""
TODAY_HELP = "Evaluate as of this date (also MDNET_TODAY). Default: the local date."


def format_option(registry: Registry[Any]) -> Callable[[F], F]:
    """`--format`: the registry's names as click's choices, its first as the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(registry.names()),
        default=registry.default,
        show_default=True,
        help=registry.help() + ".",
    )


def parse_days(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """A duration option (`7d`, `2w`, `1m`, `0`) in days, None when not given, or a usage
    error saying why."""
    if value is None:
        return None
    if value.strip() in ("0", "0d"):
        return 0
    if DAYS.fullmatch(value):  # what parse_duration gives, without importing the date parser
        return int(value[:-1])  # (the default `7d` of a replayed `due`)
    from mdnet.dates import DateError, parse_duration

    try:
        return parse_duration(value)
    except DateError as exc:
        raise click.BadParameter(str(exc)) from None


def parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> date:
    """A YYYY-MM-DD option (today when empty), or a usage error naming the value."""
    if not value:
        return date.today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None
    if not 1900 <= day.year <= 9000:  # room for a century of cadence either side
        raise click.BadParameter(f"{value} is out of range (years 1900 to 9000)")
    return day


def parse_optional_day(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> date | None:
    """As :func:`parse_day`, but None when the option is not given."""
    return parse_day(ctx, param, value) if value else None


def vault_argument(func: F) -> F:
    """VAULT, an optional argument: the vault's folder (default: the current folder)."""
    return click.argument(
        "vault", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
    )(func)


def vault_option(help: str = VAULT_HELP) -> Callable[[F], F]:
    """`--vault FOLDER`: the vault root, else the one found upward (None in the command)."""
    return click.option("--vault", type=click.Path(file_okay=False, path_type=Path), help=help)


def today_option(help: str = TODAY_HELP) -> Callable[[F], F]:
    """`--today YYYY-MM-DD` (also MDNET_TODAY): the date the command works as of."""
    return click.option(
        "--today", envvar="MDNET_TODAY", callback=parse_day, metavar="YYYY-MM-DD", help=help
    )


def no_cache_option(func: F) -> F:
    """`--no-cache`: parse every note, neither read nor write the cache."""
    return click.option(
        "--no-cache", is_flag=True, help="Parse every note; do not read or write the cache."
    )(func)
