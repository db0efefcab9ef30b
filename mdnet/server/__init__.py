"""`mdnet server`: a Language Server Protocol server over stdio for any editor.

`state` keeps the vault in memory, `features` turns it into LSP answers, `handlers`
wires the LSP methods, `lsp` runs the work off the event loop."""

from __future__ import annotations

import gc
import logging
import multiprocessing
from datetime import date
from pathlib import Path


def serve(vault: Path | None, today: date | None, docs_url: str | None, log: Path | None) -> None:
    """Serve one editor over stdin/stdout until it says exit."""
    from mdnet.server.handlers import build

    gc.enable()  # `mdnet` turns the collector off for short runs; a server runs for hours
    # Parsing a large vault uses a process pool; forked from a process with threads (the
    # stdin reader, the worker) a child can inherit a held lock and hang: start them anew.
    multiprocessing.set_start_method("spawn", force=True)
    if log is not None:
        logging.basicConfig(filename=log, level=logging.INFO)
    build(vault, today, docs_url).start_io()
