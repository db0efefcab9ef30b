"""The LSP methods mdnet answers, each a thin call into mdnet.server.features."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.uris import to_fs_path

from mdnet.server.features.actions import fix_actions, log_action, suppress_action
from mdnet.server.features.completion import complete
from mdnet.server.features.definition import (
    contact_at,
    definition,
    document_links,
    references,
)
from mdnet.server.features.diagnostics import SOURCE
from mdnet.server.features.hover import hover_text
from mdnet.server.lsp import DEBOUNCE_SECONDS, MdnetServer, Open
from mdnet.server.text import link_spans, span_at


def build(vault: Path | None, today: date | None, docs_url: str | None) -> MdnetServer:
    server = MdnetServer(vault, today, docs_url)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: MdnetServer, params: lsp.InitializedParams) -> None:
        folders = ls.workspace.folders
        first = next(iter(folders.values()), None) if folders else None
        uri = first.uri if first is not None else ls.workspace.root_uri
        fs = to_fs_path(uri) if uri else None
        if vault is not None or fs:
            try:
                await ls.run(ls.state_in, vault or Path(fs or "."))  # load the vault now
            except Exception as exc:
                ls.log(f"mdnet: cannot load the vault: {exc!r}", lsp.MessageType.Error)
        watch = lsp.FileSystemWatcher(glob_pattern="**/*.md")
        dynamic = ls.client_capabilities.workspace
        watching = dynamic.did_change_watched_files if dynamic else None
        if watching and watching.dynamic_registration:
            options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=[watch])
            registration = lsp.Registration(
                id="mdnet-watch",
                method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=options,
            )
            ls.client_register_capability(lsp.RegistrationParams([registration]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MdnetServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.opened[params.text_document.uri] = None
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MdnetServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MdnetServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0, everything=True)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: MdnetServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.synced.pop(uri, None)
        ls.opened.pop(uri, None)
        fs = to_fs_path(uri)

        def close() -> None:
            if fs is None:
                return
            state = ls.state_for(Path(fs))
            path = state.relpath(Path(fs))
            if path is not None:
                state.close(path)

        await ls.run(close)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched(ls: MdnetServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        def reload() -> None:
            for change in params.changes:
                fs = to_fs_path(change.uri)
                if fs is None or change.uri in ls.opened:
                    continue
                state = ls.state_for(Path(fs))
                path = state.relpath(Path(fs))
                if path is not None:
                    state.reload(path)

        await ls.run(reload)
        for uri in list(ls.opened):
            ls.schedule(uri, DEBOUNCE_SECONDS, everything=True)
            break  # one refresh covers every open note of the vault

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: MdnetServer, params: lsp.HoverParams) -> lsp.Hover | None:
        codec = ls.codec

        def answer(o: Open) -> lsp.Hover | None:
            line, char = codec.from_client(o.lines, params.position)
            span = span_at(link_spans(o.note.links, o.lines), line, char)
            if span is None:
                return None
            analysis = o.state.analysis()
            target = analysis.index.resolve(span.link, o.path).path
            text = hover_text(analysis, target, o.state.root) if target else None
            if text is None:
                return None
            content = lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text)
            return lsp.Hover(content, codec.range(o.lines, line, span.start, span.end))

        return await ls.with_open(params.text_document.uri, answer, None)

    @server.feature(
        lsp.TEXT_DOCUMENT_COMPLETION,
        lsp.CompletionOptions(trigger_characters=["[", "#", ":", " "]),
    )
    async def completion(ls: MdnetServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        codec = ls.codec

        def answer(o: Open) -> list[lsp.CompletionItem]:
            line, char = codec.from_client(o.lines, params.position)
            before = o.lines[line][:char] if line < len(o.lines) else ""
            return complete(o.state.analysis(), o.note, line + 1, before)

        none: list[lsp.CompletionItem] = []
        items = await ls.with_open(params.text_document.uri, answer, none)
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    async def goto(ls: MdnetServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        codec = ls.codec

        def answer(o: Open) -> lsp.Location | None:
            line, char = codec.from_client(o.lines, params.position)
            target = definition(o.state.analysis(), o.note, o.lines, line, char)
            if target is None:
                return None
            start = lsp.Position(0, 0)
            uri = (o.state.root / target).as_uri()
            return lsp.Location(uri=uri, range=lsp.Range(start, start))

        return await ls.with_open(params.text_document.uri, answer, None)

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    async def refs(ls: MdnetServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
        codec = ls.codec

        def answer(o: Open) -> list[lsp.Location]:
            line, char = codec.from_client(o.lines, params.position)
            analysis = o.state.analysis()
            contact = contact_at(analysis, o.note, o.lines, line, char)
            if contact is None:
                return []
            declaration = params.context.include_declaration
            return references(analysis, contact, o.state.root, declaration)

        none: list[lsp.Location] = []
        return await ls.with_open(params.text_document.uri, answer, none)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_LINK)
    async def links(ls: MdnetServer, params: lsp.DocumentLinkParams) -> list[lsp.DocumentLink]:
        codec = ls.codec

        def answer(o: Open) -> list[lsp.DocumentLink]:
            return document_links(o.state.analysis(), o.note, o.lines, codec, o.state.root)

        return await ls.with_open(params.text_document.uri, answer, [])

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.RefactorRewrite]
        ),
    )
    async def actions(ls: MdnetServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        codec, uri = ls.codec, params.text_document.uri
        asked = {
            (str(d.code), d.range.start.line)
            for d in params.context.diagnostics
            if d.source == SOURCE and d.code
        }
        first, last = params.range.start.line, params.range.end.line
        texts = {unquote(u): ls.snapshot(u) for u in ls.opened}  # the contact's, if open

        def read(o: Open, path: str) -> str | None:
            snap = texts.get(unquote((o.state.root / path).as_uri()))
            if snap is not None:
                return snap[0]
            try:
                return (o.state.root / path).resolve().read_bytes().decode("utf-8")
            except (OSError, UnicodeError):
                return None

        def answer(o: Open) -> list[lsp.CodeAction]:
            found = o.state.diagnostics({o.path})[o.path]
            here = [
                d
                for d in found
                if (d.code, d.line - 1) in asked or (not asked and first <= d.line - 1 <= last)
            ]
            fixes = fix_actions(o.state.analysis(), o.note, o.text, here, codec, uri)
            out = [action for _, action in fixes]
            for d in here:
                suppress = suppress_action(d, o.note, o.lines, codec, uri)
                if suppress is not None:
                    out.append(suppress)
            line, char = codec.from_client(o.lines, params.range.start)
            logged = log_action(
                o.state.analysis(), o.note, o.lines, line, char, lambda p: read(o, p), codec
            )
            return out if logged is None else [*out, logged]

        none: list[lsp.CodeAction] = []
        return await ls.with_open(uri, answer, none)

    return server
