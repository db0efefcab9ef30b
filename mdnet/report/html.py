"""`--format html`: the report as one self-contained page (inline CSS and SVG, no script)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

from mdnet.report import charts, scorechart
from mdnet.report.data import GoalRow, Report, ReportOptions

HTML_TEMPLATE = "report.html.j2"


@dataclass(frozen=True, slots=True)
class GoalNode:
    """A long-term goal with its milestones, soonest deadline first."""

    goal: GoalRow
    milestones: tuple[GoalRow, ...]


@dataclass(frozen=True, slots=True)
class GoalTree:
    tree: tuple[GoalNode, ...]
    loose: tuple[GoalRow, ...]
    """Short-term goals without a long-term goal."""
    recurring: tuple[GoalRow, ...]


def goal_tree(goals: Sequence[GoalRow]) -> GoalTree:
    """Long-term goals with their milestones, milestones without a parent, recurring goals.

    A milestone belongs to the goal its `parent` names (a path, or a name once the paths
    are redacted) or to the goal whose `milestones` list it.
    """
    recurring = [g for g in goals if g.every]
    others = [g for g in goals if not g.every]
    roots = [g for g in others if g.horizon != "short"]
    by_key: dict[str, GoalRow] = {}
    for goal in roots:
        for key in (goal.name, goal.path):
            if key:
                by_key.setdefault(key, goal)
    children: dict[int, list[GoalRow]] = {id(g): [] for g in roots}
    loose: list[GoalRow] = []
    for goal in others:
        if goal.horizon != "short":
            continue
        parent = by_key.get(goal.parent) if goal.parent is not None else None
        if parent is None:
            parent = next(
                (
                    root
                    for root in roots
                    if any(ref in (goal.path, goal.name) for ref in root.milestones if ref)
                ),
                None,
            )
        if parent is None:
            loose.append(goal)
        else:
            children[id(parent)].append(goal)
    return GoalTree(
        tree=tuple(
            GoalNode(goal=root, milestones=tuple(sorted(children[id(root)], key=_deadline_key)))
            for root in roots
        ),
        loose=tuple(loose),
        recurring=tuple(recurring),
    )


def _deadline_key(goal: GoalRow) -> tuple[bool, date]:
    return goal.deadline is None, goal.deadline or date.min


_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def report_context(report: Report) -> dict[str, Any]:
    """The template context: the report's fields, and the lists each section shows.

    The templates read the records' fields as attributes (`c.name`) or as keys
    (`c["name"]`); findings are listed most severe first, and an empty title is
    shown as "Network report".
    """
    findings = report.findings
    shown = replace(
        report,
        title=report.title or "Network report",
        findings=replace(
            findings,
            by_code=tuple(
                sorted(
                    findings.by_code,
                    key=lambda f: (_SEVERITY_RANK.get(f.severity, 3), f.code),
                )
            ),
        ),
    )
    contacts = shown.contacts
    tree = goal_tree(shown.goals)
    context: dict[str, Any] = {f.name: getattr(shown, f.name) for f in fields(shown)}
    context.update(
        data=shown,
        reach_out=[c for c in contacts if c.state == "overdue"]
        + sorted(
            (c for c in contacts if c.state == "due soon"),
            key=lambda c: (c.due is None, c.due or date.min),
        ),
        reconnect=[c for c in contacts if c.state == "lapsed"]
        + [c for c in contacts if c.state == "never"],
        goal_tree=tree.tree,
        loose_milestones=tree.loose,
        recurring=tree.recurring,
        activity_total=sum(w.interactions for w in shown.activity),
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
        goal_name=goal_name,
    )
    env.globals.update(
        activity_summary=charts.activity_summary,
        balance_sentence=charts.balance_sentence,
    )
    return env


def goal_name(ref: object, goals: Sequence[GoalRow]) -> object:
    """The name of the goal a path (or, once published, a name) refers to."""
    return next((g.name for g in goals if ref in (g.path, g.name)), ref)


def render_html(report: Report, *, template_dirs: Sequence[Path] = ()) -> str:
    """Render the report as a self-contained HTML page."""
    env = make_environment(template_dirs, html=True)
    env.globals.update(
        points_svg=scorechart.points_svg,
        points_summary=scorechart.points_summary,
        activity_svg=charts.activity_svg,
        donut_svg=charts.donut_svg,
        period_strip_svg=charts.period_strip_svg,
    )
    return env.get_template(HTML_TEMPLATE).render(report_context(report))


def render(report: Report, options: ReportOptions) -> str:
    """`mdnet report --format html`."""
    return render_html(report, template_dirs=options.template_dirs)
