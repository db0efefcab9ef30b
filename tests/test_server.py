"""`mdnet server` end to end: a real LSP client (pytest-lsp) over stdio against the server."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest
import pytest_asyncio
from conftest import TODAY, MakeVault
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio

CONFIG = """
[folders]
contacts = "People"
goals = "Goals"

[networks.bankers]
cadence = "30d"
value = "A reader's view of what customers want"
"""

GOAL = """\
---
type: goal
goal: Meet some bankers
horizon: short
deadline: 2026-12-31
---
# Meet some bankers
"""

FILES = {
    "People/Grace Liu.md": """
        ---
        type: contact
        network: bankers
        aliases: [Gracie]
        company: Riverbend Bank
        ---
        ## Log
        - 2026-10-01 Asked her about small-business loans #ask
        """,
    "People/Omar Said.md": """
        ---
        type: contact
        network: bankers
        ---
        ## Log
        - 2026-11-20 Coffee with Omar #give
        """,
    "Daily/2026-11-20.md": """
        # Friday

        - Lunch with [[Grace Liu]] about the loans FAQ #give
        """,
    "Goals/Know 8 bankers.md": """
        ---
        type: goal
        goal: Know 8 community bankers
        horizon: long
        target: 8
        deadline: 2027-06-30
        ---
        """,
    "Goals/Meet bankers.md": GOAL,
}

ENCODINGS: dict[int, lsp.InitializeResult] = {}


def uri(path: Path) -> str:
    return path.resolve().as_uri()


@pytest_asyncio.fixture
async def vault(make_vault: MakeVault) -> Path:
    return make_vault(FILES, config=CONFIG)


@pytest_asyncio.fixture
async def client(vault: Path) -> AsyncIterator[LanguageClient]:
    command = [sys.executable, "-m", "mdnet", "server", "--today", TODAY]
    lsp_client = await ClientServerConfig(server_command=command).start()
    ENCODINGS[id(lsp_client)] = await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=client_capabilities("neovim"),
            root_uri=uri(vault),
            workspace_folders=[lsp.WorkspaceFolder(uri=uri(vault), name="vault")],
        )
    )
    yield lsp_client
    await lsp_client.shutdown_session()


async def diagnostics(
    client: LanguageClient,
    doc: str,
    until: Callable[[Sequence[lsp.Diagnostic]], bool],
    timeout: float = 30,
) -> Sequence[lsp.Diagnostic]:
    """The diagnostics published for `doc`, once they satisfy `until`."""
    for _ in range(int(timeout / 0.05)):
        found = client.diagnostics.get(doc)
        if found is not None and until(found):
            return list(found)
        await asyncio.sleep(0.05)
    raise AssertionError(f"no such diagnostics for {doc}: {client.diagnostics.get(doc)}")


def open_doc(client: LanguageClient, file: Path, text: str | None = None) -> str:
    doc = uri(file)
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(
                uri=doc,
                language_id="markdown",
                version=1,
                text=file.read_text(encoding="utf-8") if text is None else text,
            )
        )
    )
    return doc


def change(client: LanguageClient, doc: str, version: int, text: str) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=doc, version=version),
            [lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def codes(found: Sequence[lsp.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in found)


async def test_vague_goal_word_then_fixed(client: LanguageClient, vault: Path) -> None:
    doc = open_doc(client, vault / "Goals/Meet bankers.md")
    found = await diagnostics(client, doc, lambda ds: "G003" in codes(ds))
    g003 = next(d for d in found if d.code == "G003")
    # `goal: Meet some bankers` is line 3: "some" is at characters 11-15 (0-based).
    assert (g003.range.start.line, g003.range.start.character) == (2, 11)
    assert (g003.range.end.line, g003.range.end.character) == (2, 15)
    assert g003.severity is not None and g003.source == "mdnet"
    assert g003.code_description is not None
    assert g003.code_description.href.endswith("/G003.md")
    # Unsaved edits count: the exact goal clears both G003 and the "not exact" G002.
    change(client, doc, 2, GOAL.replace("Meet some bankers", "Meet 3 bankers"))
    found = await diagnostics(client, doc, lambda ds: "G003" not in codes(ds))
    assert "G002" not in codes(found)
    assert (vault / "Goals/Meet bankers.md").read_text(encoding="utf-8") == GOAL


async def test_clean_note_gets_no_diagnostics(client: LanguageClient, vault: Path) -> None:
    doc = open_doc(client, vault / "Daily/2026-11-20.md")
    assert await diagnostics(client, doc, lambda ds: True) == []


async def test_hover_on_contact_link_shows_last_contact(
    client: LanguageClient, vault: Path
) -> None:
    doc = open_doc(client, vault / "Daily/2026-11-20.md")
    hover = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=2, character=18))
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    text = hover.contents.value
    assert "Grace Liu" in text
    assert "last contact: 2026-11-20" in text
    assert "Daily/2026-11-20.md" in text
    assert "due: 2026-12-20" in text  # 30-day cadence of the bankers network
    assert "A reader's view" in text
    assert hover.range is not None and hover.range.start == lsp.Position(2, 13)
    # Plain text is no link: no hover.
    plain = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=2, character=3))
    )
    assert plain is None


async def test_hover_on_goal_link(client: LanguageClient, vault: Path) -> None:
    text = '---\ntype: goal\ngoal: Meet 3 bankers\nparent: "[[Know 8 bankers]]"\n---\n'
    doc = open_doc(client, vault / "Goals/Meet bankers.md", text)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=3, character=12))
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "progress: 0 of 8" in hover.contents.value
    assert "deadline: 2027-06-30" in hover.contents.value
    assert "milestone: Meet bankers" in hover.contents.value


async def test_completion_offers_contact_by_alias(client: LanguageClient, vault: Path) -> None:
    note = vault / "Daily/2026-11-21.md"
    doc = open_doc(client, note, "- Called [[Gra")
    result = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=0, character=14))
    )
    assert isinstance(result, lsp.CompletionList)
    by_label = {item.label: item for item in result.items}
    assert by_label["Gracie"].insert_text == "Grace Liu|Gracie"
    assert by_label["Grace Liu"].insert_text == "Grace Liu"
    assert "Know 8 bankers" in by_label  # goals too


async def test_completion_of_network_and_type(client: LanguageClient, vault: Path) -> None:
    text = "---\ntype: contact\nnetwork: \n---\n"
    doc = open_doc(client, vault / "People/New.md", text)
    networks = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=2, character=9))
    )
    assert isinstance(networks, lsp.CompletionList)
    assert [i.label for i in networks.items] == ["bankers"]
    kinds = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=1, character=6))
    )
    assert isinstance(kinds, lsp.CompletionList)
    assert "contact" in [i.label for i in kinds.items]


async def test_definition_and_document_links(client: LanguageClient, vault: Path) -> None:
    text = "- [[Gracie]] and [Omar](../People/Omar%20Said.md) and [[Nobody]]\n"
    doc = open_doc(client, vault / "Daily/2026-11-22.md", text)
    where = await client.text_document_definition_async(
        lsp.DefinitionParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=0, character=5))
    )
    assert isinstance(where, lsp.Location)
    assert where.uri == uri(vault / "People/Grace Liu.md")
    links = await client.text_document_document_link_async(
        lsp.DocumentLinkParams(lsp.TextDocumentIdentifier(doc))
    )
    assert links is not None
    assert [(ln.range.start.character, ln.range.end.character, ln.target) for ln in links] == [
        (2, 12, uri(vault / "People/Grace Liu.md")),
        (17, 49, uri(vault / "People/Omar Said.md")),
    ]
    found = await diagnostics(client, doc, lambda ds: bool(ds))
    assert [(d.code, d.range.start.character, d.range.end.character) for d in found] == [
        ("L001", 54, 64)
    ]


async def test_code_actions_quote_link_and_suppress(client: LanguageClient, vault: Path) -> None:
    text = "---\ntype: goal\ngoal: Meet 3 bankers\nparent: [[Know 8 bankers]]\n---\n"
    doc = open_doc(client, vault / "Goals/Meet bankers.md", text)
    found = await diagnostics(client, doc, lambda ds: "F005" in codes(ds))
    f005 = next(d for d in found if d.code == "F005")
    assert f005.range.start == lsp.Position(3, 8)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(doc), f005.range, lsp.CodeActionContext([f005])
        )
    )
    assert actions is not None
    quote = [a for a in actions if isinstance(a, lsp.CodeAction) and a.title.startswith("F005")]
    assert len(quote) == 1 and quote[0].edit is not None and quote[0].edit.changes
    (edit,) = quote[0].edit.changes[doc]
    assert edit.range == lsp.Range(lsp.Position(3, 8), lsp.Position(3, 26))
    assert edit.new_text == '"[[Know 8 bankers]]"'
    # Inside the front matter a comment would break the YAML: no "suppress" there.
    assert not [a for a in actions if isinstance(a, lsp.CodeAction) and "Suppress" in a.title]


async def test_suppress_for_this_line(client: LanguageClient, vault: Path) -> None:
    text = "# Notes\n\n  - met [[Nobody]]\n"
    doc = open_doc(client, vault / "Daily/2026-11-22.md", text)
    (l001,) = await diagnostics(client, doc, lambda ds: bool(ds))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            lsp.TextDocumentIdentifier(doc), l001.range, lsp.CodeActionContext([l001])
        )
    )
    assert actions is not None
    (suppress,) = [a for a in actions if isinstance(a, lsp.CodeAction) and "Suppress" in a.title]
    assert suppress.edit is not None and suppress.edit.changes
    (edit,) = suppress.edit.changes[doc]
    assert edit.range.start == edit.range.end == lsp.Position(2, 0)
    assert edit.new_text == "  <!-- mdnet-disable-next-line L001 -->\n"
    # Applied, the finding goes away.
    change(client, doc, 2, "# Notes\n\n" + edit.new_text + "  - met [[Nobody]]\n")
    assert await diagnostics(client, doc, lambda ds: not ds) == []


async def test_save_makes_another_contact_overdue(client: LanguageClient, vault: Path) -> None:
    """Grace's last contact is in a daily note; saving that note without the link leaves
    her 2026-10-01 ask as the last one: her open note gets C001 (overdue) on save."""
    grace = open_doc(client, vault / "People/Grace Liu.md")
    assert "C001" not in codes(await diagnostics(client, grace, lambda ds: True))
    daily = vault / "Daily/2026-11-20.md"
    doc = open_doc(client, daily)
    await diagnostics(client, doc, lambda ds: True)
    daily.write_text("# Friday\n\n- Lunch alone\n", encoding="utf-8")
    change(client, doc, 2, "# Friday\n\n- Lunch alone\n")
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(doc)))
    found = await diagnostics(client, grace, lambda ds: "C001" in codes(ds))
    c001 = next(d for d in found if d.code == "C001")
    assert c001.range.start == lsp.Position(0, 0)
    assert "2026-10-01" in c001.message


def send_raw(client: LanguageClient, body: bytes) -> None:
    """Write one message as it is, past the client's own checks."""
    writer = client.protocol.writer
    assert writer is not None
    writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))


