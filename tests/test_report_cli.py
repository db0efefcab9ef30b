"""`mdnet report` from the command line: outputs, public mode on a real vault, escaping."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import MakeVault, run

CONFIG = """
[folders]
contacts = "People"
goals = "Goals"
[networks.bloggers]
value = "Guest posts"
"""

MARKERS = {
    "name": "Quintessa Marbleworth",
    "alias": "Quinny-ALIAS-7731",
    "private_name": "Ophelia Privatecontact",
    "log": "SECRET-LOG-4412",
    "daily": "SECRET-DAILY-5521",
    "plan": "SECRET-PLAN-9090",
    "private_goal": "Hidden ambition 7 SECRET-GOAL-3141",
    "company": "SECRET-COMPANY-2718",
    "body": "SECRET-BODY-1618",
    "event": "SECRET-EVENT-4242 gala",
}


def leaky_vault(make_vault: MakeVault) -> Path:
    m = MARKERS
    return make_vault(
        {
            f"People/{m['name']}.md": f"""
                ---
                network: bloggers
                cadence: 7d
                aliases: [{m["alias"]}]
                company: {m["company"]}
                met: 2026-01-10
                ---
                ## What they do
                {m["body"]}
                ## Log
                - 2026-08-01 Coffee {m["log"]} #give
                """,
            f"People/{m['private_name']}.md": f"""
                ---
                network: bloggers
                private: true
                met: 2026-02-01
                ---
                - 2026-07-01 Lunch {m["log"]}
                """,
            "Daily/2026-11-20.md": f"""
                Chat with [[{m["name"]}]] {m["daily"]}
                - [ ] call [[{m["alias"]}]] {m["plan"]}
                """,
            "Goals/Secret.md": f"""
                ---
                goal: {m["private_goal"]}
                private: true
                horizon: long
                start: 2026-01-01
                deadline: 2026-12-31
                ---
                """,
            f"Events/{m['event']}.md": f"""
                ---
                type: event
                date: 2026-11-02
                goal: "[[Public goal]]"
                attendees: ["[[{m["name"]}]]", "[[{m["private_name"]}]]"]
                ---
                """,
            "Goals/Public goal.md": """
                ---
                goal: Meet 10 bloggers
                who: [bloggers]
                horizon: long
                start: 2026-01-01
                deadline: 2026-12-31
                target: 10
                ---
                """,
        },
        config=CONFIG,
    )


@pytest.mark.parametrize("fmt", ["html", "md", "json"])
def test_public_report_leaks_nothing_private(
    make_vault: MakeVault, tmp_path: Path, fmt: str
) -> None:
    vault = leaky_vault(make_vault)
    private = run("report", str(vault), "--format", fmt, "-o", str(tmp_path / f"private.{fmt}"))
    assert private.exit_code == 0, private.output
    # the private report does name people: the markers are real content
    assert MARKERS["name"] in (tmp_path / f"private.{fmt}").read_text(encoding="utf-8")
    assert MARKERS["event"] in (tmp_path / f"private.{fmt}").read_text(encoding="utf-8")
    out = tmp_path / f"public.{fmt}"
    result = run("report", str(vault), "--public", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for what, marker in MARKERS.items():
        assert marker not in text, what
        for word in marker.replace("-", " ").split():
            if len(word) > 6 and word.isalpha():  # no first or last name on its own either
                assert word not in text, (what, word)
    assert "Meet 10 bloggers" in text  # the user's own non-private goals stay
    if fmt == "json":  # an event's return is published as counts only
        data = json.loads(text)
        # two attendees, one of them private: one is published
        assert [(e["attendee_count"], e["new_count"]) for e in data["events"]] == [(1, 0)]
        assert data["events"][0]["goal"] == "Public goal"
        chain = data["strategy"][0]
        assert (chain["who"], chain["people"]) == ("bloggers", 1)  # the private one left out


def test_html_goes_to_report_html_and_says_so(
    make_vault: MakeVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = leaky_vault(make_vault)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = run("report", str(vault))
    assert result.exit_code == 0
    assert (here / "report.html").read_text(encoding="utf-8").lower().startswith("<!doctype html>")
    assert "report.html" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_markdown_and_json_go_to_stdout(make_vault: MakeVault, fmt: str) -> None:
    result = run("report", str(leaky_vault(make_vault)), "--format", fmt)
    assert result.exit_code == 0
    assert MARKERS["name"] in result.stdout
    if fmt == "json":
        data = json.loads(result.stdout)
        assert {"today", "contacts", "goals", "networks"} <= set(data)


def test_markdown_link_styles(make_vault: MakeVault) -> None:
    vault = leaky_vault(make_vault)
    wiki = run("report", str(vault), "--format", "md").stdout
    markdown = run("report", str(vault), "--format", "md", "--links", "markdown").stdout
    assert f"[[People/{MARKERS['name']}\\|{MARKERS['name']}]]" in wiki
    assert f"[{MARKERS['name']}](People/Quintessa%20Marbleworth.md)" in markdown


def test_a_vault_template_overrides_the_shipped_one(make_vault: MakeVault) -> None:
    vault = leaky_vault(make_vault)
    folder = vault / ".mdnet" / "templates"
    folder.mkdir(parents=True)
    (folder / "report.md.j2").write_text(
        "# Custom {{ title }}\n{% for c in contacts %}- {{ c.name }}\n{% endfor %}",
        encoding="utf-8",
    )
    out = run("report", str(vault), "--format", "md").stdout
    assert "# Custom My network" in out
    assert f"- {MARKERS['name']}" in out


def test_missing_and_empty_vaults_are_one_line_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for target in (tmp_path / "missing", tmp_path / "empty"):
        result = run("report", str(target), "-o", str(tmp_path / "r.html"))
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "r.html").exists()


def test_hostile_names_and_links_are_escaped(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault(
        {
            "People/Evil.md": """
                ---
                name: "<script>alert(1)</script> | Pipe"
                network: bloggers
                met: 2026-01-01
                ---
                - 2026-08-01 See [click](javascript:alert(2)) and <img src=x onerror=alert(3)>
                """,
        },
        config=CONFIG,
    )
    run("report", str(vault), "-o", str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html
    assert not re.search(r"""href=["']?javascript:""", html, re.IGNORECASE)
    md = run("report", str(vault), "--format", "md").stdout
    assert not re.search(r"(?<!\\)<(script|img)", md)  # `\<` shows a literal "<"
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # `\]` is no link
    row = next(line for line in md.splitlines() if "alert(1)" in line and line.startswith("|"))
    header = next(line for line in md.splitlines() if line.startswith("| Contact"))
    unescaped = re.compile(r"(?<!\\)\|")
    assert len(unescaped.findall(row)) == len(unescaped.findall(header))
