"""G rules on a goal's strategy: the people it needs, and a pace it can keep."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

from mdnet.derive import goals as progress
from mdnet.diagnostics import Finding
from mdnet.rules import option, rule
from mdnet.rules.goals import count_text

if TYPE_CHECKING:
    from mdnet.analysis import Analysis


@rule(
    "G011",
    "goal-no-who",
    "info",
    "A long-term goal that names no people (`who:`)",
    "Add `who: [bankers]`: the networks, #tags or [[contacts]] the goal needs.",
)
def goal_no_who(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: "the what determines the who, the who determines the where". A long-term
    goal is reached through people: name them, and the events you choose can follow
    them (E003) and the report can show how many of them you are in touch with.
    A `measure` naming a network or a tag says whom the goal is about already; a
    milestone takes its long-term goal's people.

    Fix: add `who:` with network names, `#tags` or contact links.

    Example:
        goal: Publish 30 guest posts     # G011 long-term goal names no people
        who: [bloggers]                  # fixed
    """
    for goal in analysis.in_focus(analysis.model.goals):
        if goal.horizon != "long" or not goal.active or goal.every:
            continue
        if goal.measure and (goal.measure.network or goal.measure.tag):
            continue
        if analysis.derived.who.get(goal.path):  # derived for every goal, when first asked
            continue
        line, col = goal.statement_at
        yield Finding(
            goal.path,
            line,
            col,
            "long-term goal names no people: add `who:` (networks, #tags or [[contacts]])",
        )


PACE_FACTOR = option(
    "pace_factor",
    "number",
    "How many times its recent pace a goal may need before it is unrealistic (G012).",
)


@rule(
    "G012",
    "goal-pace-unrealistic",
    "info",
    "A goal needs a pace far above what the vault shows lately",
    "Plan how to speed up (events, a milestone), or move the deadline or target on purpose.",
    options=(PACE_FACTOR,),
)
def goal_pace_unrealistic(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: a goal is only a plan if it can be reached. For a goal with a `measure`, a
    target and a deadline, mdnet compares the weekly pace it needs from today to the
    deadline with the weekly pace the same measure shows over the last 90 days; when
    the need is more than `pace_factor` (default 3) times what you did lately, the goal
    needs a new plan, not more hope. Recurring goals and goals already reached are not
    checked, nor `measure: {count: contacts}` without `new` (people in touch, not a rate).

    Fix: plan the extra effort (an event, a milestone), or change the goal on purpose.

    Example:
        Goals/Know 8 bankers.md:3:7: G012 needs 2.5 bankers a week to reach 8 by
        2026-12-31; you did 0.4 a week over the last 90 days
    """
    if not analysis.reports_on(analysis.model.goals):
        return
    factor = analysis.config.pace_factor
    today = analysis.today
    index = analysis.goal_index
    for state in analysis.goal_states().values():
        goal = state.goal
        if (
            goal.measure is None
            or goal.every
            or not goal.active
            or not goal.target
            or goal.deadline is None
            or goal.deadline <= today
            or state.state == "achieved"
        ):
            continue
        recent = progress.measured_between(goal, index, today - timedelta(days=89), today)
        if recent is None:
            continue
        weeks = (goal.deadline - today).days / 7
        needed = (goal.target - state.progress) / weeks
        lately = recent / (90 / 7)
        if needed <= 0 or needed <= factor * lately:
            continue
        unit = goal.unit or goal.measure.count
        line, col = goal.statement_at
        yield Finding(
            goal.path,
            line,
            col,
            f"needs {needed:.1f} {unit} a week to reach {count_text(goal.target)} by "
            f"{goal.deadline}; you did {lately:.1f} a week over the last 90 days",
        )