async def test_robust_against_bad_input(client: LanguageClient, vault: Path) -> None:
    # Malformed requests (wrong parameters, a body that is no JSON): the server goes on.
    send_raw(client, b'{"jsonrpc": "2.0", "id": 9001, "method": "textDocument/hover", "params": 1}')
    send_raw(client, b'{"jsonrpc": "2.0", "id": 9002, "method": "textDocument/hover", "par')
    # A note deleted while open still gets diagnostics from the editor's text.
    gone = vault / "Daily/2026-11-20.md"
    doc = open_doc(client, gone)
    gone.unlink()
    change(client, doc, 2, "- met [[Nobody]]\n")
    await diagnostics(client, doc, lambda ds: codes(ds) == ["L001"])
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(doc)))
    # A file that is not UTF-8 on disk and a 20 MB note: findings, no crash, no hang.
    (vault / "People/Latin.md").write_bytes(b"---\ntype: contact\n---\ncaf\xe9\n")
    big = vault / "Daily/2026-11-19.md"
    big.write_text("x" * 20_000_000, encoding="utf-8")
    latin = open_doc(client, vault / "People/Latin.md", "---\ntype: contact\n---\ncaf\ufffd\n")
    big_doc = open_doc(client, big)
    found = await diagnostics(client, big_doc, lambda ds: bool(ds))
    assert codes(found) == ["F001"]
    await diagnostics(client, latin, lambda ds: True)
    # Still answering.
    hover = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(latin), lsp.Position(line=0, character=0))
    )
    assert hover is None


