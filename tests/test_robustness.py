"""Hostile and broken vaults, end to end: every bad file becomes a finding with its path (and
line), the rest of the vault is still checked, and `check`, `due` and `report` complete."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, run

GOOD = "---\ntype: contact\nnetwork: bloggers\n---\n# Good\n"
"""A healthy contact in every vault: its C005 finding proves the rest was still checked."""
GOAL = "---\ntype: goal\ngoal: Publish 10 posts\ndeadline: 9999-12-31\n"


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: 9 levels of 9 references, 9**9 values when expanded."""
    lines = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        refs = ",".join(f"*a{i - 1}" for _ in range(9))
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join([*lines, "type: contact", "---", "Body", ""])


DEEP = "---\ntype: contact\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n"
DEEP_BLOCK = "---\nx:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(200)) + "---\n"
DEEP_LINES = range(1, 5)
DEEP_BLOCK_LINES = range(1, 204)
"""The lines of their front matter, closing `---` included: whether mdnet refuses the nesting
(at line 1) or PyYAML does (PyYAML >= 6.0.4, where it gave up), the finding is on the front
matter."""


@dataclass(frozen=True)
class Case:
    """A vault's hostile files and the findings they must give: (code, path, line, col, words).
    line is a range where any line of the front matter will do, col None where any column will;
    words are mdnet's own, or "" where the message is the YAML library's (its wording is not
    our contract). No findings means the file must be read without one."""

    files: dict[str, str | bytes]
    expect: list[tuple[str, str, int | range, int | None, str]] = field(default_factory=list)
    config: str | None = None


