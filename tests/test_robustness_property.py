"""Generated vaults of plausible and broken notes: no command raises, every finding points at
a line of an existing file, and the result does not depend on the order files are found in."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PATHS = [
    "People/Dana Whitfield.md",
    "People/Sam Ortiz.md",
    "People/Zoë.md",
    "Goals/Publish 30 guest posts.md",
    "Goals/Pitch.md",
    "Events/FinCon.md",
    "2026-11-02.md",
    "Notes/Ideas.md",
    "Notes/sub/Deep.md",
]
NAMES = [
    "Dana Whitfield",
    "Sam Ortiz",
    "Zoë",
    "Publish 30 guest posts",
    "Pitch",
    "FinCon",
    "Nobody",
]

names = st.sampled_from(NAMES)
dates = st.sampled_from(
    ["2026-11-02", "2026-03-14", "2025-12-31", "2026-13-45", "31/12/1990", "1700000000000",
     "{{date}}", "<% tp.date.now() %>", "next month", "''", "2026-02-30", "[[2026-11-02]]"]
)  # fmt: skip
text = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=30)
scalars = st.one_of(
    dates,
    names.map(lambda n: f'"[[{n}]]"'),
    names.map(lambda n: f"[[{n}]]"),
    st.sampled_from(["10", "ten", "1e999", ".nan", "-5", "0", "null", "~", "yes", "[]", "{}",
                     "45d", "weekly", "8w", "soon", "[a, b]", "{a: 1}", "&x 1", "*x", "!!str 5",
                     "!!python/object/apply:os.system ['true']", "|\n  block\n  text"]),
    text.map(json.dumps),
    text,
)  # fmt: skip
keys = st.sampled_from(
    ["type", "name", "aliases", "network", "cadence", "met", "last_contact", "snooze", "status",
     "private", "goal", "horizon", "start", "deadline", "target", "progress", "parent", "every",
     "measure", "date", "attendees", "mdnet-ignore", "tags", "created", "1", "? [x]"]
)  # fmt: skip
types = st.sampled_from(["contact", "goal", "event", "note", "daily", "contcat", "[contact]"])


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["none", "yaml", "yaml", "yaml", "unclosed", "toml", "junk"]))
    if kind == "none":
        return ""
    if kind == "toml":
        return "+++\ntitle = 'x'\n+++\n"
    if kind == "junk":
        return f"---\n{draw(text)}\n---\n"
    lines = [f"type: {draw(types)}"] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(0, 6))):
        indent = draw(st.sampled_from(["", "", "", "  ", "\t"]))
        lines.append(f"{indent}{draw(keys)}: {draw(scalars)}")
    if draw(st.booleans()):
        lines.append(f"{draw(keys)}:\n  - {draw(scalars)}\n  - {draw(scalars)}")
    block = "---\n" + "\n".join(lines) + "\n"
    return block if kind == "unclosed" else block + draw(st.sampled_from(["---\n", "...\n"]))


body_lines = st.one_of(
    names.map(lambda n: f"- 2026-11-01 Coffee with [[{n}]] #give"),
    names.map(lambda n: f"- [[2026-10-01]] Asked [[{n}|them]] #ask"),
    names.map(lambda n: f"- [ ] call [[{n}#Log]]"),
    names.map(lambda n: f"- [x] sent notes to [[{n}]] ✅ 2026-11-03"),
    names.map(lambda n: f"[x]({n.replace(' ', '%20')}.md) and ![[{n}.png]]"),
    names.map(lambda n: f"```\n[[{n}]]\n```"),
    names.map(lambda n: f"%%[[{n}]]%% `[[{n}]]` <!-- [[{n}]] -->"),
    st.sampled_from(
        ["# Log", "## What they do", "Probably likes golf.", "- 2026-11-20 +3 guest posts",
         "<!-- mdnet-disable-next-line C004 -->", "<!-- mdnet-disable -->", "    indented [[Dana",
         "```", "~~~", "\t- nested\t[[Sam Ortiz]]", "| a | [[Zoë\\|z]] |", "- 9999-12-31 far",
         "[a](" * 20, "`" * 7, "# " + "`" * 9, "%%", "- [ ]", "* 2026-11-02", ""]
    ),
    text,
)  # fmt: skip


@st.composite
def notes(draw: st.DrawFn) -> bytes:
    body = "\n".join(draw(st.lists(body_lines, max_size=6)))
    data = (draw(front_matter()) + body).encode("utf-8")
    ending = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]))
    if ending != "\n":
        data = data.replace(b"\n", ending.encode())
    prefix = draw(st.sampled_from([b"", b"", b"", b"\xef\xbb\xbf", b"\xff\xfe"]))
    if draw(st.integers(0, 20)) == 0:
        data = data + b"\xe9\x00"  # Latin-1 or binary
    return prefix + data


vaults = st.dictionaries(st.sampled_from(PATHS), notes(), min_size=2, max_size=6)


@contextmanager
def _vault(files: dict[str, bytes], order: list[str], cwd: Path) -> Iterator[Path]:
    root = cwd / "vault"
    for rel in order:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[rel])
    old = Path.cwd()
    os.chdir(root)
    try:
        yield root
    finally:
        os.chdir(old)


def _line_count(data: bytes) -> int:
    """Lines as the parser counts them: `\\r\\n`, `\\r` and `\\n` end a line."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1


def _ok(result: Any) -> str:
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    out: str = result.stdout
    return out


def _outputs(root: Path) -> dict[str, Any]:
    check = json.loads(_ok(run("check", ".", "--format", "json", "--no-cache")))
    due = json.loads(_ok(run("due", ".", "--format", "json", "--no-cache", "--within", "30d")))
    report = json.loads(_ok(run("report", ".", "--format", "json", "--no-cache")))
    markdown = _ok(run("report", ".", "--format", "md", "--no-cache"))
    return {"check": check, "due": due, "report": report, "md": markdown}


_real_scandir = os.scandir


class _ReversedScandir:
    """os.scandir listing each folder backwards: discovery order must not matter."""

    def __init__(self, path: Any) -> None:
        with _real_scandir(path) as entries:
            self.entries = list(entries)[::-1]

    def __iter__(self) -> Iterator[os.DirEntry[str]]:
        return iter(self.entries)

    def __enter__(self) -> _ReversedScandir:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _findings(rows: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(r["path"], r["line"], r["column"], r["code"], r["message"]) for r in rows}


@settings(
    max_examples=int(os.environ.get("MDNET_PROPERTY_EXAMPLES", "40")),  # more for a deep run
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=vaults, seed=st.randoms(use_true_random=False))
def test_generated_vaults(
    files: dict[str, bytes], seed: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    order = sorted(files)
    with tempfile.TemporaryDirectory() as first, _vault(files, order, Path(first)) as root:
        out = _outputs(root)
        for row in out["check"]:
            path = root / row["path"]
            assert path.is_file(), row
            assert 1 <= row["line"] <= max(1, _line_count(files[row["path"]])), row
            assert row["column"] >= 1, row
    shuffled = order[:]
    seed.shuffle(shuffled)
    with (
        tempfile.TemporaryDirectory() as second,
        _vault(files, shuffled, Path(second)) as r2,
        monkeypatch.context() as patch,
    ):
        patch.setattr(os, "scandir", _ReversedScandir)
        again = _outputs(r2)
    assert _findings(again["check"]) == _findings(out["check"])
    assert again["check"] == out["check"]
    assert again["due"] == out["due"]
    assert again["report"] == out["report"]
    assert again["md"] == out["md"]