async def test_completion_of_give_and_ask_tags(client: LanguageClient, vault: Path) -> None:
    doc = open_doc(client, vault / "Daily/2026-11-21.md", "- Sent Omar the deck #")
    result = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=0, character=22))
    )
    assert isinstance(result, lsp.CompletionList)
    labels = [i.label for i in result.items]
    assert "give" in labels and "ask" in labels
    plain = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=0, character=6))
    )
    assert isinstance(plain, lsp.CompletionList) and not plain.items


async def test_hover_on_markdown_link(client: LanguageClient, vault: Path) -> None:
    text = "- Lunch with [Omar](../People/Omar%20Said.md)\n"
    doc = open_doc(client, vault / "Daily/2026-11-22.md", text)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(doc), lsp.Position(line=0, character=16))
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "Omar Said" in hover.contents.value
    # The unsaved note counts: this lunch on 2026-11-22 is Omar's last contact now.
    assert "last contact: 2026-11-22" in hover.contents.value


async def test_file_deleted_outside_the_editor(client: LanguageClient, vault: Path) -> None:
    """The daily note that holds Grace's last contact goes away on disk (not open in the
    editor): once the editor reports it, Grace's open note is overdue."""
    grace = open_doc(client, vault / "People/Grace Liu.md")
    assert "C001" not in codes(await diagnostics(client, grace, lambda ds: True))
    daily = vault / "Daily/2026-11-20.md"
    daily.unlink()
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams([lsp.FileEvent(uri(daily), lsp.FileChangeType.Deleted)])
    )
    await diagnostics(client, grace, lambda ds: "C001" in codes(ds))


