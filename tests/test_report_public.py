"""Public mode (`--public`) and the report records: what each field publishes, the JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace

import pytest
from report_fixtures import report, report_data, typed

from mdnet.report.data import RECORDS, Report, json_text, to_json
from mdnet.report.html import goal_tree, render_html
from mdnet.report.markdown import render_markdown
from mdnet.report.public import BLANK, DROP, KEEP, OMIT, initials, redact, rule_of

# --------------------------------------------------------------------------- public mode

LEAK = "ZZLEAK"


def _with_secrets() -> Report:
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
        contact["status"] = f"{LEAK}status{index}"
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
    for goal in data["goals"]:
        goal["progress_source"] = f"{LEAK}source"
    data["summary"]["goals"] += 3
    data["summary"]["goals_behind"] += 1
    data["summary"]["goals_on_track"] += 2
    return typed(data)


def test_public_report_leaks_nothing_private() -> None:
    data = _with_secrets()
    assert LEAK in json_text(to_json(data))  # the markers are really there
    public = redact(data)
    assert data == _with_secrets(), "redact must not change its argument"
    outputs = {
        "json": json_text(to_json(public, public=True)),
        "html": render_html(public),
        "md-wiki": render_markdown(public, links="wiki"),
        "md-markdown": render_markdown(public, links="markdown"),
    }
    for kind, text in outputs.items():
        assert LEAK.lower() not in text.lower(), kind
    assert public.public is True
    assert "Public view" in outputs["html"]


def test_public_report_keeps_counts_consistent() -> None:
    original = to_json(report())
    public = to_json(redact(_with_secrets()), public=True)
    # the public milestone of a private goal is still counted (and shown)
    summary = original["summary"]
    expected = dict(
        summary, goals=summary["goals"] + 1, goals_on_track=summary["goals_on_track"] + 1
    )
    assert public["summary"] == expected
    assert public["networks"] == original["networks"]
    assert public["balance"] == original["balance"]
    assert len(public["contacts"]) == len(original["contacts"])
    assert public["findings"] == original["findings"]


def test_public_contacts_and_goals() -> None:
    published = redact(report())
    public = to_json(published, public=True)
    dana = next(c for c in public["contacts"] if c["name"] == "D. W.")
    assert dana["path"] is None and dana["last_note"] is None and dana["planned"] == []
    assert dana["last_contact"] == "2026-10-12" and dana["state"] == "due soon"
    assert dana["offer"] == "Guest posts and cross-promotion"
    assert "status" not in dana
    goals = {g["name"]: g for g in public["goals"]}
    assert all(g["path"] is None and "progress_source" not in g for g in goals.values())
    assert goals["Pitch 4 blogs before Christmas"]["parent"] == "Publish 30 guest posts"
    tree = goal_tree(published.goals)
    parents = {node.goal.name: node for node in tree.tree}
    nested = [m.name for m in parents["Publish 30 guest posts"].milestones]
    assert nested == ["Publish 3 guest posts in November", "Pitch 4 blogs before Christmas"]
    html = render_html(published)
    assert "Dana" not in html and "D. W." in html
    markdown = render_markdown(published)
    assert "[[" not in markdown and "| D. W. | due soon |" in markdown


def test_public_orphaned_milestone_is_listed_alone() -> None:
    public = redact(_with_secrets())
    orphan = next(g for g in public.goals if g.name.startswith("Public milestone"))
    assert orphan.parent is None
    assert "Short-term goals without a long-term goal" in render_html(public)


# --------------------------------------------------------------------------- the records


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_every_field_declares_how_it_is_published(record: type) -> None:
    for f in fields(record):
        rule = rule_of(f)
        assert rule in (KEEP, BLANK, DROP, OMIT) or callable(rule), (record.__name__, f.name)


def test_a_field_without_a_public_rule_is_never_published() -> None:
    @dataclass(frozen=True)
    class Leaky:
        secret: str = field(default="x")

    @dataclass(frozen=True)
    class Holder:
        row: Leaky = field(default_factory=Leaky, metadata={"public": KEEP, "public_rank": 0})

    with pytest.raises(TypeError, match="secret"):
        redact(Holder())  # type: ignore[arg-type]


def test_json_is_the_fixture_as_written() -> None:
    """`to_json` of the typed fixture gives back the JSON it was made from, key for key."""
    data = report_data()
    assert json.dumps(to_json(typed(data))) == json.dumps(data)


def test_public_json_keys() -> None:
    public = to_json(redact(report()), public=True)
    assert list(public) == [
        "today",
        "title",
        "vault",
        "public",
        "contacts",
        "goals",
        "occasions",
        "summary",
        "networks",
        "activity",
        "balance",
        "findings",
        "strategy",
        "events",
        "points",
        "points_target",
    ]
    assert list(public["contacts"][0]) == [
        *("network", "cadence_days", "last_contact", "due", "state", "days_overdue"),
        *("gives", "asks", "first_met", "name", "path", "last_note", "last_source"),
        *("planned", "offer", "private"),
    ]
    assert list(public["goals"][0]) == [
        *("name", "statement", "horizon", "progress", "target", "unit", "percent", "start"),
        *("deadline", "days_left", "expected", "state", "status", "every", "streak", "path"),
        *("parent", "milestones", "periods", "private"),
    ]
    published = {f.name for f in fields(Report)}
    assert set(public) == published


def test_initials() -> None:
    assert initials("Dana Whitfield") == "D. W."
    assert initials("Lucía van der Fernández") == "L. F."
    assert initials("Prince") == "P."
    assert initials("<script>alert(1)</script>") == "S."
    assert initials("  ") == "?"
    assert initials(None) == "?"


def test_public_events_and_strategy_are_counts_only() -> None:
    data = report()
    public = to_json(redact(data), public=True)
    assert public["events"][0] == {
        "date": "2026-11-12",
        "attendee_count": 2,
        "new_count": 1,
        "followed_up": 1,
        "gives": 3,
        "name": None,
        "path": None,
        "goal": "Publish 30 guest posts",
        "attendees": [],
        "new_contacts": [],
        "private": False,
    }
    chain = public["strategy"][0]
    assert "members" not in chain and chain["path"] is None
    assert (chain["who"], chain["people"], chain["in_cadence"]) == ("bloggers", 3, 2)
    assert chain["events"][0]["attendees"] == [] and chain["events"][0]["new_count"] == 1
    text = json.dumps(public)
    for secret in ("Acme founders", "Sam Ortiz", "Events/", "People/"):
        assert secret not in text, secret


def test_public_chain_counts_leave_out_private_contacts() -> None:
    data = report()
    dana = next(c for c in data.contacts if c.name == "Dana Whitfield")
    hidden = replace(data, contacts=tuple(replace(c, private=c is dana) for c in data.contacts))
    chain = redact(hidden).strategy[0]
    assert (chain.people, chain.in_cadence) == (2, 2 - (dana.state in ("ok", "due soon")))
    event = redact(hidden).events[0]
    assert (event.attendee_count, event.new_count) == (1, 1)  # Dana left out; Sam is new
