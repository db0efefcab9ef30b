"""Render the report data as one self-contained HTML page (inline CSS and SVG, no script)."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from mdnet.report import charts

HTML_TEMPLATE = "report.html.j2"

SUMMARY_KEYS = (
    "contacts",
    "overdue",
    "due_soon",
    "lapsed",
    "never",
    "goals_on_track",
    "goals_behind",
    "goals_achieved",
    "goals_missed",
)

CONTACT_DEFAULTS: dict[str, Any] = {
    "name": "",
    "path": None,
    "network": None,
    "cadence_days": None,
    "last_contact": None,
    "last_note": None,
    "last_source": None,
    "due": None,
    "state": "ok",
    "days_overdue": 0,
    "gives": 0,
    "asks": 0,
    "first_met": None,
    "planned": [],
    "offer": None,
    "private": False,
}

GOAL_DEFAULTS: dict[str, Any] = {
    "name": "",
    "path": None,
    "statement": None,
    "horizon": "long",
    "parent": None,
    "progress": None,
    "target": None,
    "unit": None,
    "percent": None,
    "start": None,
    "deadline": None,
    "days_left": None,
    "expected": None,
    "state": "no target",
    "status": "active",
    "every": None,
    "periods": [],
    "streak": None,
    "milestones": [],
    "private": False,
}

NETWORK_DEFAULTS: dict[str, Any] = {
    "name": "",
    "value": None,
    "cadence_days": None,
    "contacts": 0,
    "within_cadence": 0,
    "share": None,
}


def _with_defaults(item: object, defaults: Mapping[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(dict(defaults))
    if isinstance(item, Mapping):
        result.update(copy.deepcopy(dict(item)))
    for key, value in defaults.items():
        if isinstance(value, list) and not isinstance(result.get(key), list):
            result[key] = []
    return result


def _dicts(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def normalise(data: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of the report data with every documented key present (templates rely on it)."""
    result: dict[str, Any] = copy.deepcopy(dict(data))
    result.setdefault("today", None)
    result["title"] = result.get("title") or "Network report"
    result["public"] = bool(result.get("public"))
    result.setdefault("vault", None)
    contacts = [_with_defaults(c, CONTACT_DEFAULTS) for c in _dicts(result.get("contacts"))]
    goals = [_with_defaults(g, GOAL_DEFAULTS) for g in _dicts(result.get("goals"))]
    for goal in goals:
        goal["statement"] = goal["statement"] or goal["name"]
    networks = [_with_defaults(n, NETWORK_DEFAULTS) for n in _dicts(result.get("networks"))]
    for network in networks:
        if network["share"] is None and network["contacts"]:
            network["share"] = network["within_cadence"] / network["contacts"]
    result["contacts"], result["goals"], result["networks"] = contacts, goals, networks
    result["activity"] = [dict(w) for w in _dicts(result.get("activity"))]
    summary = dict(result["summary"]) if isinstance(result.get("summary"), Mapping) else {}
    computed = _summary_of(contacts, goals)
    for key in SUMMARY_KEYS:
        summary.setdefault(key, computed[key])
    result["summary"] = summary
    balance = dict(result["balance"]) if isinstance(result.get("balance"), Mapping) else {}
    balance.setdefault("gives", sum(int(c.get("gives") or 0) for c in contacts))
    balance.setdefault("asks", sum(int(c.get("asks") or 0) for c in contacts))
    result["balance"] = balance
    findings = dict(result["findings"]) if isinstance(result.get("findings"), Mapping) else {}
    rank = {"error": 0, "warning": 1, "info": 2}
    findings["by_code"] = sorted(
        (dict(f) for f in _dicts(findings.get("by_code"))),
        key=lambda f: (rank.get(str(f.get("severity")), 3), str(f.get("code"))),
    )
    findings.setdefault("by_severity", {})
    findings.setdefault("total", sum(int(f.get("count") or 0) for f in findings["by_code"]))
    result["findings"] = findings
    return result


def _summary_of(
    contacts: Sequence[Mapping[str, Any]], goals: Sequence[Mapping[str, Any]]
) -> dict[str, int]:
    def contacts_in(state: str) -> int:
        return sum(1 for c in contacts if c.get("state") == state)

    def goals_in(state: str) -> int:
        return sum(1 for g in goals if g.get("state") == state)

    return {
        "contacts": len(contacts),
        "overdue": contacts_in("overdue"),
        "due_soon": contacts_in("due soon"),
        "lapsed": contacts_in("lapsed"),
        "never": contacts_in("never"),
        "goals_on_track": goals_in("on track"),
        "goals_behind": goals_in("behind"),
        "goals_achieved": goals_in("achieved"),
        "goals_missed": goals_in("missed"),
    }