CASES: dict[str, Case] = {
    "invalid-yaml": Case(
        {"Bad.md": "---\ntype: contact\nrole: CEO: Acme\n---\n"},
        [("F002", "Bad.md", 3, 10, "")],
    ),
    "tab-indentation": Case(
        {"Bad.md": "---\ntype: contact\n\tname: x\n---\n"},
        [("F002", "Bad.md", 3, 1, "")],
    ),
    "control-character-in-yaml": Case(
        {"Bad.md": "---\ntype: contact\nname: \x1b[31mred\n---\n"},
        [("F002", "Bad.md", 3, 7, "")],
    ),
    "front-matter-is-a-list": Case(
        {"Bad.md": "---\n- a\n- b\n---\n"},
        [("F003", "Bad.md", 2, 1, "front matter is a list")],
    ),
    "front-matter-is-a-scalar": Case(
        {"Bad.md": "---\njust some text\n---\n"},
        [("F003", "Bad.md", 2, 1, "front matter is a single value")],
    ),
    "unsafe-tag": Case(
        {
            "Bad.md": "---\ntype: contact\n"
            'x: !!python/object/apply:os.system ["touch MARKER"]\n---\n'
        },
        [("F005", "Bad.md", 3, 4, "unsafe or unknown YAML tag")],
    ),
    "custom-tag": Case(
        {"Bad.md": "---\ntype: contact\nname: !secret Dana\n---\n"},
        [("F005", "Bad.md", 3, 7, "unsafe or unknown YAML tag '!secret'")],
    ),
    "merge-key": Case(
        {"Bad.md": "---\nbase: &b {a: 1}\n<<: *b\n---\n"},
        [("F005", "Bad.md", 3, 1, "merge keys (<<) are not supported")],
    ),
    "alias-bomb": Case(
        {"Bad.md": billion_laughs()},
        [("F002", "Bad.md", 1, 1, "alias bomb")],
    ),
    "deep-flow-nesting": Case(
        {"Bad.md": DEEP},
        [("F002", "Bad.md", DEEP_LINES, None, "")],
    ),
    "deep-block-nesting": Case(
        {"Bad.md": DEEP_BLOCK},
        [("F002", "Bad.md", DEEP_BLOCK_LINES, None, "")],
    ),
    "over-the-configured-size-limit": Case(
        {"Bad.md": b"x" * 1001, "Fits.md": b"y" * 1000},
        [("F001", "Bad.md", 1, 1, "file is 1,001 bytes, over the limit of 1,000")],
        config="max_file_size = 1000\n",
    ),
    "over-the-front-matter-limit": Case(
        {"Bad.md": "---\ntype: contact\nnote: " + "z" * 300 + "\n---\nSee [[Missing]]\n"},
        [
            ("F003", "Bad.md", 1, 1, "front matter is 321 characters, over the limit of 200"),
            ("L001", "Bad.md", 5, 5, "[[Missing]]"),  # the body is still read
        ],
        config="max_front_matter_size = 200\n",
    ),
    "huge-integer": Case(
        {"Bad.md": "---\ntype: goal\ntarget: 1" + "0" * 5000 + "\n---\n"},
        [("F002", "Bad.md", 3, 9, "a number with too many digits")],
    ),
    "non-finite-numbers": Case(
        {"Bad.md": GOAL + "target: .inf\nprogress: .nan\n---\n"},
        [
            ("F005", "Bad.md", 5, 9, "`target` must be a number, not inf"),
            ("F005", "Bad.md", 6, 11, "`progress` must be a number, not nan"),
        ],
    ),
    "integer-too-large-for-a-float": Case(
        {"Bad.md": GOAL + "target: 1" + "0" * 400 + "\n---\n"},
        [("F005", "Bad.md", 5, 9, "`target` must be a number")],
    ),
    "binary": Case(
        {"Bad.md": b"\x89PNG\x00\x01\x02\x03"},
        [("F001", "Bad.md", 1, 1, "looks binary")],
    ),
    "latin-1": Case(
        {"Bad.md": "---\ntype: contact\nname: Zoë\n---\n".encode("latin-1")},
        [("F001", "Bad.md", 3, 9, "not UTF-8 (byte 0xeb)")],
    ),
    "utf-16-with-bom": Case(
        {"Bad.md": "---\ntype: contact\n---\n".encode("utf-16")},
        [("F001", "Bad.md", 1, 1, "UTF-16")],
    ),
    "unclosed-front-matter": Case(
        {"Bad.md": "---\ntype: contact\nname: X\n\nBody text\n"},
        [("F003", "Bad.md", 1, 1, "opened with --- but never closed")],
    ),
    "toml-front-matter": Case(
        {"Bad.md": "+++\ntitle = 'x'\n+++\nSee [[Missing]]\n"},
        [
            ("F003", "Bad.md", 1, 1, "TOML front matter (+++) is not read"),
            ("L001", "Bad.md", 4, 5, "[[Missing]]"),
        ],
    ),
    "only-dashes": Case(
        {"Bad.md": "---"},
        [("F003", "Bad.md", 1, 1, "never closed")],
    ),
    "two-documents-in-front-matter": Case(
        {"Bad.md": "---\na: 1\n--- # a second document\nb: 2\n---\n"},
        [("F002", "Bad.md", 3, 1, "more than one YAML document")],
    ),
    "non-string-and-unhashable-keys": Case(
        {"Bad.md": "---\n1: a\n[a, b]: c\n{x: 1}: d\nnull: e\ntype: contact\n---\n"},
        [
            ("F005", "Bad.md", 2, 1, "key '1' is not text"),
            ("F005", "Bad.md", 3, 1, "key '[a, b]' is not text"),
            ("F005", "Bad.md", 4, 1, "key '{x: 1}' is not text"),
            ("F005", "Bad.md", 5, 1, "key 'null' is not text"),
            ("C005", "Bad.md", 1, 1, "never contacted"),  # `type` was still read
        ],
    ),
    "template-placeholder-curly": Case(
        {"Bad.md": "---\ncreated: {{date}}\n---\n"},
        [("F002", "Bad.md", 2, 10, "template placeholder")],
    ),
    "template-placeholder-templater": Case(
        {"Bad.md": "---\ntype: contact\nmet: <% tp.date.now() %>\n---\n"},
        [("F004", "Bad.md", 3, 6, "template placeholder '<% tp.date.now() %>' was never filled")],
    ),
    "epoch-milliseconds": Case(
        {"Bad.md": "---\ntype: contact\nmet: 1700000000000\n---\n"},
        [("F004", "Bad.md", 3, 6, "looks like epoch milliseconds (2023-11-14)")],
    ),
    "day-first-date": Case(
        {"Bad.md": "---\ntype: contact\nmet: 31/12/1990\n---\n"},
        [("F004", "Bad.md", 3, 6, "looks like day/month/year; write 1990-12-31")],
    ),
    "long-line": Case(
        {"Bad.md": "x" * 100_000 + " [[Missing]]\n"},
        [("L001", "Bad.md", 1, 100_002, "[[Missing]]")],
    ),
}

