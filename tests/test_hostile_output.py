"""Text from notes and file names can never drive a terminal, forge a GitHub annotation, or
put markup into a report."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import MakeVault, run

ESC = "\x1b"
# Everything a terminal acts on: ESC and CSI (7- and 8-bit), BEL, CR, backspace, form feed,
# NEL, line and paragraph separators, and the bidi controls that reorder what is shown.
TERMINAL_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
EVIL = f"{ESC}[2J{ESC}]0;pwned\x07\x9b31m\u202eevil\r\x08\x85\u2028"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings show paths relative to the current folder: run from inside the vault."""
    (tmp_path / "vault").mkdir()
    monkeypatch.chdir(tmp_path / "vault")


@pytest.fixture
def evil_vault(make_vault: MakeVault) -> Path:
    """File names and note text full of escape sequences; mdnet must show them inert."""
    files: dict[str, str | bytes] = {
        f"People/Evil{ESC}[31m{ESC}]8;;x\x07Name.md": (
            "---\ntype: contact\nnetwork: bloggers\ncadence: 30d\n---\n"
            f"- 2026-09-01 Coffee {EVIL} #give\n"
            f"- [ ] call {EVIL} [[Evil{ESC}[31m{ESC}]8;;x\x07Name]]\n"
            "Probably likes \x1b[5mblinking\x1b[0m text.\n"
        ),
        "People/Never.md": "---\ntype: contact\nnetwork: bloggers\n---\n",
        f"Notes/Link{ESC}c.md": f"See [[Nobody {EVIL}]] and [[Reset{ESC}c\x9b31m\x07]].\n",
        "Goals/Goal.md": (
            f"---\ntype: goal\ngoal: Meet some people\ndeadline: 2026-01-01\n---\n# {EVIL}\n"
        ),
    }
    return make_vault(files)


def _assert_inert(text: str) -> None:
    assert ESC not in text
    bad = TERMINAL_CONTROLS.findall(text)
    assert not bad, f"control characters reach the terminal: {bad!r}"


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("check", "--format", "full"),
        ("check", "--statistics"),
        ("due",),
        ("due", "--within", "365d"),
    ],
    ids=" ".join,
)
def test_text_output_carries_no_escape_sequences(evil_vault: Path, args: tuple[str, ...]) -> None:
    result = run(*args, str(evil_vault), "--no-cache")
    assert result.exit_code in (0, 1), result.output
    assert result.stdout.strip()
    _assert_inert(result.stdout)
    _assert_inert(result.stderr)


def test_the_escapes_are_shown_not_dropped(evil_vault: Path) -> None:
    """Neutralised, a name is still recognisable: each control character becomes `?`."""
    out = run("check", str(evil_vault), "--no-cache").stdout
    assert "People/Evil?[31m?]8;;x?Name.md" in out
    due = run("due", str(evil_vault), "--within", "365d", "--no-cache").stdout
    assert "Evil?[31m?]8;;x?Name" in due


def test_the_checked_vault_really_holds_the_escapes(evil_vault: Path) -> None:
    """JSON carries the text as it is (escaped by JSON), so the test above is meaningful."""
    rows = json.loads(run("check", str(evil_vault), "--format", "json", "--no-cache").stdout)
    assert any(ESC in row["path"] for row in rows)
    assert any(ESC in row["message"] for row in rows)


# --------------------------------------------------------------------------- GitHub


@pytest.fixture
def annotation_vault(make_vault: MakeVault) -> Path:
    """A file name with a newline, `::`, `%`, `,` and `=`; messages with the same."""
    files = {
        "Notes/a::b%0A,c=d\nerror file=x.md.md": "See [[x::error::%0Ay\u2028z\x85w]]\n",
        "Notes/plain.md": "See [[Missing%25]] and [[a\rb]]\n",
        "People/Dana.md": "---\ntype: contact\nnetwork: a::b\n---\n",
    }
    return make_vault(files)


