"""`mdnet sync-properties`: the derived state written into contact notes, byte for byte."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import MakeVault, run

from mdnet.analysis import Options, analyse
from mdnet.config import SYNC_KEYS, load_config
from mdnet.sync import apply, plan

TODAY = "2026-11-23"
CONFIG = '[folders]\ncontacts = "People"\n'

# Dana: last 2026-11-01, cadence 60 days -> due 2026-12-31, ok.
# Sam: last 2026-09-01 -> due 2026-10-31, overdue. Eve: never contacted.
LF = b"---\nnetwork: x  # my comment\nlast_contact: 2026-11-01\n---\nBody\n---\nnot YAML\n"
LF_AFTER = (
    b"---\nnetwork: x  # my comment\nlast_contact: 2026-11-01\n"
    b"mdnet_last_contact: 2026-11-01\nmdnet_next_due: 2026-12-31\nmdnet_state: ok\n"
    b"---\nBody\n---\nnot YAML\n"
)
CRLF = b"---\r\nnetwork: x\r\nmdnet_state: lapsed\r\n---\r\n- 2026-09-01 Call\r\n"
CRLF_AFTER = (
    b"---\r\nnetwork: x\r\nmdnet_state: overdue\r\n"
    b"mdnet_last_contact: 2026-09-01\r\nmdnet_next_due: 2026-10-31\r\n---\r\n- 2026-09-01 Call\r\n"
)
BOM = b"\xef\xbb\xbf---\nmdnet_next_due:   \nnetwork: x\n---\n"
BOM_AFTER = (
    b"\xef\xbb\xbf---\nmdnet_next_due:\nnetwork: x\nmdnet_last_contact:\nmdnet_state: never\n---\n"
)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".mdnet_cache" not in p.parts
    }


def sync(root: Path, *args: str) -> tuple[int, str, str]:
    result = run("sync-properties", str(root), "--today", TODAY, *args)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def vault(make_vault: MakeVault) -> Path:
    return make_vault(
        {"People/Dana.md": LF, "People/Sam.md": CRLF, "People/Eve.md": BOM}, config=CONFIG
    )


def test_writes_only_the_mdnet_lines_byte_for_byte(vault: Path) -> None:
    code, out, err = sync(vault)
    assert code == 0, err
    assert (vault / "People/Dana.md").read_bytes() == LF_AFTER
    assert (vault / "People/Sam.md").read_bytes() == CRLF_AFTER
    assert (vault / "People/Eve.md").read_bytes() == BOM_AFTER
    assert "People/Sam.md: mdnet_state: lapsed -> overdue" in out.splitlines()
    assert "updated 3 contact notes; 0 already up to date" in err


def test_a_second_run_writes_nothing(vault: Path) -> None:
    assert sync(vault)[0] == 0
    before = snapshot(vault)
    stamps = {p: (vault / p).stat().st_mtime_ns for p in before if p.startswith("People/")}
    code, out, err = sync(vault)
    assert (code, out) == (0, "")
    assert "updated 0 contact notes; 3 already up to date" in err
    assert snapshot(vault) == before
    assert {p: (vault / p).stat().st_mtime_ns for p in stamps} == stamps


def test_dry_run_writes_nothing(vault: Path) -> None:
    before = snapshot(vault)
    code, out, err = sync(vault, "--dry-run")
    assert code == 0
    assert "People/Dana.md: mdnet_next_due: (new) -> 2026-12-31" in out.splitlines()
    assert "would update 3 contact notes" in err
    assert snapshot(vault) == before


def test_its_own_keys_change_no_finding_and_no_derived_value(vault: Path) -> None:
    def state() -> tuple[str, str, str]:
        check = run("check", str(vault), "--format", "json", "--exit-zero", "--today", TODAY)
        report = run("report", str(vault), "--format", "json", "-o", "-", "--today", TODAY)
        due = run("due", str(vault), "--format", "json", "--today", TODAY)
        return check.stdout, report.stdout, due.stdout

    before = state()
    assert sync(vault)[0] == 0
    assert state() == before
    # a stale value under mdnet's keys is never read back either
    note = vault / "People/Eve.md"
    stale = b"mdnet_last_contact: 2026-11-20\nmdnet_next_due: 2026-12-01\nmdnet_state: ok"
    text = note.read_bytes()
    for key in (b"mdnet_last_contact:", b"mdnet_next_due:", b"mdnet_state: never"):
        text = text.replace(key + b"\n", b"")
    note.write_bytes(text.replace(b"network: x\n", b"network: x\n" + stale + b"\n"))
    assert b"2026-11-20" in note.read_bytes()
    assert state() == before


def test_a_new_value_replaces_the_line_in_place(make_vault: MakeVault) -> None:
    text = b"---\nmdnet_state: ok # mine\nnetwork: x\n---\n- 2026-11-01 Call\n"
    root = make_vault({"People/Dana.md": text}, config=CONFIG)
    assert sync(root)[0] == 0
    lines = (root / "People/Dana.md").read_bytes().splitlines()
    assert lines[1] == b"mdnet_state: ok"
    assert lines[2:5] == [
        b"network: x",
        b"mdnet_last_contact: 2026-11-01",
        b"mdnet_next_due: 2026-12-31",
    ]


def test_a_note_without_front_matter_gets_one(make_vault: MakeVault) -> None:
    root = make_vault({"People/Dana.md": b"- 2026-11-01 Call\n"}, config=CONFIG)
    assert sync(root)[0] == 0
    assert (root / "People/Dana.md").read_bytes() == (
        b"---\nmdnet_last_contact: 2026-11-01\nmdnet_next_due: 2026-12-31\nmdnet_state: ok\n"
        b"---\n- 2026-11-01 Call\n"
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (b"---\nmdnet_state:\n  - ok\n---\n", "over several lines"),
        (b'---\n"mdnet_state": ok\n---\n', "a form mdnet does not rewrite"),
        (b"---\nnetwork: [x\n---\n", "front matter cannot be read"),
    ],
)
def test_a_note_it_cannot_edit_safely_is_left_alone(
    make_vault: MakeVault, text: bytes, why: str
) -> None:
    root = make_vault({"People/Dana.md": text, "People/Sam.md": CRLF}, config=CONFIG)
    code, _, err = sync(root)
    assert code == 0
    assert (root / "People/Dana.md").read_bytes() == text
    assert (root / "People/Sam.md").read_bytes() == CRLF_AFTER
    assert "People/Dana.md: skipped: " in err and why in err


def test_a_note_changed_since_it_was_read_is_not_written(vault: Path) -> None:
    analysis = analyse(Options(vault, load_config(vault), date.fromisoformat(TODAY)))
    plans = plan(analysis, vault)
    edited = LF.replace(b"Body", b"Body edited meanwhile")
    (vault / "People/Dana.md").write_bytes(edited)
    failed = apply(vault, plans)
    assert set(failed) == {"People/Dana.md"}
    assert (vault / "People/Dana.md").read_bytes() == edited
    assert (vault / "People/Sam.md").read_bytes() == CRLF_AFTER


def test_keys_are_configurable_and_never_one_mdnet_reads(make_vault: MakeVault) -> None:
    config = CONFIG + '[sync]\nstate = "crm state"\nnext_due = "next"\n'
    root = make_vault({"People/Dana.md": b"---\nnetwork: x\n---\n- 2026-11-01 Call\n"}, config)
    assert sync(root)[0] == 0
    assert (root / "People/Dana.md").read_bytes() == (
        b"---\nnetwork: x\nmdnet_last_contact: 2026-11-01\nnext: 2026-12-31\ncrm state: ok\n"
        b"---\n- 2026-11-01 Call\n"
    )
    for bad in ('last_contact = "last_contact"', 'state = "Network"', 'state = "a: b"'):
        (root / "mdnet.toml").write_text(CONFIG + f"[sync]\n{bad}\n", encoding="utf-8")
        code, _, err = sync(root)
        assert code == 2 and "sync." in err and "Traceback" not in err, bad
    (root / "mdnet.toml").write_text(CONFIG + '[sync]\nstate = "mdnet_next_due"\n')
    assert sync(root)[0] == 2


def test_there_is_no_public_sync_and_public_runs_write_nothing(vault: Path) -> None:
    """`--public` is for what gets published; sync writes your own notes, so it has no such
    option, and no public (or other) command ever writes a note."""
    before = snapshot(vault)
    code, _, err = sync(vault, "--public")
    assert code == 2 and "--public" in err
    for args in (
        ("report", str(vault), "--public", "--format", "json", "-o", "-"),
        ("calendar", str(vault), "--public"),
        ("due", str(vault)),
        ("check", str(vault), "--exit-zero"),
    ):
        assert run(*args).exit_code == 0, args
    assert snapshot(vault) == before


def test_help_shows_examples() -> None:
    result = run("sync-properties", "--help")
    assert result.exit_code == 0
    assert "--dry-run" in result.stdout and "mdnet_next_due" in result.stdout


def test_init_writes_a_people_base_sorted_by_the_synced_keys(tmp_path: Path) -> None:
    root = tmp_path / "new"
    result = run("init", str(root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    base = yaml.safe_load((root / "People.base").read_text(encoding="utf-8"))
    assert base["filters"]["and"][0] == 'file.inFolder("People")'
    keys = set(SYNC_KEYS.values())
    for view in base["views"]:
        assert view["type"] == "table"
        assert view["sort"] == [{"property": "mdnet_next_due", "direction": "ASC"}]
        assert keys <= set(view["order"])
    assert {k.removeprefix("note.") for k in base["properties"]} == keys
    # the example contact then gets those properties; nothing else in the vault changes
    before = snapshot(root)
    assert sync(root)[0] == 0
    after = snapshot(root)
    changed = {p for p in after if after[p] != before.get(p)}
    assert changed == {"People/Jamie Rivera.md"}
    assert b"\nmdnet_next_due: 20" in after["People/Jamie Rivera.md"]
