"""Tests of the HTML and Markdown report renderers and of the public redaction."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from report_fixtures import report_data

from mdnet.report.html import goal_tree, render_html
from mdnet.report.markdown import escape_markdown, note_link, render_markdown
from mdnet.report.public import initials, redact

SECTION_IDS = [
    "summary",
    "reach-out",
    "reconnect",
    "goals",
    "recurring",
    "networks",
    "activity",
    "balance",
    "findings",
]


class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def _section(html: str, section_id: str) -> str:
    start = html.index(f'<section id="{section_id}"')
    return html[start : html.index("</section>", start)]


def _md_section(markdown: str, heading: str) -> str:
    start = markdown.index(f"## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else len(markdown)]


def _unescaped_pipes(line: str) -> int:
    """Pipes not escaped by a backslash (a pipe after an even run of backslashes splits)."""
    count = 0
    for match in re.finditer(r"(\\*)\|", line):
        if len(match.group(1)) % 2 == 0:
            count += 1
    return count


def _tables(markdown: str) -> list[list[str]]:
    tables: list[list[str]] = []
    current: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _assert_tables_intact(markdown: str) -> None:
    tables = _tables(markdown)
    assert tables
    for table in tables:
        widths = {_unescaped_pipes(line) for line in table}
        assert len(widths) == 1, "\n".join(table)


# --------------------------------------------------------------------------- HTML


def test_html_is_one_self_contained_page() -> None:
    html = render_html(report_data())
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert '<meta name="viewport"' in html
    assert "prefers-color-scheme: dark" in html
    assert "@media print" in html
    tags = _tags(html)
    names = {tag for tag, _ in tags}
    assert not names & {"script", "iframe", "object", "embed", "img", "base", "form"}
    for tag, attrs in tags:
        assert not any(key.startswith("on") for key in attrs), tag
        assert "src" not in attrs, tag
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "data:")), href
        if tag == "link":
            assert attrs.get("rel") == "icon" and (attrs.get("href") or "").startswith("data:")
    assert "@import" not in html and "url(" not in html


def test_html_sections_in_order_with_ids() -> None:
    html = render_html(report_data())
    positions = [html.index(f'id="{section}"') for section in SECTION_IDS]
    assert positions == sorted(positions)


def test_html_accessible_tables_and_charts() -> None:
    html = render_html(report_data())
    tags = _tags(html)
    tables = html.count("<table")
    assert tables >= 6
    assert html.count("<caption") == tables
    assert '<th scope="col"' in html and '<th scope="row"' in html
    svgs = [attrs for tag, attrs in tags if tag == "svg"]
    assert svgs
    for attrs in svgs:
        assert attrs.get("role") == "img"
        assert attrs.get("aria-label") or attrs.get("aria-labelledby")
    activity = _section(html, "activity")
    assert "<title" in activity and "<desc" in activity
    assert "81 interactions in the 26 weeks" in activity  # the text alternative


def test_html_summary_cards() -> None:
    html = render_html(report_data())
    summary = _section(html, "summary")
    for label, value in [
        ("Overdue", 4),
        ("Due soon", 2),
        ("Lapsed", 2),
        ("Goals on track", 4),
        ("Goals behind", 4),
    ]:
        assert f'<span class="num">{value}</span><span class="label">{label}</span>' in summary


def test_html_reach_out_and_reconnect() -> None:
    html = render_html(report_data())
    reach = _section(html, "reach-out")
    names = re.findall(r'<span class="name"[^>]*>([^<]+)</span>', reach)
    assert names == [
        "Marcus Lee",
        "Priya Raman",
        "Tom Becker",
        "Elena Sokolova",
        "Dana Whitfield",
        "Sam Ortiz",
    ]
    assert "Coffee; introduced her to Sam Ortiz" in reach
    assert ">44</span> days" in reach and "in 3 days" in reach
    assert "Call about the podcast" in reach
    assert "Guest posts and cross-promotion" in reach
    reconnect = _section(html, "reconnect")
    assert "Oliver Grant" in reconnect and "Hannah Brooks" in reconnect
    assert "Aisha Karim" in reconnect and "never contacted" in reconnect
    assert "Noah Fischer" not in reach + reconnect


def test_html_goals_nest_milestones() -> None:
    html = render_html(report_data())
    goals = _section(html, "goals")
    articles = goals.split("<article")[1:]
    first = next(a for a in articles if "Publish 30 guest posts</span>" in a)
    assert "Publish 3 guest posts in November" in first
    assert "Pitch 4 blogs before Christmas" in first
    assert "Meet 2 bloggers at BlogCon Berlin" not in first
    assert 'role="progressbar"' in first and "31 Dec" in first
    assert "4.9 behind" in first
    recurring = _section(html, "recurring")
    assert "Follow up with one new connection each week" in recurring
    assert "6 weeks" in recurring
    assert "Follow up with one new connection" not in goals


def test_html_networks_activity_balance_findings() -> None:
    html = render_html(report_data())
    networks = _section(html, "networks")
    assert "2 of 5 · 40%" in networks
    activity = _section(html, "activity")
    assert activity.count('class="give"') >= 20
    balance = _section(html, "balance")
    assert ">24</dd>" in balance and ">11</dd>" in balance
    findings = _section(html, "findings")
    assert "contact-overdue" in findings and "2 errors" in findings and "2 info" in findings


def test_empty_report_says_so() -> None:
    html = render_html({"today": "2026-11-23"})
    for text in (
        "No one is overdue",
        "No lapsed contacts",
        "No goals yet",
        "No recurring goals",
        "No networks",
        "No interactions recorded",
        "No findings",
    ):
        assert text in html
    markdown = render_markdown({"today": "2026-11-23"})
    assert "No one is overdue" in markdown and "No goals yet" in markdown
    assert "```mermaid" not in markdown


def test_missing_optional_fields_are_tolerated() -> None:
    data = report_data()
    for contact in data["contacts"]:
        for key in ("offer", "planned", "first_met", "last_source", "private"):
            contact.pop(key)
    for goal in data["goals"]:
        for key in ("milestones", "periods", "streak", "private", "statement"):
            goal.pop(key)
    del data["summary"], data["balance"]
    assert "Marcus Lee" in render_html(data)
    assert "Marcus Lee" in render_markdown(data)


def test_template_dirs_override_package_templates(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("custom {{ title }} {{ contacts | length }}\n")
    (tmp_path / "_report.css.j2").write_text("body { color: rebeccapurple; }")
    assert render_markdown(report_data(), template_dirs=[tmp_path]) == "custom My network 15\n"
    html = render_html(report_data(), template_dirs=[tmp_path])
    assert "rebeccapurple" in html and 'id="reach-out"' in html


def test_override_templates_still_escape(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("{{ contacts[0].name }}\n")
    (tmp_path / "report.html.j2").write_text("{{ contacts[0].name }}\n")
    data = report_data()
    data["contacts"][0]["name"] = "<b>|x|</b>"
    assert render_markdown(data, template_dirs=[tmp_path]) == "\\<b\\>\\|x\\|\\</b\\>\n"
    assert render_html(data, template_dirs=[tmp_path]) == "&lt;b&gt;|x|&lt;/b&gt;\n"


# --------------------------------------------------------------------------- escaping

HOSTILE_NAME = "<script>alert(1)</script>"
PIPE_NAME = "Ann | Bo"
JS_NOTE = "[x](javascript:alert(1)) and <img src=x onerror=alert(2)>\n# not a heading"


def _hostile() -> dict[str, Any]:
    data = report_data()
    reach = [c for c in data["contacts"] if c["state"] in ("overdue", "due soon")]
    reach[0].update(name=HOSTILE_NAME, path="People/<script>alert(1)</script>.md")
    reach[1].update(name=PIPE_NAME, path="People/Ann | Bo.md", last_note=JS_NOTE)
    reach[2].update(
        last_note="a|b|c ` ** _x_ ~~s~~ $m$ %%c%% ==h== ^id \\| [[Sam Ortiz]] #give",
        planned=["<iframe src=//evil>", "|"],
        network='"><svg onload=alert(3)>',
    )
    data["goals"][0].update(name="Goal <b>bold</b> | pipe", statement="<script>x</script>")
    data["goals"][1]["name"] = "Milestone ]] [[ |"
    data["title"] = "</title><script>alert(4)</script>"
    data["vault"] = "<i>vault</i>"
    data["findings"]["by_code"][0]["name"] = "<u>x</u>|y"
    return data


def test_html_escapes_note_text() -> None:
    html = render_html(_hostile())
    tags = _tags(html)
    names = [tag for tag, _ in tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    assert "b" not in names and "u" not in names and "i" not in names
    for tag, attrs in tags:
        assert not any(key.startswith("on") for key in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[x](javascript:alert(1))" in html  # shown as text
    assert "Ann | Bo" in html
    assert "<script" not in html.lower()


@pytest.mark.parametrize("links", ["wiki", "markdown"])
def test_markdown_neutralises_note_text(links: Any) -> None:
    markdown = render_markdown(_hostile(), links=links)
    _assert_tables_intact(markdown)
    assert not re.search(r"(?<!\\)<", markdown), "raw HTML passed through"
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown)
    assert "javascript:alert(1)" in markdown  # still readable as text
    assert "\\<script\\>alert(1)\\</script\\>" in markdown
    assert "\\#give" in markdown and "\\[\\[Sam Ortiz\\]\\]" in markdown
    assert "\n# not a heading" not in markdown and "\\# not a heading" in markdown
    assert markdown.count("\n# ") == 0 and markdown.startswith("# \\</title\\>")


def test_markdown_tables_have_constant_width() -> None:
    for links in ("wiki", "markdown"):
        _assert_tables_intact(render_markdown(report_data(), links=links))  # type: ignore[arg-type]


def test_escape_markdown() -> None:
    assert escape_markdown("a\nb\r\n\tc") == "a b c"
    assert escape_markdown("# h") == "\\# h"
    assert escape_markdown("- item") == "\\- item"
    assert escape_markdown("12. item") == "12\\. item"
    assert escape_markdown("a-b 1.5") == "a-b 1.5"
    assert escape_markdown("a|b") == "a\\|b"
    assert escape_markdown("a\\|b") == "a\\\\\\|b"
    assert escape_markdown("<b>") == "\\<b\\>"
    assert escape_markdown("x\u202eevil\u0000") == "x evil"
    assert escape_markdown(None) == ""


def test_note_links() -> None:
    path = "People/Dana Whitfield.md"
    assert note_link("Dana Whitfield", path) == "[[People/Dana Whitfield\\|Dana Whitfield]]"
    assert note_link("Dana", path, table=False) == "[[People/Dana Whitfield|Dana]]"
    assert (
        note_link("Dana Whitfield", path, style="markdown")
        == "[Dana Whitfield](People/Dana%20Whitfield.md)"
    )
    assert note_link("D. W.", None) == "D. W."
    assert note_link("<x>", None) == "\\<x\\>"
    # names or paths a wikilink cannot carry safely become Markdown links
    assert note_link("A | B", "People/A | B.md") == "[A \\| B](People/A%20%7C%20B.md)"
    assert note_link("x", "javascript:alert(1).md") == "[x](javascript%3Aalert%281%29.md)"
    assert note_link("x", "People/[[y]].md").startswith("[x](People/%5B%5By%5D%5D.md")


# --------------------------------------------------------------------------- Markdown


def test_markdown_report_content() -> None:
    markdown = render_markdown(report_data())
    assert markdown.startswith("# My network\n")
    reach = _md_section(markdown, "Reach out now")
    assert "| [[People/Marcus Lee\\|Marcus Lee]] | overdue |" in reach
    assert "due in 3 days" in reach
    goals = _md_section(markdown, "Goals")
    assert "### [[Goals/Publish 30 guest posts|Publish 30 guest posts]] · behind" in goals
    assert "| ↳ [[Goals/Publish 3 guest posts in November\\|" in goals
    activity = _md_section(markdown, "Activity")
    assert "```mermaid\nxychart-beta" in activity
    assert "Per week, oldest first: 3, 2, 4," in activity  # the plain-text fallback
    balance = _md_section(markdown, "Give and ask")
    assert "```mermaid\npie" in balance and "24 gives and 11 asks" in balance
    assert "| C001 | contact-overdue | warning | 4 |" in markdown
    # no list item starts with a date (mdnet would read it as an interaction) and no tasks
    assert not re.search(r"^\s*[-*+] (\[.\] )?\[*\d{4}-\d\d-\d\d", markdown, re.M)
    assert "- [ ]" not in markdown


def test_markdown_links_style() -> None:
    markdown = render_markdown(report_data(), links="markdown")
    assert "[Marcus Lee](People/Marcus%20Lee.md)" in markdown
    assert "[[" not in markdown


# --------------------------------------------------------------------------- public mode

LEAK = "ZZLEAK"


def _with_secrets() -> dict[str, Any]:
    """The fixture with a unique marker in every field a public report must not show."""
    data = report_data()
    for index, contact in enumerate(data["contacts"]):
        first, _, last = contact["name"].partition(" ")
        contact["name"] = f"{first} {LEAK}name{index} {last}"
        contact["path"] = f"People/{contact['name']}.md"
        if contact["last_note"]:
            contact["last_note"] += f" {LEAK}note{index}"
            contact["last_source"] = f"Daily/{LEAK}source{index}.md"
        contact["planned"] = [*contact["planned"], f"call {LEAK}plan{index}"]
        contact["email"] = f"{LEAK}email{index}@example.com"
    data["contacts"][0]["offer"] = f"My private offer {LEAK}offer"
    private_contacts = [
        dict(
            data["contacts"][0],
            name=f"{LEAK}private overdue",
            path=f"People/{LEAK}private overdue.md",
            last_note=f"{LEAK}private note",
            private=True,
        ),
        dict(
            data["contacts"][-1],
            name=f"{LEAK}private ok",
            path=f"People/{LEAK}private ok.md",
            state="ok",
            network="bloggers",
            private=True,
        ),
    ]
    data["contacts"][1:1] = private_contacts
    data["summary"]["contacts"] += 2
    data["summary"]["overdue"] += 1
    bloggers = next(n for n in data["networks"] if n["name"] == "bloggers")
    bloggers["contacts"] += 1
    bloggers["within_cadence"] += 1
    podcasters = next(n for n in data["networks"] if n["name"] == data["contacts"][0]["network"])
    podcasters["contacts"] += 1
    for network in (bloggers, podcasters):
        network["share"] = round(network["within_cadence"] / network["contacts"], 3)
    data["balance"]["gives"] += sum(c["gives"] for c in private_contacts)
    data["balance"]["asks"] += sum(c["asks"] for c in private_contacts)
    private_goal = dict(
        data["goals"][0],
        name=f"{LEAK}goal",
        path=f"Goals/{LEAK}goal.md",
        statement=f"Meet 5 people at {LEAK}statement",
        state="behind",
        milestones=[f"Goals/{LEAK}child.md"],
        private=True,
    )
    child = dict(
        data["goals"][1],
        name="Public milestone of a private goal",
        path=f"Goals/{LEAK}child.md",
        parent=private_goal["path"],
        state="on track",
    )
    private_milestone = dict(
        data["goals"][1],
        name=f"{LEAK}milestone",
        path=f"Goals/{LEAK}milestone.md",
        statement=f"{LEAK}milestone statement",
        private=True,
        state="on track",
    )
    data["goals"][0]["milestones"].append(private_milestone["path"])
    data["goals"] += [private_goal, child, private_milestone]
    data["summary"]["goals_behind"] += 1
    data["summary"]["goals_on_track"] += 2
    data["debug"] = {"raw": f"{LEAK}top"}
    return data


def test_public_report_leaks_nothing_private() -> None:
    data = _with_secrets()
    before = copy.deepcopy(data)
    public = redact(data)
    assert data == before, "redact must not change its argument"
    assert LEAK in json.dumps(data)  # the markers are really there
    outputs = {
        "json": json.dumps(public),
        "html": render_html(public),
        "md-wiki": render_markdown(public, links="wiki"),
        "md-markdown": render_markdown(public, links="markdown"),
    }
    for kind, text in outputs.items():
        assert LEAK.lower() not in text.lower(), kind
    assert public["public"] is True
    assert "Public view" in outputs["html"]


def test_public_report_keeps_counts_consistent() -> None:
    original = report_data()
    public = redact(_with_secrets())
    # the public milestone of a private goal is still counted (and shown)
    expected = dict(original["summary"], goals_on_track=original["summary"]["goals_on_track"] + 1)
    assert public["summary"] == expected
    assert public["networks"] == original["networks"]
    assert public["balance"] == original["balance"]
    assert len(public["contacts"]) == len(original["contacts"])
    assert public["findings"] == original["findings"]


def test_public_contacts_and_goals() -> None:
    public = redact(report_data())
    dana = next(c for c in public["contacts"] if c["name"] == "D. W.")
    assert dana["path"] is None and dana["last_note"] is None and dana["planned"] == []
    assert dana["last_contact"] == "2026-10-12" and dana["state"] == "due soon"
    assert dana["offer"] == "Guest posts and cross-promotion"
    goals = {g["name"]: g for g in public["goals"]}
    assert all(g["path"] is None for g in goals.values())
    assert goals["Pitch 4 blogs before Christmas"]["parent"] == "Publish 30 guest posts"
    tree = goal_tree(public["goals"])
    parents = {node["goal"]["name"]: node for node in tree["tree"]}
    nested = [m["name"] for m in parents["Publish 30 guest posts"]["milestones"]]
    assert nested == ["Publish 3 guest posts in November", "Pitch 4 blogs before Christmas"]
    html = render_html(public)
    assert "Dana" not in html and "D. W." in html
    markdown = render_markdown(public)
    assert "[[" not in markdown and "| D. W. | due soon |" in markdown


def test_public_orphaned_milestone_is_listed_alone() -> None:
    public = redact(_with_secrets())
    orphan = next(g for g in public["goals"] if g["name"].startswith("Public milestone"))
    assert orphan["parent"] is None
    assert "Short-term goals without a long-term goal" in render_html(public)


def test_initials() -> None:
    assert initials("Dana Whitfield") == "D. W."
    assert initials("Lucía van der Fernández") == "L. F."
    assert initials("Prince") == "P."
    assert initials("<script>alert(1)</script>") == "S."
    assert initials("  ") == "?"
    assert initials(None) == "?"