FINE: dict[str, Case] = {
    # Files that are fine: read without an F finding, their fields used.
    "utf-8-bom": Case(
        {"Fine.md": b"\xef\xbb\xbf---\ntype: contact\nnetwork: bloggers\n---\n"},
        [("C005", "Fine.md", 1, 1, "never contacted")],
    ),
    "crlf": Case(
        {"Fine.md": b"---\r\ntype: contact\r\nmet: 2026-13-45\r\n---\r\n\r\n- [[Missing]]\r\n"},
        [("F004", "Fine.md", 3, 6, "not a real date"), ("L001", "Fine.md", 6, 3, "[[Missing]]")],
    ),
    "classic-mac-line-endings": Case(
        {"Fine.md": b"---\rtype: contact\rmet: 2026-13-45\r---\r"},
        [("F004", "Fine.md", 3, 6, "not a real date")],
    ),
    "yaml-end-marker": Case(
        {"Fine.md": "---\ntype: contact\nname: Dotty\n...\nSee [[Missing]]\n"},
        [("C005", "Fine.md", 1, 1, "never contacted"), ("L001", "Fine.md", 5, 5, "[[Missing]]")],
    ),
    "second-document-in-the-body": Case(
        {"Fine.md": "---\ntype: contact\n---\n---\nb: 2\n---\nSee [[Missing]]\n"},
        [("C005", "Fine.md", 1, 1, "never contacted"), ("L001", "Fine.md", 7, 5, "[[Missing]]")],
    ),
    "empty-file": Case({"Fine.md": b""}),
    "empty-front-matter": Case({"Fine.md": "---\n---\n"}),
    "huge-amounts-and-a-tiny-target": Case(
        {
            "Fine.md": GOAL + "start: 2026-01-01\ntarget: 1.0e-300\n---\n"
            "- 2026-11-20 +" + "9" * 400 + " posts\n- 2026-11-21 +1.0e308 posts\n"
        }
    ),
    "far-future-and-far-past-dates": Case(
        {
            "People/Far.md": "---\ntype: contact\nsnooze: 9999-12-31\nmet: 0001-01-01\n---\n"
            "- 9999-12-31 Coffee\n",
            "Goals/Far.md": GOAL + "start: 0001-01-01\n---\n",
            "Events/Far.md": "---\ntype: event\ndate: 9999-12-31\n---\n",
            "Goals/Weekly.md": "---\ntype: goal\ngoal: Call 1 person\nevery: week\ntarget: 1\n"
            "start: 0001-01-01\n---\n- 0001-01-01 +1\n",
        }
    ),
    "nul-after-the-first-8k": Case({"Fine.md": b"a" * 9000 + b"\x00\n"}),
    "templater-text-in-an-unknown-field": Case(
        {"Fine.md": "---\ncreated: <% tp.date.now() %>\n---\n"}
    ),
    "long-line-of-markdown-link-openers": Case({"Fine.md": "[a](" * 12_500 + "\n"}),
    "long-heading-of-backticks": Case({"Fine.md": "# " + "`" * 100_000 + "\n"}),
    "long-line-of-comment-markers": Case({"Fine.md": "%" * 100_000 + "\n"}),
}

GOOD_FINDING = ("C005", "People/Good.md", 1)


def _no_crash(result: Any, *codes: int) -> None:
    output = result.output + (result.stderr if result.stderr_bytes else "")
    assert result.exit_code in codes, output
    assert "Traceback" not in output and "internal error" not in output, output


