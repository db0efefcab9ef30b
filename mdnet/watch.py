"""`--watch` for `check` and `report`: run once, then again after each batch of changes.

The watching is watchfiles' (a Rust watcher that groups the events of one save into one
batch). A change counts when mdnet reads the file (`replay.covers`: notes, settings files,
`.obsidian/` settings but Obsidian's workspace churn, the report templates), so mdnet's own
writes (`.mdnet_cache/`, the parse cache and the replay store) and the report or output file
being written (`skip`) never start another run. Ctrl-C ends the loop; the command exits 0.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import click

from mdnet.replay import FOLDER, covers
from mdnet.vault import find_root

CLEAR = "\x1b[2J\x1b[3J\x1b[H"
"""Clear the screen and its scroll-back, cursor home (what ruff and rumdl print)."""

STARTED_MS = 200
"""How often the watcher wakes up with nothing changed: the first time, the first run starts."""

Batch = Iterable[str]
"""The absolute paths that changed together."""


def roots(paths: Iterable[Path], vault: Path | None, cwd: Path) -> tuple[Path, ...]:
    """The vaults to watch: the one given, else the vault of each path, else of the cwd."""
    if vault is not None:
        return (vault.resolve(),)
    found = {find_root(p if p.is_absolute() else cwd / p).resolve() for p in paths}
    return tuple(sorted(found)) or (find_root(cwd).resolve(),)


def relevant(watched: Iterable[Path], skip: Iterable[Path]) -> Callable[[str], bool]:
    """Whether a changed path is one mdnet reads in one of the watched vaults."""
    tops = [os.path.realpath(r) for r in watched]
    skipped = {os.path.realpath(p) for p in skip}
    # ... and the temporary file each is written through (fsutil.write_atomic)
    temporary = {(os.path.dirname(p), f".{os.path.basename(p)[:64]}.") for p in skipped}

    def read_by_mdnet(path: str) -> bool:
        real = os.path.realpath(path)
        folder, name = os.path.split(real)
        if real in skipped or any(
            folder == where and name.startswith(start) and name.endswith(".tmp")
            for where, start in temporary
        ):
            return False
        for top in tops:
            rel = os.path.relpath(real, top)
            if rel != "." and not rel.startswith(".."):
                rel = rel.replace(os.sep, "/")
                return rel.split("/")[0] != FOLDER and covers(rel)
        return False

    return read_by_mdnet


def loop(run: Callable[[], None], batches: Iterable[Batch], clear: bool = False) -> int:
    """Run once for each batch of changes (the first, maybe empty, says that the watching
    has started) until they end or Ctrl-C: exit 0."""
    try:
        for _ in batches:
            _once(run, clear)
    except KeyboardInterrupt:
        pass
    return 0


def _once(run: Callable[[], None], clear: bool) -> None:
    if clear:
        click.echo(CLEAR, nl=False)
    run()
    click.echo("mdnet: watching for changes (Ctrl-C to stop)", err=True)


def changes(watched: tuple[Path, ...], skip: Iterable[Path]) -> Iterator[Batch]:
    """An empty batch once the watching has started (a change made during the first run is
    then not missed), then each batch of changes to files mdnet reads."""
    from watchfiles import watch

    keep = relevant(watched, skip)
    started = False
    for batch in watch(
        *watched,
        watch_filter=lambda _change, path: keep(path),
        rust_timeout=STARTED_MS,
        yield_on_timeout=True,
        raise_interrupt=True,
    ):
        if batch or not started:
            started = True
            yield [path for _change, path in batch]


def command(
    ctx: click.Context,
    run: Callable[[], None],
    watched: tuple[Path, ...],
    *,
    skip: Iterable[Path] = (),
    clear: bool = False,
) -> None:
    """Watch from a command: `run` is one run of it (its exit is not the end); exit 0.
    Without a vault to watch it runs once, to say why with its usual error."""
    if not all(r.is_dir() for r in watched):
        run()

    def one() -> None:
        with contextlib.suppress(click.exceptions.Exit):  # how the runner ends each run
            run()

    ctx.exit(loop(one, changes(watched, skip), clear=clear and sys.stdout.isatty()))


def refuse(options: dict[str, object]) -> None:
    """Exit 2 with one line when --watch comes with an option that writes notes or reads
    standard input (each run would write again, or find stdin empty)."""
    given = [name for name, value in options.items() if value]
    if given:
        raise click.UsageError(f"--watch cannot go with {given[0]}")
