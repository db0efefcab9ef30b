"""The language server: editor events in, vault state updated, LSP answers out.

Every read or change of a vault runs on one worker thread, in order, so the event loop
keeps reading requests (and cancelling stale ones) while a large vault is analysed."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote

from lsprotocol import types as lsp
from msgspec import Struct
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from mdnet import __version__
from mdnet.note import Note
from mdnet.server.state import VaultState
from mdnet.server.text import Codec
from mdnet.vault import find_root, find_vault_above

T = TypeVar("T")
log = logging.getLogger("mdnet.server")
DEBOUNCE_SECONDS = 0.3


class Open(Struct, frozen=True):
    """An open note: its vault, its path there, the editor's text and version."""

    state: VaultState
    path: str
    note: Note
    lines: list[str]
    text: str


class MdnetServer(LanguageServer):
    def __init__(self, vault: Path | None, today: date | None, docs_url: str | None) -> None:
        super().__init__(
            "mdnet", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full
        )
        self.vault = vault
        self.today = today
        self.docs_url = docs_url
        self.states: dict[Path, VaultState] = {}
        self.roots: dict[Path, Path] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.synced: dict[str, int | None] = {}
        self.opened: dict[str, None] = {}
        """The open documents' URIs, as the client wrote them."""
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mdnet")
        self.loop: asyncio.AbstractEventLoop | None = None

    # ------------------------------------------------------------------ plumbing

    @property
    def codec(self) -> Codec:
        encoding = self.workspace.position_encoding
        return Codec(str(getattr(encoding, "value", encoding) or "utf-16"))

    async def run(self, func: Callable[..., T], *args: Any) -> T:
        """Run on the worker thread; the event loop stays free."""
        self.loop = asyncio.get_running_loop()
        return await self.loop.run_in_executor(self.worker, func, *args)

    def log(self, message: str, kind: lsp.MessageType = lsp.MessageType.Log) -> None:
        """Log to the file and to the editor. Only the event loop writes to stdout: two
        threads writing at once would interleave their messages."""
        log.info(message)
        params = lsp.LogMessageParams(type=kind, message=message)
        if threading.current_thread() is threading.main_thread() or self.loop is None:
            self.window_log_message(params)
        else:
            self.loop.call_soon_threadsafe(self.window_log_message, params)

    def state_for(self, file: Path) -> VaultState:
        """The vault holding a file, loaded on first use (worker thread only)."""
        return self.state_in(file.parent)

    def state_in(self, folder: Path) -> VaultState:
        """The vault holding a folder: `--vault`, else the nearest folder upward with
        mdnet.toml or .obsidian, else a loaded vault (the workspace's) that holds it, else
        as `check` finds it (git work tree, else the folder)."""
        root = self.vault or self.roots.get(folder)
        if root is None:
            folder = folder.resolve()
            root = find_vault_above(folder)
            if root is None:
                holding = [r for r in self.states if folder.is_relative_to(r)]
                root = max(holding, key=lambda r: len(r.parts)) if holding else find_root(folder)
            root = self.roots[folder] = root.resolve()
        state = self.states.get(root)
        if state is None:
            state = self.states[root] = VaultState(root, self.today)
            self.log(f"mdnet: loaded {len(state.disk)} notes of {root}", lsp.MessageType.Info)
            if state.config_error:
                self.log(f"mdnet: {state.config_error}", lsp.MessageType.Warning)
        return state

    def snapshot(self, uri: str) -> tuple[str, int | None] | None:
        """The editor's text and version of an open document (event loop only)."""
        doc = self.workspace.text_documents.get(unquote(uri))
        return (doc.source, doc.version) if doc is not None else None

    def sync(self, uri: str, text: str, version: int | None) -> Open | None:
        """The open note with the editor's text parsed in (worker thread only)."""
        fs = to_fs_path(uri)
        if fs is None:
            return None
        file = Path(fs)
        state = self.state_for(file)
        path = state.relpath(file)
        if path is None:
            return None
        if path not in state.open or self.synced.get(uri, -1) != version:
            state.set_text(path, text)
            self.synced[uri] = version
        note = state.open[path]
        return Open(state, path, note, state.texts[path], text)

    async def with_open(self, uri: str, func: Callable[[Open], T], default: T) -> T:
        """Call `func` on the open note of `uri` on the worker thread; `default` if none."""
        snap = self.snapshot(uri)
        if snap is None:
            return default

        def call() -> T:
            opened = self.sync(uri, *snap)
            return default if opened is None else func(opened)

        return await self.run(call)

    # ------------------------------------------------------------------ diagnostics

    def schedule(self, uri: str, delay: float, everything: bool = False) -> None:
        """Publish diagnostics after `delay` (a newer change cancels an older one)."""
        old = self.pending.pop(uri, None)
        if old is not None and not old.done():
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._publish(uri, delay, everything))

    async def _publish(self, uri: str, delay: float, everything: bool) -> None:
        from mdnet.server.features.diagnostics import to_lsp

        await asyncio.sleep(delay)
        snap = self.snapshot(uri)
        if snap is None:
            return
        others = {u: self.snapshot(u) for u in self.opened} if everything else {}
        codec, docs = self.codec, self.docs_url

        def compute() -> list[lsp.PublishDiagnosticsParams]:
            opened = self.sync(uri, *snap)
            if opened is None:
                return [lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[], version=snap[1])]
            targets = {uri: (opened, snap[1])}
            for other, osnap in others.items():
                if other != uri and osnap is not None:
                    o = self.sync(other, *osnap)
                    if o is not None and o.state is opened.state:
                        targets[other] = (o, osnap[1])
            found = opened.state.diagnostics({o.path for o, _ in targets.values()})
            return [
                lsp.PublishDiagnosticsParams(
                    uri=u, diagnostics=to_lsp(found[o.path], o.lines, codec, docs), version=v
                )
                for u, (o, v) in targets.items()
            ]

        try:
            results = await self.run(compute)
        except Exception as exc:  # a bug must cost one update, not the editor's server
            self.log(f"mdnet: diagnostics of {uri} failed: {exc!r}", lsp.MessageType.Error)
            return
        for params in results:
            self.text_document_publish_diagnostics(params)