def survive(vault: Path, out: Path) -> list[dict[str, Any]]:
    """Run every read-only command on the vault; return the check findings."""
    result = run("check", str(vault), "--format", "json", "--no-cache", "--exit-zero")
    _no_crash(result, 0)
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    for fmt in ("concise", "full", "github", "sarif", "junit"):
        _no_crash(run("check", str(vault), "--format", fmt, "--no-cache"), 0, 1)
    due = run("due", str(vault), "--format", "json", "--no-cache")
    _no_crash(due, 0, 1)
    names = {c["name"] for key in ("due", "lapsed", "never") for c in json.loads(due.stdout)[key]}
    assert "Good" in names, due.stdout
    _no_crash(run("due", str(vault), "--no-cache"), 0, 1)
    report = run("report", str(vault), "--format", "json", "--no-cache")
    _no_crash(report, 0, 1)
    data = json.loads(report.stdout)
    assert "Good" in {c["name"] for c in data["contacts"]}
    for fmt in ("md", "html"):
        target = out / f"report.{fmt}"
        _no_crash(run("report", str(vault), "--format", fmt, "-o", str(target), "--no-cache"), 0)
        assert target.stat().st_size > 0
    _no_crash(run("report", str(vault), "--public", "-o", str(out / "public.html")), 0)
    _no_crash(run("calendar", str(vault), "-o", str(out / "due.ics")), 0)
    return rows


def found(rows: list[dict[str, Any]]) -> set[tuple[str, str, int]]:
    return {(r["code"], r["path"], r["line"]) for r in rows}