async def test_ranges_in_the_negotiated_position_encoding(
    client: LanguageClient, vault: Path
) -> None:
    """Columns count what the client asked for (Neovim offers UTF-8 first, others UTF-16)."""
    text = GOAL.replace("Meet some bankers", "Café 🙂 meet some bankers")
    doc = open_doc(client, vault / "Goals/Meet bankers.md", text)
    found = await diagnostics(client, doc, lambda ds: "G003" in codes(ds))
    g003 = next(d for d in found if d.code == "G003")
    encoding = ENCODINGS[id(client)].capabilities.position_encoding or "utf-16"
    before = "goal: Café 🙂 meet "
    start = {"utf-8": len(before.encode()), "utf-16": len(before.encode("utf-16-le")) // 2}
    assert g003.range.start == lsp.Position(2, start[str(encoding)])
    assert g003.range.end == lsp.Position(2, start[str(encoding)] + 4)


async def test_same_findings_as_check_on_sample_vault(tmp_path: Path) -> None:
    """Every note of sample-vault opened in the editor: the server reports what `mdnet check`
    reports, finding for finding (code, line, column)."""
    import shutil

    from conftest import vault_rows

    vault = tmp_path / "sample-vault"
    shutil.copytree(Path(__file__).parent.parent / "sample-vault", vault)
    expected = sorted((r["path"], r["line"], r["column"], r["code"]) for r in vault_rows(vault))
    command = [sys.executable, "-m", "mdnet", "server", "--today", TODAY]
    client = await ClientServerConfig(server_command=command).start()
    await client.initialize_session(
        lsp.InitializeParams(capabilities=client_capabilities("neovim"), root_uri=uri(vault))
    )
    notes = sorted(
        p.relative_to(vault).as_posix()
        for p in vault.rglob("*.md")
        if not p.relative_to(vault).as_posix().startswith("Templates/")
    )
    try:
        for note in notes:
            open_doc(client, vault / note)
        got = []
        for note in notes:
            found = await diagnostics(client, uri(vault / note), lambda ds: True)
            for d in found:
                assert isinstance(d.data, dict)
                got.append((note, d.data["line"], d.data["column"], str(d.code)))
    finally:
        await client.shutdown_session()
    assert len(expected) >= 10  # sample-vault has mistakes on purpose
    assert sorted(got) == expected


async def test_baseline_hides_recorded_findings(client: LanguageClient, vault: Path) -> None:
    """Findings recorded by `check --add-baseline` are hidden, as `check` hides them, until
    their line changes in the editor."""
    from conftest import run

    note = vault / "Goals/Meet bankers.md"
    assert run("check", str(vault), "--add-baseline").exit_code == 0
    doc = open_doc(client, note)
    assert await diagnostics(client, doc, lambda ds: True) == []
    change(client, doc, 2, GOAL.replace("Meet some bankers", "Meet some bankers soon"))
    found = await diagnostics(client, doc, lambda ds: "G003" in codes(ds))
    assert "G003" in codes(found)


async def test_references_of_a_contact_are_its_interactions(
    client: LanguageClient, vault: Path
) -> None:
    doc = open_doc(client, vault / "Daily/2026-11-20.md")
    found = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=lsp.TextDocumentIdentifier(doc),
            position=lsp.Position(line=2, character=18),
            context=lsp.ReferenceContext(include_declaration=False),
        )
    )
    assert found is not None
    assert [(loc.uri, loc.range.start.line) for loc in found] == [
        (uri(vault / "People/Grace Liu.md"), 7),  # 2026-10-01, her own log
        (uri(vault / "Daily/2026-11-20.md"), 2),  # 2026-11-20, the daily note
    ]
    # In the contact's own note, anywhere: the same list.
    grace = open_doc(client, vault / "People/Grace Liu.md")
    again = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=lsp.TextDocumentIdentifier(grace),
            position=lsp.Position(line=0, character=0),
            context=lsp.ReferenceContext(include_declaration=True),
        )
    )
    assert again is not None and len(again) == 3
    assert again[0].uri == uri(vault / "People/Grace Liu.md")