def _unescape(value: str) -> str:
    for code, char in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_github_annotations_are_one_line_each(annotation_vault: Path) -> None:
    result = run("check", str(annotation_vault), "--format", "github", "--no-cache")
    assert result.exit_code in (0, 1)
    rows = json.loads(run("check", str(annotation_vault), "--format", "json", "--no-cache").stdout)
    out = result.stdout
    # Split on "\n" only: any other line break (\r, \x85, U+2028) must not be in the output.
    lines = out.rstrip("\n").split("\n")
    assert len(lines) == len(rows) > 0
    _assert_inert(out)
    pattern = re.compile(
        r"::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),title=[^,:]*::"
    )
    for line, row in zip(lines, rows, strict=True):
        match = pattern.match(line)
        assert match, line
        assert _unescape(match.group(2)) == row["path"].replace("\r", "?")
        assert "::" not in match.group(2)
        assert "%" not in _unescape(match.group(2)) or "%25" in match.group(2)
        # The message part is data: a `::` inside it cannot start another command.
        assert line.count("\n") == 0


def test_github_file_property_is_escaped(annotation_vault: Path) -> None:
    out = run("check", str(annotation_vault), "--format", "github", "--no-cache").stdout
    assert "file=Notes/a%3A%3Ab%250A%2Cc=d%0Aerror file=x.md.md," in out
    assert "\n::error file=x.md" not in out


# --------------------------------------------------------------------------- reports

NAME = "<img src=x onerror=alert(1)>"


@pytest.fixture
def markup_vault(make_vault: MakeVault) -> Path:
    files = {
        "People/Evil.md": (
            f'---\ntype: contact\nname: "{NAME}"\nnetwork: "<script>n</script>"\n'
            "met: 2026-01-01\n---\n"
            "- 2026-02-01 hi <b>there</b> [x](javascript:alert(1)) <!-- c --> & | `c` #give\n"
        ),
        "People/<b>bold.md": (
            "---\ntype: contact\nnetwork: bloggers\ncadence: 10d\n---\n"
            "- 2026-01-01 met <script>alert(2)</script>\n"
            "- [ ] call <i>x</i> [[<b>bold]]\n"
        ),
        "People/x](javascript:alert(3)) [y.md": "---\ntype: contact\nmet: 2026-11-01\n---\n",
        "Goals/<u>goal</u>.md": (
            '---\ntype: goal\ngoal: "Meet 10 <u>people</u> <style>*{}</style>"\n'
            "deadline: 2026-12-31\ntarget: 10\nunit: <em>posts</em>\n---\n"
        ),
    }
    return make_vault(files)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


@pytest.mark.parametrize("public", [False, True], ids=["private", "public"])
def test_html_report_escapes_note_text(markup_vault: Path, tmp_path: Path, public: bool) -> None:
    out = tmp_path / "report.html"
    args = ("--public",) if public else ()
    result = run("report", str(markup_vault), "-o", str(out), "--no-cache", *args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"img", "b", "i", "u", "em", "iframe", "object"}
    assert [tag for tag, _ in parser.tags].count("script") == 0
    assert names & {"style"} <= {"style"}
    assert html.count("<style") == 1  # the report's own stylesheet, no other
    for _, attrs in parser.tags:
        for attr, value in attrs:
            assert not attr.startswith("on"), (attr, value)
            assert not (value or "").strip().lower().startswith("javascript:"), (attr, value)
    if not public:
        assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown, not run


@pytest.mark.parametrize("links", ["wiki", "markdown"])
def test_markdown_report_has_no_raw_html(markup_vault: Path, tmp_path: Path, links: str) -> None:
    out = tmp_path / "report.md"
    result = run(
        "report",
        str(markup_vault),
        "--format",
        "md",
        "-o",
        str(out),
        "--links",
        links,
        "--no-cache",
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    body = text.split("\n", 1)[1]  # after mdnet's own `<!-- generated by mdnet -->` mark
    prose = re.sub(r"`[^`\n]*`", "", body)  # code spans show text literally
    raw = re.findall(r"(?<!\\)<[A-Za-z/!?]", prose)
    assert not raw, [
        prose[max(0, m.start() - 30) : m.end() + 30]
        for m in re.finditer(r"(?<!\\)<[A-Za-z/!?]", prose)
    ]
    assert not re.search(r"(?<!\\)\]\(javascript:", text)  # `\[x\](javascript:...)` is no link
    assert NAME.replace("<", "\\<").replace(">", "\\>").replace("=", "\\=") in text


def test_json_report_keeps_the_text_as_data(markup_vault: Path) -> None:
    data = json.loads(run("report", str(markup_vault), "--format", "json", "--no-cache").stdout)
    assert NAME in {c["name"] for c in data["contacts"]}