def assert_expected(rows: list[dict[str, Any]], case: Case) -> None:
    for code, path, line, col, words in case.expect:
        lines = line if isinstance(line, range) else range(line, line + 1)
        hits = [r for r in rows if (r["code"], r["path"]) == (code, path) and r["line"] in lines]
        assert hits, (
            f"no {code} at {path}:{line} in {[(r['code'], r['path'], r['line']) for r in rows]}"
        )
        assert any(words in r["message"] for r in hits), hits
        if col is not None:
            assert any(r["column"] == col for r in hits), hits
    assert GOOD_FINDING in found(rows), "the rest of the vault was not checked"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a scratch folder, so that a command that ran `touch MARKER` would show."""
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")


def _vault(make_vault: MakeVault, case: Case) -> Path:
    return make_vault({"People/Good.md": GOOD, **case.files}, config=case.config)


def _relative(rows: list[dict[str, Any]], vault: Path) -> list[dict[str, Any]]:
    """Paths in findings relative to the vault (they are shown relative to the current folder)."""
    prefix = os.path.relpath(vault, Path.cwd()).replace(os.sep, "/") + "/"
    for row in rows:
        assert row["path"].startswith(prefix), row
        row["path"] = row["path"][len(prefix) :]
    return rows


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_is_a_finding_and_the_rest_is_checked(
    name: str, make_vault: MakeVault, tmp_path: Path
) -> None:
    case = CASES[name]
    vault = _vault(make_vault, case)
    rows = _relative(survive(vault, tmp_path), vault)
    assert_expected(rows, case)
    report = json.loads(run("report", str(vault), "--format", "json", "--no-cache").stdout)
    by_code = {row["code"] for row in report["findings"]["by_code"]}
    assert {code for code, *_ in case.expect} <= by_code


@pytest.mark.parametrize("name", list(FINE))
def test_unusual_but_fine_file_is_read(name: str, make_vault: MakeVault, tmp_path: Path) -> None:
    case = FINE[name]
    vault = _vault(make_vault, case)
    rows = _relative(survive(vault, tmp_path), vault)
    assert_expected(rows, case)
    assert not [r for r in rows if r["code"] in ("F001", "F002", "F003")], rows


def test_utf8_bom_fields_are_read(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Good.md": GOOD,
            "Bom.md": b"\xef\xbb\xbf---\ntype: contact\nname: Bom Person\n---\n",
        }
    )
    never = json.loads(run("due", str(vault), "--format", "json", "--no-cache").stdout)["never"]
    assert "Bom Person" in {c["name"] for c in never}


def test_unsafe_tag_never_runs(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = _vault(make_vault, CASES["unsafe-tag"])
    survive(vault, tmp_path)
    for folder in (vault, tmp_path, Path.cwd()):
        assert not (folder / "MARKER").exists()


def test_a_file_over_the_default_limit(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"People/Good.md": GOOD, "Big.md": b"x" * 6_000_000})
    rows = _relative(survive(vault, tmp_path), vault)
    hits = [r for r in rows if r["path"] == "Big.md"]
    assert [(r["code"], r["line"]) for r in hits] == [("F001", 1)]
    assert hits[0]["message"] == "file is 6,000,000 bytes, over the limit of 5,000,000"
    assert GOOD_FINDING in found(rows)


def test_limits_are_configurable(make_vault: MakeVault) -> None:
    files = {"A.md": "---\ntype: contact\nnote: " + "z" * 300 + "\n---\n" + "w" * 1000 + "\n"}
    default = make_vault(files, name="default")
    assert not {"F001", "F003"} & {r["code"] for r in _check(default)}
    small_file = make_vault(files, config="max_file_size = 1000\n", name="small-file")
    assert [r["code"] for r in _check(small_file)] == ["F001"]
    small_yaml = make_vault(files, config="max_front_matter_size = 100\n", name="small-yaml")
    assert "F003" in [r["code"] for r in _check(small_yaml)]
    bad = make_vault(files, config="max_file_size = -1\n", name="bad-limit")
    result = run("check", str(bad), "--no-cache")
    assert result.exit_code == 2 and "max_file_size" in result.stderr


def _check(vault: Path) -> list[dict[str, Any]]:
    result = run("check", str(vault), "--format", "json", "--no-cache", "--exit-zero")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


# --------------------------------------------------------------------------- file system


def test_symlink_loops_are_not_followed(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"People/Good.md": GOOD, "Notes/a.md": "See [[Good]]\n"})
    os.symlink("..", vault / "People" / "loop")
    os.symlink(".", vault / "self")
    os.symlink(str(vault), vault / "Notes" / "root")
    rows = _relative(survive(vault, tmp_path), vault)
    assert [r for r in rows if (r["code"], r["path"]) == ("C005", "People/Good.md")] == [
        r for r in rows if r["code"] == "C005"
    ]
    assert len([r for r in rows if r["code"] == "C005"]) == 1  # read once, not via the loops
    assert not [r for r in rows if "loop" in r["path"] or "self" in r["path"]]


def test_dangling_symlink_is_f001(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"People/Good.md": GOOD})
    os.symlink("nowhere.md", vault / "Dangling.md")
    rows = _relative(survive(vault, tmp_path), vault)
    assert ("F001", "Dangling.md", 1) in found(rows)
    assert [r["message"] for r in rows if r["path"] == "Dangling.md"] == ["dangling symbolic link"]
    assert GOOD_FINDING in found(rows)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading the file",
)
def test_unreadable_file_is_f001(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"People/Good.md": GOOD, "Locked.md": "---\ntype: contact\n---\n"})
    (vault / "Locked.md").chmod(0)
    try:
        rows = _relative(survive(vault, tmp_path), vault)
    finally:
        (vault / "Locked.md").chmod(0o644)
    hits = [r for r in rows if r["path"] == "Locked.md"]
    assert [(r["code"], r["line"]) for r in hits] == [("F001", 1)]
    assert "cannot read file" in hits[0]["message"]
    assert GOOD_FINDING in found(rows)


def test_a_folder_named_like_a_note(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"People/Good.md": GOOD, "x.md/Inner.md": "---\ntype: contact\n---\n"})
    rows = _relative(survive(vault, tmp_path), vault)
    assert not [r for r in rows if r["path"] == "x.md"]
    assert ("C005", "x.md/Inner.md", 1) in found(rows)
    assert GOOD_FINDING in found(rows)


def test_a_file_name_that_is_not_utf8(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"People/Good.md": GOOD, "Notes/a.md": "Hi\n"})
    root = os.fsencode(vault)
    try:
        with open(os.path.join(root, b"bad\xff.md"), "wb") as handle:
            handle.write(b"---\ntype: contact\n---\n")
        os.mkdir(os.path.join(root, b"dir\xfe"))
        with open(os.path.join(root, b"dir\xfe", b"in.md"), "wb") as handle:
            handle.write(b"# x\n")
    except OSError as exc:
        pytest.skip(f"the file system refuses a non-UTF-8 name: {exc}")
    rows = _relative(survive(vault, tmp_path), vault)
    for path in ("bad\\xff.md", "dir\\xfe/in.md"):
        hits = [r for r in rows if r["path"] == path]
        assert [(r["code"], r["line"]) for r in hits] == [("F001", 1)], rows
        assert hits[0]["message"] == "file name is not valid UTF-8; rename the file"
    assert GOOD_FINDING in found(rows)
    # Every output is valid UTF-8, however the name was written.
    for args in (("check", "--format", "json"), ("check", "--format", "sarif"), ("check",)):
        raw = run(*args, str(vault), "--no-cache").stdout_bytes
        raw.decode("utf-8")
    report = run("report", str(vault), "--format", "json", "--no-cache")
    json.loads(report.stdout_bytes.decode("utf-8"))


# --------------------------------------------------------------------------- time and memory

BOMBS = {"People/Good.md": GOOD, "Bomb.md": billion_laughs(), "Deep.md": DEEP}
COMMANDS = {
    "check": ["check", "--format", "json", "--no-cache"],
    "due": ["due", "--format", "json", "--no-cache"],
    "report-json": ["report", "--format", "json", "--no-cache"],
    "report-md": ["report", "--format", "md", "--no-cache"],
    "report-html": ["report", "--format", "html", "--no-cache", "-o", "report.html"],
}
MEMORY_LIMIT = 1 << 30


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def mdnet(vault: Path, args: list[str], timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """mdnet in its own process, with a time limit and 1 GB of memory."""
    return subprocess.run(
        [sys.executable, "-m", "mdnet", args[0], str(vault), *args[1:], "--today", "2026-11-23"],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=vault.parent,
        preexec_fn=_limit_memory if sys.platform == "linux" else None,
        check=False,
    )


@pytest.mark.parametrize("command", list(COMMANDS))
def test_alias_bomb_and_deep_nesting_neither_hang_nor_exhaust_memory(
    command: str, make_vault: MakeVault
) -> None:
    vault = make_vault(BOMBS)
    started = time.perf_counter()
    done = mdnet(vault, COMMANDS[command])
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    assert time.perf_counter() - started < 20
    if command == "check":
        rows = {(r["path"].split("/")[-1], r["code"], r["line"]) for r in json.loads(done.stdout)}
        assert {("Bomb.md", "F002", 1), ("Good.md", "C005", 1)} <= rows
        assert {line for name, code, line in rows if (name, code) == ("Deep.md", "F002")} & set(
            DEEP_LINES
        )


def test_all_hostile_files_in_one_vault(make_vault: MakeVault, tmp_path: Path) -> None:
    """Every case above in one vault: each command finishes in seconds, with findings."""
    files: dict[str, str | bytes] = {"People/Good.md": GOOD}
    for name, case in {**CASES, **FINE}.items():
        if case.config is None:
            files.update({f"{name}/{path}": text for path, text in case.files.items()})
    vault = make_vault(files)
    os.symlink("..", vault / "People" / "loop")
    os.symlink("nowhere.md", vault / "Dangling.md")
    timings = {}
    for command, args in COMMANDS.items():
        started = time.perf_counter()
        done = mdnet(vault, args, timeout=60)
        timings[command] = time.perf_counter() - started
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr
        if command == "check":
            rows = json.loads(done.stdout)
            for name, case in CASES.items():
                if case.config is None:
                    for code, path, line, _, _ in case.expect:
                        lines = line if isinstance(line, range) else range(line, line + 1)
                        assert any(
                            r["code"] == code and r["line"] in lines
                            for r in rows
                            if r["path"].endswith(f"{name}/{path}")
                        ), name
    print("hostile vault:", ", ".join(f"{c} {t:.2f}s" for c, t in timings.items()))
    assert max(timings.values()) < 20