def goal_tree(goals: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Long-term goals with their milestones, milestones without a parent, recurring goals.

    A milestone belongs to the goal its `parent` names (a path, or a name once the paths
    are redacted) or to the goal whose `milestones` list it.
    """
    recurring = [g for g in goals if g.get("every")]
    others = [g for g in goals if not g.get("every")]
    roots = [g for g in others if g.get("horizon") != "short"]
    by_key: dict[str, Mapping[str, Any]] = {}
    for goal in roots:
        for key in (goal.get("name"), goal.get("path")):
            if isinstance(key, str) and key:
                by_key.setdefault(key, goal)
    children: dict[int, list[Mapping[str, Any]]] = {id(g): [] for g in roots}
    loose: list[Mapping[str, Any]] = []
    for goal in others:
        if goal.get("horizon") != "short":
            continue
        parent = by_key.get(goal["parent"]) if isinstance(goal.get("parent"), str) else None
        if parent is None:
            parent = next(
                (
                    root
                    for root in roots
                    if any(
                        ref in (goal.get("path"), goal.get("name"))
                        for ref in root.get("milestones") or []
                        if ref
                    )
                ),
                None,
            )
        if parent is None:
            loose.append(goal)
        else:
            children[id(parent)].append(goal)
    tree: list[dict[str, Any]] = []
    for root in roots:
        milestones: list[Mapping[str, Any]] = sorted(children[id(root)], key=_deadline_key)
        tree.append({"goal": root, "milestones": milestones})
    return {"tree": tree, "loose": loose, "recurring": recurring}


def _deadline_key(goal: Mapping[str, Any]) -> str:
    deadline = goal.get("deadline")
    return deadline if isinstance(deadline, str) else "9999-99-99"


def report_context(data: Mapping[str, Any]) -> dict[str, Any]:
    """The template context: the normalised data plus the lists each section shows."""
    norm = normalise(data)
    contacts = norm["contacts"]
    tree = goal_tree(norm["goals"])
    context = dict(norm)
    context.update(
        data=norm,
        reach_out=[c for c in contacts if c["state"] == "overdue"]
        + sorted(
            (c for c in contacts if c["state"] == "due soon"),
            key=lambda c: c["due"] if isinstance(c["due"], str) else "9999",
        ),
        reconnect=[c for c in contacts if c["state"] == "lapsed"]
        + [c for c in contacts if c["state"] == "never"],
        goal_tree=tree["tree"],
        loose_milestones=tree["loose"],
        recurring=tree["recurring"],
        activity_total=sum(int(w.get("interactions") or 0) for w in norm["activity"]),
    )
    return context


def slug(value: object) -> str:
    """A CSS class fragment: `due soon` → `due-soon`."""
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "none"


@jinja2.pass_context
def _since(context: Any, value: object) -> int | None:
    return charts.days_between(value, context.get("today"))


@jinja2.pass_context
def _until(context: Any, value: object) -> int | None:
    return charts.days_between(context.get("today"), value)


@jinja2.pass_context
def _short_date(context: Any, value: object) -> str:
    return charts.short_date(value, context.get("today"))


def make_environment(
    template_dirs: Sequence[Path],
    *,
    html: bool,
    finalize: Callable[[Any], Any] | None = None,
) -> jinja2.Environment:
    """A Jinja2 environment searching `template_dirs` first, then the package's templates."""
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(p) for p in template_dirs]),
            jinja2.PackageLoader("mdnet", "templates"),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    env.filters.update(
        short_date=_short_date,
        long_date=charts.long_date,
        since=_since,
        until=_until,
        number=charts.number,
        plural=charts.plural,
        slug=slug,
        text_bar=charts.text_bar,
        period_label=charts.period_label,
        clamp_percent=charts.clamp_percent,
    )
    env.globals.update(
        activity_summary=charts.activity_summary,
        balance_sentence=charts.balance_sentence,
    )
    return env


def render_html(data: Mapping[str, Any], *, template_dirs: Sequence[Path] = ()) -> str:
    """Render the report data as a self-contained HTML page."""
    env = make_environment(template_dirs, html=True)
    env.globals.update(
        activity_svg=charts.activity_svg,
        donut_svg=charts.donut_svg,
        period_strip_svg=charts.period_strip_svg,
    )
    return env.get_template(HTML_TEMPLATE).render(report_context(data))