def apply_edits(text: str, edits: Sequence[lsp.TextEdit]) -> str:
    """`text` with LSP edits applied (ASCII text before the edits: characters are units)."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(p: lsp.Position) -> int:
        return starts[p.line] + p.character

    for e in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end) :]
    return text


async def log_actions(
    client: LanguageClient, doc: str, line: int, char: int
) -> list[lsp.CodeAction]:
    where = lsp.Range(lsp.Position(line, char), lsp.Position(line, char))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(doc), where, lsp.CodeActionContext([]))
    )
    return [a for a in actions or [] if isinstance(a, lsp.CodeAction) and "Log an" in a.title]


async def test_log_an_interaction_today_on_a_contact_link(
    client: LanguageClient, vault: Path
) -> None:
    grace = vault / "People/Grace Liu.md"
    on_disk = grace.read_text(encoding="utf-8")
    doc = open_doc(client, vault / "Daily/2026-11-20.md")
    (action,) = await log_actions(client, doc, 2, 18)  # on `[[Grace Liu]]`
    assert "Grace Liu" in action.title
    assert action.edit is not None and action.edit.changes
    assert list(action.edit.changes) == [uri(grace)]
    logged = apply_edits(on_disk, action.edit.changes[uri(grace)])
    # The same text `mdnet log` writes: one line at the end of `## Log`, all else as it was.
    assert logged == on_disk + "- 2026-11-23 …\n"
    assert grace.read_text(encoding="utf-8") == on_disk  # an edit for the editor, no write
    # Plain text and a goal link are no contact link: no such action.
    assert await log_actions(client, doc, 2, 3) == []
    goal = open_doc(client, vault / "Goals/Meet bankers.md", "See [[Know 8 bankers]]\n")
    assert await log_actions(client, goal, 0, 8) == []


async def test_log_action_uses_the_contact_notes_editor_text(
    client: LanguageClient, vault: Path
) -> None:
    """Grace's note is open with unsaved changes and CRLF line breaks: the edit is computed
    from that text and keeps its line breaks; the section after `## Log` stays below."""
    grace = vault / "People/Grace Liu.md"
    text = (
        "---\r\ntype: contact\r\nnetwork: bankers\r\n---\r\n## Log\r\n"
        "- 2026-10-01 Asked about loans #ask\r\n- 2026-11-02 Unsaved call\r\n\r\n## Notes\r\nx\r\n"
    )
    open_doc(client, grace, text)
    doc = open_doc(client, vault / "Daily/2026-11-20.md")
    (action,) = await log_actions(client, doc, 2, 14)
    assert action.edit is not None and action.edit.changes
    (edit,) = action.edit.changes[uri(grace)]
    assert edit.range.start == edit.range.end == lsp.Position(7, 0)  # below the unsaved line
    assert apply_edits(text, [edit]) == text.replace(
        "Unsaved call\r\n", "Unsaved call\r\n- 2026-11-23 …\r\n"
    )
